import { describe, expect, it } from 'vitest';
import { thrown } from '../../test/expect-error.js';
import { ValidationError } from '../errors.js';
import { formatMoney } from './format.js';
import { Money } from './money.js';

describe('formatMoney', () => {
  it('prints symbol, grouped digits and the minor digits', () => {
    expect(formatMoney(Money.of('1234.5'))).toBe('¥1,234.50');
    expect(formatMoney(Money.of('-1234.5'))).toBe('-¥1,234.50');
    expect(formatMoney(Money.of('0.1', 'USD'))).toBe('$0.10');
    expect(formatMoney(Money.of('1235', 'JPY'))).toBe('¥1,235');
    expect(formatMoney(Money.of('1234.6', 'JPY'))).toBe('¥1,235');
    expect(formatMoney(Money.of('12', 'HKD'))).toBe('HK$12.00');
    expect(formatMoney(Money.of('1234567890.12', 'EUR'))).toBe('€1,234,567,890.12');
    expect(formatMoney(Money.of('999'))).toBe('¥999.00');
    expect(formatMoney(Money.of('0'))).toBe('¥0.00');
  });

  it('prints the code instead of the symbol when asked, or both', () => {
    expect(formatMoney(Money.of('1234.5'), { code: true })).toBe('1,234.50 CNY');
    expect(formatMoney(Money.of('-1234.5'), { code: true })).toBe('-1,234.50 CNY');
    expect(formatMoney(Money.of('1234.5'), { code: true, symbol: true })).toBe('¥1,234.50 CNY');
    expect(formatMoney(Money.of('1234.5'), { symbol: false })).toBe('1,234.50');
  });

  it('rounds half-even by default, or as told', () => {
    expect(formatMoney(Money.of('2.345'))).toBe('¥2.34');
    expect(formatMoney(Money.of('2.355'))).toBe('¥2.36');
    expect(formatMoney(Money.of('2.345'), { rounding: 'half-up' })).toBe('¥2.35');
    expect(formatMoney(Money.of('1234.5', 'JPY'))).toBe('¥1,234');
    expect(formatMoney(Money.of('1.2345'), { minorDigits: 4 })).toBe('¥1.2345');
    expect(formatMoney(Money.of('1234.5'), { minorDigits: 0, rounding: 'ceil' })).toBe('¥1,235');
  });

  it('shows no minus sign for an amount that rounds to zero', () => {
    expect(formatMoney(Money.of('-0.004'))).toBe('¥0.00');
  });

  it('can turn grouping off', () => {
    expect(formatMoney(Money.of('1234567.5'), { grouping: false })).toBe('¥1234567.50');
  });

  it('does not depend on the locale', () => {
    // 1e21 would be printed with an exponent by Number#toString; Intl would group per locale.
    expect(formatMoney(Money.of('1e21', 'USD'))).toBe('$1,000,000,000,000,000,000,000.00');
  });

  it('validates its input and options', () => {
    expect(thrown(ValidationError, () => formatMoney(null as never)).issues[0]?.path).toEqual(['money']);
    expect(thrown(ValidationError, () => formatMoney(Money.of('1'), null as never)).issues[0]?.path).toEqual([
      'options',
    ]);
    expect(
      thrown(ValidationError, () => formatMoney(Money.of('1'), { minorDigits: -1 })).issues[0]?.path,
    ).toEqual(['minorDigits']);
    expect(
      thrown(ValidationError, () => formatMoney(Money.of('1'), { minorDigits: 41 })).issues[0]?.path,
    ).toEqual(['minorDigits']);
    expect(
      thrown(ValidationError, () => formatMoney(Money.of('1'), { rounding: 'x' as never })).issues[0]?.path,
    ).toEqual(['rounding']);
    expect(
      thrown(ValidationError, () => formatMoney(Money.of('1'), { symbol: 'yes' as never })).issues[0]?.path,
    ).toEqual(['symbol']);
    expect(
      thrown(ValidationError, () => formatMoney(Money.of('1'), { grouping: 1 as never })).issues[0]?.path,
    ).toEqual(['grouping']);
  });
});
