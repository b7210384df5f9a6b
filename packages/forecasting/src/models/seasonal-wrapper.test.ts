import { describe, expect, it } from 'vitest';
import { holt } from './holt.js';
import { withSeasonalAdjustment } from './seasonal-wrapper.js';
import { seasonalAdjust } from './seasonality.js';
import { ses } from './ses.js';

const y = Array.from(
  { length: 36 },
  (_, t) => (50 + 0.5 * t + ((t * 7) % 5) - 2) * [0.7, 1.1, 1.3, 0.9][t % 4]!,
);

describe('withSeasonalAdjustment', () => {
  it('fits on the adjusted series and multiplies by the indices of the forecast positions', () => {
    const sesM4 = withSeasonalAdjustment(ses);
    const fit = sesM4(y, 5, { seasonLength: 4 });
    const { adjusted, indices, seasonal } = seasonalAdjust(y, 4);
    expect(seasonal).toBe(true);
    const inner = ses(adjusted, 5);
    fit.mean.forEach((v, h) => {
      expect(v).toBeCloseTo((inner.mean[h] as number) * (indices[(36 + h) % 4] as number), 10);
    });
    expect(fit.params.alpha).toBe(inner.params.alpha);
    expect(fit.params.seasonallyAdjusted).toBe(1);
    fit.residuals?.forEach((r, t) => {
      expect(r).toBeCloseTo((y[t] as number) - (fit.fitted?.[t] as number), 10);
    });
  });

  it('passes through when not seasonal', () => {
    const holtM4 = withSeasonalAdjustment(holt);
    const fit = holtM4(y, 3, { seasonLength: 1, alpha: 0.5, beta: 0.1 });
    expect(fit.params.seasonallyAdjusted).toBe(0);
    expect(fit.mean).toEqual(holt(y, 3, { alpha: 0.5, beta: 0.1 }).mean);
  });
});
