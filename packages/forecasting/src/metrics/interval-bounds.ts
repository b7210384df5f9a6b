/** Shared check for prediction-interval inputs. */
import { ValidationError } from '@s2b2b/core';
import { assertSameLength, assertVector, type NumericVector } from './vector.js';

/**
 * Validates `actual`, `lower`, `upper` (finite, same length, `lower[i] ≤ upper[i]`), throwing
 * `ValidationError` on the offending argument.
 *
 * @example
 * assertInterval([1], [2], [1]) // throws, issue path ['upper', 0]
 */
export function assertInterval(actual: NumericVector, lower: NumericVector, upper: NumericVector): void {
  assertVector(actual, 'actual');
  assertVector(lower, 'lower');
  assertVector(upper, 'upper');
  assertSameLength(lower, 'lower', actual, 'actual');
  assertSameLength(upper, 'upper', actual, 'actual');
  for (let i = 0; i < actual.length; i++) {
    if (lower[i]! > upper[i]!) {
      throw ValidationError.field(['upper', i], `Expected upper ≥ lower (${lower[i]})`, 'interval_crossed');
    }
  }
}
