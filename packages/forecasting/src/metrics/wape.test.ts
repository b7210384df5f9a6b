import { ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { wape } from './wape.js';

describe('wape', () => {
  it('matches hand-computed values', () => {
    // (2 + 1 + 3) / (10 + 0 + 30) = 6/40
    expect(wape([10, 0, 30], [12, 1, 27])).toBeCloseTo(0.15, 12);
    // negative actuals count by absolute value: |−4 − (−2)| / 4 = 0.5
    expect(wape([-4], [-2])).toBe(0.5);
  });

  it('is 0 or Infinity when every actual is 0', () => {
    expect(wape([0, 0], [0, 0])).toBe(0);
    expect(wape([0, 0], [1, 0])).toBe(Number.POSITIVE_INFINITY);
  });

  it('validates its arguments', () => {
    expect(() => wape([1, 2], [1])).toThrow(/forecast/);
    expect(() => wape([Number.NaN], [1])).toThrow(ValidationError);
  });
});
