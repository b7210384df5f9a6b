/** Empirical coverage of prediction intervals. */
import { assertInterval } from './interval-bounds.js';
import type { NumericVector } from './vector.js';

/**
 * Share of steps whose actual lies inside its interval, bounds included (`L ≤ y ≤ U`), in [0, 1].
 * M4's ACD is `|coverage − level|` on the pooled coverage.
 *
 * Throws `ValidationError` on the offending argument for empty or non-finite vectors, lengths that
 * differ from `actual`, or `lower[i] > upper[i]` (on `upper`).
 *
 * @example
 * coverage([1, 5, 9, 3], [0, 0, 0, 3], [2, 4, 10, 3]) // 1, 9 and 3 inside → 0.75
 */
export function coverage(actual: NumericVector, lower: NumericVector, upper: NumericVector): number {
  assertInterval(actual, lower, upper);
  let inside = 0;
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i]!;
    if (y >= lower[i]! && y <= upper[i]!) inside++;
  }
  return inside / actual.length;
}
