import { ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { cdnowSummaryRows } from '../../test/cdnow.js';
import {
  bgNbdConditionalExpectedPurchases,
  bgNbdExpectedPurchases,
  bgNbdLogLikelihood,
  bgNbdProbabilityAlive,
  bgNbdPurchaseProbability,
  fitBgNbd,
} from './bg-nbd.js';

const PAPER = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const customer = { frequency: 2, recency: 30.43, T: 38.86 };

describe('BG/NBD on CDNOW (Fader, Hardie & Lee 2005)', () => {
  const rows = cdnowSummaryRows();
  const fit = fitBgNbd(rows);

  it('reproduces the published fit: r 0.243, α 4.414, a 0.793, b 2.426, LL −9582.43', () => {
    expect(fit.params.r).toBeCloseTo(0.243, 3);
    expect(fit.params.alpha).toBeCloseTo(4.414, 2);
    expect(fit.params.a).toBeCloseTo(0.793, 3);
    expect(fit.params.b).toBeCloseTo(2.426, 2);
    expect(fit.logLikelihood).toBeCloseTo(-9582.43, 2);
    expect(fit.customers).toBe(2357);
    expect(fit.rows).toBeLessThan(1100); // identical rows grouped
  });

  it('E[Y(39) | x = 2, t_x = 30.43, T = 38.86] = 1.226 and P(alive) = 0.7266', () => {
    expect(bgNbdConditionalExpectedPurchases(PAPER, customer, 39)).toBeCloseTo(1.226, 3);
    expect(bgNbdConditionalExpectedPurchases(fit.params, customer, 39)).toBeCloseTo(1.226, 3);
    expect(bgNbdProbabilityAlive(PAPER, customer)).toBeCloseTo(0.7266, 4);
    expect(bgNbdProbabilityAlive(PAPER, { frequency: 0, recency: 0, T: 1 })).toBe(1);
  });

  it('E[X(t)] at the MLE matches lifetimes: [0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8580]', () => {
    const t = [0.1429, 1, 3, 31.8571, 32, 78];
    const expected = [0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.858];
    t.forEach((time, i) => {
      expect(bgNbdExpectedPurchases(fit.params, time)).toBeCloseTo(expected[i]!, 4);
    });
  });

  it('P(X(t) = n) matches lifetimes to 1e-10', () => {
    expect(bgNbdPurchaseProbability(PAPER, 10, 2)).toBeCloseTo(1.07869e-7, 11);
    expect(bgNbdPurchaseProbability(PAPER, 0, 39)).toBeCloseTo(0.5737864, 7);
    const expected = [
      0.0019995214, 0.0015170236, 0.001163315, 0.0009003148, 0.0007023638, 0.0005517902, 0.0004361913,
      0.0003467171, 0.0002769613, 0.000222226,
    ];
    expected.forEach((p, i) => {
      expect(bgNbdPurchaseProbability(PAPER, 11 + i, 30)).toBeCloseTo(p, 10);
    });
  });

  it('matches the stable log-likelihood test vectors of pymc-marketing (note 027 form)', () => {
    const params = { r: 0.25, alpha: 4, a: 0.8, b: 2.5 };
    expect(bgNbdLogLikelihood(params, { frequency: 0, recency: 0, T: 40 })).toBeCloseTo(-0.59947382, 7);
    expect(bgNbdLogLikelihood(params, { frequency: 200, recency: 38, T: 40 })).toBeCloseTo(100.7957, 4);
  });

  it('gives the same fit on grouped rows with weights as on the rows one by one', () => {
    const counts = new Map<string, { frequency: number; recency: number; T: number; weight: number }>();
    for (const row of rows) {
      const key = `${row.frequency}|${row.recency}|${row.T}`;
      const seen = counts.get(key);
      if (seen) seen.weight += 1;
      else counts.set(key, { ...row, weight: 1 });
    }
    const weighted = fitBgNbd([...counts.values()]);
    expect(weighted.params.r).toBeCloseTo(fit.params.r, 8);
    expect(weighted.params.b).toBeCloseTo(fit.params.b, 7);
    expect(weighted.logLikelihood).toBeCloseTo(fit.logLikelihood, 7);
  });

  it('says MODEL_NOT_IDENTIFIED when nobody made a repeat purchase', () => {
    const oneTime = rows.map((row) => ({ frequency: 0, recency: 0, T: row.T }));
    expect(() => fitBgNbd(oneTime)).toThrow(
      expect.objectContaining({
        code: 'MODEL_NOT_IDENTIFIED',
        details: expect.objectContaining({ reason: 'no-repeat-purchases' }),
      }),
    );
  });

  it('says MODEL_NOT_IDENTIFIED (boundary) when everyone buys at one steady rate and never leaves', () => {
    const steady = Array.from({ length: 200 }, (_, i) => ({
      frequency: 10,
      recency: 50 - (i % 3) * 0.1,
      T: 50,
    }));
    expect(() => fitBgNbd(steady)).toThrow(
      expect.objectContaining({
        code: 'MODEL_NOT_IDENTIFIED',
        details: expect.objectContaining({ reason: 'boundary' }),
      }),
    );
  });

  it('refuses impossible rows with ValidationError naming the field', () => {
    expect(() => fitBgNbd([{ frequency: 1, recency: 5, T: 4 }])).toThrow(ValidationError);
    expect(() => fitBgNbd([{ frequency: 0, recency: 2, T: 4 }])).toThrow(ValidationError);
    expect(() => fitBgNbd([{ frequency: 1.5, recency: 2, T: 4 }])).toThrow(ValidationError);
    expect(() => fitBgNbd([])).toThrow(ValidationError);
    expect(() => bgNbdConditionalExpectedPurchases(PAPER, customer, -1)).toThrow(ValidationError);
    expect(() => bgNbdProbabilityAlive({ ...PAPER, r: 0 }, customer)).toThrow(ValidationError);
  });
});
