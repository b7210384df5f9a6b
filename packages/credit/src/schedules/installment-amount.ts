import {
  assertRoundingMode,
  type Decimal,
  isDecimalInput,
  isMoney,
  Money,
  type RoundingMode,
  toDecimal,
  ValidationError,
} from '@s2b2b/core';
import type { DayCountFraction } from '../interest/day-count.js';
import { type Rational, rationalOf, roundedDiv } from '../interest/rational.js';

/** Fixed-point scale of the annuity product: 10^60, far below a minor unit over 1,200 periods. */
const SCALE = 10n ** 60n;

/**
 * The level payment (等额本息 monthly payment, EMI) that repays `principal` over periods with the
 * given rate factors (each period's rate: annual rate × its day-count fraction), before the
 * rounding residue the last installment absorbs:
 *
 * EMI = P · Π(1 + rᵢ) / Sₙ,  S₁ = 1,  Sₖ = Sₖ₋₁ · (1 + rₖ) + 1
 *
 * With every rᵢ = r this is the closed form P·r / (1 − (1 + r)⁻ⁿ) — the 等额本息 formula
 * 每月还款额 = P·r·(1 + r)ⁿ / ((1 + r)ⁿ − 1); with periods of unequal length (ACT/365 months) it is
 * the payment Fineract's progressive EMI calculator derives. The product runs in 60-digit
 * fixed point, then the payment is rounded once to minor units with `rounding`. All rates
 * zero: P / n.
 *
 * @param principal - the amount lent (whole minor units)
 * @param rateFactors - one rate per period, each ≥ 0
 * @param rounding - how the payment is rounded to minor units
 * @example
 * equalInstallmentAmount(Money.of('100'), Array(6).fill(toDecimal('0.094822').div(12)), 'half-even') // 17.13
 * equalInstallmentAmount(Money.of('1000000'), Array(360).fill(toDecimal('0.049').div(12)), 'half-even') // 5307.27
 */
export function equalInstallmentAmount(
  principal: Money,
  rateFactors: readonly Decimal[],
  rounding: RoundingMode,
): Money {
  if (!isMoney(principal)) throw ValidationError.field('principal', 'Expected a Money', 'invalid_type');
  if (!Array.isArray(rateFactors) || rateFactors.length === 0) {
    throw ValidationError.field('rateFactors', 'Expected at least one rate factor', 'too_small');
  }
  assertRoundingMode(rounding, 'rounding');
  const steps = rateFactors.map((r, i) => {
    if (!isDecimalInput(r) || toDecimal(r).isNegative()) {
      throw ValidationError.field(['rateFactors', i], 'Expected a rate factor of 0 or more', 'invalid_type');
    }
    const q = rationalOf(r);
    return SCALE + (SCALE * q.num) / q.den;
  });
  return Money.fromMinor(levelPayment(principal.toMinorUnits(), steps, rounding), principal.currency.code);
}

/**
 * The level payment in minor units for an annual rate and the periods' day-count fractions.
 * Internal to the schedules.
 *
 * @example
 * equalInstallmentMinor(10000n, { num: 94822n, den: 1000000n }, Array(6).fill({ numerator: 30, denominator: 360 }), 'half-even') // 1713n
 */
export function equalInstallmentMinor(
  principalMinor: bigint,
  annualRate: Rational,
  fractions: readonly Pick<DayCountFraction, 'numerator' | 'denominator'>[],
  rounding: RoundingMode,
): bigint {
  const steps = fractions.map(
    (f) => SCALE + (SCALE * annualRate.num * BigInt(f.numerator)) / (annualRate.den * BigInt(f.denominator)),
  );
  return levelPayment(principalMinor, steps, rounding);
}

/** P · Π stepᵢ / Sₙ with steps = (1 + rᵢ) · SCALE. */
function levelPayment(principalMinor: bigint, steps: readonly bigint[], rounding: RoundingMode): bigint {
  const n = BigInt(steps.length);
  if (steps.every((s) => s === SCALE)) return roundedDiv(principalMinor, n, rounding);
  let growth = SCALE;
  let annuity = 0n;
  for (const step of steps) {
    growth = (growth * step) / SCALE;
    annuity = (annuity * step) / SCALE + SCALE;
  }
  return roundedDiv(principalMinor * growth, annuity, rounding);
}
