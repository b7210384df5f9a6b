import { ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { rmsse } from './rmsse.js';

describe('rmsse', () => {
  it('matches hand-computed values', () => {
    // from the first non-zero: [2, 4, 3] → diffs² 4, 1 → scale 2.5; MSE (1 + 4)/2 = 2.5 → 1
    expect(rmsse([0, 0, 2, 4, 3], [3, 5], [4, 3])).toBe(1);
    // [1, 3, 2, 6] → diffs² 4, 1, 16 → scale 21/3 = 7; errors 0 and −2 → MSE 2 → sqrt(2/7)
    expect(rmsse([1, 3, 2, 6], [6, 6], [6, 8])).toBeCloseTo(Math.sqrt(2 / 7), 12);
  });

  it('drops only leading zeros', () => {
    // [1, 0, 1] → diffs² 1, 1 → scale 1; MSE 1 → 1
    expect(rmsse([0, 1, 0, 1], [1], [0])).toBe(1);
    // [0, 0, 0, 4] → from the first non-zero only [4]: no differences → scale 0
    expect(rmsse([0, 0, 0, 4], [4], [3])).toBe(Number.POSITIVE_INFINITY);
    expect(rmsse([0, 0, 0, 4], [4], [4])).toBe(0);
  });

  it('handles an all-zero insample', () => {
    expect(rmsse([0, 0, 0], [0, 0], [0, 0])).toBe(0);
    expect(rmsse([0, 0, 0], [0, 1], [0, 0])).toBe(Number.POSITIVE_INFINITY);
  });

  it('validates its arguments', () => {
    expect(() => rmsse([], [1], [1])).toThrow(/insample/);
    expect(() => rmsse([1, 2], [1, 2], [1])).toThrow(/forecast/);
    expect(() => rmsse([1, 2], [Number.NaN], [1])).toThrow(ValidationError);
  });
});
