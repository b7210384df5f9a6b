import { describe, expect, it } from 'vitest';
import { armaAutocovariance } from './autocovariance.js';

const acvf = (phi: number[], theta: number[], lags: number) => {
  const out = new Float64Array(lags + 1);
  expect(armaAutocovariance(phi, theta, lags, out)).toBe(true);
  return Array.from(out);
};

describe('ARMA autocovariances (σ² = 1)', () => {
  it('AR(1): γ(h) = φ^h / (1 − φ²)', () => {
    const g = acvf([0.5], [], 3);
    [4 / 3, 2 / 3, 1 / 3, 1 / 6].forEach((v, h) => {
      expect(g[h]).toBeCloseTo(v, 12);
    });
  });

  it('AR(2): γ(0) = (1 − φ₂) / ((1 + φ₂)((1 − φ₂)² − φ₁²)), γ(1) = φ₁γ(0)/(1 − φ₂)', () => {
    const g = acvf([0.5, 0.3], [], 2);
    const g0 = 0.7 / (1.3 * (0.49 - 0.25));
    expect(g[0]).toBeCloseTo(g0, 12);
    expect(g[1]).toBeCloseTo((0.5 * g0) / 0.7, 12);
    expect(g[2]).toBeCloseTo(0.5 * g[1]! + 0.3 * g0, 12);
  });

  it('MA(2) and ARMA(1,1) in closed form', () => {
    const ma = acvf([], [0.5, 0.2], 3);
    [1.29, 0.6, 0.2, 0].forEach((v, h) => {
      expect(ma[h]).toBeCloseTo(v, 12);
    });
    // γ(0) = (1 + 2φθ + θ²)/(1 − φ²), γ(1) = (1 + φθ)(φ + θ)/(1 − φ²), γ(2) = φγ(1)
    const g = acvf([0.5], [0.4], 2);
    expect(g[0]).toBeCloseTo(2.08, 12);
    expect(g[1]).toBeCloseTo(1.44, 12);
    expect(g[2]).toBeCloseTo(0.72, 12);
  });

  it('seasonal AR at lag 12 only correlates multiples of 12', () => {
    const phi = new Array<number>(12).fill(0);
    phi[11] = 0.5;
    const g = acvf(phi, [], 24);
    expect(g[0]).toBeCloseTo(4 / 3, 12);
    expect(g[12]).toBeCloseTo(2 / 3, 12);
    expect(g[24]).toBeCloseTo(1 / 3, 12);
    expect(Math.abs(g[5]!)).toBeLessThan(1e-14);
  });

  it('reports non-stationary AR parts', () => {
    expect(armaAutocovariance([1], [], 2, new Float64Array(3))).toBe(false);
    expect(armaAutocovariance([1.5, -0.5], [0.3], 2, new Float64Array(3))).toBe(false);
  });
});
