import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import reference from '../../test/fixtures/distribution-reference.json' with { type: 'json' };
import { expectRelative } from '../../test/helpers.js';
import { poissonCdf, poissonLoss, poissonPmf, poissonSurvival } from './poisson.js';

describe('Poisson distribution against 60-digit mpmath values', () => {
  it('mass, distribution function, upper tail to 3e-14, loss to 1e-12 relative', () => {
    for (const row of reference.poisson) {
      expectRelative(poissonPmf(row.k, row.mean), row.pmf, 3e-14);
      if (row.cdf > 1e-300) expectRelative(poissonCdf(row.k, row.mean), row.cdf, 3e-14);
      if (row.sf > 1e-300) expectRelative(poissonSurvival(row.k, row.mean), row.sf, 3e-14);
      if (row.loss > 1e-250) expectRelative(poissonLoss(row.k, row.mean), row.loss, 1e-12);
    }
  });

  it('small cases by hand', () => {
    expect(poissonPmf(0, 3)).toBe(Math.exp(-3));
    expectRelative(poissonPmf(2, 3), (9 / 2) * Math.exp(-3), 1e-15);
    expectRelative(poissonCdf(3, 3), 13 * Math.exp(-3), 1e-15);
    expect(poissonLoss(0, 3)).toBe(3);
    // E[(D − 3)⁺] = 3 − E[min(D, 3)] = 3 − (1·P1 + 2·P2 + 3·P(D ≥ 3)).
    const p = (k: number) => (3 ** k * Math.exp(-3)) / [1, 1, 2, 6][k]!;
    expectRelative(poissonLoss(3, 3), 3 - (p(1) + 2 * p(2) + 3 * (1 - p(0) - p(1) - p(2))), 1e-14);
    expect(poissonLoss(2.5, 3)).toBeCloseTo(poissonLoss(2, 3) - 0.5 * poissonSurvival(2, 3), 14);
  });

  it('edges: mean 0, negative and fractional counts, bad means', () => {
    expect(poissonPmf(0, 0)).toBe(1);
    expect(poissonPmf(1, 0)).toBe(0);
    expect(poissonCdf(0, 0)).toBe(1);
    expect(poissonLoss(0, 0)).toBe(0);
    expect(poissonPmf(-1, 2)).toBe(0);
    expect(poissonPmf(1.5, 2)).toBe(0);
    expect(poissonCdf(-0.5, 2)).toBe(0);
    expect(poissonCdf(1.7, 2)).toBe(poissonCdf(1, 2));
    expect(poissonLoss(-2, 3)).toBe(5);
    expect(poissonPmf(1, -1)).toBeNaN();
    expect(poissonCdf(1, Number.POSITIVE_INFINITY)).toBeNaN();
    expect(poissonSurvival(30, 2)).toBeGreaterThan(0);
  });

  it('properties: masses sum to 1, cdf + survival = 1, loss decreasing', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 200, noNaN: true }), fc.nat(400), (mean, k) => {
        expect(poissonCdf(k, mean) + poissonSurvival(k, mean)).toBeCloseTo(1, 13);
        expect(poissonLoss(k + 1, mean)).toBeLessThanOrEqual(poissonLoss(k, mean));
        let total = 0;
        for (let j = 0; j <= mean + 20 * Math.sqrt(mean) + 30; j++) total += poissonPmf(j, mean);
        expect(total).toBeCloseTo(1, 12);
      }),
      { numRuns: 60 },
    );
  });
});
