/** Symmetric mean absolute percentage error, as defined by the M4 competition. */
import { assertSameLength, assertVector, type NumericVector } from './vector.js';

/**
 * sMAPE of one forecast: the mean over the horizon of `200·|y − f| / (|y| + |f|)`, in percent,
 * always within [0, 200] (M4 `Benchmarks and Evaluation.R`). A step where both the actual and the
 * forecast are 0 counts as 0 (a perfect forecast), where M4's script would give NaN.
 * Competition totals are the mean of this value over series.
 *
 * Throws `ValidationError` on `actual` / `forecast` when either is empty, holds a non-finite
 * value, or the lengths differ.
 *
 * @example
 * smape([100, 200], [110, 180]) // (200·10/210 + 200·20/380) / 2 ≈ 10.0251
 * smape([0, 0], [0, 0]) // 0
 */
export function smape(actual: NumericVector, forecast: NumericVector): number {
  assertVector(actual, 'actual');
  assertVector(forecast, 'forecast');
  assertSameLength(forecast, 'forecast', actual, 'actual');
  let sum = 0;
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i]!;
    const f = forecast[i]!;
    const denominator = Math.abs(y) + Math.abs(f);
    if (denominator > 0) sum += (200 * Math.abs(y - f)) / denominator;
  }
  return sum / actual.length;
}
