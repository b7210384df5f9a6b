import { currencyCodeSchema } from '@s2b2b/core';
import { z } from 'zod';
import { aftersalesIdSchema } from '../common/ids.js';
import { CASE_REASONS, PARTIES } from '../common/vocabulary.js';
import { carrierTermsSchema } from './carrier-claim.js';
import { liabilityRulesSchema } from './rules.js';

const amountSchema = z
  .string()
  .regex(/^\d+(\.\d+)?$/, 'Expected a non-negative decimal string such as "12.50"');

/**
 * A case line for compensation: the sale (unit price, ordered quantity, the promotion discount
 * the line received) and the units this case covers.
 *
 * @example
 * compensationLineSchema.parse({ lineId: 'L1', sku: 'TEA-500G', orderedQuantity: 10, unitPrice: '19.90', discount: '15.00', quantity: 3 })
 */
export const compensationLineSchema = z
  .object({
    lineId: aftersalesIdSchema,
    sku: aftersalesIdSchema.optional(),
    orderedQuantity: z.number().int().positive().max(1e9),
    unitPrice: amountSchema,
    /** The promotion discount the whole line received. Default 0. */
    discount: amountSchema.default('0'),
    /** Units refunded by earlier cases. Default 0. */
    previouslyRefunded: z.number().int().min(0).max(1e9).default(0),
    /** Units this case covers. */
    quantity: z.number().int().positive().max(1e9),
  })
  .strict()
  .superRefine((line, ctx) => {
    if (line.previouslyRefunded + line.quantity > line.orderedQuantity)
      ctx.addIssue({
        code: 'custom',
        message: 'quantity + previouslyRefunded exceeds orderedQuantity',
        path: ['quantity'],
      });
  });

/**
 * How a case is resolved, with the amounts it needs: `refund` (optionally with the return
 * freight the merchant paid), `partial-refund` (an amount, the goods are kept), `replacement`
 * (return and forward freight), `repair` (repair cost and both freights) or `reject`.
 *
 * @example
 * resolutionSchema.parse({ kind: 'refund', returnFreight: '12.00' })
 */
export const resolutionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('refund'), returnFreight: amountSchema.optional() }).strict(),
  z.object({ kind: z.literal('partial-refund'), amount: amountSchema }).strict(),
  z
    .object({
      kind: z.literal('replacement'),
      returnFreight: amountSchema.optional(),
      forwardFreight: amountSchema.optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('repair'),
      repairCost: amountSchema,
      returnFreight: amountSchema.optional(),
      forwardFreight: amountSchema.optional(),
    })
    .strict(),
  z.object({ kind: z.literal('reject') }).strict(),
]);

/**
 * A resolution, as given.
 *
 * @example
 * const resolution: Resolution = { kind: 'partial-refund', amount: '20.00' };
 */
export type Resolution = z.input<typeof resolutionSchema>;

/**
 * What `planCompensation` takes.
 *
 * @example
 * planCompensationSchema.parse({ reason: 'quality-defect', resolution: { kind: 'refund' }, lines: [line] })
 */
export const planCompensationSchema = z
  .object({
    reason: z.enum(CASE_REASONS),
    resolution: resolutionSchema,
    currency: currencyCodeSchema.default('CNY'),
    lines: z.array(compensationLineSchema).min(1),
    /** The shipment, for carrier claims: its freight and declared (insured) value. */
    shipment: z
      .object({
        freight: amountSchema,
        declaredValue: amountSchema.nullable().default(null),
        /** The full value of the goods shipped (default: what the case lines paid). */
        goodsValue: amountSchema.optional(),
      })
      .strict()
      .optional(),
    carrierTerms: carrierTermsSchema.default({ uninsuredFreightMultiple: 3 }),
    /** What the parties agreed against the table, e.g. the supplier pays return freight on no-reason returns. */
    agreement: z
      .object({ returnFreight: z.enum(PARTIES).optional() })
      .strict()
      .default({}),
    /** The liability table (default `DEFAULT_LIABILITY_RULES`). */
    rules: liabilityRulesSchema.optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    const ids = new Set<string>();
    input.lines.forEach((line, index) => {
      if (ids.has(line.lineId))
        ctx.addIssue({
          code: 'custom',
          message: `Line ${line.lineId} appears twice`,
          path: ['lines', index, 'lineId'],
        });
      ids.add(line.lineId);
    });
  });

/**
 * What `planCompensation` takes, as written.
 *
 * @example
 * const input: PlanCompensationInput = { reason: 'no-reason-return', resolution: { kind: 'refund', returnFreight: '10.00' }, lines: [line] };
 */
export type PlanCompensationInput = z.input<typeof planCompensationSchema>;
