import { naive } from './naive.js';
import type { ModelFit } from './types.js';
import { residualsOf, validateHorizon, validateSeasonLength, validateSeries } from './validate.js';

/** Options of {@link seasonalNaive}. */
export type SeasonalNaiveOptions = {
  /** Observations per seasonal cycle (integer >= 1). */
  seasonLength: number;
};

/**
 * Seasonal naive forecast: step h repeats the observation one season before it,
 * `y[n - m + ((h - 1) mod m)]`. Falls back to {@link naive} when the series is shorter than one season
 * (`params.fallback = 1`). Fitted values are `y[t - m]` (`NaN` for `t < m`).
 *
 * @example
 * seasonalNaive([1, 2, 3, 4, 5, 6], 3, { seasonLength: 4 }).mean // [3, 4, 5]
 */
export function seasonalNaive(
  y: readonly number[],
  horizon: number,
  options: SeasonalNaiveOptions,
): ModelFit {
  validateSeries(y, 1, 'seasonalNaive');
  validateHorizon(horizon);
  const m = options?.seasonLength;
  validateSeasonLength(m as number);
  const n = y.length;
  if (n < m) {
    const fit = naive(y, horizon);
    return { ...fit, params: { seasonLength: m, fallback: 1 } };
  }
  const mean: number[] = [];
  for (let h = 1; h <= horizon; h++) mean.push(y[n - m + ((h - 1) % m)] as number);
  const fitted = y.map((_, t) => (t < m ? Number.NaN : (y[t - m] as number)));
  return { mean, fitted, residuals: residualsOf(y, fitted), params: { seasonLength: m, fallback: 0 } };
}
