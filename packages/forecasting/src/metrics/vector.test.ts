import { ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { assertSameLength, assertSeasonLength, assertVector, safeRatio } from './vector.js';

function issuePath(fn: () => unknown): (string | number)[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return [...(error as ValidationError).issues[0]!.path];
  }
  throw new Error('expected a ValidationError');
}

describe('vector checks', () => {
  it('accepts arrays and Float64Arrays of finite numbers', () => {
    expect(() => assertVector([1, 2], 'x')).not.toThrow();
    expect(() => assertVector(new Float64Array([1]), 'x')).not.toThrow();
  });

  it('names the argument and the index', () => {
    expect(issuePath(() => assertVector('no', 'actual'))).toEqual(['actual']);
    expect(issuePath(() => assertVector([], 'actual'))).toEqual(['actual']);
    expect(issuePath(() => assertVector([1, Number.NaN], 'forecast'))).toEqual(['forecast', 1]);
    expect(issuePath(() => assertVector([Number.POSITIVE_INFINITY], 'forecast'))).toEqual(['forecast', 0]);
    expect(issuePath(() => assertVector([1, '2'], 'forecast'))).toEqual(['forecast', 1]);
    expect(issuePath(() => assertSameLength([1], 'forecast', [1, 2], 'actual'))).toEqual(['forecast']);
    expect(issuePath(() => assertSeasonLength(0))).toEqual(['seasonLength']);
    expect(issuePath(() => assertSeasonLength(1.5))).toEqual(['seasonLength']);
  });

  it('reads 0/0 as 0 and x/0 as Infinity', () => {
    expect(safeRatio(0, 0)).toBe(0);
    expect(safeRatio(3, 0)).toBe(Number.POSITIVE_INFINITY);
    expect(safeRatio(3, 2)).toBe(1.5);
  });
});
