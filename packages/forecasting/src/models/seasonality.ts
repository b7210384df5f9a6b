import { ValidationError } from '@s2b2b/core';
import { validateSeasonLength, validateSeries } from './validate.js';

/** The 90 % one-sided normal quantile the M4 seasonality test uses. */
const T_CRIT = 1.645;

/**
 * Sample autocorrelation at `lag`, as R `acf` and the M4 `acf` helper compute it:
 * `sum_{t>=lag} (y_t - ybar)(y_{t-lag} - ybar) / sum_t (y_t - ybar)^2`.
 * Returns 0 for a constant series (zero variance) instead of dividing by zero.
 *
 * @example
 * autocorrelation([1, 2, 3, 4], 1) // 0.25
 */
export function autocorrelation(y: readonly number[], lag: number): number {
  const n = y.length;
  let mean = 0;
  for (const v of y) mean += v;
  mean /= n;
  let den = 0;
  for (const v of y) den += (v - mean) * (v - mean);
  if (!(den > 0)) return 0;
  let num = 0;
  for (let t = lag; t < n; t++) num += ((y[t] as number) - mean) * ((y[t - lag] as number) - mean);
  return num / den;
}

/**
 * The M4 benchmark seasonality test (`SeasonalityTest` in Mcompetitions/M4-methods `Benchmarks and Evaluation.R`):
 * seasonal when `m > 1`, `n >= 3m` and `|r_m| > 1.645 * sqrt((1 + 2 * sum_{k=1}^{m-1} r_k^2) / n)`.
 * A constant series is never seasonal.
 *
 * Deviations, both irrelevant for the M3/M4 frequencies: R's `acf` stops at lag `floor(10 log10 n)` (the R code then
 * says "not seasonal" for larger m); the Python port squares every r_k except r_1. We follow the formula.
 *
 * @example
 * seasonalityTest([10, 20, 30, 40, 10, 20, 30, 40, 10, 20, 30, 40], 4) // true
 */
export function seasonalityTest(y: readonly number[], seasonLength: number): boolean {
  validateSeries(y, 0, 'seasonalityTest');
  validateSeasonLength(seasonLength);
  const m = seasonLength;
  const n = y.length;
  if (m <= 1 || n < 3 * m) return false;
  let sumSq = 0;
  for (let k = 1; k < m; k++) sumSq += autocorrelation(y, k) ** 2;
  const limit = T_CRIT * Math.sqrt((1 + 2 * sumSq) / n);
  return Math.abs(autocorrelation(y, m)) > limit;
}

/**
 * Centred moving average of order m (a 2×m MA for even m, weights `[0.5, 1, ..., 1, 0.5] / m`), as R `decompose`.
 * `NaN` where the window does not fit (the first and last `floor(m / 2)` positions).
 *
 * @example
 * centredMovingAverage([1, 2, 3, 4, 5], 3) // [NaN, 2, 3, 4, NaN]
 */
export function centredMovingAverage(y: readonly number[], m: number): number[] {
  const n = y.length;
  const half = Math.floor(m / 2);
  const even = m % 2 === 0;
  const out = new Array<number>(n).fill(Number.NaN);
  for (let t = half; t < n - half; t++) {
    let s = 0;
    for (let j = -half; j <= half; j++) {
      const w = even && (j === -half || j === half) ? 0.5 : 1;
      s += w * (y[t + j] as number);
    }
    out[t] = s / m;
  }
  return out;
}

/**
 * Seasonal indices of the classical multiplicative decomposition (R `decompose(type = "multiplicative")`):
 * ratios `y_t / CMA_t` averaged per season position, then normalised to mean 1. Index `i` belongs to positions
 * `t ≡ i (mod m)` counted from the first observation. Needs `n >= 2m` and positive values.
 *
 * @example
 * seasonalIndices([1, 3, 1, 3, 1, 3], 2) // [0.5, 1.5]
 */
export function seasonalIndices(y: readonly number[], seasonLength: number): number[] {
  validateSeasonLength(seasonLength);
  const m = seasonLength;
  validateSeries(y, 2 * m, 'seasonalIndices');
  if (y.some((v) => v <= 0)) {
    throw ValidationError.field('y', 'multiplicative decomposition needs positive values');
  }
  if (m === 1) return [1];
  const trend = centredMovingAverage(y, m);
  const sums = new Array<number>(m).fill(0);
  const counts = new Array<number>(m).fill(0);
  for (let t = 0; t < y.length; t++) {
    const tr = trend[t] as number;
    if (Number.isNaN(tr)) continue;
    sums[t % m] = (sums[t % m] as number) + (y[t] as number) / tr;
    counts[t % m] = (counts[t % m] as number) + 1;
  }
  const raw = sums.map((s, i) => s / (counts[i] as number));
  const mean = raw.reduce((a, b) => a + b, 0) / m;
  return raw.map((r) => r / mean);
}

/** Result of {@link seasonalAdjust}. */
export type SeasonalAdjustment = {
  /** `y_t / indices[t mod m]` (a copy of `y` when not seasonal). */
  adjusted: number[];
  /** One index per season position (all 1 when not seasonal). */
  indices: number[];
  /** Whether the seasonality test passed and the series was adjusted. */
  seasonal: boolean;
};

/**
 * Seasonal adjustment as the M4 benchmarks do it: when {@link seasonalityTest} passes (m > 1, n >= 3m), divide by the
 * multiplicative {@link seasonalIndices}; otherwise leave `y` as is with indices 1. Series with a value <= 0 are left
 * unadjusted (multiplicative indices are undefined there; M4 data is positive).
 *
 * @example
 * seasonalAdjust([10, 20, 30, 40, 10, 20, 30, 40, 10, 20, 30, 40], 4).indices // [0.4, 0.8, 1.2, 1.6]
 */
export function seasonalAdjust(y: readonly number[], seasonLength: number): SeasonalAdjustment {
  validateSeries(y, 1, 'seasonalAdjust');
  validateSeasonLength(seasonLength);
  const m = seasonLength;
  if (y.every((v) => v > 0) && seasonalityTest(y, m)) {
    const indices = seasonalIndices(y, m);
    return { adjusted: y.map((v, t) => v / (indices[t % m] as number)), indices, seasonal: true };
  }
  return { adjusted: [...y], indices: new Array<number>(m).fill(1), seasonal: false };
}

/**
 * Multiplies `values` by the seasonal index of their position: `values[i] * indices[(start + i) mod m]`.
 * For forecasts of a series of length n, pass `start = n`.
 *
 * @example
 * reseasonalize([10, 10], [0.5, 1.5], 3) // [15, 5]
 */
export function reseasonalize(
  values: readonly number[],
  indices: readonly number[],
  start: number,
): number[] {
  const m = indices.length;
  return values.map((v, i) => v * (indices[(start + i) % m] as number));
}
