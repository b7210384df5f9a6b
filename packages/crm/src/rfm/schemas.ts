import { z } from 'zod';
import { customerIdSchema } from '../summary/schemas.js';

/**
 * One customer's raw RFM values: days since the last purchase, purchases (orders or purchase
 * days), and spend (a number or a decimal string).
 *
 * @example
 * rfmValuesSchema.parse({ customerId: 'C-1', recencyDays: 12, frequency: 5, monetary: '1290.50' })
 */
export const rfmValuesSchema = z
  .object({
    customerId: customerIdSchema,
    recencyDays: z.number().finite().min(0),
    frequency: z.number().finite().min(0),
    monetary: z.union([
      z.number().finite(),
      z.string().regex(/^-?\d+(\.\d+)?$/, 'Expected a decimal string'),
    ]),
  })
  .strict();

/**
 * A value of {@link rfmValuesSchema}.
 *
 * @example
 * const row: RfmValues = { customerId: 'C-1', recencyDays: 12, frequency: 5, monetary: 1290.5 };
 */
export type RfmValues = z.infer<typeof rfmValuesSchema>;

/**
 * How ties are scored:
 * - `min-rank` (default): equal values always share a score — the score of the lowest position
 *   the tied group occupies (pandas `rank(method="min")`, then equal-width bins of the rank). A
 *   value shared by most customers keeps them all in the bottom bin instead of scattering them.
 * - `first-rank`: ties broken by customer id (code-unit order), so every bin holds n / bins
 *   customers (pandas `rank(method="first")` + `qcut`, the widely copied recipe); equal values
 *   may get different scores.
 *
 * @example
 * rfmTieRuleSchema.parse('min-rank')
 */
export const rfmTieRuleSchema = z.enum(['min-rank', 'first-rank']);

/**
 * Options of `rfmScores`: `bins` (2–10, default 5) and the tie rule.
 *
 * @example
 * rfmOptionsSchema.parse({ bins: 5, ties: 'min-rank' })
 */
export const rfmOptionsSchema = z
  .object({ bins: z.number().int().min(2).max(10).optional(), ties: rfmTieRuleSchema.optional() })
  .strict();

/**
 * Options of `rfmScores`.
 *
 * @example
 * const options: RfmOptions = { ties: 'first-rank' };
 */
export type RfmOptions = z.input<typeof rfmOptionsSchema>;

const scoreRange = z
  .tuple([z.number().int().min(1).max(10), z.number().int().min(1).max(10)])
  .refine(([low, high]) => low <= high, 'Expected [low, high] with low ≤ high');

/**
 * One row of a segment table: a name and the inclusive score ranges it takes. Rules are tried in
 * order; the first whose three ranges all contain the customer's scores wins.
 *
 * @example
 * rfmSegmentRuleSchema.parse({ segment: 'Champions', recency: [4, 5], frequency: [4, 5], monetary: [4, 5] })
 */
export const rfmSegmentRuleSchema = z
  .object({
    segment: z.string().min(1).max(100),
    recency: scoreRange,
    frequency: scoreRange,
    monetary: scoreRange,
    description: z.string().max(500).optional(),
  })
  .strict();

/**
 * A value of {@link rfmSegmentRuleSchema}.
 *
 * @example
 * const rule: RfmSegmentRule = { segment: 'Lost', recency: [1, 1], frequency: [1, 2], monetary: [1, 2] };
 */
export type RfmSegmentRule = z.infer<typeof rfmSegmentRuleSchema>;
