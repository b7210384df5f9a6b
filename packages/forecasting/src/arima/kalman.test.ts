import { describe, expect, it } from 'vitest';
import { armaStateSpace, initialStateCovariance, kalmanFilterArma } from './kalman.js';
import { expandAr, expandMa } from './polynomial.js';

describe('ARMA state space', () => {
  it('P₀ solves the Lyapunov equation P = TPTᵀ + RRᵀ', () => {
    for (const [phi, theta] of [
      [[0.5], [0.3]],
      [Array.from(expandAr([0.4, -0.2], [0.3], 4)), Array.from(expandMa([0.5], [-0.6], 4))],
      [[], [0.7, 0.2]],
    ] as const) {
      const model = armaStateSpace(phi, theta);
      const P = initialStateCovariance(model)!;
      const r = model.r;
      const T = (i: number, j: number) => (j === 0 ? model.phi[i]! : j === i + 1 ? 1 : 0);
      for (let i = 0; i < r; i++) {
        for (let j = 0; j < r; j++) {
          let v = model.loading[i]! * model.loading[j]!;
          for (let a = 0; a < r; a++) for (let b = 0; b < r; b++) v += T(i, a) * P[a * r + b]! * T(j, b);
          expect(P[i * r + j]).toBeCloseTo(v, 10);
        }
      }
    }
  });

  it('AR(1): P₀ = 1/(1 − φ²), one-step state φ·x_n with unit variance', () => {
    const model = armaStateSpace([0.5], []);
    expect(initialStateCovariance(model)![0]).toBeCloseTo(4 / 3, 14);
    const k = kalmanFilterArma([1, -1, 2], [0.5], [])!;
    expect(k.ssq).toBeCloseTo(9.25, 12);
    expect(k.state[0]).toBeCloseTo(1, 12); // 0.5 · 2
    expect(k.covariance[0]).toBeCloseTo(1, 12);
  });

  it('refuses a non-stationary AR part', () => {
    expect(initialStateCovariance(armaStateSpace([1.1], []))).toBeNull();
    expect(kalmanFilterArma([1, 2], [1.1], [])).toBeNull();
  });
});
