import { parseInput, ValidationError } from '@s2b2b/core';
import type { z } from 'zod';
import { normalQuantile } from './normal.js';
import {
  type DemandEstimate,
  demandEstimateSchema,
  type LeadTimeDemandInput,
  leadTimeDemandInputSchema,
  type leadTimeSchema,
} from './schemas.js';

/**
 * Demand per period read as a mean and a standard deviation, and which form it came from.
 *
 * @example
 * const m: DemandMoments = { mean: 50, sd: 5, source: 'moments' }
 */
export interface DemandMoments {
  mean: number;
  sd: number;
  source: 'moments' | 'sample' | 'quantiles';
}

/**
 * Demand over the protection interval (lead time, plus the review period under periodic review):
 * its mean and standard deviation, and the interval's mean length in periods.
 *
 * @example
 * const ltd: LeadTimeDemand = { mean: 300, sd: 12.247448713915889, periods: 6, demand: { mean: 50, sd: 5, source: 'moments' } }
 */
export interface LeadTimeDemand {
  /** d̄·(L̄ + R). */
  mean: number;
  /** √((L̄ + R)·σ_d² + d̄²·σ_L²). */
  sd: number;
  /** L̄ + R. */
  periods: number;
  /** The demand per period it was built from. */
  demand: DemandMoments;
}

/**
 * Reads a demand estimate as mean and standard deviation: `{ mean, sd }` as given; a sample as
 * its mean and sample standard deviation (n − 1, two-pass); quantiles as the least-squares normal
 * fit value = mean + sd·Φ⁻¹(p). Throws `ValidationError` on a bad estimate, and on `quantiles`
 * whose values fall as p rises (code `not_increasing`).
 *
 * @example
 * demandMoments({ sample: [48, 52, 50, 55, 45] }) // { mean: 50, sd: 3.807…, source: 'sample' }
 * demandMoments({ quantiles: [{ p: 0.5, value: 50 }, { p: 0.9, value: 56.41} ] }).sd // ≈ 5
 */
export function demandMoments(estimate: DemandEstimate): DemandMoments {
  return momentsOf(parseInput(demandEstimateSchema, estimate, 'demand'));
}

/** `demandMoments` on a parsed estimate. Internal. */
export function momentsOf(estimate: z.output<typeof demandEstimateSchema>, path = 'demand'): DemandMoments {
  if ('sd' in estimate) return { mean: estimate.mean, sd: estimate.sd, source: 'moments' };
  if ('sample' in estimate) {
    const xs = estimate.sample;
    let sum = 0;
    for (const x of xs) sum += x;
    const mean = sum / xs.length;
    let ss = 0;
    for (const x of xs) ss += (x - mean) * (x - mean);
    return { mean, sd: Math.sqrt(ss / (xs.length - 1)), source: 'sample' };
  }
  const points = estimate.quantiles.map((q) => ({ z: normalQuantile(q.p), value: q.value }));
  const sorted = [...points].sort((a, b) => a.z - b.z);
  for (let i = 1; i < sorted.length; i++) {
    if ((sorted[i] as { value: number }).value < (sorted[i - 1] as { value: number }).value) {
      throw ValidationError.field(
        [path, 'quantiles'],
        'Quantile values must not fall as p rises',
        'not_increasing',
      );
    }
  }
  const n = points.length;
  let zMean = 0;
  let vMean = 0;
  for (const p of points) {
    zMean += p.z / n;
    vMean += p.value / n;
  }
  let szz = 0;
  let szv = 0;
  for (const p of points) {
    szz += (p.z - zMean) * (p.z - zMean);
    szv += (p.z - zMean) * (p.value - vMean);
  }
  if (szz === 0) {
    throw ValidationError.field([path, 'quantiles'], 'Need quantiles at two different levels p', 'too_small');
  }
  const sd = Math.max(0, szv / szz);
  return { mean: Math.max(0, vMean - sd * zMean), sd, source: 'quantiles' };
}

/** Lead time as mean and spread. Internal. */
export function leadTimeOf(leadTime: z.output<typeof leadTimeSchema>): { mean: number; sd: number } {
  return typeof leadTime === 'number' ? { mean: leadTime, sd: 0 } : leadTime;
}

/**
 * Demand over the protection interval T = L̄ + R (lead time plus review period): mean d̄·T and
 * standard deviation √(T·σ_d² + d̄²·σ_L²) — demand independent from period to period and of the
 * lead time. With a fixed lead time this is σ_d·√T. Throws `ValidationError` naming the field.
 *
 * @example
 * leadTimeDemand({ demand: { mean: 50, sd: 5 }, leadTime: 6 }).sd // 12.247448713915889 (5·√6)
 * leadTimeDemand({ demand: { mean: 50, sd: 5 }, leadTime: { mean: 6, sd: 2 } }).sd // 100.74720839804942
 */
export function leadTimeDemand(input: LeadTimeDemandInput): LeadTimeDemand {
  const parsed = parseInput(leadTimeDemandInputSchema, input);
  return protectionDemand(momentsOf(parsed.demand), leadTimeOf(parsed.leadTime), parsed.reviewPeriod);
}

/** Lead-time demand from parsed parts. Internal. */
export function protectionDemand(
  demand: DemandMoments,
  leadTime: { mean: number; sd: number },
  reviewPeriod: number,
): LeadTimeDemand {
  const periods = leadTime.mean + reviewPeriod;
  const variance = periods * demand.sd * demand.sd + demand.mean * demand.mean * leadTime.sd * leadTime.sd;
  return { mean: demand.mean * periods, sd: Math.sqrt(variance), periods, demand };
}
