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
import { valueOfFirstUnits } from '../units.js';

/**
 * How many units a flash sale may still price for this customer: the stock left and the
 * customer's limit left, from the usage snapshot (`Infinity` when neither is set).
 *
 * @example
 * flashUnitsLeft(promotion, ctx) // 2
 */
export function flashUnitsLeft(promotion: CompiledPromotion, ctx: EvalContext): number {
  const params = promotion.params;
  if (params.type !== 'flash-sale') return 0;
  const usage = ctx.usage.promotions[promotion.id];
  let left = Number.POSITIVE_INFINITY;
  if (params.stock !== null) left = Math.min(left, params.stock - (usage?.units ?? 0));
  if (params.perCustomerLimit !== null)
    left = Math.min(left, params.perCustomerLimit - (usage?.customerUnits ?? 0));
  return Math.max(0, left);
}

/**
 * 秒杀 in the current state: eligible units at `price`, line by line in cart order, up to the
 * units left (stock and the customer's limit); the rest of a line keeps its price. Units whose
 * current value is already at or below the price count towards the limit without a discount.
 *
 * @example
 * // 99.00 for at most 2 units; 3 in the cart at 129.00: 60.00 off, 2 units
 * const outcome = flashSaleDiscount(promotion, ctx, state, [0]);
 */
export function flashSaleDiscount(
  promotion: CompiledPromotion,
  ctx: EvalContext,
  state: StackState,
  lines: readonly number[],
): TemplateOutcome {
  const params = promotion.params;
  if (params.type !== 'flash-sale') throw new TypeError('not a flash-sale promotion');
  let left = flashUnitsLeft(promotion, ctx);
  const discounts: LineDiscount[] = [];
  let units = 0;
  for (const line of lines) {
    if (left <= 0) break;
    const quantity = ctx.lines[line]!.quantity;
    const u = Math.min(quantity, left);
    left -= u;
    units += u;
    const amount = valueOfFirstUnits(state.amounts[line]!, quantity, u) - params.price * BigInt(u);
    if (amount > 0n) discounts.push({ line, amount });
  }
  const basis = sumAmounts(state, lines);
  if (discounts.length === 0) return nothing(reason('NO_DISCOUNT'), basis);
  return { discounts, shipping: 0n, basis, units, consumed: [], reason: null };
}
