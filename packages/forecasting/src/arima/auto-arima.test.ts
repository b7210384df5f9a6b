import { ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { forecast } from '../forecast/forecast.js';
import { autoArima } from './auto-arima.js';

/** A seeded Gaussian stream (Box–Muller on a Park–Miller generator). */
function noise(seed: number): () => number {
  let s = seed;
  const next = () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647;
  };
  return () => Math.sqrt(-2 * Math.log(next())) * Math.cos(2 * Math.PI * next());
}

/** An AR(1) path around `mean`. */
function ar1(length: number, phi: number, mean: number, e: () => number): number[] {
  const out: number[] = [];
  let x = 0;
  for (let t = 0; t < length; t++) {
    x = phi * x + e();
    out.push(mean + x);
  }
  return out;
}

describe('autoArima', () => {
  it('chooses a random walk with drift for a noisy trend, d by KPSS', () => {
    const e = noise(3);
    let level = 100;
    const y = Array.from({ length: 80 }, () => (level += 2 + e()));
    const fit = autoArima(y, 5, { level: [80] });
    expect(fit.fit.order[1]).toBe(1);
    expect(fit.fit.constant).toBe('drift');
    expect(fit.mean).toHaveLength(5);
    expect(fit.mean[4]! - fit.mean[0]!).toBeGreaterThan(4);
    expect(fit.intervals[0]!.level).toBe(80);
    expect(fit.candidates.length).toBeGreaterThan(3);
    expect(fit.params.drift).toBeCloseTo(fit.fit.coefficients.drift!, 12);
  });

  it('differences a strongly seasonal series at the seasonal lag', () => {
    const e = noise(11);
    const y = Array.from({ length: 72 }, (_, t) => 50 + 10 * Math.sin((2 * Math.PI * t) / 12) + 0.5 * e());
    const fit = autoArima(y, 12, { seasonLength: 12, level: [] });
    expect(fit.fit.seasonal[1]).toBe(1);
    expect(fit.model).toMatch(/\[12\]/);
    // the forecasts repeat the seasonal pattern
    expect(fit.mean[3]! - fit.mean[9]!).toBeGreaterThan(10);
  });

  it('the AICc of the chosen model is the lowest among the models it tried', () => {
    const e = noise(5);
    const y = ar1(120, 0.7, 20, e);
    const fit = autoArima(y, 4, { level: [] });
    const best = Math.min(...fit.candidates.map((c) => c.ic));
    expect(fit.fit.aicc).toBeLessThanOrEqual(best + 1e-6);
    expect(fit.fit.order[0] + fit.fit.order[2]).toBeGreaterThan(0);
  });

  it('exhaustive search and approximation run and agree on a clear AR(1)', () => {
    const e = noise(9);
    const y = ar1(200, 0.8, 0, e);
    const stepwise = autoArima(y, 3, { level: [], approximation: false });
    const full = autoArima(y, 3, { level: [], stepwise: false, maxOrder: 3 });
    const approx = autoArima(y, 3, { level: [], approximation: true });
    expect(full.fit.aicc).toBeLessThanOrEqual(stepwise.fit.aicc + 1e-6);
    for (const f of [stepwise, full, approx]) expect(f.fit.ar[0]).toBeGreaterThan(0.6);
  });

  it('never throws on constant, all-zero or very short series', () => {
    const c = autoArima([5, 5, 5, 5, 5], 3, { level: [95] });
    expect(c.model).toBe('ARIMA(0,0,0) with non-zero mean');
    expect(c.mean).toEqual([5, 5, 5]);
    expect(c.intervals[0]!.lower).toEqual([5, 5, 5]);
    expect(autoArima([0, 0, 0, 0], 2).mean).toEqual([0, 0]);
    expect(autoArima([7], 2).mean).toEqual([7, 7]);
    for (const y of [
      [1, 2],
      [3, 1, 4],
      [1, 2, 3, 5],
      [2, 4, 6, 8, 10, 12],
    ]) {
      const f = autoArima(y, 3, { seasonLength: 4 });
      expect(f.mean.every(Number.isFinite)).toBe(true);
      for (const iv of f.intervals) expect(iv.upper.every(Number.isFinite)).toBe(true);
    }
    // a straight line is constant after one difference: the drift model, exactly
    expect(autoArima([2, 4, 6, 8, 10, 12], 2, { level: [] }).mean.map((v) => +v.toFixed(9))).toEqual([
      14, 16,
    ]);
  });

  it("is forecast's 'arima' model, named by what it chose", () => {
    const e = noise(21);
    let level = 50;
    const y = Array.from({ length: 40 }, () => {
      level += 1 + e();
      return level;
    });
    const out = forecast(y, { horizon: 3, model: 'arima', level: [90] });
    expect(out.model).toBe(autoArima(y, 3, { level: [] }).model);
    expect(out.mean).toHaveLength(3);
    expect(out.intervals[0]!.level).toBe(90);
  });

  it('rejects bad input with the field named', () => {
    const y = Array.from({ length: 20 }, (_, t) => t);
    const path = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        return (e as ValidationError).issues[0]!.path.join('.');
      }
      return 'no error';
    };
    expect(path(() => autoArima([1, Number.POSITIVE_INFINITY], 2))).toBe('y.1');
    expect(path(() => autoArima([], 2))).toBe('y');
    expect(path(() => autoArima(y, 0))).toBe('horizon');
    expect(path(() => autoArima(y, 2, { seasonLength: 0 }))).toBe('seasonLength');
    expect(path(() => autoArima(y, 2, { maxP: -1 }))).toBe('maxP');
    expect(path(() => autoArima(y, 2, { ic: 'hqic' as 'aic' }))).toBe('ic');
    expect(path(() => autoArima(y, 2, { level: [0] }))).toBe('level.0');
  });
});
