/** Mean absolute scaled error, as defined by the M4 competition. */
import { seasonalNaiveScale } from './seasonal-naive-scale.js';
import { assertSameLength, assertVector, type NumericVector, safeRatio } from './vector.js';

/**
 * MASE of one forecast: the mean absolute error over the horizon divided by the in-sample mean
 * absolute error of the seasonal naive forecast, `mean_{t>m} |y_t − y_{t−m}|` with
 * `m = seasonLength` (M4: 1 yearly, 4 quarterly, 12 monthly).
 *
 * Scale 0 (an in-sample series that repeats exactly every `m` steps): a perfect forecast gives
 * 0 (0/0 read as 0), any error gives `Infinity` — which is what M4's R script yields for x/0.
 * Filter or count those series before averaging if they can occur in your data.
 *
 * Throws `ValidationError` on the offending argument for empty or non-finite vectors, lengths of
 * `actual`/`forecast` that differ, `seasonLength` not an integer ≥ 1, or an `insample` with no
 * more than `seasonLength` observations.
 *
 * @example
 * // scale: |3−1|, |2−3|, |6−2| → 7/3; MAE: (1 + 1)/2 = 1
 * mase([1, 3, 2, 6], [7, 8], [6, 9], 1) // 1 / (7/3) ≈ 0.428571
 */
export function mase(
  insample: NumericVector,
  actual: NumericVector,
  forecast: NumericVector,
  seasonLength: number,
): number {
  assertVector(actual, 'actual');
  assertVector(forecast, 'forecast');
  assertSameLength(forecast, 'forecast', actual, 'actual');
  const scale = seasonalNaiveScale(insample, seasonLength);
  let sum = 0;
  for (let i = 0; i < actual.length; i++) sum += Math.abs(actual[i]! - forecast[i]!);
  return safeRatio(sum / actual.length, scale);
}
