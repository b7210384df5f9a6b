import { readFileSync } from 'node:fs';
import { ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { stl } from './stl.js';

type Fit = { sWindow: number | 'periodic'; robust: boolean; seasonal: number[]; trend: number[] };
const { stl: ref } = JSON.parse(
  readFileSync(new URL('../../test/fixtures/arima-r-forecast.json', import.meta.url), 'utf8'),
) as { stl: { period: number; y: number[]; fits: Fit[] } };

describe('STL', () => {
  it.each(ref.fits.map((f) => [`s.window = ${f.sWindow}${f.robust ? ', robust' : ''}`, f] as const))(
    'reproduces R stats::stl (%s)',
    (_name, f) => {
      const out = stl(ref.y, ref.period, { sWindow: f.sWindow, robust: f.robust });
      f.seasonal.forEach((v, i) => {
        expect(out.seasonal[i]).toBeCloseTo(v, 6);
      });
      f.trend.forEach((v, i) => {
        expect(out.trend[i]).toBeCloseTo(v, 6);
      });
      out.remainder.forEach((r, i) => {
        expect(r).toBeCloseTo(ref.y[i]! - out.seasonal[i]! - out.trend[i]!, 9);
      });
    },
  );

  it('rejects a period that does not fit twice', () => {
    expect(() => stl([1, 2, 3, 4], 2, { sWindow: 7 })).toThrow(ValidationError);
    expect(() => stl([1, 2, 3, 4, 5], 1, { sWindow: 7 })).toThrow(/period/);
    expect(() => stl([1, 2, 3, 4, 5], 2, { sWindow: 0 })).toThrow(/sWindow/);
  });
});
