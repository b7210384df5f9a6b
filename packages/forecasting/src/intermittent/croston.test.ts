import { ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { croston, crostonOptimized } from './croston.js';
import { sba } from './sba.js';
import { sesM5 } from './shared.js';

// y = [0, 0, 3, 0, 0, 0, 5, 0, 2]: demands at t = 2, 6, 8
// sizes z = [3, 5, 2]; intervals p = [1, 4, 2] (first demand starts the series: interval 1)
// SES α = 0.1, l_1 = first value:
//   ẑ: 3 → 3 (after 3) → 0.1·5 + 0.9·3 = 3.2 → 0.1·2 + 0.9·3.2 = 3.08
//   p̂: 1 → 1 (after 1) → 0.1·4 + 0.9·1 = 1.3 → 0.1·2 + 0.9·1.3 = 1.37
// Croston = 3.08 / 1.37 = 2.2481752; SBA = 0.95 × that = 2.1357664
const y = [0, 0, 3, 0, 0, 0, 5, 0, 2];

describe('croston', () => {
  it('follows the hand recursion', () => {
    const fit = croston(y, 3);
    for (const v of fit.mean) expect(v).toBeCloseTo(3.08 / 1.37, 12);
    expect(fit.mean).toHaveLength(3);
    expect(fit.params.demandLevel).toBeCloseTo(3.08, 12);
    expect(fit.params.intervalLevel).toBeCloseTo(1.37, 12);
    expect(fit.params.alphaDemand).toBe(0.1);
  });

  it('fits the estimate after the last demand seen (NaN before the first demand)', () => {
    // t = 3..6: after demand 3 → 3 / 1; t = 7, 8: after demand 5 → 3.2 / 1.3
    const fitted = croston(y, 1).fitted as number[];
    expect(fitted.slice(0, 3).every(Number.isNaN)).toBe(true);
    expect(fitted.slice(3, 7)).toEqual([3, 3, 3, 3]);
    expect(fitted[7]).toBeCloseTo(3.2 / 1.3, 12);
    expect(fitted[8]).toBeCloseTo(3.2 / 1.3, 12);
    expect((croston(y, 1).residuals as number[])[6]).toBeCloseTo(2, 12);
  });

  it('ignores leading zeros and forecasts 0 for an all-zero series', () => {
    expect(croston([3, 0, 0, 0, 5, 0, 2], 1).mean[0]).toBeCloseTo(3.08 / 1.37, 12);
    expect(croston([0, 0, 0], 2).mean).toEqual([0, 0]);
    expect(croston([4], 2).mean).toEqual([4, 4]);
  });

  it('uses the given smoothing weights', () => {
    // α = 0.5: ẑ 3 → 3 → 4 → 3; p̂ 1 → 1 → 2.5 → 2.25
    expect(croston(y, 1, { alphaDemand: 0.5, alphaInterval: 0.5 }).mean[0]).toBeCloseTo(3 / 2.25, 12);
  });

  it('rejects bad input naming the field', () => {
    const field = (f: () => unknown): unknown => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        return (e as ValidationError).issues[0]?.path;
      }
      return undefined;
    };
    expect(field(() => croston([], 1))).toEqual(['y']);
    expect(field(() => croston([1, -1], 1))).toEqual(['y', 1]);
    expect(field(() => croston([1, Number.NaN], 1))).toEqual(['y', 1]);
    expect(field(() => croston([1], 0))).toEqual(['horizon']);
    expect(field(() => croston([1], 1, { alphaDemand: 2 }))).toEqual(['alphaDemand']);
    expect(field(() => crostonOptimized([1], 1, { alphaUpper: 0.05 }))).toEqual(['alphaUpper']);
    expect(field(() => sba([1], 1, { alphaInterval: -0.1 }))).toEqual(['alphaInterval']);
  });
});

describe('crostonOptimized', () => {
  it('picks each weight in [0.1, 0.3] minimising its own SES MSE', () => {
    const series = [0, 4, 0, 0, 9, 1, 0, 0, 0, 6, 2, 0, 7, 0, 0, 3];
    const fit = crostonOptimized(series, 2);
    const sizes = series.filter((v) => v !== 0);
    const a = fit.params.alphaDemand as number;
    expect(a).toBeGreaterThanOrEqual(0.1);
    expect(a).toBeLessThanOrEqual(0.3);
    const best = sesM5(sizes, a).mse;
    for (let g = 0.1; g <= 0.3 + 1e-12; g += 0.005)
      expect(best).toBeLessThanOrEqual(sesM5(sizes, g).mse + 1e-9);
    expect(fit.mean[0]).toBeCloseTo(
      (fit.params.demandLevel as number) / (fit.params.intervalLevel as number),
      12,
    );
  });

  it('equals croston when the bounds pin both weights to 0.1', () => {
    const fit = crostonOptimized(y, 1, { alphaLower: 0.1, alphaUpper: 0.1 });
    expect(fit.mean[0]).toBeCloseTo(3.08 / 1.37, 12);
  });
});

describe('sba', () => {
  it('is croston × (1 − α/2) = 0.95 × croston by default', () => {
    expect(sba(y, 1).mean[0]).toBeCloseTo((0.95 * 3.08) / 1.37, 12);
    expect(sba(y, 1, { alphaInterval: 0.5, alphaDemand: 0.5 }).mean[0]).toBeCloseTo((0.75 * 3) / 2.25, 12);
    expect(sba([0, 0], 1).mean).toEqual([0]);
  });
});
