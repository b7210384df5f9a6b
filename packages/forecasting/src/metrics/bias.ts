/** Forecast bias: does the forecast run high or low? */
import { assertSameLength, assertVector, type NumericVector, safeRatio } from './vector.js';

/**
 * Mean of `forecast − actual` over the horizon, in the units of the series. **Positive means
 * over-forecasting** (too much stock), negative under-forecasting. Note the sign is the opposite
 * of R `forecast::accuracy`'s ME (`actual − forecast`).
 *
 * Throws `ValidationError` on `actual` / `forecast` when either is empty, holds a non-finite
 * value, or the lengths differ.
 *
 * @example
 * bias([10, 20, 30], [12, 21, 24]) // (2 + 1 − 6) / 3 = −1
 */
export function bias(actual: NumericVector, forecast: NumericVector): number {
  assertVector(actual, 'actual');
  assertVector(forecast, 'forecast');
  assertSameLength(forecast, 'forecast', actual, 'actual');
  let sum = 0;
  for (let i = 0; i < actual.length; i++) sum += forecast[i]! - actual[i]!;
  return sum / actual.length;
}

/**
 * Relative bias Σ(f − y) / Σ|y|, a signed **fraction** (0.05 = forecasts 5 % too high in total).
 * Comparable across series of different scale; if all actuals are 0 it is 0 for a perfect
 * forecast and ±`Infinity` otherwise.
 *
 * Throws `ValidationError` on `actual` / `forecast` when either is empty, holds a non-finite
 * value, or the lengths differ.
 *
 * @example
 * relativeBias([10, 20, 30], [12, 21, 24]) // −3 / 60 = −0.05
 */
export function relativeBias(actual: NumericVector, forecast: NumericVector): number {
  assertVector(actual, 'actual');
  assertVector(forecast, 'forecast');
  assertSameLength(forecast, 'forecast', actual, 'actual');
  let errors = 0;
  let total = 0;
  for (let i = 0; i < actual.length; i++) {
    errors += forecast[i]! - actual[i]!;
    total += Math.abs(actual[i]!);
  }
  return errors < 0 ? -safeRatio(-errors, total) : safeRatio(errors, total);
}
