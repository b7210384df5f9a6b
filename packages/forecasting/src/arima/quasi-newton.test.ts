import { describe, expect, it } from 'vitest';
import { quasiNewton } from './quasi-newton.js';

describe('quasiNewton (BFGS)', () => {
  it('minimises a quadratic and the Rosenbrock function', () => {
    const q = quasiNewton((x) => (x[0]! - 1) ** 2 + 10 * (x[1]! + 2) ** 2, [0, 0]);
    expect(q.x[0]).toBeCloseTo(1, 4);
    expect(q.x[1]).toBeCloseTo(-2, 4);
    const r = quasiNewton((x) => (1 - x[0]!) ** 2 + 100 * (x[1]! - x[0]! ** 2) ** 2, [-1.2, 1], {
      gradientTolerance: 1e-6,
      decreaseTolerance: 1e-12,
      stallTolerance: 0,
      maxIterations: 500,
    });
    // forward-difference gradients limit the precision to about 1e-3
    expect(r.x[0]).toBeCloseTo(1, 2);
    expect(r.x[1]).toBeCloseTo(1, 2);
  });

  it('uses the supplied curvature: one Newton step on a quadratic', () => {
    const hessian = Float64Array.from([2, 0, 0, 20]);
    const q = quasiNewton((x) => (x[0]! - 1) ** 2 + 10 * (x[1]! + 2) ** 2, [0, 0], { hessian, maxStep: 10 });
    expect(q.iterations).toBeLessThanOrEqual(2);
    expect(q.x[1]).toBeCloseTo(-2, 4);
  });

  it('backs away from an infeasible region', () => {
    const q = quasiNewton((x) => (x[0]! <= 0 ? Number.POSITIVE_INFINITY : x[0]! - Math.log(x[0]!)), [3]);
    expect(q.x[0]).toBeCloseTo(1, 3);
  });
});
