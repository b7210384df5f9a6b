import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kalmanFilterArma } from './kalman.js';
import { ArmaLikelihood, concentratedLoglik } from './likelihood.js';
import { expandAr, expandMa } from './polynomial.js';
import { pacfToAr } from './transform.js';

const f64 = (a: number[]) => Float64Array.from(a);
const none = new Float64Array(0);

describe('exact ARMA likelihood (Chandrasekhar recursions)', () => {
  it('AR(1) on three points, by hand', () => {
    // F = (1/(1 − φ²), 1, 1) = (4/3, 1, 1); e = (1, −1 − 0.5, 2 + 0.5) → Σe²/F = 0.75 + 2.25 + 6.25
    const lik = new ArmaLikelihood();
    expect(lik.evaluate(f64([1, -1, 2]), f64([0.5]), none, false)).toBe(true);
    expect(lik.ssq).toBeCloseTo(9.25, 12);
    expect(lik.logDet).toBeCloseTo(Math.log(4 / 3), 12);
    expect(concentratedLoglik(lik.ssq, lik.logDet, 3)).toBeCloseTo(
      -0.5 * (3 * Math.log((2 * Math.PI * 9.25) / 3) + Math.log(4 / 3) + 3),
      12,
    );
    expect(Array.from(lik.residuals.subarray(0, 3)).map((v) => +v.toFixed(12))).toEqual([
      +(1 / Math.sqrt(4 / 3)).toFixed(12),
      -1.5,
      2.5,
    ]);
  });

  it('MA(1) on two points, by hand', () => {
    // Γ = [[1+θ², θ], [θ, 1+θ²]]: F₀ = 1.25, F₁ = 1.25 − 0.25/1.25 = 1.05, e₁ = 2 − 0.5·1/1.25 = 1.6
    const lik = new ArmaLikelihood();
    lik.evaluate(f64([1, 2]), none, f64([0.5]), false);
    expect(lik.ssq).toBeCloseTo(1 / 1.25 + 1.6 ** 2 / 1.05, 12);
    expect(lik.logDet).toBeCloseTo(Math.log(1.25 * 1.05), 12);
  });

  it('concentrates the mean out by GLS (white noise: the sample mean)', () => {
    const lik = new ArmaLikelihood();
    lik.evaluate(f64([1, 2, 4]), none, none, true);
    expect(lik.mean).toBeCloseTo(7 / 3, 12);
    expect(lik.ssq).toBeCloseTo((4 / 3) ** 2 + (1 / 3) ** 2 + (5 / 3) ** 2, 12);
  });

  it('the GLS mean minimises the weighted sum of squares', () => {
    const x = f64([3, 1, 4, 1, 5, 9, 2, 6]);
    const phi = f64([0.6]);
    const theta = f64([0.3]);
    const lik = new ArmaLikelihood();
    lik.evaluate(x, phi, theta, true);
    const best = lik.ssq;
    const mu = lik.mean;
    for (const d of [-0.1, 0.1]) {
      lik.evaluate(f64(Array.from(x, (v) => v - mu - d)), phi, theta, false);
      expect(lik.ssq).toBeGreaterThan(best);
    }
  });

  it('rejects non-stationary AR parts', () => {
    expect(new ArmaLikelihood().evaluate(f64([1, 2, 3]), f64([1.2]), none, false)).toBe(false);
  });

  it('equals the full Kalman filter for random stationary seasonal ARMA models', () => {
    const series = Array.from({ length: 60 }, (_, t) => Math.sin(t * 0.7) * 3 + ((t * 7919) % 13) - 6);
    const coef = fc.double({ min: -2.5, max: 2.5, noNaN: true });
    fc.assert(
      fc.property(
        fc.array(coef, { maxLength: 2 }),
        fc.array(fc.double({ min: -0.95, max: 0.95, noNaN: true }), { maxLength: 2 }),
        fc.array(coef, { maxLength: 1 }),
        fc.array(fc.double({ min: -0.95, max: 0.95, noNaN: true }), { maxLength: 1 }),
        fc.constantFrom(1, 4, 12),
        (ar, ma, sar, sma, m) => {
          const phi = expandAr(pacfToAr(ar), pacfToAr(sar), m);
          const theta = expandMa(ma, sma, m);
          const lik = new ArmaLikelihood();
          expect(lik.evaluate(f64(series), phi, theta, false)).toBe(true);
          const k = kalmanFilterArma(series, phi, theta)!;
          expect(lik.ssq).toBeCloseTo(k.ssq, Math.max(0, 8 - Math.ceil(Math.log10(k.ssq))));
          expect(lik.logDet).toBeCloseTo(k.logDet, 7);
        },
      ),
      { numRuns: 60 },
    );
  });
});
