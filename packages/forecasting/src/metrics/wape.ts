/** Weighted absolute percentage error (a.k.a. MAD/mean ratio). */
import { assertSameLength, assertVector, type NumericVector, safeRatio } from './vector.js';

/**
 * WAPE = Σ|y − f| / Σ|y|, as a **fraction** (0.1 = 10 %). Unlike MAPE it stays defined when some
 * actuals are 0; if all actuals are 0 it is 0 for a perfect forecast and `Infinity` otherwise.
 *
 * Throws `ValidationError` on `actual` / `forecast` when either is empty, holds a non-finite
 * value, or the lengths differ.
 *
 * @example
 * wape([10, 0, 30], [12, 1, 27]) // (2 + 1 + 3) / 40 = 0.15
 */
export function wape(actual: NumericVector, forecast: NumericVector): number {
  assertVector(actual, 'actual');
  assertVector(forecast, 'forecast');
  assertSameLength(forecast, 'forecast', actual, 'actual');
  let errors = 0;
  let total = 0;
  for (let i = 0; i < actual.length; i++) {
    errors += Math.abs(actual[i]! - forecast[i]!);
    total += Math.abs(actual[i]!);
  }
  return safeRatio(errors, total);
}
