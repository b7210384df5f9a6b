import {
  type Decimal,
  isMoney,
  Money,
  parseInput,
  type RoundingMode,
  roundDecimal,
  ValidationError,
} from '@s2b2b/core';
import type { z } from 'zod';
import { type CreditLimitInput, creditLimitInputSchema, type limitPolicySchema } from './schemas.js';

/**
 * What set a limit:
 * - `SCORE_BELOW_CUTOFF` — the score is below the lowest grade: declined, limit 0;
 * - `BELOW_MINIMUM` — the limit would be under the policy's `minimumLimit`: declined, limit 0;
 * - `MULTIPLE` — the grade's multiple of average monthly purchases;
 * - `GRADE_CAP` — the grade's cap;
 * - any `otherCaps` code (e.g. `WORKING_CAPITAL_GAP`) when that cap is the smallest.
 *
 * @example
 * const binding: LimitBinding = 'GRADE_CAP'
 */
export type LimitBinding = 'SCORE_BELOW_CUTOFF' | 'BELOW_MINIMUM' | 'MULTIPLE' | 'GRADE_CAP' | (string & {});

/**
 * A limit decision and everything it was computed from.
 *
 * @example
 * const d: LimitDecision = { decision: 'approve', grade: 'B', score: 642, limit: Money.of('96000'), binding: 'MULTIPLE', basis: { multiple: toDecimal('2'), averageMonthlyPurchases: Money.of('48000'), byMultiple: Money.of('96000'), cap: Money.of('300000'), otherCaps: [] } }
 */
export interface LimitDecision {
  decision: 'approve' | 'decline';
  /** The grade the score reached, or null below the cutoff. */
  grade: string | null;
  score: number;
  /** The limit granted, rounded to the policy's unit (zero when declined). */
  limit: Money;
  /** The rule that set the limit. */
  binding: LimitBinding;
  basis: {
    multiple: Decimal | null;
    averageMonthlyPurchases: Money;
    /** multiple × average monthly purchases, before caps and rounding. */
    byMultiple: Money | null;
    /** The grade's cap. */
    cap: Money | null;
    otherCaps: { code: string; amount: Money }[];
  };
}

/**
 * Score → grade → limit. The grade is the first (best) one whose `minScore` the score reaches;
 * the limit is min(multiple × average monthly purchases, the grade's cap, every `otherCaps`
 * amount), rounded to a multiple of `roundTo` (default one minor unit) with `rounding`
 * (default `down`, so rounding never grants more than the rules allow). Below the lowest grade,
 * or under `minimumLimit`, the application is declined with a zero limit. `binding` names
 * the rule that set the limit (ties: multiple, then the grade cap, then other caps in order).
 *
 * @throws ValidationError naming the field (grades not from best to worst, currencies that
 *   differ from the grades' caps, ...)
 * @example
 * const policy = { grades: [
 *   { grade: 'A', minScore: 660, multiple: '3', cap: Money.of('500000') },
 *   { grade: 'B', minScore: 620, multiple: '2', cap: Money.of('300000') },
 *   { grade: 'C', minScore: 580, multiple: '1', cap: Money.of('100000') },
 * ], roundTo: Money.of('1000') }
 * creditLimit({ score: 642, averageMonthlyPurchases: Money.of('48350'), policy })
 * // { decision: 'approve', grade: 'B', limit: 96000.00 CNY (2 × 48350 = 96700, down to 1000s), binding: 'MULTIPLE' }
 * creditLimit({ score: 570, averageMonthlyPurchases: Money.of('48350'), policy }).decision // 'decline'
 */
export function creditLimit(input: CreditLimitInput): LimitDecision {
  const parsed = parseInput(creditLimitInputSchema, input);
  return limitFor(parsed.score, parsed.averageMonthlyPurchases, parsed.policy, parsed.otherCaps);
}

/**
 * The limit on parsed input. Internal (not exported from the package).
 *
 * @example
 * limitFor(642, Money.of('48350'), limitPolicySchema.parse(policy), []).limit // 96000.00 CNY
 */
export function limitFor(
  score: number,
  averageMonthlyPurchases: Money,
  policy: z.output<typeof limitPolicySchema>,
  otherCaps: readonly { code: string; amount: Money }[],
): LimitDecision {
  const currency = policy.grades[0]!.cap.currency.code;
  const check = (amount: Money | undefined, path: (string | number)[]) => {
    if (amount && amount.currency.code !== currency) {
      throw ValidationError.field(
        path,
        `Expected ${currency}, the currency of the grade caps`,
        'currency_mismatch',
      );
    }
  };
  check(averageMonthlyPurchases, ['averageMonthlyPurchases']);
  check(policy.roundTo, ['policy', 'roundTo']);
  check(policy.minimumLimit, ['policy', 'minimumLimit']);
  otherCaps.forEach((c, i) => {
    check(c.amount, ['otherCaps', i, 'amount']);
  });

  const zero = Money.zero(currency);
  const grade = policy.grades.find((g) => score >= g.minScore);
  const caps = otherCaps.map((c) => ({ code: c.code, amount: c.amount }));
  if (!grade) {
    return {
      decision: 'decline',
      grade: null,
      score,
      limit: zero,
      binding: 'SCORE_BELOW_CUTOFF',
      basis: { multiple: null, averageMonthlyPurchases, byMultiple: null, cap: null, otherCaps: caps },
    };
  }
  const byMultiple = averageMonthlyPurchases.multiply(grade.multiple);
  let binding: LimitBinding = 'MULTIPLE';
  let raw = byMultiple;
  if (grade.cap.lessThan(raw)) {
    raw = grade.cap;
    binding = 'GRADE_CAP';
  }
  for (const c of caps) {
    if (c.amount.lessThan(raw)) {
      raw = c.amount;
      binding = c.code;
    }
  }
  let limit = roundToUnit(raw, policy.roundTo, policy.rounding);
  // Rounding may pass the multiple (a policy's choice) but never a cap.
  const ceiling = caps.reduce((m, c) => (c.amount.lessThan(m) ? c.amount : m), grade.cap);
  if (limit.greaterThan(ceiling)) limit = roundToUnit(ceiling, policy.roundTo, 'down');
  const basis = {
    multiple: grade.multiple,
    averageMonthlyPurchases,
    byMultiple,
    cap: grade.cap,
    otherCaps: caps,
  };
  if (policy.minimumLimit && limit.lessThan(policy.minimumLimit)) {
    return { decision: 'decline', grade: grade.grade, score, limit: zero, binding: 'BELOW_MINIMUM', basis };
  }
  return { decision: 'approve', grade: grade.grade, score, limit, binding, basis };
}

/**
 * An amount rounded to a whole multiple of `unit` (default: one minor unit) with a mode.
 *
 * @example
 * roundToUnit(Money.of('96700'), Money.of('1000'), 'down').toString() // '96000.00 CNY'
 * roundToUnit(Money.of('96700'), Money.of('1000'), 'half-even').toString() // '97000.00 CNY'
 */
export function roundToUnit(amount: Money, unit: Money | undefined, mode: RoundingMode): Money {
  if (!isMoney(amount)) throw ValidationError.field('amount', 'Expected a Money', 'invalid_type');
  if (unit !== undefined && (!isMoney(unit) || !unit.isPositive())) {
    throw ValidationError.field('unit', 'Expected a positive Money', 'invalid_type');
  }
  if (unit && unit.currency.code !== amount.currency.code) {
    throw ValidationError.field(
      'unit',
      `Expected ${amount.currency.code}, the currency of amount`,
      'currency_mismatch',
    );
  }
  if (!unit) return amount.roundToMinor(mode);
  const units = roundDecimal(amount.amount().div(unit.amount()), 0, mode);
  return unit.multiply(units).roundToMinor(mode);
}
