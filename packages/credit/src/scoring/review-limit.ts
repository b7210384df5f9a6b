import { Money, parseInput, toDecimal, ValidationError } from '@s2b2b/core';
import { roundToUnit } from './credit-limit.js';
import { type ReviewLimitInput, reviewLimitInputSchema } from './schemas.js';

/**
 * The rule that decided a review:
 * - `FREEZE_OVERDUE` / `STILL_OVERDUE` — more than `freezeAfterDaysPastDue` days past due
 *   (freeze, or stay frozen);
 * - `FREEZE_DECLINED` / `STILL_DECLINED` — the fresh assessment declines;
 * - `UNFREEZE_RECOVERED` — frozen, and neither freeze rule holds any more: unfreeze, at the
 *   lower of the current and the fresh limit;
 * - `CUT_TARGET_BELOW` — the fresh limit is at least `cutTolerance` below the current one;
 * - `RAISE_TARGET_ABOVE` / `RAISE_CAPPED` — raised to the fresh limit, or by `maxIncrease` when
 *   that is less;
 * - `RAISE_BLOCKED_OVERDUE` / `RAISE_BLOCKED_REPAYMENT` — a raise is due but something is
 *   overdue, or the on-time rate is below `minOnTimeRateToRaise` (or there is no repayment
 *   history yet);
 * - `WITHIN_TOLERANCE` — nothing to change.
 *
 * @example
 * const rule: ReviewRule = 'RAISE_CAPPED'
 */
export type ReviewRule =
  | 'FREEZE_OVERDUE'
  | 'STILL_OVERDUE'
  | 'FREEZE_DECLINED'
  | 'STILL_DECLINED'
  | 'UNFREEZE_RECOVERED'
  | 'CUT_TARGET_BELOW'
  | 'RAISE_TARGET_ABOVE'
  | 'RAISE_CAPPED'
  | 'RAISE_BLOCKED_OVERDUE'
  | 'RAISE_BLOCKED_REPAYMENT'
  | 'WITHIN_TOLERANCE';

/**
 * The outcome of a periodic review.
 *
 * @example
 * const r: LimitReview = { action: 'raise', rule: 'RAISE_CAPPED', currentLimit: Money.of('50000'), targetLimit: Money.of('90000'), newLimit: Money.of('75000'), detail: 'raised by the 50 % allowed per review' }
 */
export interface LimitReview {
  action: 'raise' | 'cut' | 'freeze' | 'unfreeze' | 'keep';
  rule: ReviewRule;
  currentLimit: Money;
  /** The limit the fresh assessment gives (0 when it declines). */
  targetLimit: Money;
  /** The limit after the review (unchanged by freeze and keep). */
  newLimit: Money;
  detail: string;
}

/**
 * A periodic limit review: raise, cut or freeze a line from a fresh assessment, with the rule
 * that fired. Rules apply in this order, the first that holds decides: freeze for days past
 * due, freeze for a declined assessment, unfreeze a frozen line that recovered, cut, raise
 * (blocked by anything overdue or a weak on-time rate; at most `maxIncrease` of the current
 * limit at a time, rounded down to `roundTo`), else keep. A cut goes straight to the fresh
 * limit: the line may then be drawn past its new limit, which only stops new draws.
 *
 * @throws ValidationError naming the field (currencies that differ from `currentLimit`)
 * @example
 * reviewLimit({ currentLimit: Money.of('50000'), assessment: { decision: 'approve', limit: Money.of('90000') }, daysPastDue: 0, onTimeRepaymentRate: 1 })
 * // { action: 'raise', rule: 'RAISE_CAPPED', newLimit: 75000.00 CNY, ... } — +50 % at most per review
 * reviewLimit({ currentLimit: Money.of('50000'), assessment: { decision: 'approve', limit: Money.of('90000') }, daysPastDue: 31, onTimeRepaymentRate: 0.8 })
 * // { action: 'freeze', rule: 'FREEZE_OVERDUE', newLimit: 50000.00 CNY, ... }
 */
export function reviewLimit(input: ReviewLimitInput): LimitReview {
  const p = parseInput(reviewLimitInputSchema, input);
  const current = p.currentLimit;
  const currency = current.currency.code;
  const sameCurrency = (amount: Money | undefined, path: (string | number)[]) => {
    if (amount && amount.currency.code !== currency) {
      throw ValidationError.field(
        path,
        `Expected ${currency}, the currency of currentLimit`,
        'currency_mismatch',
      );
    }
  };
  sameCurrency(p.assessment.limit, ['assessment', 'limit']);
  sameCurrency(p.currentOverdue, ['currentOverdue']);
  sameCurrency(p.roundTo, ['roundTo']);
  const policy = p.policy;
  const target = p.assessment.decision === 'decline' ? Money.zero(currency) : p.assessment.limit;
  const result = (
    action: LimitReview['action'],
    rule: ReviewRule,
    newLimit: Money,
    detail: string,
  ): LimitReview => ({
    action,
    rule,
    currentLimit: current,
    targetLimit: target,
    newLimit,
    detail,
  });

  if (p.daysPastDue > policy.freezeAfterDaysPastDue) {
    const detail = `${p.daysPastDue} days past due, more than the ${policy.freezeAfterDaysPastDue} allowed`;
    return p.frozen
      ? result('keep', 'STILL_OVERDUE', current, detail)
      : result('freeze', 'FREEZE_OVERDUE', current, detail);
  }
  if (p.assessment.decision === 'decline' && policy.freezeWhenDeclined) {
    const detail = 'the fresh assessment declines the merchant';
    return p.frozen
      ? result('keep', 'STILL_DECLINED', current, detail)
      : result('freeze', 'FREEZE_DECLINED', current, detail);
  }
  if (p.frozen) {
    const limit = target.lessThan(current) ? target : current;
    return result('unfreeze', 'UNFREEZE_RECOVERED', limit, 'no freeze rule holds any more');
  }
  if (target.lessThan(current.multiply(toDecimal(1).minus(policy.cutTolerance)))) {
    return result(
      'cut',
      'CUT_TARGET_BELOW',
      target,
      `the fresh limit ${target.toString()} is below the current one`,
    );
  }
  if (target.greaterThan(current.multiply(toDecimal(policy.raiseThreshold).plus(1)))) {
    if (p.currentOverdue?.isPositive()) {
      return result('keep', 'RAISE_BLOCKED_OVERDUE', current, `${p.currentOverdue.toString()} is overdue`);
    }
    if (p.onTimeRepaymentRate === null || p.onTimeRepaymentRate < policy.minOnTimeRateToRaise) {
      return result(
        'keep',
        'RAISE_BLOCKED_REPAYMENT',
        current,
        p.onTimeRepaymentRate === null
          ? 'no repayment history yet'
          : `on-time repayment rate ${p.onTimeRepaymentRate} is below ${policy.minOnTimeRateToRaise}`,
      );
    }
    const most = roundToUnit(current.multiply(toDecimal(policy.maxIncrease).plus(1)), p.roundTo, 'down');
    if (most.lessThan(target)) {
      return result(
        'raise',
        'RAISE_CAPPED',
        most,
        `raised by the ${toDecimal(policy.maxIncrease).times(100).toString()} % allowed per review`,
      );
    }
    return result('raise', 'RAISE_TARGET_ABOVE', target, 'raised to the fresh limit');
  }
  return result(
    'keep',
    'WITHIN_TOLERANCE',
    current,
    'the fresh limit is within tolerance of the current one',
  );
}
