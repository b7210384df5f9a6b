import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toDecimal } from './money/decimal.js';
import { basisPointsToFraction, formatPercent, fractionToBasisPoints, parsePercent } from './percent.js';

/** A fraction with at most 4 decimals, as a string (`units / 10^4`). */
const fraction = fc
  .integer({ min: -10_000_000, max: 10_000_000 })
  .map((units) => toDecimal(units).div(10_000));

describe('percent properties', () => {
  it('parsePercent(formatPercent(f)) is f for fractions with up to 4 decimals', () => {
    fc.assert(
      fc.property(fraction, (f) => {
        expect(parsePercent(formatPercent(f)).eq(f)).toBe(true);
      }),
    );
  });

  it('basis points round-trip exactly', () => {
    fc.assert(
      fc.property(fraction, (f) => {
        expect(basisPointsToFraction(fractionToBasisPoints(f)).eq(f)).toBe(true);
        expect(fractionToBasisPoints(f).isInteger()).toBe(true);
      }),
    );
  });
});
