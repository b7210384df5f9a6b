import { parseInput } from '@s2b2b/core';
import { z } from 'zod';
import { type RfmOptions, type RfmValues, rfmOptionsSchema, rfmValuesSchema } from './schemas.js';

/**
 * A customer's RFM scores (1 … bins, 5 the best: the most recent, the most frequent, the highest
 * spend), the three-digit code `R·F·M` and the sum.
 *
 * @example
 * const s: RfmScore = { customerId: 'C-1', recencyDays: 3, frequency: 9, monetary: 880, recency: 5, frequencyScore: 5, monetaryScore: 4, code: '554', total: 14 };
 */
export interface RfmScore {
  customerId: string;
  recencyDays: number;
  frequency: number;
  monetary: number;
  recency: number;
  frequencyScore: number;
  monetaryScore: number;
  /** `${R}${F}${M}`, e.g. `'554'` (with more than 9 bins, digits are joined by '-'). */
  code: string;
  total: number;
}

/**
 * Quantile scores for recency, frequency and monetary value, each 1 … `bins` (default 5): a
 * customer's score is 1 + ⌊bins · (rank − 1) / n⌋ of their rank among the n customers, ranks
 * ascending in frequency and spend and descending in days since the last purchase (fewest days
 * = the highest score). Ties follow `ties` (see {@link rfmTieRuleSchema}): by default equal
 * values share the score of the tied group's lowest rank, so the result never depends on input
 * order. Rows come back in input order.
 *
 * @throws ValidationError for a bad row (the path names it) or duplicate customer ids
 * @example
 * const scores = rfmScores([
 *   { customerId: 'A', recencyDays: 2, frequency: 9, monetary: 900 },
 *   { customerId: 'B', recencyDays: 40, frequency: 1, monetary: 50 },
 * ], { bins: 2 });
 * scores.map((s) => s.code) // ['222', '111']
 */
export function rfmScores(values: readonly RfmValues[], options: RfmOptions = {}): RfmScore[] {
  const rows = parseInput(
    z
      .array(rfmValuesSchema)
      .min(1, 'Expected at least one customer')
      .superRefine((list, ctx) => {
        const seen = new Set<string>();
        list.forEach((row, i) => {
          if (seen.has(row.customerId)) {
            ctx.addIssue({ code: 'custom', path: [i, 'customerId'], message: 'Duplicate customer id' });
          }
          seen.add(row.customerId);
        });
      }),
    values,
    'values',
  );
  const { bins = 5, ties = 'min-rank' } = parseInput(rfmOptionsSchema, options, 'options');
  const monetary = rows.map((row) => Number(row.monetary));
  const ids = rows.map((row) => row.customerId);
  const r = score(
    rows.map((row) => -row.recencyDays),
    ids,
    bins,
    ties,
  );
  const f = score(
    rows.map((row) => row.frequency),
    ids,
    bins,
    ties,
  );
  const m = score(monetary, ids, bins, ties);
  const join = bins > 9 ? '-' : '';
  return rows.map((row, i) => ({
    customerId: row.customerId,
    recencyDays: row.recencyDays,
    frequency: row.frequency,
    monetary: monetary[i]!,
    recency: r[i]!,
    frequencyScore: f[i]!,
    monetaryScore: m[i]!,
    code: [r[i], f[i], m[i]].join(join),
    total: r[i]! + f[i]! + m[i]!,
  }));
}

/** Scores 1 … bins of ascending `values`, by the tie rule. */
function score(values: number[], ids: string[], bins: number, ties: 'min-rank' | 'first-rank'): number[] {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => values[a]! - values[b]! || (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0),
  );
  const scores = new Array<number>(n);
  let groupStart = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    if (k > 0 && values[i] !== values[order[k - 1]!]) groupStart = k;
    const rank = ties === 'min-rank' ? groupStart : k;
    scores[i] = 1 + Math.floor((bins * rank) / n);
  }
  return scores;
}
