import { Money } from '@s2b2b/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMinorUnits, fromMinorUnits, roundDiv, toMinorUnits } from './minor-units.js';

describe('minor units', () => {
  it('formatMinorUnits writes what Money writes, in currencies with 2 and 0 minor digits', () => {
    expect(formatMinorUnits(2720n, 2)).toBe('27.20');
    expect(formatMinorUnits(5n, 2)).toBe('0.05');
    expect(formatMinorUnits(-5n, 2)).toBe('-0.05');
    expect(formatMinorUnits(0n, 2)).toBe('0.00');
    expect(formatMinorUnits(1200n, 0)).toBe('1200');
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        fc.constantFrom(['CNY', 2] as const, ['JPY', 0] as const),
        (units, [currency, digits]) => {
          expect(formatMinorUnits(units, digits)).toBe(Money.fromMinor(units, currency).toDecimalString());
          expect(fromMinorUnits(units, currency).toDecimalString()).toBe(formatMinorUnits(units, digits));
        },
      ),
    );
  });

  it('toMinorUnits refuses digits below the minor unit; roundDiv rounds exactly', () => {
    expect(toMinorUnits('19.9', 2, ['x'])).toBe(1990n);
    expect(toMinorUnits('-0.5', 2, ['x'])).toBe(-50n);
    expect(() => toMinorUnits('1.001', 2, ['x'])).toThrow('at most 2 decimal places');
    expect(roundDiv(7n, 2n, 'half-even')).toBe(4n);
    expect(roundDiv(5n, 2n, 'half-even')).toBe(2n);
    expect(roundDiv(-5n, 2n, 'half-even')).toBe(-2n);
    expect(roundDiv(-7n, 2n, 'ceil')).toBe(-3n);
  });
});
