import { ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { damped } from './damped.js';
import { fitInitialStates } from './exponential-smoothing.js';
import { holt } from './holt.js';

const noisy = [10, 12, 11, 15, 14, 17, 19, 18, 22, 21, 25, 24, 27];

describe('holt', () => {
  it('follows the hand recursion (fixed alpha, beta; exact line → exact fit)', () => {
    const fit = holt([1, 2, 3, 4, 5], 3, { alpha: 0.5, beta: 0.1 });
    fit.mean.forEach((v, i) => {
      expect(v).toBeCloseTo(6 + i, 10);
    });
    expect(fit.params.initialLevel).toBeCloseTo(0, 10);
    expect(fit.params.initialTrend).toBeCloseTo(1, 10);
    expect(fit.params.sse).toBeCloseTo(0, 18);
  });

  it('matches a manual recursion with its fitted initial states', () => {
    const fit = holt(noisy, 2, { alpha: 0.4, beta: 0.2 });
    let l = fit.params.initialLevel as number;
    let b = fit.params.initialTrend as number;
    for (const y of noisy) {
      const e = y - (l + b);
      l = l + b + 0.4 * e;
      b = b + 0.2 * e;
    }
    expect(fit.mean[0]).toBeCloseTo(l + b, 10);
    expect(fit.mean[1]).toBeCloseTo(l + 2 * b, 10);
  });

  it('optimises alpha, beta (beta <= alpha) to an SSE no worse than a grid', () => {
    const fit = holt(noisy, 2);
    const { alpha = 0, beta = 0, sse = 0 } = fit.params;
    expect(beta).toBeLessThanOrEqual(alpha + 1e-12);
    for (let a = 0.05; a < 1; a += 0.1) {
      for (let bt = 0.01; bt <= a; bt += 0.05) {
        const grid = fitInitialStates(noisy, { alpha: a, beta: bt, phi: 1, trend: true }).sse;
        expect(sse).toBeLessThanOrEqual(grid + 1e-6);
      }
    }
  });

  it('needs two observations', () => {
    expect(() => holt([1], 1)).toThrow(ValidationError);
  });
});

describe('damped', () => {
  it('equals holt when phi = 1', () => {
    const a = damped(noisy, 4, { alpha: 0.3, beta: 0.1, phi: 1 });
    const b = holt(noisy, 4, { alpha: 0.3, beta: 0.1 });
    a.mean.forEach((v, i) => {
      expect(v).toBeCloseTo(b.mean[i] as number, 9);
    });
  });

  it('damps the trend: increments shrink by phi', () => {
    const fit = damped(noisy, 4, { alpha: 0.3, beta: 0.1, phi: 0.9 });
    const d = fit.mean.slice(1).map((v, i) => v - (fit.mean[i] as number));
    expect(d[1] as number).toBeCloseTo((d[0] as number) * 0.9, 10);
    expect(d[2] as number).toBeCloseTo((d[1] as number) * 0.9, 10);
  });

  it('optimises phi within [0.8, 0.98]', () => {
    const fit = damped(noisy, 3);
    const { phi = 0, alpha = 0, beta = 0 } = fit.params;
    expect(phi).toBeGreaterThanOrEqual(0.8);
    expect(phi).toBeLessThanOrEqual(0.98);
    expect(beta).toBeLessThanOrEqual(alpha + 1e-12);
    for (const p of [0.8, 0.85, 0.9, 0.95, 0.98]) {
      const grid = fitInitialStates(noisy, { alpha, beta, phi: p, trend: true }).sse;
      expect(fit.params.sse).toBeLessThanOrEqual(grid + 1e-6);
    }
  });

  it('validates phi', () => {
    expect(() => damped(noisy, 1, { phi: 1.2 })).toThrow(ValidationError);
  });
});
