import { type Decimal, Money, type RoundingMode } from '@s2b2b/core';
import { interestMinor } from '../interest/accrual.js';
import { type Rational, rationalOf, roundedDiv } from '../interest/rational.js';
import { equalInstallmentMinor } from './installment-amount.js';
import type { ScheduledInstallment, SchedulePeriod } from './schedule-types.js';

/**
 * The amounts of one installment in minor units, before they become `Money`.
 *
 * @example
 * const r: MinorRow = { opening: 10000n, principal: 1634n, interest: 79n }
 */
interface MinorRow {
  opening: bigint;
  principal: bigint;
  interest: bigint;
}

function toRows(
  periods: readonly SchedulePeriod[],
  rows: readonly MinorRow[],
  currency: string,
): ScheduledInstallment[] {
  let opening: Money | undefined;
  return rows.map((r, i) => {
    const period = periods[i]!;
    // Consecutive rows share the balance between them (closing of one = opening of the next).
    const openingPrincipal = opening ?? Money.fromMinor(r.opening, currency);
    const closingPrincipal = Money.fromMinor(r.opening - r.principal, currency);
    opening = closingPrincipal;
    return {
      number: period.number,
      fromDate: period.fromDate,
      dueDate: period.dueDate,
      days: period.fraction.actualDays,
      rateFactor: period.rateFactor,
      openingPrincipal,
      principal: Money.fromMinor(r.principal, currency),
      interest: Money.fromMinor(r.interest, currency),
      payment: Money.fromMinor(r.principal + r.interest, currency),
      closingPrincipal,
    };
  });
}

function clamp(value: bigint, high: bigint): bigint {
  if (value < 0n) return 0n;
  return value > high ? high : value;
}

/**
 * 等额本息: a level payment; each period's interest is rounded, the principal is the payment less
 * the interest (never below zero nor above the balance), and the last installment repays
 * whatever principal remains with its own interest. Bigint arithmetic in minor units.
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
  const rate = rationalOf(annualRate);
  const lent = principal.toMinorUnits();
  const amount = equalInstallmentMinor(
    lent,
    rate,
    periods.map((p) => p.fraction),
    rounding,
  );
  const rows: MinorRow[] = [];
  let balance = lent;
  periods.forEach((period, index) => {
    const interest = interestMinor(balance, rate, period.fraction, rounding);
    const part = index === periods.length - 1 ? balance : clamp(amount - interest, balance);
    rows.push({ opening: balance, principal: part, interest });
    balance -= part;
  });
  const currency = principal.currency.code;
  return { amount: Money.fromMinor(amount, currency), installments: toRows(periods, rows, currency) };
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
  const rate = rationalOf(annualRate);
  const lent = principal.toMinorUnits();
  const share = roundedDiv(lent, BigInt(periods.length), rounding);
  const rows: MinorRow[] = [];
  let balance = lent;
  periods.forEach((period, index) => {
    const interest = interestMinor(balance, rate, period.fraction, rounding);
    const part = index === periods.length - 1 ? balance : clamp(share, balance);
    rows.push({ opening: balance, principal: part, interest });
    balance -= part;
  });
  return toRows(periods, rows, principal.currency.code);
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
  const rate: Rational = rationalOf(annualRate);
  const lent = principal.toMinorUnits();
  const rows = periods.map((period, index) => ({
    opening: lent,
    principal: index === periods.length - 1 ? lent : 0n,
    interest: interestMinor(lent, rate, period.fraction, rounding),
  }));
  return toRows(periods, rows, principal.currency.code);
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
  const lent = principal.toMinorUnits();
  const interest = interestMinor(lent, rationalOf(annualRate), term.fraction, rounding);
  return toRows([term], [{ opening: lent, principal: lent, interest }], principal.currency.code);
}
