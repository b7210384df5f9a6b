import { Decimal as DecimalJs } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toDecimal } from './decimal.js';
import { divideToPlaces, exactAdd, exactMultiply, fromScaled, roundQuotient, toScaled } from './exact.js';
import { ROUNDING_MODES, roundDecimal } from './rounding.js';

describe('exact arithmetic', () => {
  it('splits and rebuilds decimals', () => {
    expect(toScaled(toDecimal('-12.50'))).toEqual({ coefficient: -125n, scale: 1 });
    expect(toScaled(toDecimal('1e3'))).toEqual({ coefficient: 1000n, scale: 0 });
    expect(toScaled(toDecimal('0.0001'))).toEqual({ coefficient: 1n, scale: 4 });
    expect(fromScaled(-125n, 2).toFixed()).toBe('-1.25');
    expect(fromScaled(5n, 3).toFixed()).toBe('0.005');
    expect(fromScaled(0n, 2).isNegative()).toBe(false);
  });

  it('adds and multiplies beyond 40 significant digits without rounding', () => {
    const big = toDecimal('1234567890123456789012345678901234567890.5');
    const tiny = toDecimal('0.000000000000000000001');
    expect(exactAdd(big, tiny).toFixed()).toBe(
      '1234567890123456789012345678901234567890.500000000000000000001',
    );
    expect(exactMultiply(toDecimal('1.25'), toDecimal('0.3')).toFixed()).toBe('0.375');
    expect(exactMultiply(big, toDecimal('3')).toFixed()).toBe('3703703670370370367037037036703703703671.5');
  });

  it('rounds quotients once', () => {
    expect(roundQuotient(5n, 2n, 'half-even')).toBe(2n);
    expect(roundQuotient(7n, 2n, 'half-even')).toBe(4n);
    expect(roundQuotient(-5n, 2n, 'half-up')).toBe(-3n);
    expect(roundQuotient(-5n, 2n, 'half-down')).toBe(-2n);
    expect(roundQuotient(5n, -2n, 'floor')).toBe(-3n);
    expect(roundQuotient(6n, 3n, 'up')).toBe(2n);
    expect(divideToPlaces(toDecimal('100'), toDecimal('3'), 2, 'half-even').toFixed()).toBe('33.33');
    expect(divideToPlaces(toDecimal('1'), toDecimal('0.03'), 2, 'floor').toFixed()).toBe('33.33');
    // 40 digits of 9s after the point would round up to a tie at precision 40; the exact path does not.
    const justBelowHalf = toDecimal(`0.004${'9'.repeat(45)}`);
    expect(divideToPlaces(justBelowHalf, toDecimal(1), 2, 'half-up').toFixed()).toBe('0');
  });

  it('roundQuotient agrees with decimal.js rounding at high precision for every mode', () => {
    // 100 significant digits: no quotient here lies within 1e-80 of a tie unless it is one.
    const Wide = DecimalJs.clone({ precision: 100 });
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        fc.bigInt({ min: 1n, max: 10n ** 6n }),
        fc.constantFrom(...ROUNDING_MODES),
        (n, d, mode) => {
          const quotient = new Wide(n.toString()).div(new Wide(d.toString()));
          expect(roundQuotient(n, d, mode).toString()).toBe(roundDecimal(quotient, 0, mode).toFixed());
        },
      ),
    );
  });

  it('divideToPlaces agrees with decimal.js on terminating quotients', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.constantFrom(1n, 2n, 4n, 5n, 8n, 16n, 25n, 40n, 125n),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom(...ROUNDING_MODES),
        (n, d, places, mode) => {
          const a = fromScaled(n, 2);
          const b = toDecimal(d);
          expect(divideToPlaces(a, b, places, mode).toFixed()).toBe(
            roundDecimal(a.div(b), places, mode).toFixed(),
          );
        },
      ),
    );
  });
});
