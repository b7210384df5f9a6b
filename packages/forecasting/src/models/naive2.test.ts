import { ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { naive2 } from './naive2.js';

describe('naive2', () => {
  it('forecasts the adjusted last value times the seasonal index', () => {
    // indices 0.4, 0.8, 1.2, 1.6; adjusted series ≡ 25
    const y = [10, 20, 30, 40, 10, 20, 30, 40, 10, 20, 30, 40];
    const fit = naive2(y, 6, { seasonLength: 4 });
    [10, 20, 30, 40, 10, 20].forEach((v, i) => {
      expect(fit.mean[i]).toBeCloseTo(v, 10);
    });
    expect(fit.params.seasonallyAdjusted).toBe(1);
    expect(fit.fitted?.[0]).toBeNaN();
    expect(fit.fitted?.[5]).toBeCloseTo(20, 10);
  });

  it('with a trend: last adjusted value times the index of each future season', () => {
    // seasonal pattern ×(0.5, 1.5) on a slow trend, n = 24
    const y = Array.from({ length: 24 }, (_, t) => (100 + t) * (t % 2 === 0 ? 0.5 : 1.5));
    const fit = naive2(y, 2, { seasonLength: 2 });
    expect(fit.params.seasonallyAdjusted).toBe(1);
    const lastAdjusted = (fit.mean[1] as number) / (fit.mean[0] as number);
    // forecast 1 uses season 0, forecast 2 season 1: their ratio is s1 / s0 ≈ 3
    expect(lastAdjusted).toBeCloseTo(3, 1);
    expect(fit.mean[1]).toBeCloseTo(y[23] as number, 6);
  });

  it('is naive when the test fails or m = 1', () => {
    expect(naive2([1, 5, 1, 5, 1, 5, 1, 5], 2, { seasonLength: 2 }).mean).toEqual([5, 5]);
    expect(naive2([3, 4, 2], 2, { seasonLength: 1 }).mean).toEqual([2, 2]);
  });

  it('validates seasonLength', () => {
    expect(() => naive2([1, 2], 1, { seasonLength: 0 })).toThrow(ValidationError);
  });
});
