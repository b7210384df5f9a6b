import { ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { bias, relativeBias } from './bias.js';

describe('bias', () => {
  it('is the mean of forecast − actual (positive = over-forecast)', () => {
    // (2 + 1 − 6)/3 = −1
    expect(bias([10, 20, 30], [12, 21, 24])).toBe(-1);
    expect(bias([10], [15])).toBe(5);
    expect(bias([3, 3], [3, 3])).toBe(0);
  });

  it('validates its arguments', () => {
    expect(() => bias([1, 2], [1])).toThrow(/forecast/);
    expect(() => bias([], [])).toThrow(ValidationError);
  });
});

describe('relativeBias', () => {
  it('is Σ(f − y) / Σ|y|', () => {
    // (2 + 1 − 6) / 60 = −0.05
    expect(relativeBias([10, 20, 30], [12, 21, 24])).toBeCloseTo(-0.05, 12);
    // 10 / 40 = 0.25
    expect(relativeBias([10, 30], [20, 30])).toBe(0.25);
  });

  it('is 0 or ±Infinity when every actual is 0', () => {
    expect(relativeBias([0, 0], [0, 0])).toBe(0);
    expect(relativeBias([0, 0], [1, 0])).toBe(Number.POSITIVE_INFINITY);
    expect(relativeBias([0, 0], [-1, 0])).toBe(Number.NEGATIVE_INFINITY);
  });

  it('validates its arguments', () => {
    expect(() => relativeBias([1], [Number.POSITIVE_INFINITY])).toThrow(/forecast/);
  });
});
