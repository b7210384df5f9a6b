import { ValidationError } from '@s2b2b/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cdnowSample } from '../../test/cdnow.js';
import { summarizeCustomers } from '../summary/summarize-customers.js';
import { rfmValuesFromSummary } from './from-summary.js';
import { rfmScores } from './rfm-scores.js';
import { DEFAULT_RFM_SEGMENTS, RF_GRID_SEGMENTS, segmentCustomers } from './segments.js';

const ten = Array.from({ length: 10 }, (_, i) => ({
  customerId: `C${i}`,
  recencyDays: 10 * (i + 1), // C0 the most recent
  frequency: i + 1,
  monetary: String(100 * (i + 1)),
}));

describe('rfmScores', () => {
  it('scores ten distinct customers two per bin; recency reversed', () => {
    const scores = rfmScores(ten);
    expect(scores.map((s) => s.recency)).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
    expect(scores.map((s) => s.frequencyScore)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(scores[9]).toMatchObject({ code: '155', total: 11, monetary: 1000 });
  });

  it('gives tied values one score (min-rank): seven one-order customers all score F 1', () => {
    const values = [1, 1, 1, 1, 1, 1, 1, 2, 2, 5].map((frequency, i) => ({
      customerId: `C${i}`,
      recencyDays: 1,
      frequency,
      monetary: 1,
    }));
    const scores = rfmScores(values);
    expect(scores.map((s) => s.frequencyScore)).toEqual([1, 1, 1, 1, 1, 1, 1, 4, 4, 5]);
    // Everyone tied on recency and spend: the bottom score for all.
    expect(new Set(scores.map((s) => s.recency))).toEqual(new Set([1]));
    // first-rank breaks ties by customer id instead: equal bins of two.
    const first = rfmScores(values, { ties: 'first-rank' });
    expect(first.map((s) => s.frequencyScore)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('does not depend on input order, and scores stay within 1..bins (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ r: fc.nat(30), f: fc.nat(5), m: fc.nat(100) }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 2, max: 10 }),
        (rows, bins) => {
          const values = rows.map((row, i) => ({
            customerId: `C${i}`,
            recencyDays: row.r,
            frequency: row.f,
            monetary: row.m,
          }));
          const forward = rfmScores(values, { bins });
          const backward = rfmScores([...values].reverse(), { bins }).reverse();
          expect(backward).toEqual(forward);
          for (const s of forward) {
            for (const v of [s.recency, s.frequencyScore, s.monetaryScore]) {
              expect(v).toBeGreaterThanOrEqual(1);
              expect(v).toBeLessThanOrEqual(bins);
            }
          }
          // Monotone: more spend never scores lower.
          for (const a of forward)
            for (const b of forward)
              if (a.monetary > b.monetary) expect(a.monetaryScore).toBeGreaterThanOrEqual(b.monetaryScore);
        },
      ),
    );
  });

  it('refuses duplicate ids and bad values with ValidationError', () => {
    expect(() => rfmScores([ten[0]!, ten[0]!])).toThrow(ValidationError);
    expect(() => rfmScores([{ ...ten[0]!, recencyDays: -1 }])).toThrow(ValidationError);
    expect(() => rfmScores(ten, { bins: 1 })).toThrow(ValidationError);
  });

  it('reads a customer summary: CDNOW at 1997-09-30 puts the 1,411 one-time buyers in F 1', () => {
    const table = summarizeCustomers(cdnowSample(), { observationEnd: '1997-09-30', timeUnit: 'week' });
    const scores = rfmScores(rfmValuesFromSummary(table));
    expect(scores.filter((s) => s.frequencyScore === 1)).toHaveLength(1411);
    const first = scores.find((s) => s.customerId === '1')!;
    expect(first).toMatchObject({ recencyDays: 59, frequency: 3, monetary: 74.02 });
  });
});

describe('segmentCustomers', () => {
  const all = [] as { customerId: string; recency: number; frequencyScore: number; monetaryScore: number }[];
  for (let r = 1; r <= 5; r++)
    for (let f = 1; f <= 5; f++)
      for (let m = 1; m <= 5; m++)
        all.push({ customerId: `${r}${f}${m}`, recency: r, frequencyScore: f, monetaryScore: m });

  it('names all 125 score cells with the default table, and every one of the 11 segments is reachable', () => {
    const named = segmentCustomers(all);
    expect(named.filter((s) => s.segment === 'Others')).toEqual([]);
    expect(new Set(named.map((s) => s.segment))).toEqual(new Set(DEFAULT_RFM_SEGMENTS.map((r) => r.segment)));
    const by = Object.fromEntries(named.map((s) => [s.customerId, s.segment]));
    expect(by).toMatchObject({
      '555': 'Champions',
      '333': 'Loyal',
      '155': "Can't Lose Them",
      '244': 'At Risk',
      '513': 'New',
      '421': 'Potential Loyalist',
      '415': 'Promising',
      '325': 'Need Attention',
      '211': 'About to Sleep',
      '111': 'Lost',
      '131': 'Hibernating',
    });
  });

  it('lets the first matching rule win, later rules never overwrite, and falls back to Others', () => {
    const rules = [
      {
        segment: 'Top',
        recency: [4, 5] as [number, number],
        frequency: [1, 5] as [number, number],
        monetary: [1, 5] as [number, number],
      },
      {
        segment: 'Spenders',
        recency: [1, 5] as [number, number],
        frequency: [1, 5] as [number, number],
        monetary: [5, 5] as [number, number],
      },
    ];
    const named = segmentCustomers(
      [
        { customerId: 'a', recency: 5, frequencyScore: 1, monetaryScore: 5 },
        { customerId: 'b', recency: 1, frequencyScore: 1, monetaryScore: 5 },
        { customerId: 'c', recency: 1, frequencyScore: 1, monetaryScore: 1 },
      ],
      { rules },
    );
    expect(named).toEqual([
      { customerId: 'a', segment: 'Top', rule: 0 },
      { customerId: 'b', segment: 'Spenders', rule: 1 },
      { customerId: 'c', segment: 'Others', rule: null },
    ]);
  });

  it('has the R × F grid table too, covering all 25 cells', () => {
    const named = segmentCustomers(all, { rules: RF_GRID_SEGMENTS });
    expect(named.filter((s) => s.segment === 'Others')).toEqual([]);
    expect(Object.fromEntries(named.map((s) => [s.customerId, s.segment]))).toMatchObject({
      '511': 'New',
      '331': 'Need Attention',
      '151': "Can't Lose Them",
      '121': 'Hibernating',
    });
  });

  it('refuses a rule with low > high', () => {
    expect(() =>
      segmentCustomers(all, {
        rules: [{ segment: 'x', recency: [5, 1], frequency: [1, 5], monetary: [1, 5] }],
      }),
    ).toThrow(ValidationError);
  });
});
