import { type Decimal, type Money, type RoundingMode, toDecimal } from '@s2b2b/core';

/**
 * The level payment (等额本息 monthly payment, EMI) that repays `principal` over periods with the
 * given rate factors (each period's rate: annual rate × its day-count fraction), before the
 * rounding residue the last installment absorbs:
 *
 * EMI = P · Π(1 + rᵢ) / Sₙ,  S₁ = 1,  Sₖ = Sₖ₋₁ · (1 + rₖ) + 1
 *
 * With every rᵢ = r this is the closed form P·r / (1 − (1 + r)⁻ⁿ) — the 等额本息 formula
 * 每月还款额 = P·r·(1 + r)ⁿ / ((1 + r)ⁿ − 1); with periods of unequal length (ACT/365 months) it is
 * the payment Fineract's progressive EMI calculator derives. Computed to 40 significant
 * digits, then rounded once to minor units with `rounding`. All rates zero: P / n.
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
  const n = rateFactors.length;
  if (rateFactors.every((r) => r.isZero())) return principal.divide(n, rounding);
  let growth = toDecimal(1);
  let annuity = toDecimal(0);
  for (const r of rateFactors) {
    const step = r.plus(1);
    growth = growth.times(step);
    annuity = annuity.times(step).plus(1);
  }
  return principal.multiply(growth).divide(annuity, rounding);
}
