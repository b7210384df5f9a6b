/** Mean scaled interval score, the M4 measure of prediction intervals. */
import { ValidationError } from '@s2b2b/core';
import { assertInterval } from './interval-bounds.js';
import { seasonalNaiveScale } from './seasonal-naive-scale.js';
import type { NumericVector } from './vector.js';
import { safeRatio } from './vector.js';

/**
 * MSIS of one interval forecast (M4, Gneiting & Raftery's interval score scaled like MASE), with
 * `α = 1 − level`:
 * `mean_h [ (U − L) + (2/α)(L − y)·1{y < L} + (2/α)(y − U)·1{y > U} ] / mean_{t>m} |y_t − y_{t−m}|`.
 * `level` is a fraction (0.95 for the M4 95 % intervals).
 *
 * Scale 0: a zero score gives 0, any positive score `Infinity`, as for {@link mase}.
 *
 * Throws `ValidationError` on the offending argument for empty or non-finite vectors, lengths that
 * differ from `actual`, `lower[i] > upper[i]` (on `upper`), `level` outside (0, 1),
 * `seasonLength` not an integer ≥ 1, or an `insample` with no more than `seasonLength` values.
 *
 * @example
 * // α = 0.2 → penalty 2/α = 10; widths 2 + 2, misses: 0 and (13 − 12)·10 = 10 → mean 7
 * // scale (m = 1) of [1, 2, 4]: (1 + 2) / 2 = 1.5 → 7 / 1.5
 * msis([1, 2, 4], [5, 13], [4, 10], [6, 12], 0.8, 1) // ≈ 4.666667
 */
export function msis(
  insample: NumericVector,
  actual: NumericVector,
  lower: NumericVector,
  upper: NumericVector,
  level: number,
  seasonLength: number,
): number {
  assertInterval(actual, lower, upper);
  if (typeof level !== 'number' || !(level > 0 && level < 1)) {
    throw ValidationError.field('level', 'Expected a fraction strictly between 0 and 1 (0.95 for 95 %)');
  }
  const scale = seasonalNaiveScale(insample, seasonLength);
  const penalty = 2 / (1 - level);
  let sum = 0;
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i]!;
    const l = lower[i]!;
    const u = upper[i]!;
    sum += u - l;
    if (y < l) sum += penalty * (l - y);
    else if (y > u) sum += penalty * (y - u);
  }
  return safeRatio(sum / actual.length, scale);
}
