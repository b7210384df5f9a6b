import { spreadMinorUnits } from '../../allocation/spread.js';
import { minBig } from '../../minor-units.js';
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
 * 立减 in the current state: `amount` off each eligible unit (`target: 'items'`, at most the
 * line's current amount), or off the eligible subtotal (`'order'`, at most that subtotal,
 * spread over the lines by their current amounts).
 *
 * @example
 * // 10.00 off the order on lines of 50.00 and 30.00: 6.25 + 3.75
 * const outcome = amountOffDiscount(promotion, ctx, state, [0, 1]);
 */
export function amountOffDiscount(
  promotion: CompiledPromotion,
  ctx: EvalContext,
  state: StackState,
  lines: readonly number[],
): TemplateOutcome {
  const params = promotion.params;
  if (params.type !== 'amount-off') throw new TypeError('not an amount-off promotion');
  const basis = sumAmounts(state, lines);
  let discounts: LineDiscount[];
  if (params.target === 'items') {
    discounts = lines.map((line) => ({
      line,
      amount: minBig(state.amounts[line]!, params.amount * BigInt(ctx.lines[line]!.quantity)),
    }));
  } else {
    const off = minBig(basis, params.amount);
    const parts = spreadMinorUnits(
      off,
      lines.map((line) => state.amounts[line]!),
    );
    discounts = lines.map((line, i) => ({ line, amount: parts[i]! }));
  }
  discounts = discounts.filter((d) => d.amount > 0n);
  if (discounts.length === 0) return nothing(reason('NO_DISCOUNT'), basis);
  return { discounts, shipping: 0n, basis, units: 0, consumed: [], reason: null };
}
