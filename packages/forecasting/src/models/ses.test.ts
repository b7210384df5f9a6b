import { ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { fitInitialStates } from './exponential-smoothing.js';
import { ses } from './ses.js';

describe('ses', () => {
  it('follows the hand recursion with fixed alpha and l0', () => {
    // l: 3 → 3 → 4 → 4 ; fitted = previous level
    const fit = ses([3, 5, 4], 2, { alpha: 0.5, initialLevel: 3 });
    expect(fit.mean).toEqual([4, 4]);
    expect(fit.fitted).toEqual([3, 3, 4]);
    expect(fit.residuals).toEqual([0, 2, 0]);
    expect(fit.params.sse).toBe(4);
  });

  it('solves the SSE-optimal initial level for a fixed alpha', () => {
    // SSE(l0) = (2 − l0)² + (3 − l0/2)²  →  l0 = 2.8, fitted [2.8, 2.4], l2 = 3.2
    const fit = ses([2, 4], 1, { alpha: 0.5 });
    expect(fit.params.initialLevel).toBeCloseTo(2.8, 12);
    expect(fit.mean[0]).toBeCloseTo(3.2, 12);
  });

  it('optimises alpha to the SSE minimum on [1e-4, 0.9999]', () => {
    const y = [12, 15, 11, 14, 18, 17, 16, 21, 19, 22, 20, 24];
    const fit = ses(y, 3);
    const alpha = fit.params.alpha as number;
    expect(alpha).toBeGreaterThanOrEqual(1e-4);
    expect(alpha).toBeLessThanOrEqual(0.9999);
    for (let a = 0.0001; a <= 0.9999; a += 0.01) {
      const sse = fitInitialStates(y, { alpha: a, beta: 0, phi: 1, trend: false }).sse;
      expect(fit.params.sse).toBeLessThanOrEqual(sse + 1e-9);
    }
    expect(fit.mean).toEqual(new Array(3).fill(fit.mean[0]));
  });

  it('picks alpha at the upper bound on a random walk with drift and low alpha on noise around a mean', () => {
    expect(ses([1, 2, 3, 4, 5, 6, 7, 8], 1).params.alpha).toBeCloseTo(0.9999, 6);
    expect(ses([5, 7, 5, 7, 5, 7, 5, 7], 1).params.alpha).toBeCloseTo(0.0001, 6);
  });

  it('validates options', () => {
    expect(() => ses([1, 2], 1, { alpha: 1.5 })).toThrow(ValidationError);
    expect(() => ses([], 1)).toThrow(ValidationError);
  });
});
