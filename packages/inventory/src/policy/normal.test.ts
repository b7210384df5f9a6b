import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import reference from '../../test/fixtures/distribution-reference.json' with { type: 'json' };
import { expectRelative } from '../../test/helpers.js';
import { normalCdf, normalPdf, normalQuantile, normalSurvival } from './normal.js';

describe('normal distribution against 60-digit mpmath values', () => {
  it('density, distribution function and upper tail to 1e-15 relative', () => {
    for (const row of reference.normal) {
      if (row.pdf > 0) expectRelative(normalPdf(row.x), row.pdf, 1e-15);
      if (row.cdf > 1e-300) expectRelative(normalCdf(row.x), row.cdf, 1e-15);
      if (row.sf > 1e-300) expectRelative(normalSurvival(row.x), row.sf, 1e-15);
    }
  });

  it('quantile to 1e-15 relative, from 1e-300 to 1 − 1e-10', () => {
    for (const { p, z } of reference.quantiles) expectRelative(normalQuantile(p), z, 1e-15);
  });

  it('the z values of the common service levels', () => {
    expectRelative(normalQuantile(0.9), 1.2815515655446004, 1e-15);
    expectRelative(normalQuantile(0.95), 1.6448536269514722, 1e-15);
    expectRelative(normalQuantile(0.975), 1.959963984540054, 1e-15);
    expectRelative(normalQuantile(0.99), 2.3263478740408408, 1e-15);
    expect(normalQuantile(0.5)).toBe(0);
  });

  it('edges: 0, 1, outside [0, 1], NaN and the far tails', () => {
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(-0.1)).toBeNaN();
    expect(normalQuantile(1.5)).toBeNaN();
    expect(normalQuantile(Number.NaN)).toBeNaN();
    expect(normalCdf(Number.NaN)).toBeNaN();
    expect(normalPdf(Number.NaN)).toBeNaN();
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(40)).toBe(1);
    expect(normalPdf(50)).toBe(0);
    expect(normalCdf(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(normalCdf(Number.POSITIVE_INFINITY)).toBe(1);
  });

  it('properties: Φ(Φ⁻¹(p)) = p, symmetry, monotonicity', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), (p) => {
        expectRelative(normalCdf(normalQuantile(p)), p, 1e-13);
        if (p > 1e-3 && p < 1 - 1e-3) expect(normalQuantile(1 - p)).toBeCloseTo(-normalQuantile(p), 11);
      }),
    );
    fc.assert(
      fc.property(
        fc.double({ min: -37, max: 37, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        (x, d) => {
          expect(normalCdf(x + d)).toBeGreaterThanOrEqual(normalCdf(x));
          expect(normalCdf(x) + normalSurvival(x)).toBeCloseTo(1, 14);
          expect(normalPdf(-x)).toBe(normalPdf(x));
        },
      ),
    );
  });
});
