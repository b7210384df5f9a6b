import { describe, expect, it } from 'vitest';
import { CssObjective } from './css.js';

const f64 = (a: number[]) => Float64Array.from(a);

describe('conditional sum of squares', () => {
  it('conditions on the first p points and on zero past innovations', () => {
    const css = new CssObjective();
    // AR(1), φ = 2: e = (2 − 2·1, 4 − 2·2) = 0
    css.evaluate(f64([1, 2, 4]), f64([2]), new Float64Array(0), false);
    expect(css.count).toBe(2);
    expect(css.ssq).toBe(0);
    // MA(1), θ = 0.5: e₀ = 1, e₁ = 2 − 0.5·1 = 1.5, e₂ = 3 − 0.5·1.5 = 2.25
    css.evaluate(f64([1, 2, 3]), new Float64Array(0), f64([0.5]), false);
    expect(Array.from(css.residuals.subarray(0, 3))).toEqual([1, 1.5, 2.25]);
    expect(css.ssq).toBeCloseTo(1 + 2.25 + 5.0625, 12);
  });

  it('estimates the mean by least squares', () => {
    const css = new CssObjective();
    css.evaluate(f64([5, 7, 6, 8]), new Float64Array(0), new Float64Array(0), true);
    expect(css.mean).toBeCloseTo(6.5, 12);
    expect(css.ssq).toBeCloseTo(2.25 + 0.25 + 0.25 + 2.25, 12);
  });

  it('has nothing to fit when the AR order uses up the series', () => {
    expect(new CssObjective().evaluate(f64([1, 2]), f64([0.5, 0.1]), new Float64Array(0), false)).toBe(false);
  });
});
