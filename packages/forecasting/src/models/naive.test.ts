import { ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { naive } from './naive.js';
import { seasonalNaive } from './seasonal-naive.js';

function issuePath(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error instanceof ValidationError ? error.issues[0]?.path : 'other error';
  }
  return 'no error';
}

describe('naive', () => {
  it('repeats the last value, fitted = previous value', () => {
    const fit = naive([1, 4, 2], 3);
    expect(fit.mean).toEqual([2, 2, 2]);
    expect(fit.fitted).toEqual([Number.NaN, 1, 4]);
    expect(fit.residuals).toEqual([Number.NaN, 3, -2]);
  });

  it('works on one observation', () => {
    expect(naive([7], 2).mean).toEqual([7, 7]);
  });

  it('validates horizon and y', () => {
    expect(issuePath(() => naive([1], 0))).toEqual(['horizon']);
    expect(issuePath(() => naive([1], 1.5))).toEqual(['horizon']);
    expect(issuePath(() => naive([], 1))).toEqual(['y']);
    expect(issuePath(() => naive([1, Number.NaN], 1))).toEqual(['y', 1]);
    expect(issuePath(() => naive([1, Number.POSITIVE_INFINITY], 1))).toEqual(['y', 1]);
  });
});

describe('seasonalNaive', () => {
  it('repeats the last season', () => {
    const fit = seasonalNaive([1, 2, 3, 4, 5, 6], 5, { seasonLength: 4 });
    expect(fit.mean).toEqual([3, 4, 5, 6, 3]);
    expect(fit.fitted).toEqual([Number.NaN, Number.NaN, Number.NaN, Number.NaN, 1, 2]);
    expect(fit.residuals?.slice(4)).toEqual([4, 4]);
    expect(fit.params).toEqual({ seasonLength: 4, fallback: 0 });
  });

  it('equals naive for seasonLength 1', () => {
    expect(seasonalNaive([3, 1, 2], 2, { seasonLength: 1 }).mean).toEqual([2, 2]);
  });

  it('falls back to naive when shorter than a season', () => {
    const fit = seasonalNaive([1, 2, 3], 2, { seasonLength: 12 });
    expect(fit.mean).toEqual([3, 3]);
    expect(fit.params.fallback).toBe(1);
  });

  it('validates seasonLength', () => {
    expect(issuePath(() => seasonalNaive([1, 2], 1, { seasonLength: 0 }))).toEqual(['seasonLength']);
    expect(issuePath(() => seasonalNaive([1, 2], 1, { seasonLength: 2.5 }))).toEqual(['seasonLength']);
  });
});
