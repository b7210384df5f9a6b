import { describe, expect, it } from 'vitest';
import { expectValidation } from '../test/expect-error.js';
import { toDecimal } from './money/decimal.js';
import {
  basisPointsToFraction,
  formatPercent,
  fractionToBasisPoints,
  parsePercent,
  percentChange,
} from './percent.js';

describe('parsePercent', () => {
  it('reads percentages', () => {
    expect(parsePercent('12.5%').toString()).toBe('0.125');
    expect(parsePercent('100%').toString()).toBe('1');
    expect(parsePercent(' 7 % ').toString()).toBe('0.07');
    expect(parsePercent('-3%').toString()).toBe('-0.03');
    expect(parsePercent('150％').toString()).toBe('1.5');
    expect(parsePercent('.5%').toString()).toBe('0.005');
    expect(parsePercent('0.1%').plus(parsePercent('0.2%')).toString()).toBe('0.003');
  });

  it('reads bare numbers and strings as fractions', () => {
    expect(parsePercent(0.125).toString()).toBe('0.125');
    expect(parsePercent('0.125').toString()).toBe('0.125');
    expect(parsePercent('12.5').toString()).toBe('12.5');
    expect(parsePercent(-0.2).toString()).toBe('-0.2');
  });

  it('reads the 折 discount notation', () => {
    expect(parsePercent('8折').toString()).toBe('0.8');
    expect(parsePercent('8.5折').toString()).toBe('0.85');
    expect(parsePercent('95折').toString()).toBe('0.95');
    expect(parsePercent('75折').toString()).toBe('0.75');
    expect(parsePercent('0.5折').toString()).toBe('0.05');
    expect(parsePercent('八折').toString()).toBe('0.8');
    expect(parsePercent('九五折').toString()).toBe('0.95');
    expect(parsePercent('八点五折').toString()).toBe('0.85');
    expect(parsePercent('打八折').toString()).toBe('0.8');
    expect(parsePercent(' 9 折 ').toString()).toBe('0.9');
  });

  it('rejects bad input on field input', () => {
    for (const bad of [
      '',
      'abc',
      '%',
      '12.5%%',
      '12,5%',
      '0折',
      '05折',
      '100折',
      '95.5折',
      '-8折',
      '折',
      'x折',
      '8折%',
      'Infinity',
    ]) {
      expectValidation(() => parsePercent(bad), 'input');
    }
    expectValidation(() => parsePercent(Number.NaN), 'input');
    expectValidation(() => parsePercent(null as unknown as string), 'input');
  });
});

describe('formatPercent', () => {
  it('formats fractions', () => {
    expect(formatPercent(0.125)).toBe('12.50%');
    expect(formatPercent('0.125', 0)).toBe('13%'); // half away from zero
    expect(formatPercent('-0.125', 0)).toBe('-13%');
    expect(formatPercent(1)).toBe('100.00%');
    expect(formatPercent('0.0005', 1)).toBe('0.1%');
    expect(formatPercent(toDecimal('0.333333'), 3)).toBe('33.333%');
    expect(formatPercent(-0.00001)).toBe('0.00%');
    expect(formatPercent(10n)).toBe('1000.00%');
    expect(formatPercent(parsePercent('85折'), 0)).toBe('85%');
  });

  it('validates its arguments', () => {
    expectValidation(() => formatPercent('abc'), 'fraction');
    expectValidation(() => formatPercent(0.1, -1), 'digits');
    expectValidation(() => formatPercent(0.1, 1.5), 'digits');
  });
});

describe('basis points', () => {
  it('converts exactly both ways', () => {
    expect(basisPointsToFraction(125).toString()).toBe('0.0125');
    expect(basisPointsToFraction('0.5').toString()).toBe('0.00005');
    expect(fractionToBasisPoints('0.0125').toString()).toBe('125');
    expect(fractionToBasisPoints(parsePercent('0.05%')).toNumber()).toBe(5);
    expect(fractionToBasisPoints(basisPointsToFraction('37.5')).toString()).toBe('37.5');
    expectValidation(() => basisPointsToFraction('x'), 'bp');
    expectValidation(() => fractionToBasisPoints(Number.NaN), 'fraction');
  });
});

describe('percentChange', () => {
  it('is relative to |from|', () => {
    expect(percentChange(80, 100)).toBe(0.25);
    expect(percentChange(100, 80)).toBe(-0.2);
    expect(percentChange(100, 100)).toBe(0);
    expect(percentChange(-50, -25)).toBe(0.5);
    expect(percentChange(0, 5)).toBeNull();
    expect(percentChange(0, 0)).toBeNull();
  });

  it('validates its arguments', () => {
    expectValidation(() => percentChange(Number.NaN, 1), 'from');
    expectValidation(() => percentChange(1, Number.POSITIVE_INFINITY), 'to');
  });
});
