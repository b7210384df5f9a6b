import { ValidationError } from '@s2b2b/core';

/** A linear map from data values to pixels. */
export interface LinearScale {
  readonly domain: readonly [number, number];
  readonly range: readonly [number, number];
  /** The pixel of a value; values outside the domain extrapolate. */
  (value: number): number;
}

/**
 * A linear scale from `domain` to `range` (either may run backwards, as a y axis does). An empty
 * domain (both ends equal) maps every value to the middle of the range instead of dividing by
 * zero.
 *
 * @param domain - data ends `[d0, d1]`
 * @param range - pixel ends `[r0, r1]`
 * @throws ValidationError on `domain` or `range` when an end is not finite
 * @example
 * const y = linearScale([0, 100], [200, 0]);
 * y(25) // 150
 * linearScale([5, 5], [0, 10])(5) // 5
 */
export function linearScale(
  domain: readonly [number, number],
  range: readonly [number, number],
): LinearScale {
  for (const [field, pair] of [
    ['domain', domain],
    ['range', range],
  ] as const) {
    if (!pair.every((end) => typeof end === 'number' && Number.isFinite(end))) {
      throw ValidationError.field(
        field,
        `Expected two finite numbers, got [${pair.join(', ')}]`,
        'not_finite',
      );
    }
  }
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  const scale = ((value: number) =>
    span === 0 ? (r0 + r1) / 2 : r0 + ((value - d0) / span) * (r1 - r0)) as LinearScale;
  return Object.assign(scale, { domain: [d0, d1] as const, range: [r0, r1] as const });
}
