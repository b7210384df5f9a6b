/**
 * Building blocks shared by the intermittent-demand methods, following the M5 benchmark code
 * (Mcompetitions/M5-methods `validation/Point Forecasts - Benchmarks.R`):
 *
 * - the series is used **from its first non-zero demand on** (leading zeros = item not yet active);
 * - demand sizes `z` are the non-zero values, intervals `p` the gaps between consecutive non-zero
 *   periods, the first interval being 1 (the trimmed series starts with a demand);
 * - SES is initialised with the first value, `l_1 = x_1`, `l_{t+1} = α x_t + (1 − α) l_t`; the
 *   fitted values are `l_1..l_n`, the in-sample MSE is `mean((l_t − x_t)²)` over all n points and the
 *   forecast is `l_{n+1}`;
 * - "optimised" SES picks α in [0.1, 0.3] minimising that MSE.
 */
import { ValidationError } from '@s2b2b/core';
import { goldenSection } from '../models/optimize.js';
import { validateHorizon, validateInRange, validateSeries } from '../models/validate.js';

/** Lower bound of the M5 benchmarks' optimised smoothing weights. */
export const M5_ALPHA_LOWER = 0.1;
/** Upper bound of the M5 benchmarks' optimised smoothing weights. */
export const M5_ALPHA_UPPER = 0.3;

/**
 * Throws `ValidationError` unless `y` is a non-empty array of finite numbers ≥ 0 (demand) and
 * `horizon` an integer ≥ 1. The issue path names `y` (with the index) or `horizon`.
 */
export function validateDemand(y: readonly number[], horizon: number, model: string): void {
  validateSeries(y, 1, model);
  const negative = y.findIndex((v) => v < 0);
  if (negative >= 0) throw ValidationError.field(['y', negative], `demand must be >= 0, got ${y[negative]}`);
  validateHorizon(horizon);
}

/** Throws `ValidationError` naming `path` unless `value` is undefined or a number in [lo, hi]. */
export function validateOptionalRange(path: string, value: number | undefined, lo: number, hi: number): void {
  if (value !== undefined) validateInRange(path, value, lo, hi);
}

/** Index of the first non-zero value, or -1 for an all-zero series. */
export function firstDemandIndex(y: readonly number[]): number {
  for (let i = 0; i < y.length; i++) if (y[i] !== 0) return i;
  return -1;
}

/** Non-zero sizes and inter-demand intervals of a series, leading zeros ignored. */
export type DemandParts = {
  /** Index of the first non-zero value in the original series (-1 when all zero). */
  start: number;
  /** Positions (in the original series) of the non-zero values. */
  positions: number[];
  /** Non-zero sizes z. */
  sizes: number[];
  /** Intervals p: 1 for the first demand, then the differences of consecutive positions. */
  intervals: number[];
};

/**
 * Splits a series into demand sizes and intervals (the M5 `demand()` / `intervals()` on the series
 * trimmed at its first non-zero value).
 *
 * @example
 * demandParts([0, 0, 3, 0, 0, 0, 5, 0, 2]) // sizes [3, 5, 2], intervals [1, 4, 2], start 2
 */
export function demandParts(y: readonly number[]): DemandParts {
  const positions: number[] = [];
  const sizes: number[] = [];
  const intervals: number[] = [];
  for (let i = 0; i < y.length; i++) {
    const v = y[i] as number;
    if (v === 0) continue;
    const previous = positions[positions.length - 1];
    intervals.push(previous === undefined ? 1 : i - previous);
    positions.push(i);
    sizes.push(v);
  }
  return { start: positions[0] ?? -1, positions, sizes, intervals };
}

/** Result of {@link sesM5}. */
export type SesM5 = {
  /** The one-step forecast after the last value, `l_{n+1}`. */
  forecast: number;
  /** `l_1..l_n` (`l_1 = x_1`). */
  levels: number[];
  /** `mean((l_t − x_t)²)` over t = 1..n. */
  mse: number;
};

/**
 * SES as the M5 benchmark code runs it (initial level = first value, MSE over all points).
 *
 * @example
 * sesM5([3, 5, 2], 0.1) // levels [3, 3, 3.2], forecast 3.08
 */
export function sesM5(x: readonly number[], alpha: number): SesM5 {
  const levels: number[] = [];
  let level = x[0] ?? 0;
  let sse = 0;
  for (const v of x) {
    levels.push(level);
    const e = v - level;
    sse += e * e;
    level = alpha * v + (1 - alpha) * level;
  }
  return { forecast: level, levels, mse: x.length > 0 ? sse / x.length : 0 };
}

/**
 * SES with α minimising the in-sample MSE over `[lower, upper]` (golden-section search; the M5 code
 * uses L-BFGS-B on the same bounds). Returns the fit and the chosen α.
 *
 * @example
 * optimizedSesM5([4, 0, 8, 0, 4]).alpha // a weight in [0.1, 0.3]
 */
export function optimizedSesM5(
  x: readonly number[],
  lower = M5_ALPHA_LOWER,
  upper = M5_ALPHA_UPPER,
): SesM5 & { alpha: number } {
  if (lower === upper) return { ...sesM5(x, lower), alpha: lower };
  const best = goldenSection((a) => sesM5(x, a).mse, lower, upper, { tol: 1e-7 });
  const alpha = best.x[0] as number;
  return { ...sesM5(x, alpha), alpha };
}

/**
 * Rounds half to even, as R `round(x, 0)` and Python `round` do (the M5 code and statsforecast use
 * them for the aggregation level): 1.5 → 2, 2.5 → 2.
 *
 * @example
 * roundHalfEven(2.5) // 2
 */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * Sums of non-overlapping buckets of `level` periods, aligned on the **end** of the series (the
 * leading `length % level` values are dropped), as the M5 ADIDA / iMAPA code.
 *
 * @example
 * bucketSums([1, 2, 3, 4, 5], 2) // [5, 9]
 */
export function bucketSums(x: readonly number[], level: number): number[] {
  const buckets = Math.floor(x.length / level);
  const offset = x.length - buckets * level;
  const out = new Array<number>(buckets).fill(0);
  for (let i = offset; i < x.length; i++) {
    const b = Math.floor((i - offset) / level);
    out[b] = (out[b] as number) + (x[i] as number);
  }
  return out;
}

/** A flat forecast of `horizon` copies of `value`. */
export function flat(value: number, horizon: number): number[] {
  return new Array<number>(horizon).fill(value);
}
