import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bfgs } from './bfgs.js';

describe('bfgs', () => {
  it('finds the Rosenbrock minimum at (1, 1)', () => {
    const result = bfgs(
      (x, g) => {
        const a = x[0]!;
        const b = x[1]!;
        g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
        g[1] = 200 * (b - a * a);
        return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
      },
      [-1.2, 1],
      { gradientTolerance: 1e-9, relativeTolerance: 0 },
    );
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(1, 6);
  });

  it('with relativeTolerance 0, keeps going while f is flat to rounding but the gradient is not small', () => {
    // A found by the property below: f stops changing in floating point one step before the
    // gradient test passes (Ax − b was 5e-7 in its first coordinate).
    const m = [
      0.9920403761384409, 0, -1.0407663874855475e-7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.000022776002023254296, 0, 0,
      0,
    ];
    const b = [0, 0, -5, 0];
    const A = Array.from({ length: 16 }, (_, k) => {
      const i = Math.floor(k / 4);
      const j = k % 4;
      let sum = i === j ? 1 : 0;
      for (let r = 0; r < 4; r++) sum += m[r * 4 + i]! * m[r * 4 + j]!;
      return sum;
    });
    const result = bfgs(
      (x, g) => {
        let f = 0;
        for (let i = 0; i < 4; i++) {
          let ax = 0;
          for (let j = 0; j < 4; j++) ax += A[i * 4 + j]! * x[j]!;
          g[i] = ax - b[i]!;
          f += 0.5 * x[i]! * ax - b[i]! * x[i]!;
        }
        return f;
      },
      [0, 0, 0, 0],
      { gradientTolerance: 1e-10, relativeTolerance: 0 },
    );
    expect(result.converged).toBe(true);
    for (let i = 0; i < 4; i++) {
      let ax = 0;
      for (let j = 0; j < 4; j++) ax += A[i * 4 + j]! * result.x[j]!;
      expect(Math.abs(ax - b[i]!)).toBeLessThan(1e-9);
    }
  });

  it('solves random convex quadratics ½xᵀAx − bᵀx exactly (A x = b)', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 8 })
          .chain((n) =>
            fc.tuple(
              fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: n * n, maxLength: n * n }),
              fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: n, maxLength: n }),
            ),
          ),
        ([m, b]) => {
          const n = b.length;
          // A = MᵀM + I: symmetric positive definite
          const A = Array.from({ length: n * n }, (_, k) => {
            const i = Math.floor(k / n);
            const j = k % n;
            let sum = i === j ? 1 : 0;
            for (let r = 0; r < n; r++) sum += m[r * n + i]! * m[r * n + j]!;
            return sum;
          });
          const result = bfgs(
            (x, g) => {
              let f = 0;
              for (let i = 0; i < n; i++) {
                let ax = 0;
                for (let j = 0; j < n; j++) ax += A[i * n + j]! * x[j]!;
                g[i] = ax - b[i]!;
                f += 0.5 * x[i]! * ax - b[i]! * x[i]!;
              }
              return f;
            },
            new Array(n).fill(0),
            { gradientTolerance: 1e-10, relativeTolerance: 0 },
          );
          for (let i = 0; i < n; i++) {
            let ax = 0;
            for (let j = 0; j < n; j++) ax += A[i * n + j]! * result.x[j]!;
            expect(ax).toBeCloseTo(b[i]!, 6);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('meets the KKT conditions of random convex quadratics on random boxes', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 7 })
          .chain((n) =>
            fc.tuple(
              fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: n * n, maxLength: n * n }),
              fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: n, maxLength: n }),
              fc.array(fc.double({ min: -2, max: 0, noNaN: true }), { minLength: n, maxLength: n }),
              fc.array(fc.double({ min: 0, max: 2, noNaN: true }), { minLength: n, maxLength: n }),
            ),
          ),
        ([m, b, lower, upper]) => {
          const n = b.length;
          const A = Array.from({ length: n * n }, (_, k) => {
            const i = Math.floor(k / n);
            const j = k % n;
            let sum = i === j ? 1 : 0;
            for (let r = 0; r < n; r++) sum += m[r * n + i]! * m[r * n + j]!;
            return sum;
          });
          const gradient = (x: ArrayLike<number>, g: Float64Array) => {
            let f = 0;
            for (let i = 0; i < n; i++) {
              let ax = 0;
              for (let j = 0; j < n; j++) ax += A[i * n + j]! * x[j]!;
              g[i] = ax - b[i]!;
              f += 0.5 * x[i]! * ax - b[i]! * x[i]!;
            }
            return f;
          };
          const result = bfgs(gradient, new Array(n).fill(0), {
            lower,
            upper,
            gradientTolerance: 1e-9,
            relativeTolerance: 0,
            maxIterations: 500,
          });
          const g = new Float64Array(n);
          gradient(result.x, g);
          for (let i = 0; i < n; i++) {
            const x = result.x[i]!;
            expect(x).toBeGreaterThanOrEqual(lower[i]!);
            expect(x).toBeLessThanOrEqual(upper[i]!);
            // interior: zero gradient; on a bound: the gradient points out of the box
            const onLower = x <= lower[i]! + 1e-7;
            const onUpper = x >= upper[i]! - 1e-7;
            if (!onLower && !onUpper) expect(Math.abs(g[i]!)).toBeLessThan(1e-5);
            else if (onLower && !onUpper) expect(g[i]!).toBeGreaterThan(-1e-5);
            else if (onUpper && !onLower) expect(g[i]!).toBeLessThan(1e-5);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('steps back from where the objective is undefined', () => {
    // −log x + x has its minimum at x = 1 and is undefined for x <= 0
    const result = bfgs(
      (x, g) => {
        const v = x[0]!;
        g[0] = -1 / v + 1;
        return v > 0 ? -Math.log(v) + v : Number.POSITIVE_INFINITY;
      },
      [8],
    );
    expect(result.x[0]).toBeCloseTo(1, 5);
  });

  it('returns the start when the objective is not finite there', () => {
    const result = bfgs(() => Number.NaN, [3]);
    expect(result).toMatchObject({ x: [3], converged: false, iterations: 0 });
  });
});
