import type { Decimal, Money, RoundingMode } from '@s2b2b/core';
import { interestFor } from '../interest/accrual.js';
import { equalInstallmentAmount } from './installment-amount.js';
import type { ScheduledInstallment, SchedulePeriod } from './schedule-types.js';

/** Interest on a balance over one period, rounded once. */
function periodInterest(balance: Money, period: SchedulePeriod, annualRate: Decimal, rounding: RoundingMode) {
  return interestFor(balance, annualRate, period.fraction, rounding);
}

function row(
  period: SchedulePeriod,
  opening: Money,
  principal: Money,
  interest: Money,
): ScheduledInstallment {
  return {
    number: period.number,
    fromDate: period.fromDate,
    dueDate: period.dueDate,
    days: period.fraction.actualDays,
    rateFactor: period.rateFactor,
    openingPrincipal: opening,
    principal,
    interest,
    payment: principal.add(interest),
    closingPrincipal: opening.subtract(principal),
  };
}

/** The smaller of two amounts. */
function min(a: Money, b: Money): Money {
  return a.lessThanOrEqual(b) ? a : b;
}

/**
 * 等额本息: a level payment; each period's interest is rounded, the principal is the payment less
 * the interest (never below zero nor above the balance), and the last installment repays
 * whatever principal remains with its own interest.
 *
 * @example
 * equalInstallments(Money.of('100'), periods, toDecimal('0.094822'), 'half-even') // payments 17.13 × 6
 */
export function equalInstallments(
  principal: Money,
  periods: readonly SchedulePeriod[],
  annualRate: Decimal,
  rounding: RoundingMode,
): { amount: Money; installments: ScheduledInstallment[] } {
  const amount = equalInstallmentAmount(
    principal,
    periods.map((p) => p.rateFactor),
    rounding,
  );
  const zero = principal.subtract(principal);
  const installments: ScheduledInstallment[] = [];
  let balance = principal;
  periods.forEach((period, index) => {
    const interest = periodInterest(balance, period, annualRate, rounding);
    const last = index === periods.length - 1;
    let part = last ? balance : amount.subtract(interest);
    if (part.isNegative()) part = zero;
    part = min(part, balance);
    installments.push(row(period, balance, part, interest));
    balance = balance.subtract(part);
  });
  return { amount, installments };
}

/**
 * 等额本金: principal / n each period (rounded with `rounding`, never more than the balance), the
 * residue in the last installment; interest on the declining balance, rounded per period.
 *
 * @example
 * equalPrincipal(Money.of('120000'), periods, toDecimal('0.06'), 'half-even') // principal 10000 × 12
 */
export function equalPrincipal(
  principal: Money,
  periods: readonly SchedulePeriod[],
  annualRate: Decimal,
  rounding: RoundingMode,
): ScheduledInstallment[] {
  const share = principal.divide(periods.length, rounding);
  const installments: ScheduledInstallment[] = [];
  let balance = principal;
  periods.forEach((period, index) => {
    const interest = periodInterest(balance, period, annualRate, rounding);
    const part = index === periods.length - 1 ? balance : min(share, balance);
    installments.push(row(period, balance, part, interest));
    balance = balance.subtract(part);
  });
  return installments;
}

/**
 * 先息后本: each period the interest on the whole principal, the principal with the last.
 *
 * @example
 * interestOnly(Money.of('100000'), periods, toDecimal('0.06'), 'half-even') // 500.00 a month, 100500.00 at the end
 */
export function interestOnly(
  principal: Money,
  periods: readonly SchedulePeriod[],
  annualRate: Decimal,
  rounding: RoundingMode,
): ScheduledInstallment[] {
  const zero = principal.subtract(principal);
  return periods.map((period, index) =>
    row(
      period,
      principal,
      index === periods.length - 1 ? principal : zero,
      periodInterest(principal, period, annualRate, rounding),
    ),
  );
}

/**
 * 到期一次还本付息: one installment on the last due date, with simple interest over the whole
 * term (one period from the start date to maturity, whatever dates lay between).
 *
 * @example
 * bullet(Money.of('50000'), term, toDecimal('0.0365'), 'half-even') // one payment: 50000 + interest for the term
 */
export function bullet(
  principal: Money,
  term: SchedulePeriod,
  annualRate: Decimal,
  rounding: RoundingMode,
): ScheduledInstallment[] {
  return [row(term, principal, principal, periodInterest(principal, term, annualRate, rounding))];
}
