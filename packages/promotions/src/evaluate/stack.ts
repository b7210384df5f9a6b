import type { CompiledPromotion } from './compile.js';
import { type EvalContext, initialState, type StackState, type TemplateOutcome } from './context.js';
import { type Reason, reason } from './reasons.js';
import { TEMPLATES } from './templates/index.js';
import { originalSubtotal } from './templates/threshold.js';

/**
 * One promotion's result in a stack: its outcome when it applied (with its place in the
 * sequence and total off), or why not.
 *
 * @example
 * const entry: StackEntry = run.entries[0]!;
 */
export interface StackEntry {
  promotion: CompiledPromotion;
  /** 1-based place among the applied promotions, or 0. */
  sequence: number;
  outcome: TemplateOutcome | null;
  total: bigint;
  reason: Reason;
}

/**
 * A stack run: every entry in the order it was tried, the state after it, and the total taken off.
 *
 * @example
 * const run: StackRun = runStack(ctx, ordered, { exclusiveGroups: true });
 */
export interface StackRun {
  entries: StackEntry[];
  state: StackState;
  value: bigint;
}

/**
 * Applies promotions one after another, in the order given (the caller sorts them by
 * `policyOrder`), each to the amounts the ones before it left:
 *
 * 1. with `exclusiveGroups`, a promotion whose group already has an applied member is skipped
 *    (`EXCLUSIVE_GROUP_TAKEN`);
 * 2. the eligibility minimums (`minSubtotal`, `minQuantity`) are checked on the eligible lines
 *    (`MINIMUM_NOT_MET`);
 * 3. the template computes its discount (or says why it has none);
 * 4. the promotion's remaining budget and its campaign's remaining spend must cover the discount
 *    (`BUDGET_EXCEEDED`, `CAMPAIGN_BUDGET_EXCEEDED`);
 * 5. the discount is taken off the lines and the shipping fee, and its units are used up.
 *
 * @example
 * const run = runStack(ctx, [flash, threshold, shipping], { exclusiveGroups: true });
 * run.value // minor units taken off in all
 */
export function runStack(
  ctx: EvalContext,
  ordered: readonly CompiledPromotion[],
  options: { exclusiveGroups: boolean },
): StackRun {
  const state = initialState(ctx);
  const taken = new Map<string, string>();
  const entries: StackEntry[] = [];
  let sequence = 0;
  let value = 0n;
  for (const promotion of ordered) {
    const group = promotion.exclusiveGroup;
    if (options.exclusiveGroups && group !== null && taken.has(group)) {
      entries.push(skipped(promotion, reason('EXCLUSIVE_GROUP_TAKEN', { group, by: taken.get(group)! })));
      continue;
    }
    const step = applyPromotion(ctx, state, promotion);
    if (step.outcome === null) {
      entries.push(skipped(promotion, step.reason));
      continue;
    }
    if (group !== null) taken.set(group, promotion.id);
    sequence += 1;
    value += step.total;
    entries.push({
      promotion,
      sequence,
      outcome: step.outcome,
      total: step.total,
      reason: reason('APPLIED', { discount: ctx.amount(step.total) }),
    });
  }
  return { entries, state, value };
}

/**
 * What one promotion did to a stack's state: its outcome and total off (lines and shipping),
 * or why it took nothing.
 *
 * @example
 * const step: StackStep = applyPromotion(ctx, state, promotion);
 */
export type StackStep =
  | { outcome: TemplateOutcome; total: bigint; reason: null }
  | { outcome: null; total: 0n; reason: Reason };

/**
 * Steps 2–5 of {@link runStack} for one promotion on the state the stack has reached: the
 * minimums, the template, the budgets, and — when it applies — its discount taken off `state`
 * (which is changed in place; a refusal leaves it as it was).
 *
 * @example
 * const state = initialState(ctx);
 * const step = applyPromotion(ctx, state, promotion);
 * if (step.outcome) step.total // minor units off
 */
export function applyPromotion(ctx: EvalContext, state: StackState, promotion: CompiledPromotion): StackStep {
  const lines = ctx.eligible[promotion.index]!;
  const short = checkMinimums(promotion, ctx, state, lines);
  if (short) return { outcome: null, total: 0n, reason: short };
  const outcome = TEMPLATES[promotion.params.type](promotion, ctx, state, lines);
  if (outcome.reason) return { outcome: null, total: 0n, reason: outcome.reason };
  let total = outcome.shipping;
  for (const d of outcome.discounts) total += d.amount;
  const over = checkBudgets(promotion, ctx, state, total);
  if (over) return { outcome: null, total: 0n, reason: over };
  for (const d of outcome.discounts) state.amounts[d.line]! -= d.amount;
  for (const c of outcome.consumed) state.consumed[c.line]! += c.units;
  state.shipping -= outcome.shipping;
  const campaignId = promotion.definition.campaignId;
  if (campaignId !== undefined) {
    state.campaignSpent.set(campaignId, (state.campaignSpent.get(campaignId) ?? 0n) + total);
  }
  return { outcome, total, reason: null };
}

function skipped(promotion: CompiledPromotion, why: Reason): StackEntry {
  return { promotion, sequence: 0, outcome: null, total: 0n, reason: why };
}

function checkMinimums(
  promotion: CompiledPromotion,
  ctx: EvalContext,
  state: StackState,
  lines: readonly number[],
): Reason | null {
  if (promotion.minSubtotal !== null) {
    let basis = 0n;
    if (ctx.policy.thresholdBasis === 'original') basis = originalSubtotal(ctx, lines);
    else for (const line of lines) basis += state.amounts[line]!;
    if (basis < promotion.minSubtotal) {
      return reason('MINIMUM_NOT_MET', {
        minSubtotal: ctx.amount(promotion.minSubtotal),
        basis: ctx.amount(basis),
      });
    }
  }
  if (promotion.minQuantity !== null) {
    let quantity = 0;
    for (const line of lines) quantity += ctx.lines[line]!.quantity;
    if (quantity < promotion.minQuantity) {
      return reason('MINIMUM_NOT_MET', { minQuantity: promotion.minQuantity, quantity });
    }
  }
  return null;
}

function checkBudgets(
  promotion: CompiledPromotion,
  ctx: EvalContext,
  state: StackState,
  total: bigint,
): Reason | null {
  if (promotion.budget !== null) {
    const used = ctx.usageDiscount(promotion.id);
    const remaining = promotion.budget - used;
    if (total > remaining) {
      return reason('BUDGET_EXCEEDED', { discount: ctx.amount(total), remaining: ctx.amount(remaining) });
    }
  }
  const campaignId = promotion.definition.campaignId;
  const campaign = campaignId === undefined ? undefined : ctx.campaigns.get(campaignId);
  if (campaign && campaign.spendLimit !== null) {
    const remaining = campaign.spendLimit - campaign.spent - (state.campaignSpent.get(campaignId!) ?? 0n);
    if (total > remaining) {
      return reason('CAMPAIGN_BUDGET_EXCEEDED', {
        discount: ctx.amount(total),
        remaining: ctx.amount(remaining),
      });
    }
  }
  return null;
}
