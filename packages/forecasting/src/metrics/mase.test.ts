import { ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { mase } from './mase.js';

describe('mase', () => {
  it('matches hand-computed values', () => {
    // scale (m = 1): (2 + 1 + 4)/3 = 7/3; MAE (|7−6| + |8−9|)/2 = 1 → 3/7
    expect(mase([1, 3, 2, 6], [7, 8], [6, 9], 1)).toBeCloseTo(3 / 7, 12);
    // scale (m = 2): (|2−1| + |6−3|)/2 = 2; MAE (3 + 1)/2 = 2 → 1
    expect(mase([1, 3, 2, 6], [4, 4], [1, 5], 2)).toBe(1);
    // quarterly: insample 8 values, scale (m = 4) = mean of |5−1|,|6−2|,|7−3|,|8−4| = 4; MAE 2 → 0.5
    expect(mase([1, 2, 3, 4, 5, 6, 7, 8], [9, 10], [11, 8], 4)).toBe(0.5);
  });

  it('returns 0 for a perfect forecast and Infinity for an error when the scale is 0', () => {
    expect(mase([4, 4, 4], [4, 4], [4, 4], 1)).toBe(0);
    expect(mase([4, 4, 4], [4, 4], [4, 5], 1)).toBe(Number.POSITIVE_INFINITY);
  });

  it('validates its arguments', () => {
    expect(() => mase([1, 2], [1, 2], [1], 1)).toThrow(/forecast/);
    expect(() => mase([1, 2], [1], [1], 2)).toThrow(/insample/);
    expect(() => mase([1, 2, 3], [1], [1], 1.5)).toThrow(/seasonLength/);
    expect(() => mase([1, Number.NaN, 3], [1], [1], 1)).toThrow(ValidationError);
  });
});
