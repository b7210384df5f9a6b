import { ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { cdnowPublishedSummary } from '../../test/cdnow.js';
import { fitGammaGamma, gammaGammaExpectedSpend, gammaGammaLogLikelihood } from './gamma-gamma.js';

const PAPER = { p: 6.25, q: 3.74, v: 15.44 };

describe('Gamma-Gamma on the CDNOW repeat buyers', () => {
  const rows = cdnowPublishedSummary();
  const fit = fitGammaGamma(rows);

  it('reproduces the published fit on the 946 repeat buyers: p 6.25, q 3.74, v 15.44, LL −4055.92', () => {
    expect(fit.customers).toBe(946);
    expect(fit.params.p).toBeCloseTo(6.25, 2);
    expect(fit.params.q).toBeCloseTo(3.74, 2);
    expect(fit.params.v).toBeCloseTo(15.44, 1);
    expect(fit.logLikelihood).toBeCloseTo(-4055.92, 2);
    const atPaper = rows.reduce((sum, row) => sum + gammaGammaLogLikelihood(PAPER, row), 0);
    expect(atPaper).toBeCloseTo(-4055.925, 2);
  });

  it('gives the Hardie spreadsheet expected spends of the first ten customers (note 025)', () => {
    const expected = [24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17];
    rows.slice(0, 10).forEach((row, i) => {
      expect(Math.abs(gammaGammaExpectedSpend(PAPER, row) - expected[i]!)).toBeLessThan(0.1);
    });
    // A one-time buyer gets the population mean pv/(q − 1).
    expect(gammaGammaExpectedSpend(PAPER, { frequency: 0, monetaryValue: 0 })).toBeCloseTo(
      (6.25 * 15.44) / 2.74,
      10,
    );
  });

  it('says MODEL_NOT_IDENTIFIED without spread in spend, and refuses non-positive spend of repeat buyers', () => {
    expect(() =>
      fitGammaGamma([
        { frequency: 2, monetaryValue: 10 },
        { frequency: 3, monetaryValue: 10 },
      ]),
    ).toThrow(
      expect.objectContaining({
        code: 'MODEL_NOT_IDENTIFIED',
        details: expect.objectContaining({ reason: 'no-spend-variation' }),
      }),
    );
    expect(() => fitGammaGamma([{ frequency: 0, monetaryValue: 0 }])).toThrow(
      expect.objectContaining({ code: 'MODEL_NOT_IDENTIFIED' }),
    );
    expect(() => fitGammaGamma([{ frequency: 2, monetaryValue: 0 }])).toThrow(ValidationError);
  });
});
