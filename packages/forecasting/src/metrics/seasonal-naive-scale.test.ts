import { ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { seasonalNaiveScale } from './seasonal-naive-scale.js';

describe('seasonalNaiveScale', () => {
  it('matches hand-computed values', () => {
    // |3−1| + |2−3| + |6−2| = 7 over 3 differences
    expect(seasonalNaiveScale([1, 3, 2, 6], 1)).toBeCloseTo(7 / 3, 12);
    // |2−1| + |6−3| = 4 over 2 differences
    expect(seasonalNaiveScale([1, 3, 2, 6], 2)).toBe(2);
    expect(seasonalNaiveScale([5, 5, 5], 1)).toBe(0);
  });

  it('needs more than seasonLength observations', () => {
    expect(() => seasonalNaiveScale([1, 2], 2)).toThrow(ValidationError);
    expect(() => seasonalNaiveScale([1, 2], 2)).toThrow(/insample/);
    expect(() => seasonalNaiveScale([1, 2, 3], 0)).toThrow(/seasonLength/);
  });
});
