import { parseInput } from '@s2b2b/core';
import { z } from 'zod';
import { decimalToFraction, type Fraction, minorDigitsOf, toMinorUnits } from '../minor-units.js';
import {
  type Campaign,
  campaignSchema,
  type Promotion,
  type PromotionInput,
  type PromotionType,
  promotionListSchema,
} from '../promotion/schemas.js';
import { type CompiledLineFilter, compileLineFilter } from './line-filter.js';

/**
 * When in the sequence a promotion applies: `price` (flash sales and fixed prices set the
 * unit price), `item` (rates and amounts off items, buy-get, bundles), `order` (满减 and
 * order-wide rates and amounts), `shipping` (free shipping).
 *
 * @example
 * STAGES.indexOf('order') // 2
 */
export const STAGES = Object.freeze(['price', 'item', 'order', 'shipping'] as const);

/**
 * One of {@link STAGES}.
 *
 * @example
 * const stage: Stage = 'item';
 */
export type Stage = (typeof STAGES)[number];

/**
 * The stage of a promotion (see {@link STAGES}).
 *
 * @example
 * stageOf({ type: 'percent-off', target: 'order' }) // 'order'
 */
export function stageOf(promotion: Pick<Promotion, 'type'> & { target?: 'items' | 'order' }): Stage {
  switch (promotion.type) {
    case 'fixed-price':
    case 'flash-sale':
      return 'price';
    case 'buy-get':
    case 'bundle':
      return 'item';
    case 'percent-off':
    case 'amount-off':
      return promotion.target === 'order' ? 'order' : 'item';
    case 'threshold':
      return 'order';
    case 'free-shipping':
      return 'shipping';
  }
}

/**
 * Whether a template discounts by a rate (percent-off, buy-get) rather than by an amount or a
 * price — what `order: 'percent-before-fixed'` sorts on.
 *
 * @example
 * isRateTemplate('buy-get') // true
 */
export function isRateTemplate(type: PromotionType): boolean {
  return type === 'percent-off' || type === 'buy-get';
}

/** A template's parameters in minor units and exact fractions. */
export type TemplateParams =
  | {
      type: 'threshold';
      tiers: { spend: bigint; off: bigint }[] | null;
      every: { spend: bigint; off: bigint } | null;
      maxDiscount: bigint | null;
    }
  | { type: 'percent-off'; rate: Fraction; target: 'items' | 'order'; maxDiscount: bigint | null }
  | { type: 'amount-off'; amount: bigint; target: 'items' | 'order' }
  | { type: 'fixed-price'; price: bigint }
  | {
      type: 'flash-sale';
      price: bigint;
      startsAt: Date;
      endsAt: Date;
      perCustomerLimit: number | null;
      stock: number | null;
    }
  | {
      type: 'buy-get';
      buy: number;
      get: number;
      rate: Fraction;
      getFilter: CompiledLineFilter | null;
      maxApplications: number | null;
    }
  | {
      type: 'bundle';
      price: bigint;
      components: { filter: CompiledLineFilter | null; quantity: number }[];
      maxApplications: number | null;
    }
  | { type: 'free-shipping'; maxDiscount: bigint | null };

/**
 * A promotion ready to evaluate in one currency: its definition, its place in the policy
 * order, its line filter and its amounts in minor units.
 *
 * @example
 * const compiled: CompiledPromotion = set.forCurrency('CNY')[0]!;
 */
export interface CompiledPromotion {
  /** Position in the list given to `compilePromotions`. */
  index: number;
  id: string;
  definition: Promotion;
  stage: Stage;
  rate: boolean;
  priority: number;
  exclusiveGroup: string | null;
  combinable: boolean;
  filter: CompiledLineFilter;
  codes: ReadonlySet<string> | null;
  segments: ReadonlySet<string> | null;
  channels: ReadonlySet<string> | null;
  minSubtotal: bigint | null;
  minQuantity: number | null;
  budget: bigint | null;
  params: TemplateParams;
}

const SET_MARK = Symbol.for('@s2b2b/promotions.PromotionSet');

/**
 * Validated promotions and campaigns, compiled once and reused for every cart: pass it to
 * `evaluateCart` as `promotions` to skip re-validating 50 promotions per call. Amounts are
 * checked against each currency's minor units on first use in that currency.
 *
 * @example
 * const set = compilePromotions(promotions, campaigns);
 * evaluateCart({ cart, promotions: set, now });
 */
export interface PromotionSet {
  readonly [SET_MARK]: true;
  readonly promotions: readonly Promotion[];
  readonly campaigns: ReadonlyMap<string, Campaign>;
  /** The promotions compiled for a currency (cached). @throws ValidationError on an amount finer than its minor unit */
  forCurrency(currency: string): readonly CompiledPromotion[];
}

/**
 * Whether a value is a {@link PromotionSet}.
 *
 * @example
 * isPromotionSet(compilePromotions([])) // true
 */
export function isPromotionSet(value: unknown): value is PromotionSet {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[SET_MARK] === true;
}

/**
 * A list of campaigns with unique ids.
 *
 * @example
 * campaignListSchema.parse([{ id: 'spring', budget: { spend: '5000' } }])
 */
export const campaignListSchema = z
  .array(campaignSchema)
  .max(10_000)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((c, index) => {
      if (seen.has(c.id))
        ctx.addIssue({
          code: 'custom',
          message: `Duplicate id ${JSON.stringify(c.id)}`,
          path: [index, 'id'],
        });
      seen.add(c.id);
    });
  });

/**
 * Validates promotions (and the campaigns whose budgets they share) once.
 *
 * @throws ValidationError naming `promotions.<i>.<field>` or `campaigns.<i>.<field>`
 * @example
 * const set = compilePromotions([{ id: 'ship', type: 'free-shipping', eligibility: { minSubtotal: '99' } }]);
 */
export function compilePromotions(
  promotions: readonly PromotionInput[],
  campaigns: readonly z.input<typeof campaignSchema>[] = [],
): PromotionSet {
  const parsed = parseInput(promotionListSchema, promotions, 'promotions');
  const parsedCampaigns = parseInput(campaignListSchema, campaigns, 'campaigns');
  return promotionSetOf(parsed, parsedCampaigns);
}

/**
 * A {@link PromotionSet} of promotions and campaigns already validated (by
 * `promotionListSchema` and `campaignListSchema`).
 *
 * @example
 * promotionSetOf(promotionListSchema.parse(list), [])
 */
export function promotionSetOf(
  parsed: readonly Promotion[],
  parsedCampaigns: readonly Campaign[],
): PromotionSet {
  const cache = new Map<string, readonly CompiledPromotion[]>();
  return Object.freeze({
    [SET_MARK]: true as const,
    promotions: Object.freeze(parsed),
    campaigns: new Map(parsedCampaigns.map((c) => [c.id, c])),
    forCurrency(currency: string) {
      let compiled = cache.get(currency);
      if (!compiled) {
        const digits = minorDigitsOf(currency);
        compiled = Object.freeze(parsed.map((p, index) => compileOne(p, index, digits)));
        cache.set(currency, compiled);
      }
      return compiled;
    },
  });
}

/**
 * The minor units of a campaign budget in a currency.
 *
 * @example
 * campaignSpendLimit({ id: 'c', budget: { spend: '500' } }, 'CNY') // 50000n
 */
export function campaignSpendLimit(campaign: Campaign, currency: string): bigint | null {
  const spend = campaign.budget?.spend;
  return spend === undefined
    ? null
    : toMinorUnits(spend, minorDigitsOf(currency), ['campaigns', campaign.id, 'budget', 'spend']);
}

function compileOne(p: Promotion, index: number, digits: number): CompiledPromotion {
  const money = (value: string, ...field: (string | number)[]) =>
    toMinorUnits(value, digits, ['promotions', index, ...field]);
  const optionalMoney = (value: string | undefined, ...field: (string | number)[]) =>
    value === undefined ? null : money(value, ...field);
  const e = p.eligibility;
  return {
    index,
    id: p.id,
    definition: p,
    stage: stageOf(p as Pick<Promotion, 'type'> & { target?: 'items' | 'order' }),
    rate: isRateTemplate(p.type),
    priority: p.priority,
    exclusiveGroup: p.exclusiveGroup ?? null,
    combinable: p.combinable,
    filter: compileLineFilter(e),
    codes: p.coupon ? new Set(p.coupon.codes) : null,
    segments: e.segments ? new Set(e.segments) : null,
    channels: e.channels ? new Set(e.channels) : null,
    minSubtotal: optionalMoney(e.minSubtotal, 'eligibility', 'minSubtotal'),
    minQuantity: e.minQuantity ?? null,
    budget: optionalMoney(p.limits.budget, 'limits', 'budget'),
    params: compileParams(p, money, optionalMoney),
  };
}

function compileParams(
  p: Promotion,
  money: (value: string, ...field: (string | number)[]) => bigint,
  optionalMoney: (value: string | undefined, ...field: (string | number)[]) => bigint | null,
): TemplateParams {
  switch (p.type) {
    case 'threshold':
      return {
        type: 'threshold',
        tiers: p.tiers
          ? p.tiers.map((tier, i) => ({
              spend: money(tier.spend, 'tiers', i, 'spend'),
              off: money(tier.off, 'tiers', i, 'off'),
            }))
          : null,
        every: p.every
          ? { spend: money(p.every.spend, 'every', 'spend'), off: money(p.every.off, 'every', 'off') }
          : null,
        maxDiscount: optionalMoney(p.maxDiscount, 'maxDiscount'),
      };
    case 'percent-off':
      return {
        type: 'percent-off',
        rate: decimalToFraction((p.percentOff ?? p.zhe)!),
        target: p.target,
        maxDiscount: optionalMoney(p.maxDiscount, 'maxDiscount'),
      };
    case 'amount-off':
      return { type: 'amount-off', amount: money(p.amount, 'amount'), target: p.target };
    case 'fixed-price':
      return { type: 'fixed-price', price: money(p.price, 'price') };
    case 'flash-sale':
      return {
        type: 'flash-sale',
        price: money(p.price, 'price'),
        startsAt: p.startsAt,
        endsAt: p.endsAt,
        perCustomerLimit: p.perCustomerLimit ?? null,
        stock: p.stock ?? null,
      };
    case 'buy-get':
      return {
        type: 'buy-get',
        buy: p.buyQuantity,
        get: p.getQuantity,
        rate: decimalToFraction(p.getPercentOff),
        getFilter: p.get ? compileLineFilter(p.get) : null,
        maxApplications: p.maxApplications ?? null,
      };
    case 'bundle':
      return {
        type: 'bundle',
        price: money(p.price, 'price'),
        components: p.components
          ? p.components.map((c) => ({ filter: compileLineFilter(c), quantity: c.quantity }))
          : [{ filter: null, quantity: p.quantity! }],
        maxApplications: p.maxApplications ?? null,
      };
    case 'free-shipping':
      return { type: 'free-shipping', maxDiscount: optionalMoney(p.maxDiscount, 'maxDiscount') };
  }
}
