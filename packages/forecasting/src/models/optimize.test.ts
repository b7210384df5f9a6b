import { describe, expect, it } from 'vitest';
import { goldenSection, nelderMead } from './optimize.js';

describe('goldenSection', () => {
  it('finds the vertex of a parabola', () => {
    const r = goldenSection((x) => (x - 2) ** 2 + 1, 0, 5);
    expect(r.x[0]).toBeCloseTo(2, 7);
    expect(r.value).toBeCloseTo(1, 12);
    expect(r.converged).toBe(true);
  });

  it('returns the boundary when the minimum is there', () => {
    expect(goldenSection((x) => x, 0.5, 3).x[0]).toBe(0.5);
    expect(goldenSection((x) => -x, 0.5, 3).x[0]).toBe(3);
  });
});

describe('nelderMead', () => {
  it('minimises Rosenbrock from (-1.2, 1)', () => {
    const r = nelderMead(([x = 0, y = 0]) => (1 - x) ** 2 + 100 * (y - x * x) ** 2, [-1.2, 1]);
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 5);
    expect(r.x[1]).toBeCloseTo(1, 5);
  });

  it('minimises a 3-d quadratic', () => {
    const r = nelderMead(
      ([a = 0, b = 0, c = 0]) => (a - 1) ** 2 + 2 * (b + 2) ** 2 + 3 * (c - 0.5) ** 2,
      [0, 0, 0],
    );
    [1, -2, 0.5].forEach((v, i) => {
      expect(r.x[i]).toBeCloseTo(v, 5);
    });
  });

  it('respects a feasible set given as Infinity outside', () => {
    const r = nelderMead(([x = 0]) => (x < 0.2 ? Number.POSITIVE_INFINITY : (x - 0) ** 2), [0.5], {
      step: 0.1,
    });
    expect(r.x[0]).toBeGreaterThanOrEqual(0.2);
    expect(r.x[0]).toBeCloseTo(0.2, 5);
  });

  it('stops at the evaluation budget', () => {
    const r = nelderMead(([x = 0, y = 0]) => (1 - x) ** 2 + 100 * (y - x * x) ** 2, [-1.2, 1], {
      maxEvaluations: 20,
    });
    expect(r.converged).toBe(false);
    expect(r.evaluations).toBeLessThanOrEqual(22);
  });
});
