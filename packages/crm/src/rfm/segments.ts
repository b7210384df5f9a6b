import { parseInput } from '@s2b2b/core';
import { z } from 'zod';
import type { RfmScore } from './rfm-scores.js';
import { type RfmSegmentRule, rfmSegmentRuleSchema } from './schemas.js';

const rule = (
  segment: string,
  recency: [number, number],
  frequency: [number, number],
  monetary: [number, number],
  description: string,
): RfmSegmentRule => Object.freeze({ segment, recency, frequency, monetary, description });

/**
 * The eleven named segments on 1–5 scores, in match order (first match wins). Every one of the
 * 125 score combinations matches exactly one row by that order, and every row is reachable (the
 * tests check both); edit a copy to change the cut-offs.
 *
 * | segment | R | F | M |
 * |---|---|---|---|
 * | Champions | 4–5 | 4–5 | 4–5 |
 * | Loyal | 3–5 | 3–5 | 3–5 |
 * | Can't Lose Them | 1 | 4–5 | 4–5 |
 * | At Risk | 1–2 | 3–5 | 3–5 |
 * | New | 5 | 1 | 1–5 |
 * | Potential Loyalist | 4–5 | 2–5 | 1–5 |
 * | Promising | 4 | 1 | 1–5 |
 * | Need Attention | 3 | 2–5 | 1–5 |
 * | About to Sleep | 2–3 | 1–2 | 1–5 |
 * | Lost | 1 | 1–2 | 1–2 |
 * | Hibernating | 1–2 | 1–5 | 1–5 |
 *
 * @example
 * DEFAULT_RFM_SEGMENTS[0].segment // 'Champions'
 */
export const DEFAULT_RFM_SEGMENTS: readonly RfmSegmentRule[] = Object.freeze([
  rule('Champions', [4, 5], [4, 5], [4, 5], 'Bought recently, buy often and spend the most'),
  rule('Loyal', [3, 5], [3, 5], [3, 5], 'Spend good money often; responsive to promotions'),
  rule("Can't Lose Them", [1, 1], [4, 5], [4, 5], 'Made big purchases, and often, but long ago'),
  rule('At Risk', [1, 2], [3, 5], [3, 5], 'Spent big money and purchased often, but a long time ago'),
  rule('New', [5, 5], [1, 1], [1, 5], 'Bought most recently, but not often'),
  rule('Potential Loyalist', [4, 5], [2, 5], [1, 5], 'Recent customers who bought more than once'),
  rule('Promising', [4, 4], [1, 1], [1, 5], "Recent shoppers who haven't bought again yet"),
  rule('Need Attention', [3, 3], [2, 5], [1, 5], 'Average recency, bought more than once: slipping'),
  rule('About to Sleep', [2, 3], [1, 2], [1, 5], 'Below-average recency and frequency'),
  rule('Lost', [1, 1], [1, 2], [1, 2], 'Lowest recency, frequency and spend'),
  rule('Hibernating', [1, 2], [1, 5], [1, 5], 'Last purchase long ago, low spend or low frequency'),
]);

/**
 * The widely copied recency × frequency grid (monetary ignored) as a rule table: 5[4–5]
 * Champions, [3–4][4–5] Loyal, [4–5][2–3] Potential Loyalist, 51 New, 41 Promising, 33 Need
 * Attention, 3[1–2] About to Sleep, [1–2]5 Can't Lose Them, [1–2][3–4] At Risk, [1–2][1–2]
 * Hibernating.
 *
 * @example
 * segmentCustomers(scores, { rules: RF_GRID_SEGMENTS })
 */
export const RF_GRID_SEGMENTS: readonly RfmSegmentRule[] = Object.freeze([
  rule('Champions', [5, 5], [4, 5], [1, 5], 'Bought recently and often'),
  rule('Loyal', [3, 4], [4, 5], [1, 5], 'Buy often'),
  rule('Potential Loyalist', [4, 5], [2, 3], [1, 5], 'Recent, bought more than once'),
  rule('New', [5, 5], [1, 1], [1, 5], 'Bought most recently, once'),
  rule('Promising', [4, 4], [1, 1], [1, 5], 'Recent, once'),
  rule('Need Attention', [3, 3], [3, 3], [1, 5], 'Average recency and frequency'),
  rule('About to Sleep', [3, 3], [1, 2], [1, 5], 'Average recency, rarely'),
  rule("Can't Lose Them", [1, 2], [5, 5], [1, 5], 'Bought the most often, long ago'),
  rule('At Risk', [1, 2], [3, 4], [1, 5], 'Bought often, long ago'),
  rule('Hibernating', [1, 2], [1, 2], [1, 5], 'Rarely, long ago'),
]);

/**
 * Options of {@link segmentCustomers}: the rule table (default {@link DEFAULT_RFM_SEGMENTS}) and
 * the name for customers no rule matches (default `'Others'`).
 *
 * @example
 * segmentOptionsSchema.parse({ fallback: 'Unclassified' })
 */
export const segmentOptionsSchema = z
  .object({
    rules: z.array(rfmSegmentRuleSchema).min(1).max(200).optional(),
    fallback: z.string().min(1).max(100).optional(),
  })
  .strict();

/**
 * Options of {@link segmentCustomers}.
 *
 * @example
 * const options: SegmentOptions = { rules: RF_GRID_SEGMENTS };
 */
export interface SegmentOptions {
  rules?: readonly RfmSegmentRule[];
  fallback?: string;
}

/**
 * The segment of each scored customer: the first rule (in table order) whose recency, frequency
 * and monetary ranges all contain the customer's scores; later rules never overwrite (the R
 * package rfm's semantics). No match → `fallback`.
 *
 * @example
 * segmentCustomers(rfmScores(values)).map((s) => s.segment) // ['Champions', 'Hibernating', ...]
 */
export function segmentCustomers(
  scores: readonly Pick<RfmScore, 'customerId' | 'recency' | 'frequencyScore' | 'monetaryScore'>[],
  options: SegmentOptions = {},
): { customerId: string; segment: string; rule: number | null }[] {
  const { rules = DEFAULT_RFM_SEGMENTS, fallback = 'Others' } = parseInput(
    segmentOptionsSchema,
    options,
    'options',
  );
  const checked = parseInput(
    z.array(
      z.object({
        customerId: z.string().min(1),
        recency: z.number().int().min(1),
        frequencyScore: z.number().int().min(1),
        monetaryScore: z.number().int().min(1),
      }),
    ),
    scores,
    'scores',
  );
  const within = (value: number, [low, high]: readonly [number, number]) => value >= low && value <= high;
  return checked.map((score) => {
    const index = rules.findIndex(
      (r) =>
        within(score.recency, r.recency) &&
        within(score.frequencyScore, r.frequency) &&
        within(score.monetaryScore, r.monetary),
    );
    return {
      customerId: score.customerId,
      segment: index < 0 ? fallback : rules[index]!.segment,
      rule: index < 0 ? null : index,
    };
  });
}
