import type { CompiledPromotion } from '../compile.js';
import {
  type EvalContext,
  type LineDiscount,
  nothing,
  type StackState,
  sumAmounts,
  type TemplateOutcome,
} from '../context.js';
import { reason } from '../reasons.js';

/**
 * 一口价 in the current state: each eligible line down to `price` × quantity (a line already at
 * or below it keeps its amount).
 *
 * @example
 * // price 9.90 on 3 cups at 15.00: 15.30 off
 * const outcome = fixedPriceDiscount(promotion, ctx, state, [0]);
 */
export function fixedPriceDiscount(
  promotion: CompiledPromotion,
  ctx: EvalContext,
  state: StackState,
  lines: readonly number[],
): TemplateOutcome {
  const params = promotion.params;
  if (params.type !== 'fixed-price') throw new TypeError('not a fixed-price promotion');
  const discounts: LineDiscount[] = [];
  let units = 0;
  for (const line of lines) {
    const quantity = ctx.lines[line]!.quantity;
    const amount = state.amounts[line]! - params.price * BigInt(quantity);
    if (amount > 0n) {
      discounts.push({ line, amount });
      units += quantity;
    }
  }
  const basis = sumAmounts(state, lines);
  if (discounts.length === 0) return nothing(reason('NO_DISCOUNT'), basis);
  return { discounts, shipping: 0n, basis, units, consumed: [], reason: null };
}
