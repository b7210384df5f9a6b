import { describe, expect, it } from 'vitest';
import { levenbergMarquardt } from './levenberg-marquardt.js';

describe('levenbergMarquardt', () => {
  it('solves a linear least-squares problem exactly', () => {
    // r = (x₀ − 3, 2(x₁ + 1))
    const fit = levenbergMarquardt(
      (x, r) => {
        r[0] = x[0]! - 3;
        r[1] = 2 * (x[1]! + 1);
        return r[0] ** 2 + r[1] ** 2;
      },
      [0, 0],
      2,
    );
    expect(fit.x[0]).toBeCloseTo(3, 8);
    expect(fit.x[1]).toBeCloseTo(-1, 8);
    expect(fit.converged).toBe(true);
  });

  it('fits an exponential decay (Rosenbrock-like curvature)', () => {
    const t = [0, 1, 2, 3, 4, 5];
    const y = t.map((s) => 4 * Math.exp(-0.7 * s) + 1);
    const fit = levenbergMarquardt(
      (x, r) => {
        let s = 0;
        t.forEach((ti, i) => {
          r[i] = x[0]! * Math.exp(-x[1]! * ti) + x[2]! - y[i]!;
          s += r[i]! ** 2;
        });
        return s;
      },
      [1, 0.1, 0],
      t.length,
      { gradientTolerance: 1e-10 },
    );
    expect(fit.x[0]).toBeCloseTo(4, 5);
    expect(fit.x[1]).toBeCloseTo(0.7, 5);
    expect(fit.x[2]).toBeCloseTo(1, 5);
  });

  it('stays in the feasible region the residual function defines', () => {
    const fit = levenbergMarquardt(
      (x, r) => {
        if (x[0]! <= 0) return Number.POSITIVE_INFINITY;
        r[0] = Math.log(x[0]!) - 1;
        return r[0] ** 2;
      },
      [0.5],
      1,
    );
    expect(fit.x[0]).toBeCloseTo(Math.E, 6);
  });
});
