import { minBig } from '../../minor-units.js';
import type { CompiledPromotion } from '../compile.js';
import { type EvalContext, nothing, type StackState, sumAmounts, type TemplateOutcome } from '../context.js';
import { reason } from '../reasons.js';

/**
 * 包邮 in the current state: the shipping fee left, up to `maxDiscount`. The minimum (满99包邮)
 * is the promotion's `eligibility.minSubtotal`, checked before like every minimum.
 *
 * @example
 * const outcome = freeShippingDiscount(promotion, ctx, state, [0, 1]);
 */
export function freeShippingDiscount(
  promotion: CompiledPromotion,
  _ctx: EvalContext,
  state: StackState,
  lines: readonly number[],
): TemplateOutcome {
  const params = promotion.params;
  if (params.type !== 'free-shipping') throw new TypeError('not a free-shipping promotion');
  const basis = sumAmounts(state, lines);
  if (state.shipping === 0n) return nothing(reason('NO_SHIPPING_FEE'), basis);
  const off = params.maxDiscount === null ? state.shipping : minBig(state.shipping, params.maxDiscount);
  return { discounts: [], shipping: off, basis, units: 0, consumed: [], reason: null };
}
