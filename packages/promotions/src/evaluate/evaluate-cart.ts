import { type JsonValue, type Money, parseInput, ValidationError } from '@s2b2b/core';
import { z } from 'zod';
import {
  type Customer,
  cartSchema,
  customerSchema,
  type StackingPolicy,
  stackingPolicySchema,
  usageSnapshotSchema,
} from '../cart/schemas.js';
import { formatMinorUnits, fromMinorUnits, minorDigitsOf, toMinorUnits } from '../minor-units.js';
import {
  type Campaign,
  campaignSchema,
  instantInputSchema,
  type PromotionInput,
  type PromotionType,
  promotionListSchema,
} from '../promotion/schemas.js';
import { bestSelection, type SearchReport } from './best/best-selection.js';
import {
  type CompiledPromotion,
  campaignListSchema,
  campaignSpendLimit,
  isPromotionSet,
  type PromotionSet,
  promotionSetOf,
  type Stage,
} from './compile.js';
import type { CampaignBudget, EvalContext, EvalLine } from './context.js';
import { lineMatches } from './line-filter.js';
import { type Reason, type ReasonCode, reasonMessage } from './reasons.js';
import { sequenceSelection } from './sequence.js';
import type { StackRun } from './stack.js';
import { activatingCode, staticReason } from './static-eligibility.js';

/**
 * The input of `evaluateCart`. `promotions` is a list of promotions (validated by
 * `promotionListSchema`) or a `PromotionSet` from `compilePromotions` (then `campaigns` come
 * with the set).
 *
 * @example
 * evaluateCartInputSchema.parse({ cart, promotions: [], now: new Date() })
 */
export const evaluateCartInputSchema = z
  .object({
    cart: cartSchema,
    promotions: z.custom<readonly PromotionInput[] | PromotionSet>(
      (value) => Array.isArray(value) || isPromotionSet(value),
      { message: 'Expected a list of promotions or a PromotionSet from compilePromotions' },
    ),
    campaigns: z.array(campaignSchema).optional(),
    customer: customerSchema.nullable().optional(),
    now: instantInputSchema,
    usage: usageSnapshotSchema.optional(),
    policy: stackingPolicySchema.default({
      mode: 'sequence',
      order: 'percent-before-fixed',
      thresholdBasis: 'current',
      rounding: 'half-even',
      search: 'branch-and-bound',
      exactLimit: 16,
    }),
  })
  .strict();

/**
 * What `evaluateCart` takes.
 *
 * @example
 * const input: EvaluateCartInput = { cart, promotions, customer: { id: 'c-1' }, now: new Date() };
 */
export type EvaluateCartInput = z.input<typeof evaluateCartInputSchema>;

/**
 * One line after the promotions: list subtotal, discount (Σ adjustments), total, and each
 * promotion's adjustment in application order.
 *
 * @example
 * const line: EvaluatedLine = evaluation.lines[0]!;
 * line.total.equals(line.subtotal.subtract(line.discount)) // true
 */
export interface EvaluatedLine {
  lineId: string;
  sku: string;
  quantity: number;
  unitPrice: Money;
  subtotal: Money;
  discount: Money;
  total: Money;
  adjustments: { promotionId: string; amount: Money }[];
}

/**
 * A promotion that applied: where in the sequence, what it took off each line and the
 * shipping, the subtotal it measured (`basis`), and the units it priced, gave or bundled.
 *
 * @example
 * const a: AppliedPromotion = evaluation.applied[0]!;
 */
export interface AppliedPromotion {
  promotionId: string;
  name: string | null;
  type: PromotionType;
  stage: Stage;
  campaignId: string | null;
  /** The coupon code that activated it. */
  code: string | null;
  sequence: number;
  discount: Money;
  shippingDiscount: Money;
  total: Money;
  basis: Money;
  units: number;
  lines: { lineId: string; amount: Money }[];
}

/**
 * Whether a promotion applied and why (one per promotion, in the order given).
 *
 * @example
 * evaluation.decisions.find((d) => d.promotionId === 'spring')?.code // 'THRESHOLD_NOT_MET'
 */
export interface PromotionDecision {
  promotionId: string;
  type: PromotionType;
  applied: boolean;
  code: ReasonCode;
  message: string;
  details: Record<string, JsonValue>;
}

/**
 * What `evaluateCart` returns. `total = subtotal − discount + shipping − shippingDiscount`,
 * never below zero; `savings = discount + shippingDiscount`.
 *
 * @example
 * const { total, lines, applied, decisions }: CartEvaluation = evaluateCart(input);
 */
export interface CartEvaluation {
  currency: string;
  policy: StackingPolicy;
  subtotal: Money;
  discount: Money;
  shipping: Money;
  shippingDiscount: Money;
  total: Money;
  savings: Money;
  lines: EvaluatedLine[];
  applied: AppliedPromotion[];
  decisions: PromotionDecision[];
  /** Codes in the cart that belong to no promotion. */
  unknownCodes: string[];
  /** How the best combination was found (`mode: 'best'`), else `null`. */
  search: SearchReport | null;
}

/**
 * Applies promotions to a cart: which apply, in which order, the discount on every line to the
 * cent, and the reason each promotion did or did not apply. Pure: `now` is a parameter; the
 * usage of caps so far comes in `usage` (the store enforces them at checkout).
 *
 * The stacking policy (`policy`, see the README): static checks first (time, channel, customer,
 * code, limits, eligible lines); then `'sequence'` applies the promotions by stage (price →
 * item → order → shipping), priority, percent-before-fixed (configurable) and id, each on what
 * the earlier ones left, one per exclusive group, non-combinable ones alone when they outrank
 * the rest; or `'best'` searches the combination that saves the buyer most.
 *
 * Order-level discounts are spread over their lines by largest remainder, so the lines'
 * adjustments sum to each promotion's discount exactly and `reverseDiscounts` can give back
 * exactly what a partial refund returns.
 *
 * @throws ValidationError naming the field (`cart.lines.0.unitPrice`, `promotions.2.tiers`, …)
 * @example
 * const result = evaluateCart({
 *   cart: { lines: [{ id: 'l1', sku: 'TEA', quantity: 3, unitPrice: '68.00', categories: ['tea'] }], shipping: '8' },
 *   promotions: [
 *     { id: 'mj', type: 'threshold', tiers: [{ spend: '199', off: '20' }] },
 *     { id: 'ship', type: 'free-shipping', eligibility: { minSubtotal: '99' } },
 *   ],
 *   now: new Date('2026-03-08T02:00:00Z'),
 * });
 * result.total.toString() // '184.00 CNY'
 */
export function evaluateCart(input: EvaluateCartInput): CartEvaluation {
  const { ctx, compiled } = buildContext(input);
  const reasons = new Map<number, Reason>();
  const eligible: CompiledPromotion[] = [];
  for (const promotion of compiled) {
    const why = staticReason(promotion, ctx);
    if (why) reasons.set(promotion.index, why);
    else eligible.push(promotion);
  }
  const sequence = () => sequenceSelection(ctx, eligible);
  let search: SearchReport | null = null;
  let selection: ReturnType<typeof sequenceSelection>;
  if (ctx.policy.mode === 'best') {
    const best = bestSelection(ctx, eligible, sequence);
    selection = best.selection;
    search = best.search;
  } else {
    selection = sequence();
  }
  for (const [index, why] of selection.reasons) reasons.set(index, why);
  const known = new Set(compiled.flatMap((p) => [...(p.codes ?? [])]));
  return assemble(ctx, compiled, selection.run, reasons, {
    search,
    unknownCodes: ctx.couponCodes.filter((code) => !known.has(code)),
  });
}

/**
 * Validates an `evaluateCart` input and builds what the evaluation works on: the context
 * (lines in minor units, eligible lines and activating code per promotion, usage, budgets) and
 * the promotions compiled for the cart's currency. `evaluateCart` is this plus the policy.
 *
 * @throws ValidationError naming the field
 * @example
 * const { ctx, compiled } = buildContext({ cart, promotions, now });
 */
export function buildContext(input: EvaluateCartInput): {
  ctx: EvalContext;
  compiled: readonly CompiledPromotion[];
} {
  const parsed = parseInput(evaluateCartInputSchema, input);
  let set: PromotionSet;
  if (isPromotionSet(parsed.promotions)) {
    if (parsed.campaigns !== undefined) {
      throw ValidationError.field(
        'campaigns',
        'Campaigns come with the PromotionSet; pass them to compilePromotions',
      );
    }
    set = parsed.promotions;
  } else {
    set = promotionSetOf(
      parseInput(promotionListSchema, parsed.promotions, 'promotions'),
      parseInput(campaignListSchema, parsed.campaigns ?? [], 'campaigns'),
    );
  }
  const { cart, policy } = parsed;
  const currency = cart.currency;
  const digits = minorDigitsOf(currency);
  const compiled = set.forCurrency(currency);
  const usage = parsed.usage ?? usageSnapshotSchema.parse({});
  const lines: EvalLine[] = cart.lines.map((line, index) => {
    const unitPrice = toMinorUnits(line.unitPrice, digits, ['cart', 'lines', index, 'unitPrice']);
    return {
      index,
      id: line.id,
      sku: line.sku,
      quantity: line.quantity,
      categories: line.categories,
      merchantId: line.merchantId,
      unitPrice,
      subtotal: unitPrice * BigInt(line.quantity),
    };
  });
  const usageDiscounts = new Map<string, bigint>();
  for (const [id, u] of Object.entries(usage.promotions)) {
    usageDiscounts.set(id, toMinorUnits(u.discount, digits, ['usage', 'promotions', id, 'discount']));
  }
  const couponCodes = [...new Set(cart.couponCodes)];
  const ctx: EvalContext = {
    currency,
    digits,
    lines,
    shipping: toMinorUnits(cart.shipping, digits, ['cart', 'shipping']),
    customer: (parsed.customer ?? null) as Customer | null,
    channel: cart.channel ?? null,
    now: parsed.now,
    policy,
    usage,
    campaigns: campaignBudgets(set.campaigns, usage, currency, digits),
    eligible: compiled.map((p) =>
      lines.filter((line) => lineMatches(p.filter, line)).map((line) => line.index),
    ),
    couponCodes,
    codes: compiled.map((p) => activatingCode(p, { couponCodes, usage })),
    amount: (minor) => formatMinorUnits(minor, digits),
    usageDiscount: (id) => usageDiscounts.get(id) ?? 0n,
  };
  return { ctx, compiled };
}

function campaignBudgets(
  campaigns: ReadonlyMap<string, Campaign>,
  usage: z.output<typeof usageSnapshotSchema>,
  currency: string,
  digits: number,
): Map<string, CampaignBudget> {
  const budgets = new Map<string, CampaignBudget>();
  for (const campaign of campaigns.values()) {
    const used = usage.campaigns[campaign.id];
    budgets.set(campaign.id, {
      spendLimit: campaignSpendLimit(campaign, currency),
      spent: used ? toMinorUnits(used.discount, digits, ['usage', 'campaigns', campaign.id, 'discount']) : 0n,
      redemptionLimit: campaign.budget?.redemptions ?? null,
      redeemed: used?.redemptions ?? 0,
    });
  }
  return budgets;
}

function assemble(
  ctx: EvalContext,
  compiled: readonly CompiledPromotion[],
  run: StackRun,
  reasons: Map<number, Reason>,
  extra: { search: SearchReport | null; unknownCodes: string[] },
): CartEvaluation {
  const money = (minor: bigint) => fromMinorUnits(minor, ctx.currency);
  const adjustments: { promotionId: string; amount: bigint }[][] = ctx.lines.map(() => []);
  const applied: AppliedPromotion[] = [];
  let discount = 0n;
  let shippingDiscount = 0n;
  for (const entry of run.entries) {
    const outcome = entry.outcome;
    if (!outcome) {
      if (!reasons.has(entry.promotion.index)) reasons.set(entry.promotion.index, entry.reason);
      continue;
    }
    reasons.set(entry.promotion.index, entry.reason);
    let lineTotal = 0n;
    for (const d of outcome.discounts) {
      adjustments[d.line]!.push({ promotionId: entry.promotion.id, amount: d.amount });
      lineTotal += d.amount;
    }
    discount += lineTotal;
    shippingDiscount += outcome.shipping;
    const p = entry.promotion.definition;
    applied.push({
      promotionId: p.id,
      name: p.name ?? null,
      type: p.type,
      stage: entry.promotion.stage,
      campaignId: p.campaignId ?? null,
      code: ctx.codes[entry.promotion.index] ?? null,
      sequence: entry.sequence,
      discount: money(lineTotal),
      shippingDiscount: money(outcome.shipping),
      total: money(entry.total),
      basis: money(outcome.basis),
      units: outcome.units,
      lines: outcome.discounts.map((d) => ({ lineId: ctx.lines[d.line]!.id, amount: money(d.amount) })),
    });
  }
  const subtotal = ctx.lines.reduce((s, line) => s + line.subtotal, 0n);
  const lines: EvaluatedLine[] = ctx.lines.map((line, i) => {
    const off = adjustments[i]!.reduce((s, a) => s + a.amount, 0n);
    return {
      lineId: line.id,
      sku: line.sku,
      quantity: line.quantity,
      unitPrice: money(line.unitPrice),
      subtotal: money(line.subtotal),
      discount: money(off),
      total: money(line.subtotal - off),
      adjustments: adjustments[i]!.map((a) => ({ promotionId: a.promotionId, amount: money(a.amount) })),
    };
  });
  const decisions: PromotionDecision[] = compiled.map((promotion) => {
    const why = reasons.get(promotion.index)!;
    return {
      promotionId: promotion.id,
      type: promotion.definition.type,
      applied: why.code === 'APPLIED',
      code: why.code,
      message: reasonMessage(why),
      details: why.details,
    };
  });
  return {
    currency: ctx.currency,
    policy: ctx.policy,
    subtotal: money(subtotal),
    discount: money(discount),
    shipping: money(ctx.shipping),
    shippingDiscount: money(shippingDiscount),
    total: money(subtotal - discount + ctx.shipping - shippingDiscount),
    savings: money(discount + shippingDiscount),
    lines,
    applied,
    decisions,
    unknownCodes: extra.unknownCodes,
    search: extra.search,
  };
}
