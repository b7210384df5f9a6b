import { spreadMinorUnits } from '../../allocation/spread.js';
import { minBig } from '../../minor-units.js';
import type { CompiledPromotion } from '../compile.js';
import { type EvalContext, nothing, type StackState, sumAmounts, type TemplateOutcome } from '../context.js';
import { reason } from '../reasons.js';

/**
 * 满减 in the current state. The basis is the eligible subtotal before this promotion — after
 * the promotions applied before it (`thresholdBasis: 'current'`) or at list prices
 * (`'original'`). Stepped tiers give the highest tier reached; `every` gives ⌊basis / spend⌋ ×
 * off; both are capped by `maxDiscount` and by the eligible amount left, and spread over the
 * eligible lines by their current amounts (largest remainder).
 *
 * @example
 * // tiers 199→20, 299→40 on an eligible subtotal of 310.00: 40.00 off
 * const outcome = thresholdDiscount(promotion, ctx, state, [0, 1]);
 */
export function thresholdDiscount(
  promotion: CompiledPromotion,
  ctx: EvalContext,
  state: StackState,
  lines: readonly number[],
): TemplateOutcome {
  const params = promotion.params;
  if (params.type !== 'threshold') throw new TypeError('not a threshold promotion');
  const current = sumAmounts(state, lines);
  const basis = ctx.policy.thresholdBasis === 'original' ? originalSubtotal(ctx, lines) : current;
  let off = 0n;
  if (params.tiers) {
    for (const tier of params.tiers) if (basis >= tier.spend) off = tier.off;
    if (off === 0n) {
      return nothing(
        reason('THRESHOLD_NOT_MET', { spend: ctx.amount(params.tiers[0]!.spend), basis: ctx.amount(basis) }),
        basis,
      );
    }
  } else {
    const every = params.every!;
    const times = basis / every.spend;
    if (times === 0n) {
      return nothing(
        reason('THRESHOLD_NOT_MET', { spend: ctx.amount(every.spend), basis: ctx.amount(basis) }),
        basis,
      );
    }
    off = times * every.off;
  }
  if (params.maxDiscount !== null) off = minBig(off, params.maxDiscount);
  off = minBig(off, current);
  if (off === 0n) return nothing(reason('NO_DISCOUNT'), basis);
  const parts = spreadMinorUnits(
    off,
    lines.map((line) => state.amounts[line]!),
  );
  return {
    discounts: lines.map((line, i) => ({ line, amount: parts[i]! })).filter((d) => d.amount > 0n),
    shipping: 0n,
    basis,
    units: 0,
    consumed: [],
    reason: null,
  };
}

/**
 * Σ list subtotals of some lines.
 *
 * @example
 * originalSubtotal(ctx, [0, 1])
 */
export function originalSubtotal(ctx: EvalContext, lines: readonly number[]): bigint {
  let total = 0n;
  for (const line of lines) total += ctx.lines[line]!.subtotal;
  return total;
}
