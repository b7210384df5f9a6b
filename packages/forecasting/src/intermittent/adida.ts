import { ValidationError } from '@s2b2b/core';
import type { ModelFit } from '../models/types.js';
import {
  bucketSums,
  demandParts,
  flat,
  M5_ALPHA_LOWER,
  M5_ALPHA_UPPER,
  optimizedSesM5,
  roundHalfEven,
  validateDemand,
} from './shared.js';

/** Options of {@link adida}. */
export type AdidaOptions = {
  /** Fix the aggregation level (an integer ≥ 1) instead of the rounded mean inter-demand interval. */
  aggregationLevel?: number;
};

/**
 * Mean inter-demand interval of a series from its first non-zero demand (first interval 1), or
 * `NaN` for an all-zero series.
 *
 * @example
 * meanInterDemandInterval([0, 0, 3, 0, 0, 0, 5, 0, 2]) // (1 + 4 + 2) / 3 = 7/3
 */
export function meanInterDemandInterval(y: readonly number[]): number {
  const { intervals } = demandParts(y);
  if (intervals.length === 0) return Number.NaN;
  let sum = 0;
  for (const p of intervals) sum += p;
  return sum / intervals.length;
}

/**
 * The ADIDA / iMAPA forecast at one aggregation level: non-overlapping bucket sums of `level`
 * periods aligned on the end of `x` (leading remainder dropped), SES with α ∈ [0.1, 0.3] by MSE on
 * the sums, forecast ÷ level.
 */
export function aggregateForecast(x: readonly number[], level: number): { value: number; alpha: number } {
  const sums = bucketSums(x, level);
  const fit = optimizedSesM5(sums, M5_ALPHA_LOWER, M5_ALPHA_UPPER);
  return { value: fit.forecast / level, alpha: fit.alpha };
}

/**
 * ADIDA (aggregate–disaggregate intermittent demand approach, Nikolopoulos et al. 2011) as the M5
 * benchmark: from the first non-zero demand on, aggregate into non-overlapping buckets of
 * `round(mean inter-demand interval)` periods (half to even, buckets aligned on the last
 * observation), forecast the bucket sums with SES (α ∈ [0.1, 0.3] by in-sample MSE, initial level =
 * first sum), and spread the bucket forecast evenly (÷ level) over every future period.
 * An all-zero series forecasts 0. No fitted values.
 *
 * Throws `ValidationError` on `y`, `horizon` or `aggregationLevel`.
 *
 * @example
 * // from the first demand: [3, 0, 0, 0, 5, 0, 2]; mean interval 7/3 → level 2
 * // buckets (first value dropped) [0, 5, 2] → SES forecast ÷ 2
 * adida([0, 0, 3, 0, 0, 0, 5, 0, 2], 2).params.aggregationLevel // 2
 */
export function adida(y: readonly number[], horizon: number, options: AdidaOptions = {}): ModelFit {
  validateDemand(y, horizon, 'adida');
  validateLevel('aggregationLevel', options.aggregationLevel);
  const { start } = demandParts(y);
  if (start < 0)
    return { mean: flat(0, horizon), params: { aggregationLevel: Number.NaN, alpha: Number.NaN } };
  const x = y.slice(start);
  const level = Math.min(options.aggregationLevel ?? roundHalfEven(meanInterDemandInterval(x)), x.length);
  const f = aggregateForecast(x, level);
  return { mean: flat(f.value, horizon), params: { aggregationLevel: level, alpha: f.alpha } };
}

/** Throws `ValidationError` naming `path` unless `value` is undefined or an integer ≥ 1. */
export function validateLevel(path: string, value: number | undefined): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw ValidationError.field(path, `must be an integer >= 1, got ${String(value)}`);
  }
}
