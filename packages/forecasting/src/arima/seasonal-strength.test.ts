import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nsdiffs, seasonalStrength } from './seasonal-strength.js';

const { tests } = JSON.parse(
  readFileSync(new URL('../../test/fixtures/arima-r-forecast.json', import.meta.url), 'utf8'),
) as { tests: { id: string; m: number; seasonalStrength: number; D: number; y: number[] }[] };

describe('seasonal strength and nsdiffs', () => {
  it('match R forecast (seas.heuristic on mstl, threshold 0.64) on M3 series', () => {
    for (const t of tests.filter((x) => x.m > 1)) {
      expect(seasonalStrength(t.y, t.m)).toBeCloseTo(t.seasonalStrength, 8);
      expect(nsdiffs(t.y, t.m)).toBe(t.D);
    }
  });

  it('is 1 for a pure seasonal pattern and needs no difference for noise or constants', () => {
    const season = Array.from({ length: 48 }, (_, t) => 10 + Math.sin((2 * Math.PI * t) / 12));
    expect(seasonalStrength(season, 12)).toBeGreaterThan(0.99);
    expect(nsdiffs(season, 12)).toBe(1);
    expect(
      nsdiffs(
        Array.from({ length: 48 }, () => 3),
        12,
      ),
    ).toBe(0);
    expect(seasonalStrength([1, 2, 3], 12)).toBeNaN();
    expect(nsdiffs([1, 2, 3, 4, 5], 12)).toBe(0);
  });
});
