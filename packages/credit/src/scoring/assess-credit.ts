import { parseInput } from '@s2b2b/core';
import { type LimitDecision, limitFor } from './credit-limit.js';
import { type OperatingFeatures, operatingFeatures } from './operating-features.js';
import { type AssessCreditInput, assessCreditInputSchema } from './schemas.js';
import { type ReasonCode, type ScoreResult, scoreParsed } from './scorecard.js';

/**
 * A credit assessment: the features, the score with its reasons, and the limit decision.
 *
 * @example
 * const a: CreditAssessment = { features, score, limit, reasons: [{ code: 'SHORT_TENURE', feature: 'tenureMonths', bin: '<12', shortfall: 30 }] }
 */
export interface CreditAssessment {
  features: OperatingFeatures;
  score: ScoreResult;
  limit: LimitDecision;
  /** The adverse-action reasons of the score (what cost the most points first). */
  reasons: ReasonCode[];
}

/** The numeric features a scorecard can read, by name. */
function scorable(f: OperatingFeatures): Record<string, number | null> {
  return {
    tenureMonths: f.tenureMonths,
    activeMonths: f.activeMonths,
    avgMonthlyPurchases: f.avgMonthlyPurchases,
    purchaseTrend: f.purchaseTrend,
    avgMonthlySales: f.avgMonthlySales,
    returnRate: f.returnRate,
    onTimeRepaymentRate: f.onTimeRepaymentRate,
    worstDaysPastDue: f.worstDaysPastDue,
    currentOverdue: f.currentOverdue,
  };
}

/**
 * Operating data → features → score → grade → limit, in one call, with the reason codes behind
 * the decision: `limit.binding` says which rule set the limit (or why it was declined) and
 * `reasons` which characteristics cost the most points. The scorecard reads the features of
 * `operatingFeatures` by name (`tenureMonths`, `activeMonths`, `avgMonthlyPurchases`,
 * `purchaseTrend`, `avgMonthlySales`, `returnRate`, `onTimeRepaymentRate`, `worstDaysPastDue`,
 * `currentOverdue`) plus any `extraFeatures`; the limit's multiple applies to the exact average
 * monthly purchases.
 *
 * @throws ValidationError naming the field; DomainError `FEATURE_MISSING`
 * @example
 * const a = assessCredit({ operatingData, scorecard, policy })
 * a.limit.decision // 'approve'
 * a.limit.limit // 96000.00 CNY
 * a.reasons.map((r) => r.code) // ['SHORT_TENURE', ...]
 */
export function assessCredit(input: AssessCreditInput): CreditAssessment {
  const parsed = parseInput(assessCreditInputSchema, input);
  const features = operatingFeatures(parsed.operatingData);
  const score = scoreParsed(
    parsed.scorecard,
    { ...scorable(features), ...parsed.extraFeatures },
    parsed.maxReasons,
  );
  const limit = limitFor(score.score, features.amounts.avgMonthlyPurchases, parsed.policy, parsed.otherCaps);
  return { features, score, limit, reasons: score.reasons };
}
