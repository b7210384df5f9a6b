import { Money, parseInput, ValidationError } from '@s2b2b/core';
import { calendarDate, daysBetween, type IsoDate, parseIsoDate } from '../interest/calendar-date.js';
import { type OperatingData, operatingDataSchema } from './schemas.js';

/**
 * The features a credit scorecard reads, from a merchant's operating data. Numbers are plain
 * (money in major units, e.g. yuan; rates as fractions) for binning; `amounts` keeps the money
 * exact for the limit. `null` means "no data" and goes to a scorecard's `missing` bin.
 *
 * @example
 * const f: OperatingFeatures = { tenureMonths: 28, activeMonths: 12, avgMonthlyPurchases: 48000, purchaseTrend: 0.021, avgMonthlySales: 61000, returnRate: 0.018, onTimeRepaymentRate: 1, worstDaysPastDue: 0, currentOverdue: 0, window: { from: '2024-07', to: '2025-06', months: 12 }, amounts }
 */
export interface OperatingFeatures {
  /** Whole months from the first activity to asOf. */
  tenureMonths: number;
  /** Months of the window with purchases. */
  activeMonths: number;
  /** Mean monthly purchases over the window (months without data count as 0). */
  avgMonthlyPurchases: number;
  /** Least-squares slope of monthly purchases over the window ÷ their mean: growth per month as a fraction (null under 3 months or with no purchases). */
  purchaseTrend: number | null;
  /** Mean monthly sales over the window; null when no month reports sales. */
  avgMonthlySales: number | null;
  /** Returns ÷ purchases over the window; null when nothing was purchased. */
  returnRate: number | null;
  /** Share of the window's due dates paid on or before the due date; null with none. */
  onTimeRepaymentRate: number | null;
  /** Most days any repayment in the window was late (unpaid ones count to asOf); 0 with none. */
  worstDaysPastDue: number;
  /** Overdue amount today. */
  currentOverdue: number;
  /** The complete months looked at. */
  window: { from: string; to: string; months: number };
  /** The money features exactly (minor units, half-even means). */
  amounts: { avgMonthlyPurchases: Money; avgMonthlySales: Money | null; currentOverdue: Money };
}

/**
 * Scorecard features from operating data: tenure, monthly purchases (mean and trend), sales,
 * return rate, on-time repayment rate, worst days past due and the current overdue amount.
 *
 * The window is the `lookbackMonths` (default 12) complete calendar months before the month of
 * `asOf`, starting no earlier than the month of `firstActivityDate`; a month without data counts
 * as zero purchases. A repayment belongs to the window when its due date is in it or after it
 * and before `asOf`; it is on time when paid on or before its due date; its lateness is the days
 * from the due date to payment (or to `asOf` when unpaid).
 *
 * @throws ValidationError naming the field (a month listed twice: `months.<i>.month`; mixed
 *   currencies; first activity after asOf)
 * @example
 * const f = operatingFeatures({
 *   asOf: '2025-07-10',
 *   firstActivityDate: '2025-03-15',
 *   months: [
 *     { month: '2025-04', purchases: Money.of('10000') },
 *     { month: '2025-05', purchases: Money.of('12000'), returns: Money.of('240') },
 *     { month: '2025-06', purchases: Money.of('14000') },
 *   ],
 *   repayments: [{ dueDate: '2025-05-31', paidOn: '2025-06-03' }, { dueDate: '2025-06-30', paidOn: '2025-06-30' }],
 * })
 * f.window // { from: '2025-03', to: '2025-06', months: 4 }
 * f.avgMonthlyPurchases // 9000 (36000 over 4 months, March without purchases)
 * f.onTimeRepaymentRate // 0.5
 * f.worstDaysPastDue // 3
 */
export function operatingFeatures(input: OperatingData): OperatingFeatures {
  const parsed = parseInput(operatingDataSchema, input);
  const asOf = calendarDate(parsed.asOf, parsed.zone, 'asOf');
  const first = calendarDate(parsed.firstActivityDate, parsed.zone, 'firstActivityDate');
  if (daysBetween(first, asOf) < 0) {
    throw ValidationError.field('firstActivityDate', `The first activity (${first}) is after asOf (${asOf})`);
  }
  const currency = parsed.months[0]?.purchases.currency.code ?? parsed.currentOverdue?.currency.code ?? 'CNY';
  const zero = Money.zero(currency);

  // The window: complete months before asOf's month, not before the first activity's month.
  const asOfMonth = monthIndex(asOf);
  const end = asOfMonth - 1;
  const start = Math.max(asOfMonth - parsed.lookbackMonths, monthIndex(first));
  const months = Math.max(0, end - start + 1);

  const purchases: Money[] = Array.from({ length: months }, () => zero);
  let sales = zero;
  let anySales = false;
  let returns = zero;
  const seen = new Set<string>();
  parsed.months.forEach((m, i) => {
    if (seen.has(m.month))
      throw ValidationError.field(['months', i, 'month'], `${m.month} is listed twice`, 'duplicate');
    seen.add(m.month);
    for (const [field, amount] of [
      ['purchases', m.purchases],
      ['sales', m.sales],
      ['returns', m.returns],
    ] as const) {
      if (amount && amount.currency.code !== currency) {
        throw ValidationError.field(
          ['months', i, field],
          `Expected ${currency}, as the first month`,
          'currency_mismatch',
        );
      }
    }
    const k = monthIndex(`${m.month}-01`) - start;
    if (k < 0 || k >= months) return;
    purchases[k] = purchases[k]!.add(m.purchases);
    if (m.sales) {
      sales = sales.add(m.sales);
      anySales = true;
    }
    if (m.returns) returns = returns.add(m.returns);
  });
  const totalPurchases = purchases.reduce((s, x) => s.add(x), zero);
  const avgPurchases = months === 0 ? zero : totalPurchases.divide(months, 'half-even');
  const avgSales = anySales && months > 0 ? sales.divide(months, 'half-even') : null;

  const windowStart = months === 0 ? asOf : `${monthLabel(start)}-01`;
  let due = 0;
  let onTime = 0;
  let worst = 0;
  parsed.repayments.forEach((r, i) => {
    const dueDate = calendarDate(r.dueDate, parsed.zone, ['repayments', i, 'dueDate']);
    if (daysBetween(windowStart, dueDate) < 0 || daysBetween(dueDate, asOf) <= 0) return;
    const paid = r.paidOn === null ? null : calendarDate(r.paidOn, parsed.zone, ['repayments', i, 'paidOn']);
    due += 1;
    const late =
      paid !== null && daysBetween(paid, asOf) >= 0 ? daysBetween(dueDate, paid) : daysBetween(dueDate, asOf);
    if (late <= 0) onTime += 1;
    worst = Math.max(worst, late);
  });

  const overdue = parsed.currentOverdue ?? zero;
  if (overdue.currency.code !== currency) {
    throw ValidationError.field('currentOverdue', `Expected ${currency}, as the months`, 'currency_mismatch');
  }
  const values = purchases.map((p) => Number(p.amount()));
  return {
    tenureMonths: wholeMonths(first, asOf),
    activeMonths: purchases.filter((p) => p.isPositive()).length,
    avgMonthlyPurchases: Number(avgPurchases.amount()),
    purchaseTrend: relativeSlope(values),
    avgMonthlySales: avgSales === null ? null : Number(avgSales.amount()),
    returnRate: totalPurchases.isZero()
      ? null
      : Number(returns.amount().div(totalPurchases.amount()).toPrecision(15)),
    onTimeRepaymentRate: due === 0 ? null : onTime / due,
    worstDaysPastDue: worst,
    currentOverdue: Number(overdue.amount()),
    window: {
      from: months === 0 ? monthLabel(asOfMonth) : monthLabel(start),
      to: months === 0 ? monthLabel(asOfMonth) : monthLabel(end),
      months,
    },
    amounts: { avgMonthlyPurchases: avgPurchases, avgMonthlySales: avgSales, currentOverdue: overdue },
  };
}

function monthIndex(date: IsoDate): number {
  const p = parseIsoDate(date)!;
  return p.year * 12 + (p.month - 1);
}

function monthLabel(index: number): string {
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Whole calendar months from a to b (a ≤ b): 2025-01-31 → 2025-02-28 is 0, → 2025-03-01 is 1. */
function wholeMonths(a: IsoDate, b: IsoDate): number {
  const pa = parseIsoDate(a)!;
  const pb = parseIsoDate(b)!;
  let months = (pb.year - pa.year) * 12 + (pb.month - pa.month);
  if (pb.day < pa.day) months -= 1;
  return Math.max(0, months);
}

/** Least-squares slope per step ÷ mean; null under 3 points or with a zero mean. */
function relativeSlope(y: readonly number[]): number | null {
  const n = y.length;
  if (n < 3) return null;
  const mean = y.reduce((s, v) => s + v, 0) / n;
  if (mean === 0) return null;
  const tMean = (n - 1) / 2;
  let sxy = 0;
  let sxx = 0;
  y.forEach((v, t) => {
    sxy += (t - tMean) * (v - mean);
    sxx += (t - tMean) ** 2;
  });
  return sxy / sxx / mean;
}
