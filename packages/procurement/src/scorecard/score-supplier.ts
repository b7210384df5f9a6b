import { parseInput } from '@s2b2b/core';
import { addPeriods, periodStart, periodsBetween } from '../common/periods.js';
import { DEFAULT_CRITERIA, scoreCriterion } from './criteria.js';
import { decayWeight } from './decay.js';
import { type DeliveryKpis, measure } from './kpis.js';
import { type Criterion, type Kpi, type ScoreSupplierInput, scoreSupplierSchema } from './schemas.js';
import { DEFAULT_STANDINGS, findStanding, type StandingResult } from './standings.js';

/**
 * One period of a scorecard.
 *
 * @example
 * const { start, back, weight, score }: ScorecardPeriod = card.periods[0]!;
 */
export interface ScorecardPeriod {
  /** The period's start (in the zone), as a UTC instant. */
  start: Date;
  /** 0 for the period containing `asOf`, 1 for the one before, ... */
  back: number;
  /** Its decay weight. */
  weight: number;
  kpis: DeliveryKpis;
  /** Each criterion's score (0-100), `null` when its KPI had no data. */
  criteria: { criterionId: string; kpi: Kpi; value: number | null; score: number | null }[];
  /** The weighted criteria score (weights of criteria with data renormalised), `null` without data. */
  score: number | null;
}

/**
 * A supplier's scorecard.
 *
 * @example
 * const { score, standing, blocksAwards }: Scorecard = scoreSupplier(input);
 */
export interface Scorecard {
  supplierId: string;
  asOf: Date;
  /** Σ weight × period score / Σ weight over scored periods, rounded to 0.1; `null`: nothing to score. */
  score: number | null;
  standing: StandingResult | null;
  /** Whether the standing is the lowest (which blocks awards); `false` when unscored. */
  blocksAwards: boolean;
  periods: ScorecardPeriod[];
  /** The measures over the whole window, unweighted. */
  kpis: DeliveryKpis;
}

/**
 * Scores a supplier from its delivery records and quality returns, ERPNext-style: the window is
 * the last `periods` periods up to the one containing `asOf`; each period's records (deliveries
 * by `promisedAt`, returns by `at`) give its KPIs (`deliveryKpis`), each criterion scores its
 * KPI from 0 (`worst`) to 100 (`best`), the period score is the weighted mean (weights sum to
 * 100; criteria without data drop out and the rest are renormalised), and the overall score is
 * the decay-weighted mean of the periods that have a score, rounded to 0.1. The standing is the
 * one the score falls in (`standingFor`); the lowest blocks awards.
 *
 * Pure: `asOf` is an input; records after it are ignored.
 *
 * @throws ValidationError on the input (criteria weights not summing to 100, standings with a
 *   gap or an overlap, ...)
 * @example
 * const card = scoreSupplier({ supplierId: 'SUP-1', asOf: '2026-03-31T00:00:00+08:00', deliveries, returns });
 * card.standing?.name // 'Excellent'
 */
export function scoreSupplier(input: ScoreSupplierInput): Scorecard {
  const parsed = parseInput(scoreSupplierSchema, input);
  const criteria: readonly Criterion[] = parsed.criteria ?? DEFAULT_CRITERIA;
  const standings = parsed.standings ?? DEFAULT_STANDINGS;
  const { asOf, period, zone } = parsed;
  const current = periodStart(asOf, period, zone);
  const first = addPeriods(current, period, -(parsed.periods - 1), zone);
  const inWindow = (at: Date) => at.getTime() >= first.getTime() && at.getTime() <= asOf.getTime();
  const deliveries = parsed.deliveries.filter((record) => inWindow(record.promisedAt));
  const returns = parsed.returns.filter((record) => inWindow(record.at));

  const periods: ScorecardPeriod[] = [];
  for (let back = parsed.periods - 1; back >= 0; back--) {
    const start = addPeriods(current, period, -back, zone);
    const ofPeriod = (at: Date) => periodsBetween(at, asOf, period, zone) === back;
    const kpis = measure(
      deliveries.filter((record) => ofPeriod(record.promisedAt)),
      returns.filter((record) => ofPeriod(record.at)),
      asOf,
      parsed.onTimeToleranceHours,
      parsed.benchmarks,
    );
    const scored = criteria.map((criterion) => {
      const value = kpiValue(kpis, criterion.kpi);
      return {
        criterionId: criterion.criterionId,
        kpi: criterion.kpi,
        value,
        score: scoreCriterion(criterion, value),
      };
    });
    let weighted = 0;
    let weights = 0;
    scored.forEach((entry, index) => {
      if (entry.score === null) return;
      weighted += entry.score * criteria[index]!.weight;
      weights += criteria[index]!.weight;
    });
    periods.push({
      start,
      back,
      weight: decayWeight(parsed.decay, back),
      kpis,
      criteria: scored,
      score: weights > 0 ? weighted / weights : null,
    });
  }
  let total = 0;
  let weight = 0;
  for (const p of periods) {
    if (p.score === null || p.weight === 0) continue;
    total += p.weight * p.score;
    weight += p.weight;
  }
  const score = weight > 0 ? Math.round((10 * total) / weight) / 10 : null;
  const standing = score === null ? null : findStanding(score, standings);
  return {
    supplierId: parsed.supplierId,
    asOf,
    score,
    standing,
    blocksAwards: standing?.blocksAwards ?? false,
    periods,
    kpis: measure(deliveries, returns, asOf, parsed.onTimeToleranceHours, parsed.benchmarks),
  };
}

/**
 * The value of one KPI.
 *
 * @example
 * kpiValue(kpis, 'lead-time-cv') // kpis.leadTime?.cv ?? null
 */
export function kpiValue(kpis: DeliveryKpis, kpi: Kpi): number | null {
  switch (kpi) {
    case 'on-time':
      return kpis.onTime;
    case 'in-full':
      return kpis.inFull;
    case 'otif':
      return kpis.otif;
    case 'fill-rate':
      return kpis.fillRate;
    case 'defect-rate':
      return kpis.defectRate;
    case 'ppm':
      return kpis.ppm;
    case 'lead-time-cv':
      return kpis.leadTime?.cv ?? null;
    case 'lead-time-variance':
      return kpis.leadTime?.variance ?? null;
    case 'price-index':
      return kpis.priceIndex;
  }
}
