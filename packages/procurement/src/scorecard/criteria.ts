import type { Criterion } from './schemas.js';

/**
 * A criterion's score of a KPI value: 0 at `worst`, 100 at `best`, linear between and clamped
 * outside; `null` when the KPI has no value (no data in the period).
 *
 * @example
 * scoreCriterion({ criterionId: 'otif', kpi: 'otif', weight: 40, worst: 80, best: 100 }, 95) // 75
 * scoreCriterion({ criterionId: 'q', kpi: 'ppm', weight: 20, worst: 10000, best: 0 }, 2500) // 75
 */
export function scoreCriterion(criterion: Criterion, value: number | null): number | null {
  if (value === null) return null;
  const t = (value - criterion.worst) / (criterion.best - criterion.worst);
  return 100 * Math.max(0, Math.min(1, t));
}

/**
 * The default criteria (weights sum to 100): OTIF 40 (80 % → 0, 100 % → 100), fill rate 20
 * (90 → 100 %), quality 20 (10,000 PPM — 1 % defects — → 0 PPM), lead-time consistency 10 (CV 0.5
 * → 0), price 10 (index 110 → 90). Configuration, not a standard: no authoritative weighting
 * exists; replace them with the platform's.
 *
 * @example
 * DEFAULT_CRITERIA.reduce((sum, c) => sum + c.weight, 0) // 100
 */
export const DEFAULT_CRITERIA: readonly Criterion[] = Object.freeze([
  { criterionId: 'delivery', kpi: 'otif', weight: 40, worst: 80, best: 100 },
  { criterionId: 'fill', kpi: 'fill-rate', weight: 20, worst: 90, best: 100 },
  { criterionId: 'quality', kpi: 'ppm', weight: 20, worst: 10_000, best: 0 },
  { criterionId: 'consistency', kpi: 'lead-time-cv', weight: 10, worst: 0.5, best: 0 },
  { criterionId: 'price', kpi: 'price-index', weight: 10, worst: 110, best: 90 },
]);
