import { ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { dynamicOptimizedTheta, optimizedTheta, thetaStateSpace } from './theta-models.js';

describe('thetaStateSpace', () => {
  // y = 1, 2, 3, 4: the least-squares line is exactly t (intercept 0, slope 1)
  const y = Float64Array.of(1, 2, 3, 4);
  const params = { level0: 0, alpha: 0.5, theta: 2 };

  it('static (STM/OTM): one-step forecasts, the forecast and the SSE by hand', () => {
    const run = thetaStateSpace(y, params, false, 1);
    expect(Array.from(run.mu)).toEqual([0.5, 1.25, 2.125, 3.0625, 4.03125]);
    expect(run.sse).toBe(0.25 + 0.5625 + 0.765625 + 0.87890625);
  });

  it('dynamic (DSTM/DOTM): the line re-estimated every step, the first two errors left out', () => {
    const run = thetaStateSpace(y, params, true, 1);
    expect(Array.from(run.mu)).toEqual([1, 0.75, 2.125, 3.0625, 4.03125]);
    expect(run.sse).toBe(0.765625 + 0.87890625);
  });

  it('θ = 1 is simple exponential smoothing', () => {
    const run = thetaStateSpace(Float64Array.of(4, 6, 5), { level0: 4, alpha: 0.5, theta: 1 }, false, 2);
    expect(Array.from(run.mu)).toEqual([4, 4, 5, 5, 5]);
  });
});

describe('optimizedTheta and dynamicOptimizedTheta', () => {
  const trend = Array.from({ length: 30 }, (_, t) => 50 + 2 * t + 3 * Math.sin(t));

  it('estimate α within [0.1, 0.99] and θ >= 1, and follow a trend', () => {
    for (const model of [optimizedTheta, dynamicOptimizedTheta]) {
      const fit = model(trend, 6);
      expect(fit.params.alpha).toBeGreaterThanOrEqual(0.1);
      expect(fit.params.alpha).toBeLessThanOrEqual(0.99);
      expect(fit.params.theta).toBeGreaterThanOrEqual(1);
      expect(fit.mean).toHaveLength(6);
      expect(fit.mean[5]!).toBeGreaterThan(fit.mean[0]!);
      expect(fit.mean[0]!).toBeGreaterThan(100);
      expect(fit.fitted).toHaveLength(30);
    }
  });

  it('the fitted SSE is at most that of θ = 2 (the standard models)', () => {
    for (const model of [optimizedTheta, dynamicOptimizedTheta]) {
      const free = model(trend, 3);
      const standard = model(trend, 3, { theta: 2 });
      expect(standard.params.theta).toBe(2);
      expect(free.params.sse!).toBeLessThanOrEqual(standard.params.sse! * (1 + 1e-6));
    }
  });

  it('seasonally adjusts when the M4 test passes', () => {
    const seasonal = Array.from({ length: 48 }, (_, t) => (100 + t) * [1.3, 0.8, 1.1, 0.8][t % 4]!);
    const fit = dynamicOptimizedTheta(seasonal, 8, { seasonLength: 4 });
    expect(fit.params.seasonallyAdjusted).toBe(1);
    const peaks = fit.mean.filter((_, k) => (48 + k) % 4 === 0);
    const troughs = fit.mean.filter((_, k) => (48 + k) % 4 === 1);
    expect(Math.min(...peaks)).toBeGreaterThan(Math.max(...troughs));
  });

  it('a constant series forecasts the constant', () => {
    const fit = optimizedTheta(new Array(12).fill(7), 3);
    for (const v of fit.mean) expect(v).toBeCloseTo(7, 6);
  });

  it('rejects bad input naming the field', () => {
    expect(() => optimizedTheta([1, 2], 3)).toThrow(ValidationError);
    expect(() => dynamicOptimizedTheta([1, 2, 3, 4], 0)).toThrow(/horizon/);
    expect(() => optimizedTheta([1, 2, 3, 4], 2, { theta: 0.5 })).toThrow(/theta/);
    expect(() => optimizedTheta([1, Number.NaN, 3, 4], 2)).toThrow(/y/);
  });
});
