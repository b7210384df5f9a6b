import { describe, expect, it } from 'vitest';
import { DONATIONS } from '../../test/donations.js';
import {
  bgBbConditionalExpectedPurchases,
  bgBbExpectedPurchases,
  bgBbProbabilityAlive,
  bgBbPurchaseProbability,
  fitBgBb,
} from './bg-bb.js';

describe('BG/BB on the donation data (Fader, Hardie & Shang 2010)', () => {
  const fit = fitBgBb(DONATIONS);

  it('reproduces the published fit: α 1.204, β 0.750, γ 0.657, δ 2.783, LL −33,225.6', () => {
    expect(fit.customers).toBe(11104);
    expect(fit.params.alpha).toBeCloseTo(1.204, 3);
    expect(fit.params.beta).toBeCloseTo(0.75, 3);
    expect(fit.params.gamma).toBeCloseTo(0.657, 3);
    expect(fit.params.delta).toBeCloseTo(2.783, 2);
    expect(fit.logLikelihood).toBeCloseTo(-33225.6, 1);
  });

  it('P(alive in 2002): 0.11 for (0, 0), 0.59 for (2, 4), 0.93 for (6, 6) (their Table 6)', () => {
    expect(bgBbProbabilityAlive(fit.params, { frequency: 0, recency: 0, n: 6 })).toBeCloseTo(0.11, 2);
    expect(bgBbProbabilityAlive(fit.params, { frequency: 2, recency: 4, n: 6 })).toBeCloseTo(0.59, 2);
    expect(bgBbProbabilityAlive(fit.params, { frequency: 6, recency: 6, n: 6 })).toBeCloseTo(0.93, 2);
  });

  it('expects 12,884.2 donations in 2002–2006 (Hardie’s spreadsheet) and fits the in-sample histogram', () => {
    const total = DONATIONS.reduce(
      (sum, row) => sum + row.weight * bgBbConditionalExpectedPurchases(fit.params, row, 5),
      0,
    );
    expect(total).toBeCloseTo(12884.2, 0);
    expect(11104 * bgBbPurchaseProbability(fit.params, 0, 6)).toBeCloseTo(3454.9, 0);
    expect(11104 * bgBbPurchaseProbability(fit.params, 6, 6)).toBeCloseTo(1253.1, 0);
    const sum = [0, 1, 2, 3, 4, 5, 6].reduce((s, x) => s + bgBbPurchaseProbability(fit.params, x, 6), 0);
    expect(sum).toBeCloseTo(1, 12);
    const mean = [0, 1, 2, 3, 4, 5, 6].reduce((s, x) => s + x * bgBbPurchaseProbability(fit.params, x, 6), 0);
    expect(bgBbExpectedPurchases(fit.params, 6)).toBeCloseTo(mean, 10);
  });

  it('says MODEL_NOT_IDENTIFIED when nobody bought', () => {
    expect(() => fitBgBb([{ frequency: 0, recency: 0, n: 6, weight: 10 }])).toThrow(
      expect.objectContaining({ code: 'MODEL_NOT_IDENTIFIED' }),
    );
  });
});
