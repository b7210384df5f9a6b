/** Root mean squared scaled error, as defined by the M5 competition. */
import { assertSameLength, assertVector, type NumericVector, safeRatio } from './vector.js';

/**
 * RMSSE of one forecast (M5 competitors' guide):
 * `sqrt( mean_h (y − f)² / ( 1/(n−1)·Σ_{t=2..n} (y_t − y_{t−1})² ) )`, where the in-sample part
 * starts at the **first non-zero demand** (leading zeros are dropped before the scale is taken).
 *
 * Scale 0 (fewer than two observations from the first non-zero one, or a constant series from
 * there): a perfect forecast gives 0, any error gives `Infinity`, as for {@link mase}.
 *
 * Throws `ValidationError` on the offending argument for empty or non-finite vectors or lengths of
 * `actual`/`forecast` that differ.
 *
 * @example
 * // insample from the first non-zero: [2, 4, 3] → diffs² 4, 1 → scale 2.5
 * // mean squared error: (1 + 4) / 2 = 2.5 → sqrt(2.5 / 2.5) = 1
 * rmsse([0, 0, 2, 4, 3], [3, 5], [4, 3]) // 1
 */
export function rmsse(insample: NumericVector, actual: NumericVector, forecast: NumericVector): number {
  assertVector(insample, 'insample');
  assertVector(actual, 'actual');
  assertVector(forecast, 'forecast');
  assertSameLength(forecast, 'forecast', actual, 'actual');
  let start = 0;
  while (start < insample.length && insample[start] === 0) start++;
  let scaleSum = 0;
  for (let t = start + 1; t < insample.length; t++) {
    const d = insample[t]! - insample[t - 1]!;
    scaleSum += d * d;
  }
  const differences = insample.length - start - 1;
  const scale = differences > 0 ? scaleSum / differences : 0;
  let errorSum = 0;
  for (let i = 0; i < actual.length; i++) {
    const e = actual[i]! - forecast[i]!;
    errorSum += e * e;
  }
  return Math.sqrt(safeRatio(errorSum / actual.length, scale));
}
