/** Pinball (quantile) loss of a quantile forecast. */
import { ValidationError } from '@s2b2b/core';
import { assertSameLength, assertVector, type NumericVector } from './vector.js';

/**
 * Mean over the horizon of the pinball loss at quantile `q`:
 * `q·(y − f)` when `y ≥ f`, `(1 − q)·(f − y)` otherwise. Always ≥ 0, in the units of the series
 * (M5's SPL divides it by the RMSSE-style scale; at q = 0.5 it is half the MAE).
 *
 * Throws `ValidationError` on `actual` / `quantileForecast` when either is empty, holds a
 * non-finite value, or the lengths differ, and on `q` outside [0, 1].
 *
 * @example
 * // q = 0.9: under-forecast by 10 → 9; over-forecast by 10 → 1; mean 5
 * pinballLoss([100, 100], [90, 110], 0.9) // 5
 */
export function pinballLoss(actual: NumericVector, quantileForecast: NumericVector, q: number): number {
  assertVector(actual, 'actual');
  assertVector(quantileForecast, 'quantileForecast');
  assertSameLength(quantileForecast, 'quantileForecast', actual, 'actual');
  if (typeof q !== 'number' || !(q >= 0 && q <= 1)) {
    throw ValidationError.field('q', 'Expected a quantile level in [0, 1]');
  }
  let sum = 0;
  for (let i = 0; i < actual.length; i++) {
    const e = actual[i]! - quantileForecast[i]!;
    sum += e >= 0 ? q * e : (q - 1) * e;
  }
  return sum / actual.length;
}
