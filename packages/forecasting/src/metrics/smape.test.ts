import { ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { smape } from './smape.js';

describe('smape', () => {
  it('matches hand-computed values', () => {
    // 200·10/210 = 9.5238095, 200·20/380 = 10.5263158 → mean 10.0250627
    expect(smape([100, 200], [110, 180])).toBeCloseTo(10.0250627, 6);
    // 200·|−1 − 1|/(1 + 1) = 200 (opposite signs: the maximum)
    expect(smape([-1], [1])).toBe(200);
    // forecast 0 for a non-zero actual: 200·5/5 = 200; exact step: 0 → mean 100
    expect(smape(new Float64Array([5, 7]), [0, 7])).toBe(100);
  });

  it('reads 0/0 as a perfect step', () => {
    expect(smape([0, 0], [0, 0])).toBe(0);
    // 0 + 200·2/2 = 200 → mean 100
    expect(smape([0, 2], [0, 0])).toBe(100);
  });

  it('validates its arguments', () => {
    expect(() => smape([1, 2], [1])).toThrow(ValidationError);
    expect(() => smape([], [])).toThrow(/actual/);
    expect(() => smape([1], [Number.NaN])).toThrow(/forecast/);
  });
});
