import { type Decimal, parseInput, ValidationError } from '@s2b2b/core';
import { calendarDate, daysBetween, type IsoDate } from '../interest/calendar-date.js';
import { type DayCount, dayCountFraction } from '../interest/day-count.js';
import { bullet, equalInstallments, equalPrincipal, interestOnly } from './build-installments.js';
import { dueDatesFrom } from './schedule-dates.js';
import type { RepaymentSchedule, ScheduledInstallment, SchedulePeriod } from './schedule-types.js';
import { type RepaymentScheduleInput, repaymentScheduleInputSchema } from './schemas.js';

/**
 * The repayment schedule of a loan: installments with their due dates, principal, interest and
 * balances, for `equal-installment` (等额本息), `equal-principal` (等额本金), `interest-only`
 * (先息后本) or `bullet` (到期一次还本付息).
 *
 * - Each period [from, due) bears `balance × annualRate × dayCountFraction(from, due)`, rounded
 *   per period with `rounding` (default half-even). `dayCount` defaults to 30/360; ACT/365,
 *   ACT/360, ACT/364 and ACT/ACT follow the calendar. The monthly periods `installments`
 *   generates are whole months, and under 30/360 or 30E/360 each counts exactly 30 days a
 *   month — also from a month-end start, where the ISDA day formula gives 28 days for 31 Jan →
 *   28 Feb and 33 for 28 Feb → 31 Mar — so the monthly rate is annual / 12 (按月计息; Fineract's
 *   DAYS_360 with 30-day months). Explicit `dueDates` are counted by the formula.
 * - The principal parts sum exactly to the amount lent and the last closing balance is zero:
 *   the last installment repays whatever the rounding left (so only it may differ from the
 *   level payment or the level principal).
 * - Every amount is ≥ 0, and no balance is ever negative.
 * - Due dates come from `installments` and `frequency` (monthly by default, anchored on the
 *   start date's day) or from `dueDates`.
 *
 * Reproduces Apache Fineract's progressive EMI schedules to the cent (see the tests).
 *
 * @throws ValidationError naming the field (principal not in whole minor units, due dates not
 *   increasing, both `installments` and `dueDates`, ...)
 * @example
 * const s = repaymentSchedule({ principal: Money.of('100', 'USD'), annualRate: '0.094822', method: 'equal-installment', startDate: '2024-01-01', installments: 6 })
 * s.installmentAmount // 17.13 USD
 * s.installments.map((i) => i.interest.toDecimalString()) // ['0.79', '0.66', '0.53', '0.40', '0.27', '0.13']
 * s.installments.at(-1).closingPrincipal.isZero() // true
 */
export function repaymentSchedule(input: RepaymentScheduleInput): RepaymentSchedule {
  const parsed = parseInput(repaymentScheduleInputSchema, input);
  const start = calendarDate(parsed.startDate, parsed.zone, 'startDate');
  const dueDates =
    parsed.dueDates !== undefined
      ? explicitDueDates(start, parsed.dueDates, parsed.zone)
      : dueDatesFrom(start, parsed.installments!, parsed.frequency ?? { unit: 'month', every: 1 });
  const { principal, annualRate, rounding, dayCount } = parsed;
  // Generated monthly periods are whole months: the 30-day conventions count 30 days each.
  const frequency = parsed.frequency ?? { unit: 'month', every: 1 };
  const monthsPerPeriod =
    parsed.dueDates === undefined &&
    frequency.unit === 'month' &&
    (dayCount === '30/360' || dayCount === '30E/360')
      ? frequency.every
      : null;

  let installments: ScheduledInstallment[];
  let installmentAmount: RepaymentSchedule['installmentAmount'] = null;
  if (parsed.method === 'bullet') {
    installments = bullet(
      principal,
      period(
        1,
        start,
        dueDates.at(-1)!,
        annualRate,
        dayCount,
        monthsPerPeriod && monthsPerPeriod * dueDates.length,
      ),
      annualRate,
      rounding,
    );
  } else {
    const periods = dueDates.map((due, i) =>
      period(i + 1, i === 0 ? start : dueDates[i - 1]!, due, annualRate, dayCount, monthsPerPeriod),
    );
    if (parsed.method === 'equal-installment') {
      const built = equalInstallments(principal, periods, annualRate, rounding);
      installments = built.installments;
      installmentAmount = built.amount;
    } else if (parsed.method === 'equal-principal') {
      installments = equalPrincipal(principal, periods, annualRate, rounding);
    } else {
      installments = interestOnly(principal, periods, annualRate, rounding);
    }
  }

  const zero = principal.subtract(principal);
  const totalPrincipal = installments.reduce((sum, i) => sum.add(i.principal), zero);
  const totalInterest = installments.reduce((sum, i) => sum.add(i.interest), zero);
  return {
    method: parsed.method,
    dayCount,
    rounding,
    annualRate,
    principal,
    installmentAmount,
    totalPrincipal,
    totalInterest,
    totalPayment: totalPrincipal.add(totalInterest),
    installments,
  };
}

function period(
  number: number,
  fromDate: IsoDate,
  dueDate: IsoDate,
  annualRate: Decimal,
  dayCount: DayCount,
  wholeMonths: number | null,
): SchedulePeriod {
  const counted = dayCountFraction(fromDate, dueDate, dayCount);
  const fraction =
    wholeMonths === null ? counted : { ...counted, days: 30 * wholeMonths, numerator: 30 * wholeMonths };
  return {
    number,
    fromDate,
    dueDate,
    fraction,
    rateFactor: annualRate.times(fraction.numerator).div(fraction.denominator),
  };
}

function explicitDueDates(start: IsoDate, given: readonly (Date | string)[], zone: string): IsoDate[] {
  const dates = given.map((d, i) => calendarDate(d, zone, ['dueDates', i]));
  dates.forEach((date, i) => {
    const previous = i === 0 ? start : dates[i - 1]!;
    if (daysBetween(previous, date) <= 0) {
      throw ValidationError.field(
        ['dueDates', i],
        `Due dates must be strictly increasing and after the start date (${previous} then ${date})`,
        'not_increasing',
      );
    }
  });
  return dates;
}
