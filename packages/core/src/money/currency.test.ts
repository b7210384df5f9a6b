import { describe, expect, it } from 'vitest';
import { thrown } from '../../test/expect-error.js';
import { ValidationError } from '../errors.js';
import { DEFAULT_CURRENCY, getCurrency, listCurrencies, registerCurrency } from './currency.js';

describe('currencies', () => {
  it('has the built-in table', () => {
    expect(DEFAULT_CURRENCY).toBe('CNY');
    expect(getCurrency('CNY')).toEqual({ code: 'CNY', minorDigits: 2, symbol: '¥', name: 'Chinese Yuan' });
    expect(getCurrency('USD')).toMatchObject({ minorDigits: 2, symbol: '$' });
    expect(getCurrency('EUR')).toMatchObject({ minorDigits: 2, symbol: '€' });
    expect(getCurrency('JPY')).toMatchObject({ minorDigits: 0, symbol: '¥' });
    expect(getCurrency('HKD')).toMatchObject({ minorDigits: 2, symbol: 'HK$' });
    expect(getCurrency('GBP')).toMatchObject({ minorDigits: 2, symbol: '£' });
    expect(getCurrency('SGD')).toMatchObject({ minorDigits: 2, symbol: 'S$' });
    expect(getCurrency('KRW')).toMatchObject({ minorDigits: 0, symbol: '₩' });
    expect(Object.isFrozen(getCurrency('CNY'))).toBe(true);
  });

  it('looks codes up case-insensitively', () => {
    expect(getCurrency('jpy')).toBe(getCurrency('JPY'));
  });

  it('rejects unknown codes on field currency with UNKNOWN_CURRENCY', () => {
    const error = thrown(ValidationError, () => getCurrency('XYZ'));
    expect(error.code).toBe('VALIDATION');
    expect(error.issues[0]).toMatchObject({ path: ['currency'], code: 'UNKNOWN_CURRENCY' });
    expect(thrown(ValidationError, () => getCurrency(42 as never)).issues[0]?.path).toEqual(['currency']);
  });

  it('lets hosts register currencies, stored upper-case and frozen', () => {
    const twd = registerCurrency({ code: 'twd', minorDigits: 2, symbol: 'NT$', name: 'New Taiwan Dollar' });
    expect(twd).toEqual({ code: 'TWD', minorDigits: 2, symbol: 'NT$', name: 'New Taiwan Dollar' });
    expect(Object.isFrozen(twd)).toBe(true);
    expect(getCurrency('TWD')).toBe(twd);
    expect(listCurrencies().map((c) => c.code)).toContain('TWD');
  });

  it('allows a new symbol or name but not new minor digits', () => {
    const renamed = registerCurrency({ code: 'XTS', minorDigits: 3, symbol: 'T', name: 'Test' });
    expect(registerCurrency({ code: 'XTS', minorDigits: 3, symbol: 'T2', name: 'Test 2' }).symbol).toBe('T2');
    expect(renamed.symbol).toBe('T');
    const conflict = thrown(ValidationError, () =>
      registerCurrency({ code: 'XTS', minorDigits: 2, symbol: 'T', name: 'Test' }),
    );
    expect(conflict.issues[0]).toMatchObject({ path: ['minorDigits'], code: 'CURRENCY_CONFLICT' });
    const builtIn = thrown(ValidationError, () =>
      registerCurrency({ code: 'JPY', minorDigits: 2, symbol: '¥', name: 'Yen' }),
    );
    expect(builtIn.issues[0]).toMatchObject({ path: ['minorDigits'], code: 'CURRENCY_CONFLICT' });
    expect(getCurrency('JPY').minorDigits).toBe(0);
  });

  it('validates registrations with zod paths', () => {
    expect(
      thrown(ValidationError, () => registerCurrency({ code: 'US', minorDigits: 2, symbol: '$', name: 'x' }))
        .issues[0]?.path,
    ).toEqual(['code']);
    expect(
      thrown(ValidationError, () =>
        registerCurrency({ code: 'XAA', minorDigits: 1.5, symbol: '$', name: 'x' }),
      ).issues[0]?.path,
    ).toEqual(['minorDigits']);
    expect(
      thrown(ValidationError, () =>
        registerCurrency({ code: 'XAA', minorDigits: 19, symbol: '$', name: 'x' }),
      ).issues[0]?.path,
    ).toEqual(['minorDigits']);
    expect(
      thrown(ValidationError, () => registerCurrency({ code: 'XAA', minorDigits: 2, symbol: '', name: 'x' }))
        .issues[0]?.path,
    ).toEqual(['symbol']);
    expect(thrown(ValidationError, () => registerCurrency(null as never)).code).toBe('VALIDATION');
  });

  it('lists currencies sorted by code', () => {
    const codes = listCurrencies().map((c) => c.code);
    expect(codes).toEqual([...codes].sort());
    for (const code of ['CNY', 'EUR', 'GBP', 'HKD', 'JPY', 'KRW', 'SGD', 'USD'])
      expect(codes).toContain(code);
  });
});
