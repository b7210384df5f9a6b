import { describe, expect, it } from 'vitest';
import { expectValidation } from '../test/expect-error.js';
import { DomainError } from './errors.js';
import { applyMoqAndPack, assertQuantity, roundToPack, sumQuantities } from './quantity.js';

describe('assertQuantity', () => {
  it('returns good quantities', () => {
    expect(assertQuantity(12, 'quantity')).toBe(12);
    expect(assertQuantity(0.25, 'quantity')).toBe(0.25);
    expect(assertQuantity(0, 'quantity', { allowZero: true })).toBe(0);
    expect(Object.is(assertQuantity(-0, 'quantity', { allowZero: true }), 0)).toBe(true);
    expect(assertQuantity(5, 'quantity', { integer: true, min: 5, max: 5 })).toBe(5);
    expect(assertQuantity(-2, 'delta', { min: -10 })).toBe(-2);
  });

  it('names the field and says what is wrong', () => {
    expectValidation(
      () => assertQuantity(Number.NaN, 'lines.0.quantity'),
      ['lines.0.quantity'],
      'invalid_type',
    );
    expectValidation(() => assertQuantity(Number.POSITIVE_INFINITY, 'qty'), ['qty'], 'invalid_type');
    expectValidation(() => assertQuantity('3' as unknown as number, 'qty'), ['qty'], 'invalid_type');
    expectValidation(() => assertQuantity(-1, 'qty'), ['qty'], 'too_small');
    expectValidation(() => assertQuantity(0, 'qty'), ['qty'], 'too_small');
    expectValidation(() => assertQuantity(1.5, 'qty', { integer: true }), ['qty'], 'not_integer');
    expectValidation(() => assertQuantity(2, 'qty', { min: 3 }), ['qty'], 'too_small');
    expectValidation(() => assertQuantity(11, 'qty', { max: 10 }), ['qty'], 'too_big');
    expectValidation(() => assertQuantity(1, 'qty', { min: Number.NaN }), ['options', 'min']);
  });
});

describe('roundToPack', () => {
  it('rounds to whole packs', () => {
    expect(roundToPack(13, 6)).toBe(18);
    expect(roundToPack(12, 6)).toBe(12);
    expect(roundToPack(13, 6, 'down')).toBe(12);
    expect(roundToPack(14, 6, 'nearest')).toBe(12);
    expect(roundToPack(15, 6, 'nearest')).toBe(18); // halves round up
    expect(roundToPack(0, 6)).toBe(0);
    expect(roundToPack(5, 6, 'down')).toBe(0);
  });

  it('is exact for decimal pack sizes', () => {
    expect(roundToPack(1.3, 0.25)).toBe(1.5);
    expect(roundToPack(1.3, 0.25, 'down')).toBe(1.25);
    expect(roundToPack(0.7, 0.25, 'nearest')).toBe(0.75);
    expect(roundToPack(0.3, 0.1)).toBe(0.3); // 0.3 / 0.1 is 2.9999999999999996 in floats
    expect(roundToPack(0.7, 0.1, 'down')).toBe(0.7);
    expect(roundToPack(0.1 + 0.2, 0.1)).toBe(0.3); // float noise is absorbed
    expect(roundToPack(1.15, 0.05)).toBe(1.15);
    expect(roundToPack(2.5, 0.001, 'up')).toBe(2.5);
    expect(roundToPack(0.31, 0.1 + 0.2)).toBe(0.6);
    expect(roundToPack(1e-7, 1e-7)).toBe(1e-7);
  });

  it('keeps directed rounding for large quantities with many decimals', () => {
    expect(roundToPack(1e7 + 1 / 3, 1)).toBe(1e7 + 1);
    expect(roundToPack(1e7 + 1 / 3, 1, 'down')).toBe(1e7);
    expect(roundToPack(1e15 + 0.5, 1, 'down')).toBe(1e15);
    expect(roundToPack(1e15 + 0.5, 1, 'nearest')).toBe(1e15 + 1);
    expect(roundToPack(1e15 + 0.25, 1, 'nearest')).toBe(1e15);
  });

  it('validates its input', () => {
    expectValidation(() => roundToPack(-1, 6), ['quantity']);
    expectValidation(() => roundToPack(Number.NaN, 6), ['quantity']);
    expectValidation(() => roundToPack(1, 0), ['packSize']);
    expectValidation(() => roundToPack(1, -2), ['packSize']);
    expectValidation(() => roundToPack(1, 1 / 3), ['packSize'], 'invalid_format');
    expectValidation(() => roundToPack(1, 1e-10), ['packSize'], 'invalid_format');
    expectValidation(() => roundToPack(1, 6, 'ceil' as never), ['mode']);
    expectValidation(() => roundToPack(1e300, 0.5), ['quantity'], 'too_big');
  });
});

describe('applyMoqAndPack', () => {
  it('applies the MOQ, then whole packs', () => {
    expect(applyMoqAndPack(7, { moq: 10, packSize: 6 })).toBe(12);
    expect(applyMoqAndPack(13, { moq: 10, packSize: 6 })).toBe(18);
    expect(applyMoqAndPack(13, { moq: 10 })).toBe(13);
    expect(applyMoqAndPack(7, { moq: 10 })).toBe(10);
    expect(applyMoqAndPack(7, { packSize: 5 })).toBe(10);
    expect(applyMoqAndPack(7)).toBe(7);
    expect(applyMoqAndPack(1.1, { moq: 0.5, packSize: 0.25 })).toBe(1.25);
  });

  it('keeps 0 unless forceMinimum', () => {
    expect(applyMoqAndPack(0, { moq: 10, packSize: 6 })).toBe(0);
    expect(applyMoqAndPack(0, { moq: 10, packSize: 6, forceMinimum: true })).toBe(12);
    expect(applyMoqAndPack(0, { packSize: 6, forceMinimum: true })).toBe(6);
    expect(applyMoqAndPack(0, { moq: 3, forceMinimum: true })).toBe(3);
    expect(applyMoqAndPack(0, { forceMinimum: true })).toBe(0);
  });

  it('refuses to exceed the maximum', () => {
    expect(applyMoqAndPack(40, { packSize: 12, max: 48 })).toBe(48);
    try {
      applyMoqAndPack(50, { packSize: 12, max: 48 });
      throw new Error('expected DomainError');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('QUANTITY_ABOVE_MAXIMUM');
      expect((error as DomainError).details).toEqual({ quantity: 50, required: 60, max: 48 });
    }
    expect(() => applyMoqAndPack(1, { moq: 100, max: 50 })).toThrow(DomainError);
    expect(applyMoqAndPack(0, { moq: 100, max: 50 })).toBe(0);
  });

  it('validates its input', () => {
    expectValidation(() => applyMoqAndPack(-1), ['quantity']);
    expectValidation(() => applyMoqAndPack(1, { moq: -1 }), ['moq']);
    expectValidation(() => applyMoqAndPack(1, { packSize: 0 }), ['packSize']);
    expectValidation(() => applyMoqAndPack(1, { max: Number.NaN }), ['max']);
  });
});

describe('sumQuantities', () => {
  it('sums without drift', () => {
    expect(sumQuantities(new Array(10).fill(0.1))).toBe(1);
    expect(sumQuantities([0.1, 0.2, 0.3])).toBe(0.6);
    expect(sumQuantities([1e100, 1, -1e100])).toBe(1); // Kahan alone gives 0
    expect(sumQuantities([])).toBe(0);
    expect(sumQuantities(new Set([1, 2, 3]))).toBe(6);
  });

  it('names the bad element', () => {
    expectValidation(() => sumQuantities([1, Number.NaN]), ['values', 1]);
    expectValidation(() => sumQuantities(5 as unknown as number[]), ['values']);
    expectValidation(() => sumQuantities([Number.MAX_VALUE, Number.MAX_VALUE]), ['values']);
  });
});
