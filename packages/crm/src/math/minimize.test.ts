import { ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { minimize, type Objective } from './minimize.js';

describe('minimize (BFGS, strong Wolfe)', () => {
  it('finds the Rosenbrock minimum from the classic start (−1.2, 1)', () => {
    const rosenbrock: Objective = (x, g) => {
      const a = x[0]!;
      const b = x[1]!;
      g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
      g[1] = 200 * (b - a * a);
      return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
    };
    const result = minimize(rosenbrock, [-1.2, 1]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(1, 6);
  });

  it('solves a 4-d ill-conditioned quadratic exactly', () => {
    const scales = [1, 10, 100, 1000];
    const f: Objective = (x, g) => {
      let value = 0;
      for (let i = 0; i < 4; i++) {
        const d = x[i]! - (i + 1);
        value += scales[i]! * d * d;
        g[i] = 2 * scales[i]! * d;
      }
      return value;
    };
    const result = minimize(f, [0, 0, 0, 0]);
    expect(Array.from(result.x).map((v) => Number(v.toFixed(6)))).toEqual([1, 2, 3, 4]);
  });

  it('steps back from points where the objective is undefined', () => {
    // ln-barrier: undefined for x ≤ 0, minimum at x = 1.
    const f: Objective = (x, g) => {
      const v = x[0]!;
      g[0] = 1 - 1 / v;
      return v > 0 ? v - Math.log(v) : Number.NaN;
    };
    expect(minimize(f, [20]).x[0]).toBeCloseTo(1, 7);
  });
});

describe('minimize input', () => {
  it('refuses a start that is not finite numbers', () => {
    const f: Objective = (x, g) => {
      g[0] = 2 * x[0]!;
      return x[0]! ** 2;
    };
    expect(() => minimize(f, [Number.NaN])).toThrow(ValidationError);
    expect(() => minimize(f, [])).toThrow(ValidationError);
    expect(() => minimize(f, [1], { maxIterations: 0 })).toThrow(ValidationError);
  });
});
