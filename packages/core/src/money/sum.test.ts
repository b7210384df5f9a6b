import { describe, expect, it } from 'vitest';
import { thrown } from '../../test/expect-error.js';
import { DomainError, ValidationError } from '../errors.js';
import { Money } from './money.js';
import { maxMoney, minMoney, sum } from './sum.js';

describe('sum', () => {
  it('adds exactly', () => {
    expect(sum([Money.of('1.10'), Money.of('2.20')]).toString()).toBe('3.30 CNY');
    expect(sum([Money.of('0.1'), Money.of('0.2'), Money.of('0.0001')]).toString()).toBe('0.3001 CNY');
    expect(sum([Money.of('5', 'USD')], 'usd').toString()).toBe('5.00 USD');
  });

  it('answers zero in the given currency for an empty list', () => {
    expect(sum([], 'USD').toString()).toBe('0.00 USD');
    const error = thrown(ValidationError, () => sum([]));
    expect(error.issues[0]).toMatchObject({ path: ['currency'], code: 'required' });
  });

  it('refuses mixed currencies', () => {
    const error = thrown(DomainError, () => sum([Money.of('1'), Money.of('1', 'USD')]));
    expect(error.code).toBe('CURRENCY_MISMATCH');
    expect(error.details).toEqual({ left: 'CNY', right: 'USD' });
    expect(thrown(DomainError, () => sum([Money.of('1')], 'USD')).details).toEqual({
      left: 'USD',
      right: 'CNY',
    });
  });

  it('validates the list', () => {
    expect(thrown(ValidationError, () => sum(null as never)).issues[0]?.path).toEqual(['values']);
    expect(thrown(ValidationError, () => sum([Money.of('1'), 2 as never])).issues[0]?.path).toEqual([
      'values',
      1,
    ]);
    expect(thrown(ValidationError, () => sum([], 'XYZ')).issues[0]?.code).toBe('UNKNOWN_CURRENCY');
  });
});

describe('minMoney / maxMoney', () => {
  it('pick the extremes, the first on ties', () => {
    const values = [Money.of('2'), Money.of('-1'), Money.of('3'), Money.of('3.00')];
    expect(minMoney(values).toString()).toBe('-1.00 CNY');
    expect(maxMoney(values)).toBe(values[2]);
    const ties = [Money.of('1'), Money.of('1.0')];
    expect(minMoney(ties)).toBe(ties[0]);
    expect(maxMoney(ties)).toBe(ties[0]);
  });

  it('need a non-empty list in one currency', () => {
    expect(thrown(ValidationError, () => minMoney([])).issues[0]).toMatchObject({
      path: ['values'],
      code: 'too_small',
    });
    expect(thrown(ValidationError, () => maxMoney([])).issues[0]?.path).toEqual(['values']);
    expect(thrown(DomainError, () => maxMoney([Money.of('1'), Money.of('1', 'JPY')])).code).toBe(
      'CURRENCY_MISMATCH',
    );
    expect(thrown(ValidationError, () => minMoney([{} as never])).issues[0]?.path).toEqual(['values', 0]);
  });
});
