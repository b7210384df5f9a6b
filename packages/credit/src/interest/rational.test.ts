import { ROUNDING_MODES, roundDecimal, toDecimal } from '@s2b2b/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issuePaths } from '../../test/thrown.js';
import { rationalOf, roundedDiv } from './rational.js';

describe('rational helpers', () => {
  it('decimals as exact fractions', () => {
    expect(rationalOf(toDecimal('0.0435'))).toEqual({ num: 435n, den: 10_000n });
    expect(rationalOf(toDecimal('-12.5'))).toEqual({ num: -125n, den: 10n });
    expect(rationalOf(toDecimal('7'))).toEqual({ num: 7n, den: 1n });
  });

  it('ties and signs', () => {
    expect(roundedDiv(5n, 2n, 'half-even')).toBe(2n);
    expect(roundedDiv(7n, 2n, 'half-even')).toBe(4n);
    expect(roundedDiv(5n, 2n, 'half-up')).toBe(3n);
    expect(roundedDiv(5n, 2n, 'half-down')).toBe(2n);
    expect(roundedDiv(-5n, 2n, 'floor')).toBe(-3n);
    expect(roundedDiv(-5n, 2n, 'ceil')).toBe(-2n);
    expect(roundedDiv(-5n, -2n, 'up')).toBe(3n);
    expect(issuePaths(() => roundedDiv(1n, 0n, 'up'))).toEqual(['denominator']);
    expect(issuePaths(() => roundedDiv(1 as never, 2n, 'up'))).toEqual(['numerator']);
    expect(issuePaths(() => roundedDiv(1n, 2n, 'nearest' as never))).toEqual(['mode']);
    expect(issuePaths(() => rationalOf('abc'))).toEqual(['rate']);
  });

  it('property: agrees with core roundDecimal in every mode', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
        fc.bigInt({ min: 1n, max: 10n ** 6n }),
        fc.constantFrom(...ROUNDING_MODES),
        (n, d, mode) => {
          const expected = roundDecimal(toDecimal(n).div(toDecimal(d)), 0, mode).toFixed();
          expect(roundedDiv(n, d, mode).toString()).toBe(expected);
        },
      ),
    );
  });
});
