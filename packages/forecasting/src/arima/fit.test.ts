import { ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { fitArima } from './fit.js';

describe('fitArima', () => {
  it('ARIMA(0,1,0): σ² and log-likelihood by hand', () => {
    const y = [1, 3, 2, 5, 4]; // Δy = (2, −1, 3, −1), Σ = 15
    const fit = fitArima(y, { order: [0, 1, 0] });
    expect(fit.name).toBe('ARIMA(0,1,0)');
    expect(fit.nobs).toBe(4);
    expect(fit.npar).toBe(1);
    expect(fit.sigma2).toBeCloseTo(15 / 4, 12); // Σe² / (n* − npar + 1)
    expect(fit.loglik).toBeCloseTo(-0.5 * (4 * Math.log((2 * Math.PI * 15) / 4) + 4), 12);
    expect(fit.aic).toBeCloseTo(-2 * fit.loglik + 2, 12);
    expect(fit.aicc).toBeCloseTo(fit.aic + (2 * 1 * 2) / (4 - 1 - 1), 12);
    expect(fit.residuals[0]).toBeNaN();
    expect(fit.residuals.slice(1)).toEqual([2, -1, 3, -1]);
    expect(fit.fitted.slice(1)).toEqual([1, 3, 2, 5]);
  });

  it('ARIMA(0,1,0) with drift: the drift is the mean difference', () => {
    const fit = fitArima([1, 3, 2, 5, 4], { order: [0, 1, 0], includeConstant: true });
    expect(fit.name).toBe('ARIMA(0,1,0) with drift');
    expect(fit.coefficients.drift).toBeCloseTo(0.75, 12);
    // residuals Δy − 0.75: Σ = 1.5625 + 3.0625 + 5.0625 + 3.0625 = 12.75, npar = 2
    expect(fit.sigma2).toBeCloseTo(12.75 / 3, 12);
  });

  it('a seasonal drift is reported per period (R: xreg = 1:n)', () => {
    const y = Array.from({ length: 24 }, (_, t) => 2 * t + [5, 1, 3, 0][t % 4]! + Math.sin(t));
    const fit = fitArima(y, {
      order: [0, 0, 0],
      seasonal: [0, 1, 0],
      seasonLength: 4,
      includeConstant: true,
    });
    // differenced at lag 4: mean ≈ 8 = 4 × slope
    expect(fit.coefficients.drift! * 4).toBeCloseTo(
      y.slice(4).reduce((s, v, i) => s + v - y[i]!, 0) / 20,
      10,
    );
  });

  it('AR(1) with a mean recovers a simulated process', () => {
    let x = 0;
    let seed = 7;
    const y = Array.from({ length: 300 }, () => {
      seed = (seed * 16807) % 2147483647;
      const u = seed / 2147483647;
      seed = (seed * 16807) % 2147483647;
      const v = seed / 2147483647;
      x = 0.6 * x + Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
      return 10 + x;
    });
    const fit = fitArima(y, { order: [1, 0, 0] });
    expect(fit.name).toBe('ARIMA(1,0,0) with non-zero mean');
    expect(fit.coefficients.ar1).toBeGreaterThan(0.5);
    expect(fit.coefficients.ar1).toBeLessThan(0.7);
    expect(fit.coefficients.intercept).toBeCloseTo(10, 0);
    expect(fit.sigma2).toBeGreaterThan(0.8);
    expect(fit.sigma2).toBeLessThan(1.2);
    for (const method of ['ml', 'css'] as const) {
      const other = fitArima(y, { order: [1, 0, 0], method });
      expect(other.coefficients.ar1).toBeCloseTo(fit.coefficients.ar1!, 1);
    }
    expect(Number.isNaN(fitArima(y, { order: [1, 0, 0], method: 'css' }).aic)).toBe(true);
  });

  it('returns an invertible MA part', () => {
    const y = Array.from({ length: 60 }, (_, t) => Math.sin(t) + (t % 3) - 0.5 * Math.cos(2 * t));
    const fit = fitArima(y, { order: [0, 0, 2] });
    const [a, b] = fit.ma as [number, number];
    // roots of 1 + a z + b z² outside the unit circle ⇔ |b| < 1, |a| < 1 + b
    expect(Math.abs(b)).toBeLessThanOrEqual(1);
    expect(Math.abs(a)).toBeLessThanOrEqual(1 + b + 1e-9);
  });

  it('handles constant and all-zero series without dividing by zero', () => {
    for (const y of [
      [3, 3, 3, 3, 3, 3],
      [0, 0, 0, 0, 0, 0],
    ]) {
      const fit = fitArima(y, { order: [1, 0, 0] });
      expect(fit.sigma2).toBe(0);
      expect(fit.coefficients.intercept).toBeCloseTo(y[0]!, 12);
    }
  });

  it('reports fits it cannot make with documented DomainError codes', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as { code?: string }).code;
      }
      return 'no error';
    };
    // CSS conditions on p = 5 points of a 5-point series: nothing left to fit
    expect(code(() => fitArima([1, 3, 2, 4, 3], { order: [5, 0, 0], method: 'css' }))).toBe(
      'ARIMA_FIT_FAILED',
    );
    // y_t = 2^t: the CSS AR(1) estimate is 2, with no stationary state to forecast from
    const growth = Array.from({ length: 12 }, (_, t) => 2 ** t);
    expect(code(() => fitArima(growth, { order: [1, 0, 0], includeConstant: false, method: 'css' }))).toBe(
      'ARIMA_NONSTATIONARY',
    );
    // the same by ML stays stationary
    expect(fitArima(growth, { order: [1, 0, 0], includeConstant: false }).coefficients.ar1).toBeLessThan(1);
  });

  it('rejects bad input with the field named', () => {
    const y = [1, 2, 3, 4, 5, 6, 7, 8];
    const path = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        return (e as ValidationError).issues[0]!.path.join('.');
      }
      return 'no error';
    };
    expect(path(() => fitArima([1, Number.NaN, 3], { order: [0, 0, 0] }))).toBe('y.1');
    expect(path(() => fitArima(y, { order: [-1, 0, 0] }))).toBe('order.0');
    expect(path(() => fitArima(y, { order: [0, 1, 0], seasonal: [1, 0, 0] }))).toBe('seasonal');
    expect(path(() => fitArima(y, { order: [0, 2, 0], includeConstant: true }))).toBe('includeConstant');
    expect(path(() => fitArima([1, 2], { order: [0, 0, 0], seasonal: [0, 1, 0], seasonLength: 4 }))).toBe(
      'y',
    );
    expect(path(() => fitArima(y, { order: [0, 0, 0], method: 'exact' as 'ml' }))).toBe('method');
    expect(path(() => fitArima(y, { order: [0, 0, 0], extra: 1 } as never))).toBe('');
  });
});
