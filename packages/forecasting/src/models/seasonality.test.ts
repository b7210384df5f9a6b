import { ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import {
  autocorrelation,
  centredMovingAverage,
  reseasonalize,
  seasonalAdjust,
  seasonalIndices,
  seasonalityTest,
} from './seasonality.js';

const quarterly = [10, 20, 30, 40, 10, 20, 30, 40, 10, 20, 30, 40];

describe('autocorrelation', () => {
  it('matches hand values', () => {
    // mean 2.5, deviations ±1.5, ±0.5: (0.75 − 0.25 + 0.75) / 5
    expect(autocorrelation([1, 2, 3, 4], 1)).toBeCloseTo(0.25, 14);
    // lag-2 products are all −75 over 10 pairs, denominator 1500
    expect(autocorrelation(quarterly, 2)).toBeCloseTo(-0.5, 14);
    expect(autocorrelation(quarterly, 3)).toBeCloseTo(-425 / 1500, 14);
    expect(autocorrelation(quarterly, 4)).toBeCloseTo(1000 / 1500, 14);
  });

  it('is 0 on a constant series', () => {
    expect(autocorrelation([5, 5, 5], 1)).toBe(0);
  });
});

describe('seasonalityTest', () => {
  it('passes when |r_m| exceeds the 90 % limit', () => {
    // r = [−0.05, −0.5, −0.28333, 0.6667]; limit = 1.645·sqrt((1 + 2·0.332778)/12) = 0.61286
    const limit = 1.645 * Math.sqrt((1 + 2 * (0.05 ** 2 + 0.5 ** 2 + (425 / 1500) ** 2)) / 12);
    expect(limit).toBeCloseTo(0.61286, 4);
    expect(seasonalityTest(quarterly, 4)).toBe(true);
  });

  it('fails when |r_m| is below the limit', () => {
    // alternating, n = 8: r1 = −0.875, r2 = 0.75 < 1.645·sqrt((1 + 2·0.765625)/8) = 0.925
    expect(seasonalityTest([1, 5, 1, 5, 1, 5, 1, 5], 2)).toBe(false);
    // n = 20: r2 = 0.9 > 0.616
    expect(
      seasonalityTest(
        Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 1 : 5)),
        2,
      ),
    ).toBe(true);
  });

  it('needs m > 1, n >= 3m and variance', () => {
    expect(seasonalityTest(quarterly.slice(0, 11), 4)).toBe(false);
    expect(seasonalityTest(quarterly, 1)).toBe(false);
    expect(seasonalityTest(new Array(24).fill(3), 4)).toBe(false);
  });
});

describe('centredMovingAverage', () => {
  it('uses order m for odd m and 2×m for even m', () => {
    expect(centredMovingAverage([1, 2, 3, 4, 5], 3)).toEqual([Number.NaN, 2, 3, 4, Number.NaN]);
    const even = centredMovingAverage([1, 3, 2, 6, 3, 9], 2);
    expect(even[0]).toBeNaN();
    expect(even.slice(1, 5)).toEqual([2.25, 3.25, 4.25, 5.25]);
    expect(even[5]).toBeNaN();
  });
});

describe('seasonalIndices', () => {
  it('recovers exact multiplicative indices', () => {
    const idx = seasonalIndices(quarterly, 4);
    [0.4, 0.8, 1.2, 1.6].forEach((v, i) => {
      expect(idx[i]).toBeCloseTo(v, 14);
    });
  });

  it('matches a hand computation for even m with trend', () => {
    // CMA 2.25, 3.25, 4.25, 5.25 at t = 1..4; ratios s1: 3/2.25, 6/4.25; s0: 2/3.25, 3/5.25
    const s0 = (8 / 13 + 4 / 7) / 2;
    const s1 = (4 / 3 + 24 / 17) / 2;
    const mean = (s0 + s1) / 2;
    const idx = seasonalIndices([1, 3, 2, 6, 3, 9], 2);
    expect(idx[0]).toBeCloseTo(s0 / mean, 14);
    expect(idx[1]).toBeCloseTo(s1 / mean, 14);
  });

  it('matches a hand computation for odd m', () => {
    // CMA(3) at t = 1..7: 4, 13/3, 5, 6, 19/3, 7, 8
    const s0 = (3 / 5 + 4 / 7) / 2;
    const s1 = (4 / 4 + 6 / 6 + 8 / 8) / 3;
    const s2 = (6 / (13 / 3) + 9 / (19 / 3)) / 2;
    const mean = (s0 + s1 + s2) / 3;
    const idx = seasonalIndices([2, 4, 6, 3, 6, 9, 4, 8, 12], 3);
    [s0, s1, s2].forEach((s, i) => {
      expect(idx[i]).toBeCloseTo(s / mean, 14);
    });
  });

  it('rejects non-positive values and short series', () => {
    expect(() => seasonalIndices([1, 0, 1, 2], 2)).toThrow(ValidationError);
    expect(() => seasonalIndices([1, 2, 3], 2)).toThrow(ValidationError);
  });
});

describe('seasonalAdjust / reseasonalize', () => {
  it('adjusts when the test passes', () => {
    const { adjusted, indices, seasonal } = seasonalAdjust(quarterly, 4);
    expect(seasonal).toBe(true);
    adjusted.forEach((v) => {
      expect(v).toBeCloseTo(25, 12);
    });
    expect(reseasonalize(adjusted, indices, 0).map((v) => Math.round(v * 1e9) / 1e9)).toEqual(quarterly);
  });

  it('leaves the series alone when not seasonal, too short, m = 1 or not positive', () => {
    for (const [y, m] of [
      [[1, 5, 1, 5, 1, 5, 1, 5], 2],
      [quarterly.slice(0, 8), 4],
      [quarterly, 1],
      [[...quarterly.slice(0, 11), 0], 4],
    ] as const) {
      const r = seasonalAdjust(y, m);
      expect(r.seasonal).toBe(false);
      expect(r.adjusted).toEqual(y);
      expect(r.indices).toEqual(new Array(m).fill(1));
    }
  });

  it('reseasonalizes forecasts from position n', () => {
    expect(reseasonalize([10, 10], [0.5, 1.5], 3)).toEqual([15, 5]);
  });
});
