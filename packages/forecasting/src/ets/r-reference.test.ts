import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { autoEts } from './auto-ets.js';
import { fitEts } from './fit.js';
import { forecastEts } from './forecast.js';
import { parseEtsSpec } from './model.js';

// Fits of R forecast::ets on eleven M3 series, written by test/fixtures/make-ets-fixtures.R.
interface Reference {
  id: string;
  m: number;
  h: number;
  request: string;
  method: string;
  loglik: number;
  aicc: number;
  mean: number[];
  lower95: number[];
  upper95: number[];
  y: number[];
}
const { fits } = JSON.parse(
  readFileSync(new URL('../../test/fixtures/ets-r-forecast.json', import.meta.url), 'utf8'),
) as { fits: Reference[] };
const fixed = fits.filter((fit) => fit.request !== 'ZZZ');
const automatic = fits.filter((fit) => fit.request === 'ZZZ');

describe('ETS against R forecast::ets', () => {
  it.each(fixed.map((fit) => [`${fit.id} ${fit.method}`, fit] as const))(
    '%s: the likelihood is at least as high as R finds, and the forecasts agree',
    (_name, reference) => {
      const fit = fitEts(reference.y, parseEtsSpec(reference.request), { seasonLength: reference.m });
      // Both maximise the same likelihood with Nelder–Mead from different starts: ours must
      // reach R's optimum (0.5 log-likelihood units of slack). Where both land on the same
      // optimum (within 0.05) the forecasts must agree; elsewhere on a flat ridge or at a better
      // optimum they may rightly differ.
      expect(fit.loglik).toBeGreaterThan(reference.loglik - 0.5);
      if (Math.abs(fit.loglik - reference.loglik) > 0.05) return;
      const { mean } = forecastEts(fit, reference.h);
      const scale = Math.max(...reference.y.map(Math.abs));
      for (let k = 0; k < reference.h; k += 1) {
        expect(Math.abs((mean[k] as number) - (reference.mean[k] as number)) / scale).toBeLessThan(0.05);
      }
    },
  );

  it('automatic selection picks R’s model, or one at least as good by AICc, on each series', () => {
    for (const reference of automatic) {
      const ours = autoEts(reference.y, reference.h, { seasonLength: reference.m, level: [] });
      if (ours.model !== reference.method) expect(ours.fit.aicc).toBeLessThanOrEqual(reference.aicc + 0.5);
    }
  });
});
