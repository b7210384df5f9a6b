import { currencyCodeSchema } from '@s2b2b/core';
import { z } from 'zod';
import { amountSchema, promotionIdSchema } from '../promotion/schemas.js';

const signedAmount = z
  .string()
  .regex(/^-?\d{1,15}(\.\d{1,18})?$/, 'Expected a decimal string such as "1234.50"');

/**
 * One order of a campaign: what the buyer paid (`revenue`, after every discount), what the goods
 * cost (`cost`), the discount each campaign gave in it, and whether it was the customer's first
 * order.
 *
 * @example
 * campaignOrderSchema.parse({ orderId: 'o-1', customerId: 'c-1', revenue: '287.00', cost: '210.00', discounts: [{ campaignId: 'spring', amount: '40.00' }], newCustomer: true })
 */
export const campaignOrderSchema = z
  .object({
    orderId: promotionIdSchema,
    customerId: promotionIdSchema,
    revenue: amountSchema,
    cost: amountSchema,
    discounts: z.array(z.object({ campaignId: promotionIdSchema, amount: amountSchema }).strict()).max(100),
    newCustomer: z.boolean().default(false),
  })
  .strict();

/**
 * A campaign order as written.
 *
 * @example
 * const order: CampaignOrderInput = { orderId: 'o-1', customerId: 'c-1', revenue: '287', cost: '210', discounts: [] };
 */
export type CampaignOrderInput = z.input<typeof campaignOrderSchema>;

const groupSchema = z
  .object({
    /** Customers in the group. */
    size: z.int().min(1).max(1_000_000_000),
    /** What the whole group bought in the campaign period (every order, after discounts). */
    revenue: amountSchema,
    /** Their margin after discounts (revenue − cost of goods). */
    margin: signedAmount,
  })
  .strict();

const periodSchema = z
  .object({
    days: z.int().min(1).max(3660),
    revenue: amountSchema,
    margin: signedAmount,
  })
  .strict();

/**
 * How to measure what the campaign added:
 *
 * - `'control-group'`: a randomly held-out control group got no offer; incremental =
 *   treatment − control scaled to the treatment's size (`control × treatment.size / control.size`);
 * - `'pre-period-baseline'`: the same scope before the campaign; incremental = campaign period −
 *   baseline scaled to the period's length (`baseline × period.days / baseline.days`).
 *
 * @example
 * incrementalitySchema.parse({ method: 'control-group', treatment: { size: 9000, revenue: '540000', margin: '108000' }, control: { size: 1000, revenue: '52000', margin: '11700' } })
 */
export const incrementalitySchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('control-group'), treatment: groupSchema, control: groupSchema }).strict(),
  z
    .object({ method: z.literal('pre-period-baseline'), baseline: periodSchema, period: periodSchema })
    .strict(),
]);

/**
 * The input of `campaignReport`.
 *
 * @example
 * campaignReportInputSchema.parse({ campaign: { id: 'spring', fixedCost: '2000', issued: 5000 }, orders: [] })
 */
export const campaignReportInputSchema = z
  .object({
    currency: currencyCodeSchema.default('CNY'),
    campaign: z
      .object({
        id: promotionIdSchema,
        name: z.string().max(200).optional(),
        /** Fixed costs of running it (flyers, ads, fees), besides the discounts. */
        fixedCost: amountSchema.default('0'),
        /** Coupons issued or customers reached, for the redemption rate. */
        issued: z.int().min(1).max(1_000_000_000).optional(),
      })
      .strict(),
    orders: z.array(campaignOrderSchema).max(10_000_000),
    incrementality: incrementalitySchema.optional(),
  })
  .strict();

/**
 * What `campaignReport` takes.
 *
 * @example
 * const input: CampaignReportInput = { campaign: { id: 'spring' }, orders };
 */
export type CampaignReportInput = z.input<typeof campaignReportInputSchema>;
