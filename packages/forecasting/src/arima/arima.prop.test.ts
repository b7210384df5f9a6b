import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { autoArima } from './auto-arima.js';
import { fitArima } from './fit.js';
import { forecastArima } from './forecast.js';

const seriesArb = fc.array(fc.double({ min: -50, max: 500, noNaN: true }), { minLength: 8, maxLength: 40 });
const levelsArb = fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: 2, maxLength: 4 });

function checkIntervals(mean: number[], intervals: { level: number; lower: number[]; upper: number[] }[]) {
  expect(mean.every(Number.isFinite)).toBe(true);
  const byLevel = [...intervals].sort((a, b) => a.level - b.level);
  for (const iv of byLevel) {
    iv.lower.forEach((lo, i) => {
      expect(Number.isFinite(lo) && Number.isFinite(iv.upper[i]!)).toBe(true);
      expect(lo).toBeLessThanOrEqual(mean[i]! + 1e-9);
      expect(iv.upper[i]!).toBeGreaterThanOrEqual(mean[i]! - 1e-9);
    });
    // widening with the horizon (the exact finite-sample variances of a stationary ARMA can dip by a
    // hair when the state is well determined: allowed 1 %)
    for (let i = 1; i < mean.length; i++) {
      const tol = 1e-2 * Math.abs(iv.upper[i - 1]! - iv.lower[i - 1]!) + 1e-9;
      expect(iv.upper[i]! - iv.lower[i]!).toBeGreaterThanOrEqual(iv.upper[i - 1]! - iv.lower[i - 1]! - tol);
    }
  }
  // nested by level
  for (let k = 1; k < byLevel.length; k++) {
    byLevel[k]!.lower.forEach((lo, i) => {
      expect(lo).toBeLessThanOrEqual(byLevel[k - 1]!.lower[i]! + 1e-9);
      expect(byLevel[k]!.upper[i]!).toBeGreaterThanOrEqual(byLevel[k - 1]!.upper[i]! - 1e-9);
    });
  }
}

describe('ARIMA properties', () => {
  it('autoArima: finite forecasts, intervals nested by level and widening with the horizon', () => {
    fc.assert(
      fc.property(
        seriesArb,
        levelsArb,
        fc.integer({ min: 1, max: 10 }),
        fc.constantFrom(1, 4),
        (y, levels, h, m) => {
          const fit = autoArima(y, h, { seasonLength: m, level: levels });
          expect(fit.mean).toHaveLength(h);
          checkIntervals(fit.mean, fit.intervals);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('fitArima on any order gives finite forecasts and well-formed intervals', () => {
    const order = fc.tuple(
      fc.integer({ min: 0, max: 2 }),
      fc.integer({ min: 0, max: 1 }),
      fc.integer({ min: 0, max: 2 }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 100, noNaN: true }), { minLength: 16, maxLength: 40 }),
        order,
        levelsArb,
        (y, [p, d, q], levels) => {
          const fit = fitArima(y, { order: [p, d, q] });
          expect(Number.isFinite(fit.loglik)).toBe(true);
          const out = forecastArima(fit, 6, { level: levels });
          checkIntervals(out.mean, out.intervals);
        },
      ),
      { numRuns: 60 },
    );
  });
});
