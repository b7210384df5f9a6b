import { Decimal as DecimalJs } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toDecimal } from './decimal.js';
import { fromScaled, roundQuotient, toScaled } from './exact.js';
import { Money } from './money.js';
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
    const big = Money.of('1234567890123456789012345678901234567890.5');
    const tiny = Money.of('0.000000000000000000001');
    expect(big.add(tiny).toDecimalString()).toBe(
      '1234567890123456789012345678901234567890.500000000000000000001',
    );
    expect(big.add(tiny).amount().toFixed()).toBe(
      '1234567890123456789012345678901234567890.500000000000000000001',
    );
    expect(Money.of('1.25').multiply('0.3').toDecimalString()).toBe('0.375');
    expect(big.multiply('3').toDecimalString()).toBe('3703703670370370367037037036703703703671.50');
  });

  it('rounds quotients once', () => {
    expect(roundQuotient(5n, 2n, 'half-even')).toBe(2n);
    expect(roundQuotient(7n, 2n, 'half-even')).toBe(4n);
    expect(roundQuotient(-5n, 2n, 'half-up')).toBe(-3n);
    expect(roundQuotient(-5n, 2n, 'half-down')).toBe(-2n);
    expect(roundQuotient(5n, -2n, 'floor')).toBe(-3n);
    expect(roundQuotient(6n, 3n, 'up')).toBe(2n);
    expect(Money.of('100').divide('3', 'half-even').toDecimalString()).toBe('33.33');
    expect(Money.of('1').divide('0.03', 'floor').toDecimalString()).toBe('33.33');
    // 40 digits of 9s after the point would round up to a tie at precision 40; the exact path does not.
    const justBelowHalf = Money.of(`0.004${'9'.repeat(45)}`);
    expect(justBelowHalf.divide(1, 'half-up').toDecimalString()).toBe('0.00');
    expect(justBelowHalf.roundToMinor('half-up').toDecimalString()).toBe('0.00');
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

  it('Money.divide agrees with decimal.js on terminating quotients', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.constantFrom(1n, 2n, 4n, 5n, 8n, 16n, 25n, 40n, 125n),
        fc.constantFrom(...ROUNDING_MODES),
        (n, d, mode) => {
          const a = fromScaled(n, 3);
          const b = toDecimal(d);
          expect(Money.of(a).divide(b, mode).amount().toFixed(2)).toBe(
            roundDecimal(a.div(b), 2, mode).toFixed(2),
          );
        },
      ),
    );
  });
});
