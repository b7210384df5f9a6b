import { spreadMinorUnits } from '../../allocation/spread.js';
import { minBig, roundDiv } from '../../minor-units.js';
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
 * 打折 in the current state. `target: 'items'`: each eligible line's current amount × rate,
 * rounded on its own (policy `rounding`); over `maxDiscount` the cap is spread over the lines in
 * proportion to their uncapped discounts. `'order'`: the eligible subtotal × rate, rounded once,
 * capped, and spread over the lines by their current amounts. Both by largest remainder.
 *
 * @example
 * // 8折 (20 % off) on 68.00 × 2: 27.20 off
 * const outcome = percentOffDiscount(promotion, ctx, state, [0]);
 */
export function percentOffDiscount(
  promotion: CompiledPromotion,
  ctx: EvalContext,
  state: StackState,
  lines: readonly number[],
): TemplateOutcome {
  const params = promotion.params;
  if (params.type !== 'percent-off') throw new TypeError('not a percent-off promotion');
  const { numerator, denominator } = params.rate;
  const mode = ctx.policy.rounding;
  const basis = sumAmounts(state, lines);
  let discounts: LineDiscount[];
  if (params.target === 'items') {
    discounts = lines.map((line) => {
      const amount = state.amounts[line]!;
      return { line, amount: minBig(amount, roundDiv(amount * numerator, denominator, mode)) };
    });
    const total = discounts.reduce((s, d) => s + d.amount, 0n);
    if (params.maxDiscount !== null && total > params.maxDiscount) {
      const parts = spreadMinorUnits(
        params.maxDiscount,
        discounts.map((d) => d.amount),
      );
      discounts = discounts.map((d, i) => ({ line: d.line, amount: parts[i]! }));
    }
  } else {
    let off = minBig(basis, roundDiv(basis * numerator, denominator, mode));
    if (params.maxDiscount !== null) off = minBig(off, params.maxDiscount);
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
