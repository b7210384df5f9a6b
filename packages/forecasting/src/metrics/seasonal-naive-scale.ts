/**
 * The M4 scale shared by MASE and MSIS: the in-sample mean absolute error of the seasonal
 * naive forecast, `mean_{t>m} |y_t − y_{t−m}|`.
 */
import { ValidationError } from '@s2b2b/core';
import { assertSeasonLength, assertVector, type NumericVector } from './vector.js';

/**
 * Mean absolute seasonal difference of the in-sample series, the MASE / MSIS denominator of the
 * M4 evaluation script (`mean(abs(insample[(m+1):n] - insample[1:(n-m)]))`). Needs more than
 * `seasonLength` observations; throws `ValidationError` on `insample` otherwise.
 *
 * @example
 * seasonalNaiveScale([1, 3, 2, 6], 1) // (2 + 1 + 4) / 3 = 7/3
 * seasonalNaiveScale([1, 3, 2, 6], 2) // (1 + 3) / 2 = 2
 */
export function seasonalNaiveScale(insample: NumericVector, seasonLength: number): number {
  assertVector(insample, 'insample');
  assertSeasonLength(seasonLength);
  const n = insample.length;
  if (n <= seasonLength) {
    throw ValidationError.field(
      'insample',
      `Expected more than seasonLength (${seasonLength}) observations, got ${n}`,
      'too_small',
    );
  }
  let sum = 0;
  for (let t = seasonLength; t < n; t++) sum += Math.abs(insample[t]! - insample[t - seasonLength]!);
  return sum / (n - seasonLength);
}
