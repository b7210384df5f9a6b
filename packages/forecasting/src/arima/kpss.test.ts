import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kpssPValue, kpssStatistic, ndiffs } from './kpss.js';

const fixture = JSON.parse(
  readFileSync(new URL('../../test/fixtures/arima-r-forecast.json', import.meta.url), 'utf8'),
) as {
  kpss: { x: number[]; lags: number; statistic: number };
  tests: { id: string; d: number; D: number; m: number; kpss: number; y: number[] }[];
};

describe('KPSS', () => {
  it('matches a hand calculation with no lags', () => {
    // e = x − 3.5, S = (−2.5, −4, −4.5, −4, −2.5, 0): ΣS² = 64.75; s² = 17.5/6 → 64.75/36/(17.5/6)
    expect(kpssStatistic([1, 2, 3, 4, 5, 6])).toBeCloseTo(64.75 / 36 / (17.5 / 6), 12);
  });

  it('matches urca::ur.kpss with Bartlett lags', () => {
    expect(kpssStatistic(fixture.kpss.x, fixture.kpss.lags)).toBeCloseTo(fixture.kpss.statistic, 9);
  });

  it('interpolates the p-value in the critical-value table', () => {
    expect(kpssPValue(0.2)).toBe(0.1);
    expect(kpssPValue(0.463)).toBeCloseTo(0.05, 12);
    expect(kpssPValue((0.463 + 0.574) / 2)).toBeCloseTo(0.0375, 12);
    expect(kpssPValue(5)).toBe(0.01);
    expect(kpssPValue(Number.NaN)).toBeNaN();
  });

  it('chooses d as R forecast::ndiffs does on M3 series', () => {
    for (const t of fixture.tests) {
      const D = t.D;
      const dx = D > 0 ? t.y.slice(t.m).map((v, i) => v - t.y[i]!) : t.y;
      expect(kpssStatistic(dx)).toBeCloseTo(t.kpss, 8);
      expect(ndiffs(dx)).toBe(t.d);
    }
  });

  it('needs no difference for constant or stationary series and two for a quadratic', () => {
    expect(ndiffs([4, 4, 4, 4])).toBe(0);
    expect(ndiffs(Array.from({ length: 40 }, (_, t) => Math.sin(t * 2.1)))).toBe(0);
    expect(ndiffs(Array.from({ length: 40 }, (_, t) => t * t + 3 * Math.sin(t)))).toBe(2);
  });
});
