import { currencyCodeSchema, roundingModeSchema } from '@s2b2b/core';
import { z } from 'zod';
import { amountSchema, couponCodeSchema, promotionIdSchema } from '../promotion/schemas.js';

/** Most lines a cart may have. */
export const MAX_CART_LINES = 1_000;
/** Most units on one line. */
export const MAX_LINE_QUANTITY = 1_000_000;

/**
 * One cart line: a SKU, a quantity of whole units and a unit price in whole minor units, with
 * the categories and merchant the promotions' filters look at.
 *
 * @example
 * cartLineSchema.parse({ id: 'l1', sku: 'TEA-500G', quantity: 2, unitPrice: '68.00', categories: ['tea'], merchantId: 'm-1' })
 */
export const cartLineSchema = z
  .object({
    id: promotionIdSchema,
    sku: promotionIdSchema,
    quantity: z.int().min(1).max(MAX_LINE_QUANTITY),
    unitPrice: amountSchema,
    categories: z.array(promotionIdSchema).max(50).default([]),
    merchantId: promotionIdSchema.optional(),
  })
  .strict();

/**
 * A cart line after validation.
 *
 * @example
 * const line: CartLine = cartLineSchema.parse({ id: 'l1', sku: 'TEA', quantity: 1, unitPrice: '68' });
 */
export type CartLine = z.output<typeof cartLineSchema>;

/**
 * A cart: lines (unique ids), the shipping fee, the coupon codes entered, the channel it is
 * bought through and its currency (default CNY).
 *
 * @example
 * cartSchema.parse({ lines: [{ id: 'l1', sku: 'TEA', quantity: 2, unitPrice: '68' }], shipping: '8', couponCodes: ['NEW20'] })
 */
export const cartSchema = z
  .object({
    id: promotionIdSchema.optional(),
    currency: currencyCodeSchema.default('CNY'),
    channel: promotionIdSchema.optional(),
    lines: z
      .array(cartLineSchema)
      .min(1, 'Expected at least one line')
      .max(MAX_CART_LINES, `Expected at most ${MAX_CART_LINES} lines`),
    shipping: amountSchema.default('0'),
    couponCodes: z.array(couponCodeSchema).max(20, 'Expected at most 20 codes').default([]),
  })
  .strict()
  .superRefine((cart, ctx) => {
    const seen = new Set<string>();
    cart.lines.forEach((line, index) => {
      if (seen.has(line.id)) {
        ctx.addIssue({
          code: 'custom',
          message: `Duplicate line id ${JSON.stringify(line.id)}`,
          path: ['lines', index, 'id'],
        });
      }
      seen.add(line.id);
    });
  });

/**
 * A cart after validation.
 *
 * @example
 * const cart: Cart = cartSchema.parse(input);
 */
export type Cart = z.output<typeof cartSchema>;

/**
 * A cart as written.
 *
 * @example
 * const cart: CartInput = { lines: [{ id: 'l1', sku: 'TEA', quantity: 1, unitPrice: '68' }] };
 */
export type CartInput = z.input<typeof cartSchema>;

/**
 * The buyer: id, segments (`'vip'`, `'wholesale'`) and whether this is a first order.
 *
 * @example
 * customerSchema.parse({ id: 'c-1', segments: ['vip'], newCustomer: false })
 */
export const customerSchema = z
  .object({
    id: promotionIdSchema,
    segments: z.array(promotionIdSchema).max(100).default([]),
    newCustomer: z.boolean().default(false),
  })
  .strict();

/**
 * A customer after validation.
 *
 * @example
 * const customer: Customer = customerSchema.parse({ id: 'c-1' });
 */
export type Customer = z.output<typeof customerSchema>;

const count = z.int().min(0).max(Number.MAX_SAFE_INTEGER).default(0);

/**
 * How much of each cap is already used: what the store's counters say (see
 * `createPromotionsService().usageSnapshot`), so that `evaluateCart` can tell a sold-out flash
 * sale or a spent coupon before checkout. Per promotion: its redemptions, this customer's
 * redemptions, flash-sale units sold, this customer's flash units, discount given; per code:
 * redemptions; per campaign: redemptions and discount given.
 *
 * @example
 * usageSnapshotSchema.parse({ promotions: { flash: { units: 480, customerUnits: 1 } }, codes: { 'WELCOME-7Q2': 1 } })
 */
export const usageSnapshotSchema = z
  .object({
    promotions: z
      .record(
        promotionIdSchema,
        z
          .object({
            redemptions: count,
            customerRedemptions: count,
            units: count,
            customerUnits: count,
            discount: amountSchema.default('0'),
          })
          .strict(),
      )
      .default({}),
    codes: z.record(couponCodeSchema, count).default({}),
    campaigns: z
      .record(
        promotionIdSchema,
        z.object({ redemptions: count, discount: amountSchema.default('0') }).strict(),
      )
      .default({}),
  })
  .strict();

/**
 * A usage snapshot after validation.
 *
 * @example
 * const usage: UsageSnapshot = usageSnapshotSchema.parse({});
 */
export type UsageSnapshot = z.output<typeof usageSnapshotSchema>;

/**
 * A usage snapshot as written.
 *
 * @example
 * const usage: UsageSnapshotInput = { promotions: { flash: { units: 480 } } };
 */
export type UsageSnapshotInput = z.input<typeof usageSnapshotSchema>;

/**
 * The stacking policy (see the package README):
 *
 * - `mode`: `'sequence'` applies promotions in the documented order; `'best'` finds the
 *   combination that saves the buyer most, exactly (by `search`) while at most `exactLimit`
 *   promotions are candidates, greedily beyond.
 * - `order` within a stage and priority: `'percent-before-fixed'` (default), `'fixed-before-percent'`,
 *   or `'priority'` (priority, then id only).
 * - `thresholdBasis`: `'current'` (default) measures thresholds and minimums on the eligible
 *   subtotal after the promotions applied before; `'original'` on the list prices.
 * - `rounding`: how a rate's discount is rounded to minor units (default `'half-even'`).
 *
 * @example
 * stackingPolicySchema.parse({ mode: 'best', search: 'branch-and-bound' })
 */
export const stackingPolicySchema = z
  .object({
    mode: z.enum(['sequence', 'best']).default('sequence'),
    order: z
      .enum(['percent-before-fixed', 'fixed-before-percent', 'priority'])
      .default('percent-before-fixed'),
    thresholdBasis: z.enum(['current', 'original']).default('current'),
    rounding: roundingModeSchema.default('half-even'),
    search: z.enum(['branch-and-bound', 'brute-force']).default('branch-and-bound'),
    exactLimit: z.int().min(0).max(24).default(16),
  })
  .strict();

/**
 * A stacking policy after validation.
 *
 * @example
 * const policy: StackingPolicy = stackingPolicySchema.parse({});
 */
export type StackingPolicy = z.output<typeof stackingPolicySchema>;

/**
 * A stacking policy as written.
 *
 * @example
 * const policy: StackingPolicyInput = { mode: 'best' };
 */
export type StackingPolicyInput = z.input<typeof stackingPolicySchema>;
