import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { damped } from './damped.js';
import { holt } from './holt.js';
import { naive } from './naive.js';
import { naive2 } from './naive2.js';
import { seasonalNaive } from './seasonal-naive.js';
import { withSeasonalAdjustment } from './seasonal-wrapper.js';
import { seasonalAdjust, seasonalIndices } from './seasonality.js';
import { ses } from './ses.js';
import { theta } from './theta.js';
import type { ModelFit } from './types.js';

type Runner = { name: string; minLength: number; run: (y: number[], h: number, m: number) => ModelFit };

const sesM4 = withSeasonalAdjustment(ses);
const holtM4 = withSeasonalAdjustment(holt);
const dampedM4 = withSeasonalAdjustment(damped);

const models: Runner[] = [
  { name: 'naive', minLength: 1, run: (y, h) => naive(y, h) },
  { name: 'seasonalNaive', minLength: 1, run: (y, h, m) => seasonalNaive(y, h, { seasonLength: m }) },
  { name: 'naive2', minLength: 1, run: (y, h, m) => naive2(y, h, { seasonLength: m }) },
  { name: 'ses', minLength: 1, run: (y, h, m) => sesM4(y, h, { seasonLength: m }) },
  { name: 'holt', minLength: 2, run: (y, h, m) => holtM4(y, h, { seasonLength: m }) },
  { name: 'damped', minLength: 2, run: (y, h, m) => dampedM4(y, h, { seasonLength: m }) },
  { name: 'theta', minLength: 2, run: (y, h, m) => theta(y, h, { seasonLength: m, nonNegative: false }) },
];

const value = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
const positive = fc.double({ min: 0.01, max: 1e6, noNaN: true, noDefaultInfinity: true });
const horizon = fc.integer({ min: 1, max: 24 });
const season = fc.constantFrom(1, 2, 4, 7, 12);
const params = { numRuns: 60 };

describe.each(models)('$name properties', ({ run, minLength }) => {
  it('returns `horizon` finite forecasts', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(value, { minLength, maxLength: 40 }),
          fc.array(positive, { minLength, maxLength: 40 }),
        ),
        horizon,
        season,
        (y, h, m) => {
          const fit = run(y, h, m);
          expect(fit.mean).toHaveLength(h);
          expect(fit.mean.every(Number.isFinite)).toBe(true);
          if (fit.fitted) expect(fit.fitted).toHaveLength(y.length);
        },
      ),
      params,
    );
  });

  it('forecasts a constant series as that constant', () => {
    fc.assert(
      fc.property(value, fc.integer({ min: minLength, max: 40 }), horizon, season, (c, n, h, m) => {
        const fit = run(new Array(n).fill(c), h, m);
        for (const v of fit.mean)
          expect(Math.abs(v - c)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(c)));
      }),
      params,
    );
  });

  it('forecasts an all-zero series as zeros', () => {
    fc.assert(
      fc.property(fc.integer({ min: minLength, max: 40 }), horizon, season, (n, h, m) => {
        const fit = run(new Array(n).fill(0), h, m);
        expect(fit.mean.every((v) => v === 0)).toBe(true);
      }),
      params,
    );
  });
});

describe('seasonal indices properties', () => {
  it('average to 1 and reproduce y when multiplied back', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(2, 3, 4, 12),
        fc.integer({ min: 0, max: 30 }),
        fc.array(positive, { maxLength: 80 }),
        (m, extra, pool) => {
          const y = Array.from(
            { length: 2 * m + extra },
            (_, i) => pool[i % Math.max(1, pool.length)] ?? 1 + i,
          );
          const idx = seasonalIndices(y, m);
          expect(idx.reduce((a, b) => a + b, 0) / m).toBeCloseTo(1, 12);
          const { adjusted, indices } = seasonalAdjust(y, m);
          adjusted.forEach((v, t) => {
            expect(v * (indices[t % m] as number)).toBeCloseTo(y[t] as number, 6);
          });
        },
      ),
      params,
    );
  });
});
