import { ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { msis } from './msis.js';

describe('msis', () => {
  it('matches hand-computed values', () => {
    // α = 0.2 → 2/α = 10. Step 1: width 2, 5 inside [4, 6]. Step 2: width 2, 13 > 12 → +10·1.
    // mean (2 + 12)/2 = 7; scale (m = 1) of [1, 2, 4] = (1 + 2)/2 = 1.5 → 14/3
    expect(msis([1, 2, 4], [5, 13], [4, 10], [6, 12], 0.8, 1)).toBeCloseTo(14 / 3, 12);
    // 95 %: 2/α = 40. Below the lower bound by 0.5: width 1 + 40·0.5 = 21; scale (m = 2) of
    // [1, 2, 3, 4] = (2 + 2)/2 = 2 → 10.5
    expect(msis([1, 2, 3, 4], [0.5], [1], [2], 0.95, 2)).toBeCloseTo(10.5, 12);
  });

  it('is the mean width over the scale when every actual is inside', () => {
    // widths 2 and 4 → 3; scale 1
    expect(msis([0, 1, 2], [1, 1], [0, -1], [2, 3], 0.9, 1)).toBeCloseTo(3, 12);
  });

  it('applies the scale-0 rule', () => {
    expect(msis([2, 2], [2], [2], [2], 0.95, 1)).toBe(0);
    expect(msis([2, 2], [2], [1], [3], 0.95, 1)).toBe(Number.POSITIVE_INFINITY);
  });

  it('validates its arguments', () => {
    expect(() => msis([1, 2], [1], [2], [1], 0.95, 1)).toThrow(/upper/);
    expect(() => msis([1, 2], [1], [0], [2], 95, 1)).toThrow(/level/);
    expect(() => msis([1, 2], [1], [0], [2], 0, 1)).toThrow(/level/);
    expect(() => msis([1, 2], [1, 2], [0], [2], 0.95, 1)).toThrow(/lower/);
    expect(() => msis([1, 2], [1], [0], [2], 0.95, 2)).toThrow(ValidationError);
  });
});
