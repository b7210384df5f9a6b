import {
  currencyCodeSchema,
  instantSchema,
  parsePercent,
  timeOfDaySchema,
  timeZoneSchema,
  toDecimal,
  WEEKDAYS,
} from '@s2b2b/core';
import { z } from 'zod';

/** Most SKUs, categories or merchants one filter lists. */
export const MAX_FILTER_ENTRIES = 10_000;
/** Most coupon codes one promotion carries. */
export const MAX_COUPON_CODES = 100_000;

/**
 * An id: 1–200 characters without NUL.
 *
 * @example
 * promotionIdSchema.parse('SPRING-200-20')
 */
export const promotionIdSchema = z
  .string()
  .min(1, 'Expected a non-empty id')
  .max(200, 'Expected at most 200 characters')
  .refine((value) => !value.includes('\u0000'), 'Must not contain NUL');

/**
 * A non-negative amount as a plain decimal string (`'19.90'`, `'200'`); its digits below the
 * currency's minor unit are refused when the promotion is compiled for a currency.
 *
 * @example
 * amountSchema.parse('19.90')
 */
export const amountSchema = z
  .string()
  .regex(/^\d{1,13}(\.\d{1,18})?$/, 'Expected a non-negative decimal string such as "19.90"');

/**
 * An amount above zero.
 *
 * @example
 * positiveAmountSchema.parse('0.01')
 */
export const positiveAmountSchema = amountSchema.refine((value) => /[1-9]/.test(value), {
  message: 'Expected an amount above zero',
});

/**
 * A coupon code: trimmed, 1–64 characters, compared case-insensitively (stored upper-case).
 *
 * @example
 * couponCodeSchema.parse(' spring20 ') // 'SPRING20'
 */
export const couponCodeSchema = z
  .string()
  .trim()
  .min(1, 'Expected a non-empty code')
  .max(64, 'Expected at most 64 characters')
  .refine((value) => !value.includes('\u0000'), 'Must not contain NUL')
  .transform((value) => value.toUpperCase());

/**
 * An instant: a `Date`, ISO text or epoch milliseconds, parsed to a `Date`.
 *
 * @example
 * instantInputSchema.parse('2026-03-08T00:00:00+08:00') // Date
 */
export const instantInputSchema = instantSchema.transform((value) => new Date(value));

/**
 * A rate off the price: `'20%'`, `0.2` or `'0.2'` (a fraction), strictly between 0 and 1, or 1
 * (free). Parsed to the fraction as a plain decimal string.
 *
 * @example
 * rateOffSchema.parse('20%') // '0.2'
 */
export const rateOffSchema = z.union([z.string(), z.number()]).transform((value, ctx) => {
  try {
    const rate = parsePercent(value);
    if (rate.lte(0) || rate.gt(1)) {
      ctx.addIssue({ code: 'custom', message: 'Expected a rate above 0 and at most 100%' });
      return z.NEVER;
    }
    if (rate.decimalPlaces() > 8) {
      ctx.addIssue({ code: 'custom', message: 'Expected at most 8 decimal places in the rate' });
      return z.NEVER;
    }
    return rate.toFixed();
  } catch {
    ctx.addIssue({ code: 'custom', message: 'Expected a rate such as "20%" or 0.2' });
    return z.NEVER;
  }
});

/**
 * The fraction of the price paid in Chinese notation, `'8折'` (pay 80 %), `'95折'`, `'八五折'`.
 * Parsed to the fraction off as a plain decimal string (`'8折'` → `'0.2'`).
 *
 * @example
 * zheSchema.parse('8折') // '0.2'
 */
export const zheSchema = z.string().transform((value, ctx) => {
  try {
    if (!/折/.test(value)) throw new Error('no 折');
    const paid = parsePercent(value);
    return paid.negated().plus(1).toFixed();
  } catch {
    ctx.addIssue({ code: 'custom', message: 'Expected a discount such as "8折" or "95折"' });
    return z.NEVER;
  }
});

const idList = z
  .array(promotionIdSchema)
  .max(MAX_FILTER_ENTRIES, `Expected at most ${MAX_FILTER_ENTRIES} entries`);

/**
 * Which lines a filter matches: every listed field must match (an absent field matches all).
 * A line matches `categories` when one of its categories is listed.
 *
 * @example
 * lineFilterSchema.parse({ categories: ['tea'], excludeSkus: ['TEA-GIFT'] })
 */
export const lineFilterSchema = z
  .object({
    skus: idList.optional(),
    excludeSkus: idList.optional(),
    categories: idList.optional(),
    excludeCategories: idList.optional(),
    merchants: idList.optional(),
  })
  .strict();

/**
 * A daily window (`from` inclusive, `to` exclusive, wall clock of `zone`, default
 * Asia/Shanghai), optionally on some weekdays only. `to` before `from` runs past midnight.
 *
 * @example
 * dailyWindowSchema.parse({ from: '10:00', to: '12:00', weekdays: ['saturday', 'sunday'] })
 */
export const dailyWindowSchema = z
  .object({
    from: timeOfDaySchema,
    to: timeOfDaySchema,
    weekdays: z.array(z.enum(WEEKDAYS)).min(1).optional(),
    zone: timeZoneSchema.default('Asia/Shanghai'),
  })
  .strict()
  .refine((window) => window.from !== window.to, { message: 'from and to must differ', path: ['to'] });

/**
 * When and for whom a promotion applies, and on which lines: the line filter, the customer's
 * segments, the channel, new customers only, a validity window (`startsAt` inclusive, `endsAt`
 * exclusive), a daily window, and a minimum eligible subtotal or quantity.
 *
 * @example
 * eligibilitySchema.parse({ categories: ['tea'], segments: ['vip'], startsAt: '2026-03-01T00:00:00+08:00' })
 */
export const eligibilitySchema = lineFilterSchema
  .extend({
    segments: idList.optional(),
    channels: idList.optional(),
    newCustomersOnly: z.boolean().optional(),
    startsAt: instantInputSchema.optional(),
    endsAt: instantInputSchema.optional(),
    daily: dailyWindowSchema.optional(),
    minSubtotal: amountSchema.optional(),
    minQuantity: z.int().min(1).max(1_000_000_000).optional(),
  })
  .strict()
  .refine((e) => !(e.startsAt && e.endsAt) || e.startsAt < e.endsAt, {
    message: 'startsAt must be before endsAt',
    path: ['endsAt'],
  });

/**
 * Coupon activation: the promotion applies only when the cart carries one of its codes. With
 * `singleUse` every code is redeemable once in all (one-time codes); without it a code is
 * shared and the promotion's `limits` bound its use.
 *
 * @example
 * couponSchema.parse({ codes: ['NEW20'], singleUse: false })
 */
export const couponSchema = z
  .object({
    codes: z
      .array(couponCodeSchema)
      .min(1, 'Expected at least one code')
      .max(MAX_COUPON_CODES, `Expected at most ${MAX_COUPON_CODES} codes`),
    singleUse: z.boolean().default(false),
  })
  .strict();

/**
 * Caps on a promotion: total redemptions, redemptions per customer, and a budget (the most
 * discount it may give in all). The store enforces them at checkout; `evaluateCart` reads the
 * usage so far from its `usage` input.
 *
 * @example
 * limitsSchema.parse({ redemptions: 1000, perCustomer: 1, budget: '20000' })
 */
export const limitsSchema = z
  .object({
    redemptions: z.int().min(1).max(1_000_000_000).optional(),
    perCustomer: z.int().min(1).max(1_000_000).optional(),
    budget: positiveAmountSchema.optional(),
  })
  .strict();

const common = {
  id: promotionIdSchema,
  name: z.string().max(200).optional(),
  campaignId: promotionIdSchema.optional(),
  /** When set, the promotion applies only to carts in this currency. */
  currency: currencyCodeSchema.optional(),
  priority: z.int().min(-1_000_000).max(1_000_000).default(0),
  exclusiveGroup: promotionIdSchema.optional(),
  combinable: z.boolean().default(true),
  eligibility: eligibilitySchema.default({}),
  coupon: couponSchema.optional(),
  limits: limitsSchema.default({}),
};

const tierSchema = z.object({ spend: amountSchema, off: positiveAmountSchema }).strict();

/**
 * 满减: spend X get Y off. `tiers` are stepped (the highest tier reached applies; spends strictly
 * increasing, and a higher tier never gives less, so spending more never saves less); `every` repeats (每满 X 减 Y) up to `maxDiscount`. Exactly one of the two.
 *
 * @example
 * thresholdPromotionSchema.parse({ id: 'p', type: 'threshold', tiers: [{ spend: '199', off: '20' }, { spend: '299', off: '40' }] })
 */
export const thresholdPromotionSchema = z
  .object({
    ...common,
    type: z.literal('threshold'),
    tiers: z.array(tierSchema).min(1).max(50).optional(),
    every: z.object({ spend: positiveAmountSchema, off: positiveAmountSchema }).strict().optional(),
    maxDiscount: positiveAmountSchema.optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    if ((p.tiers === undefined) === (p.every === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'Expected exactly one of tiers and every', path: ['tiers'] });
    }
    p.tiers?.forEach((tier, index) => {
      const previous = p.tiers?.[index - 1];
      if (previous && toDecimal(previous.spend).gte(toDecimal(tier.spend))) {
        ctx.addIssue({
          code: 'custom',
          message: 'Tier spends must increase',
          path: ['tiers', index, 'spend'],
        });
      }
      if (previous && toDecimal(previous.off).gt(toDecimal(tier.off))) {
        ctx.addIssue({
          code: 'custom',
          message: 'A higher tier must not give less off',
          path: ['tiers', index, 'off'],
        });
      }
    });
  });

/**
 * 打折: a rate off (`percentOff: '20%'`, or `zhe: '8折'`), per item (`target: 'items'`, each
 * line rounded on its own; a category or SKU offer is the line filter) or order-wide
 * (`'order'`: the eligible subtotal, rounded once and spread by largest remainder), with an
 * optional `maxDiscount`.
 *
 * @example
 * percentOffPromotionSchema.parse({ id: 'p', type: 'percent-off', zhe: '8折', eligibility: { categories: ['tea'] } })
 */
export const percentOffPromotionSchema = z
  .object({
    ...common,
    type: z.literal('percent-off'),
    percentOff: rateOffSchema.optional(),
    zhe: zheSchema.optional(),
    target: z.enum(['items', 'order']).default('items'),
    maxDiscount: positiveAmountSchema.optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    if ((p.percentOff === undefined) === (p.zhe === undefined)) {
      ctx.addIssue({
        code: 'custom',
        message: 'Expected exactly one of percentOff and zhe',
        path: ['percentOff'],
      });
    }
  });

/**
 * 立减: a fixed amount off each eligible unit (`target: 'items'`) or off the eligible subtotal
 * (`'order'`, spread by largest remainder).
 *
 * @example
 * amountOffPromotionSchema.parse({ id: 'p', type: 'amount-off', amount: '10', target: 'order' })
 */
export const amountOffPromotionSchema = z
  .object({
    ...common,
    type: z.literal('amount-off'),
    amount: positiveAmountSchema,
    target: z.enum(['items', 'order']).default('order'),
  })
  .strict();

/**
 * 一口价: every eligible unit at `price` (units already cheaper keep their price).
 *
 * @example
 * fixedPricePromotionSchema.parse({ id: 'p', type: 'fixed-price', price: '9.90', eligibility: { skus: ['CUP'] } })
 */
export const fixedPricePromotionSchema = z
  .object({ ...common, type: z.literal('fixed-price'), price: amountSchema })
  .strict();

/**
 * 秒杀: `price` for eligible units between `startsAt` (inclusive) and `endsAt` (exclusive), at
 * most `perCustomerLimit` units per customer and `stock` units in all. Units beyond the limit
 * pay the normal price.
 *
 * @example
 * flashSalePromotionSchema.parse({ id: 'p', type: 'flash-sale', price: '99', startsAt: '2026-03-08T10:00:00+08:00', endsAt: '2026-03-08T12:00:00+08:00', stock: 500, perCustomerLimit: 2, eligibility: { skus: ['RICE-5KG'] } })
 */
export const flashSalePromotionSchema = z
  .object({
    ...common,
    type: z.literal('flash-sale'),
    price: amountSchema,
    startsAt: instantInputSchema,
    endsAt: instantInputSchema,
    perCustomerLimit: z.int().min(1).max(1_000_000).optional(),
    stock: z.int().min(1).max(1_000_000_000).optional(),
  })
  .strict()
  .refine((p) => p.startsAt < p.endsAt, { message: 'startsAt must be before endsAt', path: ['endsAt'] });

/**
 * 买X送Y: for every `buyQuantity` units bought, `getQuantity` more units at `getPercentOff`
 * (default 100 %: free; `'50%'` is 第二件半价). Bought units are the most expensive eligible
 * units; given units the most expensive remaining units of `get` (default: the same lines).
 * A unit is never both bought and given.
 *
 * @example
 * buyGetPromotionSchema.parse({ id: 'p', type: 'buy-get', buyQuantity: 2, getQuantity: 1 })
 */
export const buyGetPromotionSchema = z
  .object({
    ...common,
    type: z.literal('buy-get'),
    buyQuantity: z.int().min(1).max(1000),
    getQuantity: z.int().min(1).max(1000),
    getPercentOff: rateOffSchema.default('1'),
    get: lineFilterSchema.optional(),
    maxApplications: z.int().min(1).max(1_000_000).optional(),
  })
  .strict();

const componentSchema = lineFilterSchema.extend({ quantity: z.int().min(1).max(1000) }).strict();

/**
 * 组合价 / N件P元: a bundle of units for `price` — `quantity` units of any eligible lines, or one
 * `quantity` of each of `components` (each a line filter within the eligible lines). The most
 * expensive units are bundled first; a bundle forms only when it saves something.
 *
 * @example
 * bundlePromotionSchema.parse({ id: 'p', type: 'bundle', quantity: 3, price: '99', eligibility: { categories: ['snacks'] } })
 */
export const bundlePromotionSchema = z
  .object({
    ...common,
    type: z.literal('bundle'),
    price: amountSchema,
    quantity: z.int().min(1).max(1000).optional(),
    components: z.array(componentSchema).min(1).max(20).optional(),
    maxApplications: z.int().min(1).max(1_000_000).optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    if ((p.quantity === undefined) === (p.components === undefined)) {
      ctx.addIssue({
        code: 'custom',
        message: 'Expected exactly one of quantity and components',
        path: ['quantity'],
      });
    }
  });

/**
 * 包邮: the shipping fee off (up to `maxDiscount`), typically with `eligibility.minSubtotal` (满99包邮).
 *
 * @example
 * freeShippingPromotionSchema.parse({ id: 'p', type: 'free-shipping', eligibility: { minSubtotal: '99' } })
 */
export const freeShippingPromotionSchema = z
  .object({ ...common, type: z.literal('free-shipping'), maxDiscount: positiveAmountSchema.optional() })
  .strict();

/**
 * Any promotion template, told apart by `type`.
 *
 * @example
 * promotionSchema.parse({ id: 'spring', type: 'threshold', every: { spend: '100', off: '10' }, maxDiscount: '50' })
 */
export const promotionSchema = z.discriminatedUnion('type', [
  thresholdPromotionSchema,
  percentOffPromotionSchema,
  amountOffPromotionSchema,
  fixedPricePromotionSchema,
  flashSalePromotionSchema,
  buyGetPromotionSchema,
  bundlePromotionSchema,
  freeShippingPromotionSchema,
]);

/**
 * A promotion as written (input).
 *
 * @example
 * const p: PromotionInput = { id: 'p', type: 'free-shipping', eligibility: { minSubtotal: '99' } };
 */
export type PromotionInput = z.input<typeof promotionSchema>;

/**
 * A promotion after validation (defaults filled, instants as `Date`, rates as decimal strings).
 *
 * @example
 * const p: Promotion = promotionSchema.parse(input);
 */
export type Promotion = z.output<typeof promotionSchema>;

/**
 * One of the template names.
 *
 * @example
 * const type: PromotionType = 'flash-sale';
 */
export type PromotionType = Promotion['type'];

/**
 * Every template name.
 *
 * @example
 * PROMOTION_TYPES.length // 8
 */
export const PROMOTION_TYPES = Object.freeze([
  'threshold',
  'percent-off',
  'amount-off',
  'fixed-price',
  'flash-sale',
  'buy-get',
  'bundle',
  'free-shipping',
] as const satisfies readonly PromotionType[]);

/**
 * A campaign: promotions that share a budget (total discount `spend` and/or `redemptions`).
 *
 * @example
 * campaignSchema.parse({ id: 'spring-2026', budget: { spend: '50000' } })
 */
export const campaignSchema = z
  .object({
    id: promotionIdSchema,
    name: z.string().max(200).optional(),
    budget: z
      .object({
        spend: positiveAmountSchema.optional(),
        redemptions: z.int().min(1).max(1_000_000_000).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

/**
 * A campaign as written.
 *
 * @example
 * const c: CampaignInput = { id: 'spring-2026', budget: { spend: '50000' } };
 */
export type CampaignInput = z.input<typeof campaignSchema>;

/**
 * A campaign after validation.
 *
 * @example
 * const c: Campaign = campaignSchema.parse({ id: 'spring-2026' });
 */
export type Campaign = z.output<typeof campaignSchema>;

/**
 * A list of promotions with unique ids.
 *
 * @example
 * promotionListSchema.parse([{ id: 'a', type: 'free-shipping' }])
 */
export const promotionListSchema = z
  .array(promotionSchema)
  .max(10_000, 'Expected at most 10,000 promotions')
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((p, index) => {
      if (seen.has(p.id))
        ctx.addIssue({
          code: 'custom',
          message: `Duplicate id ${JSON.stringify(p.id)}`,
          path: [index, 'id'],
        });
      seen.add(p.id);
    });
  });
