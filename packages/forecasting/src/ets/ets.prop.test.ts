import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitEts } from './fit.js';
import { forecastEts } from './forecast.js';
import type { EtsSpec } from './model.js';

const specArb: fc.Arbitrary<EtsSpec> = fc.record({
  error: fc.constantFrom('A' as const, 'M' as const),
  trend: fc.constantFrom('N' as const, 'A' as const, 'Ad' as const),
  season: fc.constantFrom('N' as const, 'A' as const, 'M' as const),
});
const seriesArb = fc.array(fc.double({ min: 1, max: 1000, noNaN: true }), { minLength: 8, maxLength: 30 });
// Level × (trend + season + noise within ±15 %): series whose likelihood has a well-defined optimum.
// (On arbitrary spiky data the likelihood can be flat over very different parameters, and any of
// them is a valid maximum.)
const regularSeriesArb = fc
  .record({
    level: fc.double({ min: 5, max: 500, noNaN: true }),
    slope: fc.double({ min: -0.01, max: 0.04, noNaN: true }),
    season: fc.tuple(...Array.from({ length: 4 }, () => fc.double({ min: -0.2, max: 0.2, noNaN: true }))),
    noise: fc.array(fc.double({ min: -0.15, max: 0.15, noNaN: true }), { minLength: 12, maxLength: 30 }),
  })
  .map(({ level, slope, season, noise }) =>
    noise.map((e, t) => level * (1 + slope * t + (season[t % 4] as number) + e)),
  );
const levelsArb = fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: 2, maxLength: 4 });

describe('ETS properties', () => {
  it('forecasts and intervals are finite and nested by level for every model', () => {
    fc.assert(
      fc.property(seriesArb, specArb, levelsArb, fc.integer({ min: 1, max: 12 }), (y, spec, levels, h) => {
        const fit = fitEts(y, spec, { seasonLength: 4 });
        const out = forecastEts(fit, h, { level: levels, paths: 200, seed: 3 });
        expect(out.mean).toHaveLength(h);
        expect(out.mean.every(Number.isFinite)).toBe(true);
        const byLevel = [...out.intervals].sort((a, b) => a.level - b.level);
        for (const iv of byLevel) {
          expect(iv.lower.every(Number.isFinite) && iv.upper.every(Number.isFinite)).toBe(true);
          iv.lower.forEach((lo, i) => {
            expect(lo).toBeLessThanOrEqual(iv.upper[i]!);
          });
        }
        for (let k = 1; k < byLevel.length; k++) {
          const inner = byLevel[k - 1]!;
          const outer = byLevel[k]!;
          for (let i = 0; i < h; i++) {
            expect(outer.lower[i]!).toBeLessThanOrEqual(inner.lower[i]! + 1e-9);
            expect(outer.upper[i]!).toBeGreaterThanOrEqual(inner.upper[i]! - 1e-9);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('fits are scale-equivariant: scaling y by c scales the forecasts by c, for all 18 models', () => {
    fc.assert(
      fc.property(regularSeriesArb, specArb, fc.double({ min: 0.5, max: 20, noNaN: true }), (y, spec, c) => {
        const a = fitEts(y, spec, { seasonLength: 4 });
        const b = fitEts(
          y.map((v) => v * c),
          spec,
          { seasonLength: 4 },
        );
        const fa = forecastEts(a, 3, { level: [] }).mean;
        const fb = forecastEts(b, 3, { level: [] }).mean;
        fa.forEach((v, i) => {
          expect(Math.abs(fb[i]! - c * v)).toBeLessThanOrEqual(1e-4 * (Math.abs(c * v) + c));
        });
      }),
      { numRuns: 20 },
    );
  });
});
