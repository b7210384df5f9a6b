import { Decimal as DecimalJs } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { thrown } from '../../test/expect-error.js';
import { ValidationError } from '../errors.js';
import { isDecimalInput, toDecimal } from './decimal.js';

describe('toDecimal', () => {
  it('accepts decimal strings, exactly', () => {
    expect(toDecimal('12.345').toFixed()).toBe('12.345');
    expect(toDecimal('-0.5').toFixed()).toBe('-0.5');
    expect(toDecimal('1e3').toFixed()).toBe('1000');
    expect(toDecimal('+7').toFixed()).toBe('7');
    expect(toDecimal('.25').toFixed()).toBe('0.25');
    expect(toDecimal('123456789012345678901234567890.123456789012345').toFixed()).toBe(
      '123456789012345678901234567890.123456789012345',
    );
  });

  it('converts numbers through their shortest string form', () => {
    expect(toDecimal(0.1).toFixed()).toBe('0.1');
    expect(toDecimal(0.1).plus(toDecimal(0.2)).toFixed()).toBe('0.3');
    expect(toDecimal(1e21).toFixed()).toBe('1000000000000000000000');
    expect(toDecimal(-3).toFixed()).toBe('-3');
  });

  it('accepts bigints', () => {
    expect(toDecimal(12345678901234567890123n).toFixed()).toBe('12345678901234567890123');
  });

  it('accepts a Decimal from any decimal.js constructor, and keeps all its digits', () => {
    const other = DecimalJs.clone({ precision: 5 });
    expect(toDecimal(new other('1.23456789')).toFixed()).toBe('1.23456789');
    expect(toDecimal(new DecimalJs('2.5')).toFixed()).toBe('2.5');
    expect(toDecimal(toDecimal('3')).toFixed()).toBe('3');
  });

  it('normalises negative zero', () => {
    expect(toDecimal('-0').isNegative()).toBe(false);
    expect(toDecimal(-0).isNegative()).toBe(false);
    expect(toDecimal(new DecimalJs('-0')).isNegative()).toBe(false);
  });

  it('rejects NaN, infinities, junk and non-decimals with the field name', () => {
    for (const bad of [
      Number.NaN,
      Infinity,
      -Infinity,
      '',
      'abc',
      ' 12',
      '12 ',
      '0x1f',
      'Infinity',
      'NaN',
      '1,000',
    ]) {
      const error = thrown(ValidationError, () => toDecimal(bad));
      expect(error.code).toBe('VALIDATION');
      expect(error.issues[0]?.path).toEqual(['value']);
      expect(error.issues[0]?.code).toBe('invalid_decimal');
    }
    for (const bad of [
      null,
      undefined,
      {},
      [],
      true,
      Symbol('x'),
      new DecimalJs(Number.NaN),
      new DecimalJs(Infinity),
    ]) {
      expect(thrown(ValidationError, () => toDecimal(bad as never)).issues[0]?.path).toEqual(['value']);
    }
    expect(thrown(ValidationError, () => toDecimal('x', 'price')).issues[0]?.path).toEqual(['price']);
    expect(thrown(ValidationError, () => toDecimal('x', ['lines', 2, 'price'])).issues[0]?.path).toEqual([
      'lines',
      2,
      'price',
    ]);
  });

  it('rejects exponents beyond ±1000', () => {
    expect(toDecimal('1e1000').toFixed().length).toBe(1001);
    expect(thrown(ValidationError, () => toDecimal('1e1001')).issues[0]?.code).toBe('out_of_range');
    expect(thrown(ValidationError, () => toDecimal('1e-1001')).issues[0]?.code).toBe('out_of_range');
    expect(thrown(ValidationError, () => toDecimal('1e99999999999999999999')).issues[0]?.code).toBe(
      'invalid_decimal',
    );
  });
});

describe('the private constructor', () => {
  it('leaves the shared decimal.js defaults alone', () => {
    expect(DecimalJs.precision).toBe(20);
    expect(DecimalJs.rounding).toBe(DecimalJs.ROUND_HALF_UP);
  });

  it('uses 40 significant digits, half-even, and plain notation up to 1e40', () => {
    expect(toDecimal(1).div(3).toFixed()).toBe(`0.${'3'.repeat(40)}`);
    expect(toDecimal('2.5').toDecimalPlaces(0).toFixed()).toBe('2');
    expect(toDecimal('1e39').toString()).toBe(`1${'0'.repeat(39)}`);
    expect(toDecimal('1e-39').toString()).toBe(`0.${'0'.repeat(38)}1`);
  });
});

describe('isDecimalInput', () => {
  it('says whether toDecimal would accept the value', () => {
    expect(isDecimalInput('1.5')).toBe(true);
    expect(isDecimalInput(2)).toBe(true);
    expect(isDecimalInput(2n)).toBe(true);
    expect(isDecimalInput(new DecimalJs(1))).toBe(true);
    expect(isDecimalInput(Number.NaN)).toBe(false);
    expect(isDecimalInput('abc')).toBe(false);
    expect(isDecimalInput(null)).toBe(false);
  });
});
