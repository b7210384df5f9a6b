/**
 * The numeric input every metric takes, and the checks the metrics share. Values are plain
 * `number[]` or `Float64Array`; nothing is copied.
 */
import { ValidationError } from '@s2b2b/core';

/**
 * A series of numbers as the metrics read it: a plain array or a `Float64Array`.
 *
 * @example
 * const actual: NumericVector = new Float64Array([1, 2, 3]);
 */
export type NumericVector = readonly number[] | Float64Array;

/**
 * Throws `ValidationError` on `name` (and the index, for a bad element) unless `values` is a vector
 * of at least `minLength` finite numbers.
 *
 * @example
 * assertVector([1, Number.NaN], 'forecast') // throws, issue path ['forecast', 1]
 */
export function assertVector(values: unknown, name: string, minLength = 1): asserts values is NumericVector {
  if (!Array.isArray(values) && !(values instanceof Float64Array)) {
    throw ValidationError.field(name, 'Expected an array of numbers or a Float64Array', 'invalid_type');
  }
  if (values.length < minLength) {
    throw ValidationError.field(
      name,
      `Expected at least ${minLength} value(s), got ${values.length}`,
      'too_small',
    );
  }
  for (let i = 0; i < values.length; i++) {
    const value: unknown = values[i];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw ValidationError.field([name, i], 'Expected a finite number', 'invalid_number');
    }
  }
}

/**
 * Throws `ValidationError` on `name` unless `values` has the same length as `reference`.
 *
 * @example
 * assertSameLength([1], 'forecast', [1, 2], 'actual') // throws, issue path ['forecast']
 */
export function assertSameLength(
  values: NumericVector,
  name: string,
  reference: NumericVector,
  referenceName: string,
): void {
  if (values.length !== reference.length) {
    throw ValidationError.field(
      name,
      `Expected the same length as ${referenceName} (${reference.length}), got ${values.length}`,
      'length_mismatch',
    );
  }
}

/**
 * Throws `ValidationError` on `name` unless `value` is an integer ≥ 1.
 *
 * @example
 * assertSeasonLength(12) // ok; assertSeasonLength(0) throws
 */
export function assertSeasonLength(value: unknown, name = 'seasonLength'): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw ValidationError.field(name, 'Expected an integer ≥ 1', 'invalid_number');
  }
}

/**
 * `numerator / denominator` for non-negative inputs, with 0/0 read as 0 and x/0 (x > 0) as `Infinity`.
 *
 * @example
 * safeRatio(0, 0) // 0
 * safeRatio(1, 0) // Infinity
 */
export function safeRatio(numerator: number, denominator: number): number {
  if (denominator === 0) return numerator === 0 ? 0 : Number.POSITIVE_INFINITY;
  return numerator / denominator;
}
