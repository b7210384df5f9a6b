import { Decimal as DecimalJs } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { thrown } from '../../test/expect-error.js';
import { DomainError, ValidationError } from '../errors.js';
import { toDecimal } from './decimal.js';
import { currencyMismatch, isMoney, Money, money } from './money.js';
import { decimalStringSchema, moneyJsonSchema } from './schemas.js';

const cny = (amount: string) => Money.of(amount);

describe('Money factories', () => {
  it('of keeps the digits given, default CNY', () => {
    expect(Money.of('1234.5').toString()).toBe('1234.50 CNY');
    expect(Money.of('1.2345').toString()).toBe('1.2345 CNY');
    expect(Money.of(12, 'usd').toString()).toBe('12.00 USD');
    expect(Money.of(5n, 'JPY').toString()).toBe('5 JPY');
    expect(Money.of(new DecimalJs('0.1')).toString()).toBe('0.10 CNY');
    expect(money('9.99', 'USD').toString()).toBe('9.99 USD');
    expect(money('1').currency.code).toBe('CNY');
  });

  it('of names the bad field', () => {
    expect(thrown(ValidationError, () => Money.of('abc')).issues[0]?.path).toEqual(['amount']);
    expect(thrown(ValidationError, () => Money.of(Number.NaN)).issues[0]?.path).toEqual(['amount']);
    const unknown = thrown(ValidationError, () => Money.of('1', 'XYZ'));
    expect(unknown.issues[0]).toMatchObject({ path: ['currency'], code: 'UNKNOWN_CURRENCY' });
  });

  it('fromMinor takes bigint, safe integers and integer strings', () => {
    expect(Money.fromMinor(123450n).toString()).toBe('1234.50 CNY');
    expect(Money.fromMinor(-5).toString()).toBe('-0.05 CNY');
    expect(Money.fromMinor('1000', 'JPY').toString()).toBe('1000 JPY');
    expect(Money.fromMinor(0).isZero()).toBe(true);
    for (const bad of [1.5, Number.NaN, 2 ** 53, '1.0', '', 'x', null]) {
      const error = thrown(ValidationError, () => Money.fromMinor(bad as never));
      expect(error.issues[0]).toMatchObject({ path: ['minor'], code: 'not_integer' });
    }
  });

  it('zero', () => {
    expect(Money.zero().toString()).toBe('0.00 CNY');
    expect(Money.zero('JPY').toString()).toBe('0 JPY');
  });

  it('is frozen', () => {
    expect(Object.isFrozen(Money.of('1'))).toBe(true);
  });
});

describe('Money arithmetic', () => {
  it('adds and subtracts exactly', () => {
    expect(cny('0.10').add(cny('0.20')).toString()).toBe('0.30 CNY');
    expect(cny('1.00').subtract(cny('0.01')).toString()).toBe('0.99 CNY');
    expect(cny('1.2345').add(cny('0.0001')).toString()).toBe('1.2346 CNY');
    const big = cny('123456789012345678901234567890123456789.01');
    expect(big.add(cny('0.000000000000000000001')).toDecimalString()).toBe(
      '123456789012345678901234567890123456789.010000000000000000001',
    );
  });

  it('refuses to mix currencies with CURRENCY_MISMATCH {left, right}', () => {
    for (const op of [
      () => cny('1').add(Money.of('1', 'USD')),
      () => cny('1').subtract(Money.of('1', 'USD')),
      () => cny('1').compare(Money.of('1', 'USD')),
      () => cny('1').lessThan(Money.of('1', 'USD')),
    ]) {
      const error = thrown(DomainError, op);
      expect(error.code).toBe('CURRENCY_MISMATCH');
      expect(error.details).toEqual({ left: 'CNY', right: 'USD' });
    }
    expect(currencyMismatch('A', 'B').details).toEqual({ left: 'A', right: 'B' });
  });

  it('rejects non-Money operands with a ValidationError', () => {
    expect(thrown(ValidationError, () => cny('1').add('1' as never)).issues[0]?.path).toEqual(['other']);
    expect(thrown(ValidationError, () => cny('1').compare(null as never)).issues[0]?.path).toEqual(['other']);
  });

  it('multiply is exact without rounding and rounds to minor units with it', () => {
    expect(cny('1.2345').multiply(3).toString()).toBe('3.7035 CNY');
    expect(cny('1.2345').multiply(3, 'half-even').toString()).toBe('3.70 CNY');
    expect(cny('0.125').multiply(1, 'half-even').toString()).toBe('0.12 CNY');
    expect(cny('0.125').multiply(1, 'half-up').toString()).toBe('0.13 CNY');
    expect(cny('10').multiply('0.13').toString()).toBe('1.30 CNY');
    expect(Money.of('333', 'JPY').multiply('1.5', 'floor').toString()).toBe('499 JPY');
    expect(thrown(ValidationError, () => cny('1').multiply('x')).issues[0]?.path).toEqual(['factor']);
    expect(thrown(ValidationError, () => cny('1').multiply(2, 'nearest' as never)).issues[0]?.path).toEqual([
      'rounding',
    ]);
  });

  it('divide needs a rounding mode and rounds once to minor units', () => {
    expect(cny('100').divide(3, 'half-even').toString()).toBe('33.33 CNY');
    expect(cny('100').divide(3, 'up').toString()).toBe('33.34 CNY');
    expect(cny('-100').divide(3, 'floor').toString()).toBe('-33.34 CNY');
    expect(cny('-100').divide(3, 'ceil').toString()).toBe('-33.33 CNY');
    expect(cny('0.05').divide(2, 'half-even').toString()).toBe('0.02 CNY');
    expect(cny('0.05').divide(2, 'half-up').toString()).toBe('0.03 CNY');
    expect(cny('0.05').divide(2, 'half-down').toString()).toBe('0.02 CNY');
    expect(cny('1').divide('0.3', 'down').toString()).toBe('3.33 CNY');
    expect(Money.of('1000', 'JPY').divide(3, 'half-even').toString()).toBe('333 JPY');
    const missing = thrown(ValidationError, () => (cny('1').divide as (d: number) => Money)(2));
    expect(missing.issues[0]?.path).toEqual(['rounding']);
    expect(thrown(ValidationError, () => cny('1').divide('x', 'up')).issues[0]?.path).toEqual(['divisor']);
    const byZero = thrown(DomainError, () => cny('1').divide('0.00', 'up'));
    expect(byZero.code).toBe('DIVISION_BY_ZERO');
  });
});

describe('Money comparison and sign', () => {
  it('compares', () => {
    expect(cny('1').compare(cny('2'))).toBe(-1);
    expect(cny('2').compare(cny('1'))).toBe(1);
    expect(cny('1.5').compare(cny('1.50'))).toBe(0);
    expect(cny('2').greaterThan(cny('1'))).toBe(true);
    expect(cny('1').greaterThan(cny('1'))).toBe(false);
    expect(cny('1').greaterThanOrEqual(cny('1'))).toBe(true);
    expect(cny('1').lessThan(cny('2'))).toBe(true);
    expect(cny('1').lessThanOrEqual(cny('1'))).toBe(true);
    expect(cny('2').lessThanOrEqual(cny('1'))).toBe(false);
  });

  it('equals is value equality and never throws', () => {
    expect(cny('1.5').equals(cny('1.50'))).toBe(true);
    expect(cny('1.5').equals(cny('1.51'))).toBe(false);
    expect(Money.of('1', 'USD').equals(Money.of('1', 'EUR'))).toBe(false);
    expect(cny('1').equals('1' as never)).toBe(false);
  });

  it('sign helpers, negate and abs', () => {
    expect(Money.zero().isZero()).toBe(true);
    expect(cny('0.01').isPositive()).toBe(true);
    expect(cny('0').isPositive()).toBe(false);
    expect(cny('-0.01').isNegative()).toBe(true);
    expect(cny('0').isNegative()).toBe(false);
    expect(cny('5').negate().toString()).toBe('-5.00 CNY');
    expect(cny('0').negate().toString()).toBe('0.00 CNY');
    expect(cny('-5').abs().toString()).toBe('5.00 CNY');
    expect(cny('5').abs().toString()).toBe('5.00 CNY');
  });
});

describe('Money rounding and minor units', () => {
  it('roundToMinor defaults to half-even', () => {
    expect(cny('2.345').roundToMinor().toString()).toBe('2.34 CNY');
    expect(cny('2.355').roundToMinor().toString()).toBe('2.36 CNY');
    expect(cny('2.345').roundToMinor('half-up').toString()).toBe('2.35 CNY');
    expect(Money.of('2.5', 'JPY').roundToMinor().toString()).toBe('2 JPY');
    expect(cny('-0.001').roundToMinor().toString()).toBe('0.00 CNY');
    expect(thrown(ValidationError, () => cny('1').roundToMinor('x' as never)).issues[0]?.path).toEqual([
      'mode',
    ]);
  });

  it('isRoundedToMinor and toMinorUnits', () => {
    expect(cny('1.23').isRoundedToMinor()).toBe(true);
    expect(cny('1.2').isRoundedToMinor()).toBe(true);
    expect(cny('1.234').isRoundedToMinor()).toBe(false);
    expect(cny('1234.5').toMinorUnits()).toBe(123450n);
    expect(cny('-0.07').toMinorUnits()).toBe(-7n);
    expect(Money.of('1e3', 'JPY').toMinorUnits()).toBe(1000n);
    const error = thrown(DomainError, () => cny('1.234').toMinorUnits());
    expect(error.code).toBe('NOT_ROUNDED');
    expect(error.message).toContain('roundToMinor');
    expect(error.details).toEqual({ amount: '1.234', currency: 'CNY', minorDigits: 2 });
  });

  it('toDecimalString keeps at least the minor digits', () => {
    expect(cny('1234.5').toDecimalString()).toBe('1234.50');
    expect(cny('1.2345').toDecimalString()).toBe('1.2345');
    expect(cny('-0.5').toDecimalString()).toBe('-0.50');
    expect(Money.of('7', 'JPY').toDecimalString()).toBe('7');
    expect(Money.of('1e30').toDecimalString()).toBe('1000000000000000000000000000000.00');
  });

  it('amount() is the exact decimal', () => {
    expect(cny('12.50').amount().equals(toDecimal('12.5'))).toBe(true);
  });
});

describe('Money JSON', () => {
  it('toJSON carries the amount as a string', () => {
    expect(Money.of('12.5', 'USD').toJSON()).toEqual({ amount: '12.50', currency: 'USD' });
    expect(JSON.stringify({ price: cny('1.2345') })).toBe('{"price":{"amount":"1.2345","currency":"CNY"}}');
  });

  it('fromJSON validates and names the field', () => {
    expect(Money.fromJSON({ amount: '12.00', currency: 'USD' }).toString()).toBe('12.00 USD');
    expect(
      thrown(ValidationError, () => Money.fromJSON({ amount: 12, currency: 'USD' })).issues[0]?.path,
    ).toEqual(['amount']);
    expect(
      thrown(ValidationError, () => Money.fromJSON({ amount: '1e3', currency: 'USD' })).issues[0]?.path,
    ).toEqual(['amount']);
    expect(
      thrown(ValidationError, () => Money.fromJSON({ amount: '1', currency: 'usd' })).issues[0]?.path,
    ).toEqual(['currency']);
    const unknown = thrown(ValidationError, () => Money.fromJSON({ amount: '1', currency: 'XYZ' }));
    expect(unknown.issues[0]).toMatchObject({ path: ['currency'], code: 'UNKNOWN_CURRENCY' });
    expect(thrown(ValidationError, () => Money.fromJSON(null)).code).toBe('VALIDATION');
  });

  it('schemas', () => {
    expect(decimalStringSchema.safeParse('-0.5').success).toBe(true);
    expect(decimalStringSchema.safeParse('12').success).toBe(true);
    for (const bad of ['1.', '.5', '+1', '1e3', ' 1', ''])
      expect(decimalStringSchema.safeParse(bad).success).toBe(false);
    expect(moneyJsonSchema.safeParse({ amount: '1.00', currency: 'CNY' }).success).toBe(true);
    expect(moneyJsonSchema.safeParse({ amount: '1.00', currency: 'CN' }).success).toBe(false);
  });
});

describe('isMoney and toString', () => {
  it('recognises Money', () => {
    expect(isMoney(Money.zero())).toBe(true);
    expect(isMoney({ amount: '1', currency: 'CNY' })).toBe(false);
    expect(isMoney(null)).toBe(false);
  });

  it('prints amount and code', () => {
    expect(String(cny('1234.5'))).toBe('1234.50 CNY');
    expect(`${Money.of('-3', 'KRW')}`).toBe('-3 KRW');
  });

  it('format delegates to formatMoney', () => {
    expect(cny('-1234.5').format()).toBe('-¥1,234.50');
    expect(cny('1234.5').format({ code: true })).toBe('1,234.50 CNY');
  });
});
