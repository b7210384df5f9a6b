import { ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { pinballLoss } from './pinball-loss.js';

describe('pinballLoss', () => {
  it('matches hand-computed values', () => {
    // q = 0.9: y − f = 10 → 0.9·10 = 9; y − f = −10 → 0.1·10 = 1 → mean 5
    expect(pinballLoss([100, 100], [90, 110], 0.9)).toBeCloseTo(5, 12);
    // q = 0.5 is half the absolute error: (|3| + |−1|)/2 · 0.5 = 1
    expect(pinballLoss([5, 5], [2, 6], 0.5)).toBe(1);
    // q = 0.25, over-forecast by 4: 0.75·4 = 3
    expect(pinballLoss([0], [4], 0.25)).toBe(3);
  });

  it('validates its arguments', () => {
    expect(() => pinballLoss([1], [1], 1.5)).toThrow(/q/);
    expect(() => pinballLoss([1], [1], Number.NaN)).toThrow(ValidationError);
    expect(() => pinballLoss([1, 2], [1], 0.5)).toThrow(/quantileForecast/);
  });
});
