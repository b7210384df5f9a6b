import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import reference from '../../test/fixtures/distribution-reference.json' with { type: 'json' };
import { expectRelative } from '../../test/helpers.js';
import { normalSurvival } from './normal.js';
import { inverseNormalLoss, logNormalLoss, normalLoss, normalSecondLoss } from './normal-loss.js';

describe('normal loss functions against 60-digit mpmath values', () => {
  it('L(z) to 4e-15 and L₂(z) to 1e-14 relative, including the far upper tail', () => {
    for (const row of reference.normal) {
      if (row.loss > 1e-300) expectRelative(normalLoss(row.x), row.loss, 4e-15);
      if (row.loss2 > 1e-300) expectRelative(normalSecondLoss(row.x), row.loss2, 1e-14);
      expect(Math.abs(logNormalLoss(row.x) - row.logLoss)).toBeLessThanOrEqual(
        4e-15 * Math.max(1, Math.abs(row.logLoss)),
      );
    }
  });

  it('known values: L(0) = φ(0), L₂(0) = 1/4, the textbook fill-rate factor', () => {
    expect(normalLoss(0)).toBe(0.3989422804014327);
    expect(normalSecondLoss(0)).toBe(0.25);
    // Fill rate 99 %, Q = 100, σ = 5·√6: L(k) = 0.01·100/12.2474… = 0.0816497, k = 1.01058.
    const k = inverseNormalLoss(1 / (5 * Math.sqrt(6)));
    expect(k).toBeCloseTo(1.01058, 5);
  });

  it('inverse: L(L⁻¹(t)) = t from 1e-300 to 1e12, and beyond where L underflows', () => {
    for (const t of [1e-300, 1e-200, 1e-50, 1e-10, 1e-3, 0.01, 0.1, 0.3, 0.4, 1, 3, 100, 1e12]) {
      expectRelative(normalLoss(inverseNormalLoss(t)), t, 2e-13);
    }
    for (const row of reference.normal) {
      if (row.x === 0) expect(Math.abs(inverseNormalLoss(Math.exp(row.logLoss)))).toBeLessThan(1e-15);
      else if (row.x > -30 && row.loss > 1e-300) expectRelative(inverseNormalLoss(row.loss), row.x, 2e-14);
    }
    expect(inverseNormalLoss(0)).toBe(Number.POSITIVE_INFINITY);
    expect(inverseNormalLoss(-1)).toBeNaN();
    expect(inverseNormalLoss(Number.NaN)).toBeNaN();
    expectRelative(logNormalLoss(60), -1809.1084601822722, 1e-15); // mpmath; L(60) itself underflows
    expect(normalLoss(60)).toBe(0);
  });

  it('properties: L decreasing and convex, L(z) − L(−z) = −z, L′ = −(1 − Φ)', () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (z) => {
        expect(normalLoss(z)).toBeGreaterThanOrEqual(Math.max(0, -z));
        expect(normalLoss(z) - normalLoss(-z)).toBeCloseTo(-z, 10);
        const h = 1e-5;
        const slope = (normalLoss(z + h) - normalLoss(z - h)) / (2 * h);
        expect(slope).toBeCloseTo(-normalSurvival(z), 6);
        const second = (normalSecondLoss(z + h) - normalSecondLoss(z - h)) / (2 * h);
        expect(second).toBeCloseTo(-normalLoss(z), 6);
      }),
    );
  });
});
