import type { Customer, StackingPolicy, UsageSnapshot } from '../cart/schemas.js';
import type { CompiledPromotion } from './compile.js';
import type { Reason } from './reasons.js';

/**
 * A cart line as the evaluation sees it: list price and subtotal in minor units.
 *
 * @example
 * const line: EvalLine = { index: 0, id: 'l1', sku: 'TEA', quantity: 2, categories: ['tea'], merchantId: undefined, unitPrice: 6800n, subtotal: 13600n };
 */
export interface EvalLine {
  index: number;
  id: string;
  sku: string;
  quantity: number;
  categories: readonly string[];
  merchantId: string | undefined;
  unitPrice: bigint;
  subtotal: bigint;
}

/**
 * What a campaign's budget allows and has used, in minor units and redemptions.
 *
 * @example
 * const budget: CampaignBudget = { spendLimit: 5_000_000n, spent: 0n, redemptionLimit: null, redeemed: 0 };
 */
export interface CampaignBudget {
  spendLimit: bigint | null;
  spent: bigint;
  redemptionLimit: number | null;
  redeemed: number;
}

/**
 * Everything an evaluation knows that does not change while promotions stack: the cart, the
 * customer, the time, the policy, the usage so far and, per promotion, its eligible lines and
 * the code that activated it.
 *
 * @example
 * const ctx: EvalContext = buildContext(...);
 */
export interface EvalContext {
  currency: string;
  digits: number;
  lines: readonly EvalLine[];
  shipping: bigint;
  customer: Customer | null;
  channel: string | null;
  now: Date;
  policy: StackingPolicy;
  usage: UsageSnapshot;
  campaigns: ReadonlyMap<string, CampaignBudget>;
  /** Per promotion (by its position in the compiled list): the indices of its eligible lines. */
  eligible: readonly (readonly number[])[];
  /** The coupon codes entered, normalised (trimmed, upper-case). */
  couponCodes: readonly string[];
  /** Per promotion: the coupon code that activates it, if any. */
  codes: readonly (string | null)[];
  /** Formats minor units as a decimal string in the cart's currency. */
  amount(minor: bigint): string;
  /** The discount a promotion has given so far (usage snapshot), in minor units. */
  usageDiscount(promotionId: string): bigint;
}

/**
 * What stacking has done so far: each line's current amount, the units a buy-get or bundle
 * has used, the shipping left, and the campaign budgets spent in this cart.
 *
 * @example
 * const state: StackState = initialState(ctx);
 */
export interface StackState {
  amounts: bigint[];
  consumed: number[];
  shipping: bigint;
  campaignSpent: Map<string, bigint>;
}

/**
 * The state before any promotion: list amounts, no units used, the full shipping fee.
 *
 * @example
 * const state = initialState(ctx);
 */
export function initialState(ctx: EvalContext): StackState {
  return {
    amounts: ctx.lines.map((line) => line.subtotal),
    consumed: ctx.lines.map(() => 0),
    shipping: ctx.shipping,
    campaignSpent: new Map(),
  };
}

/**
 * A copy of a stack's state that can be stepped on without changing the original.
 *
 * @example
 * const next = copyState(state);
 */
export function copyState(state: StackState): StackState {
  return {
    amounts: [...state.amounts],
    consumed: [...state.consumed],
    shipping: state.shipping,
    campaignSpent: new Map(state.campaignSpent),
  };
}

/**
 * A discount on one line, in minor units (> 0).
 *
 * @example
 * const d: LineDiscount = { line: 0, amount: 1360n };
 */
export interface LineDiscount {
  line: number;
  amount: bigint;
}

/**
 * What one template computed for one promotion in one stack: the discount per line, on
 * shipping, the subtotal it measured (`basis`), the units it priced, gave or bundled, the units
 * it used up — or why it gives nothing.
 *
 * @example
 * const outcome: TemplateOutcome = { discounts: [], shipping: 0n, basis: 0n, units: 0, consumed: [], reason: null };
 */
export interface TemplateOutcome {
  discounts: LineDiscount[];
  shipping: bigint;
  basis: bigint;
  units: number;
  consumed: { line: number; units: number }[];
  reason: Reason | null;
}

/**
 * A template's computation: what the promotion takes off in the current state.
 *
 * @example
 * const apply: TemplateApply = (p, ctx, state, lines) => thresholdDiscount(p, ctx, state, lines);
 */
export type TemplateApply = (
  promotion: CompiledPromotion,
  ctx: EvalContext,
  state: StackState,
  lines: readonly number[],
) => TemplateOutcome;

/**
 * An outcome that gives nothing, for a reason.
 *
 * @example
 * return nothing(reason('NO_DISCOUNT'), basis);
 */
export function nothing(why: Reason, basis = 0n): TemplateOutcome {
  return { discounts: [], shipping: 0n, basis, units: 0, consumed: [], reason: why };
}

/**
 * Σ current amounts of some lines.
 *
 * @example
 * sumAmounts(state, [0, 2])
 */
export function sumAmounts(state: StackState, lines: readonly number[]): bigint {
  let total = 0n;
  for (const line of lines) total += state.amounts[line]!;
  return total;
}
