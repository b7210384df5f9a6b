import {
  assertRoundingMode,
  type Decimal,
  DomainError,
  isMoney,
  Money,
  parseInput,
  type RoundingMode,
  ValidationError,
} from '@s2b2b/core';
import { addDays, calendarDate, daysBetween, type IsoDate } from './calendar-date.js';
import { type DayCountFraction, dayCountFraction } from './day-count.js';
import { type Rational, rationalOf, roundedDiv } from './rational.js';
import {
  type AccrualIncrementInput,
  type AccrueInterestInput,
  accrualIncrementInputSchema,
  accrueInterestInputSchema,
  type DailyAccrualsInput,
  dailyAccrualsInputSchema,
  MAX_DAILY_ACCRUAL_DAYS,
} from './schemas.js';

/**
 * Simple interest over one period.
 *
 * @example
 * const a: InterestAccrual = { interest: Money.of('37.46'), exact: toDecimal('37.458333…'), annualRate: toDecimal('0.0435'), fraction: { dayCount: 'ACT/360', start: '2024-01-01', end: '2024-02-01', actualDays: 31, days: 31, numerator: 31, denominator: 360 } }
 */
export interface InterestAccrual {
  /** principal × rate × fraction, rounded once to minor units. */
  interest: Money;
  /** The same product before rounding (40 significant digits). */
  exact: Decimal;
  annualRate: Decimal;
  fraction: DayCountFraction;
}

/**
 * Interest on a principal over a period, rounded once: `principal × annualRate × numerator /
 * denominator` of the period's {@link dayCountFraction}, computed exactly and rounded to minor
 * units with `rounding` (default `half-even`). The period is half-open [start, end).
 *
 * This is the one formula the schedules, the penalty interest and the ledger's accruals share.
 *
 * @throws ValidationError naming the field (bad money, rate above 10, `end` before `start`, ...)
 * @example
 * accrueInterest({ principal: Money.of('10000'), annualRate: '0.0435', start: '2024-01-01', end: '2024-02-01', dayCount: 'ACT/360' }).interest
 * // 37.46 CNY (10000 × 0.0435 × 31 / 360 = 37.4583…)
 * accrueInterest({ principal: Money.of('10000'), annualRate: '0.0435', start: '2023-12-15', end: '2024-01-15', dayCount: 'ACT/ACT' }).interest
 * // 36.90 CNY (10000 × 0.0435 × (17/365 + 14/366))
 */
export function accrueInterest(input: AccrueInterestInput): InterestAccrual {
  const parsed = parseInput(accrueInterestInputSchema, input);
  const start = calendarDate(parsed.start, parsed.zone, 'start');
  const end = calendarDate(parsed.end, parsed.zone, 'end');
  const fraction = dayCountFraction(start, end, parsed.dayCount);
  return {
    interest: interestFor(parsed.principal, parsed.annualRate, fraction, parsed.rounding),
    exact: exactInterestFor(parsed.principal, parsed.annualRate, fraction),
    annualRate: parsed.annualRate,
    fraction,
  };
}

/**
 * `principal × rate × fraction` rounded once to minor units — the exact kernel of
 * {@link accrueInterest}, on already-validated values (a principal in whole minor units, a
 * rate ≥ 0), in bigint arithmetic.
 *
 * @throws DomainError `NOT_ROUNDED` (from core) when the principal has digits below the minor unit
 * @example
 * interestFor(Money.of('100'), toDecimal('0.094822'), dayCountFraction('2024-01-01', '2024-02-01', '30/360'), 'half-even') // 0.79 CNY
 */
export function interestFor(
  principal: Money,
  annualRate: Decimal,
  fraction: Pick<DayCountFraction, 'numerator' | 'denominator'>,
  rounding: RoundingMode,
): Money {
  if (!isMoney(principal)) throw ValidationError.field('principal', 'Expected a Money', 'invalid_type');
  checkFraction(fraction);
  assertRoundingMode(rounding, 'rounding');
  const rate = rationalOf(annualRate);
  return Money.fromMinor(
    interestMinor(principal.toMinorUnits(), rate, fraction, rounding),
    principal.currency.code,
  );
}

/**
 * Interest in minor units: round(balance × rate.num × numerator / (rate.den × denominator)).
 *
 * @example
 * interestMinor(10000n, { num: 94822n, den: 1000000n }, { numerator: 30, denominator: 360 }, 'half-even') // 79n
 */
export function interestMinor(
  balanceMinor: bigint,
  rate: Rational,
  fraction: Pick<DayCountFraction, 'numerator' | 'denominator'>,
  rounding: RoundingMode,
): bigint {
  if (typeof balanceMinor !== 'bigint') {
    throw ValidationError.field('balanceMinor', 'Expected a bigint number of minor units', 'invalid_type');
  }
  if (
    typeof rate !== 'object' ||
    rate === null ||
    typeof rate.num !== 'bigint' ||
    typeof rate.den !== 'bigint' ||
    rate.den <= 0n
  ) {
    throw ValidationError.field(
      'rate',
      'Expected a Rational { num, den } of bigints with den > 0 (see rationalOf)',
      'invalid_type',
    );
  }
  checkFraction(fraction);
  return roundedDiv(
    balanceMinor * rate.num * BigInt(fraction.numerator),
    rate.den * BigInt(fraction.denominator),
    rounding,
  );
}

/**
 * `principal × rate × fraction` before rounding, to 40 significant digits.
 *
 * @example
 * exactInterestFor(Money.of('100'), toDecimal('0.094822'), { numerator: 30, denominator: 360 }).toFixed(12) // '0.790183333333'
 */
export function exactInterestFor(
  principal: Money,
  annualRate: Decimal,
  fraction: Pick<DayCountFraction, 'numerator' | 'denominator'>,
): Decimal {
  return principal.amount().times(annualRate).times(fraction.numerator).div(fraction.denominator);
}

function checkFraction(fraction: Pick<DayCountFraction, 'numerator' | 'denominator'>): void {
  if (
    typeof fraction !== 'object' ||
    fraction === null ||
    !Number.isSafeInteger(fraction.numerator) ||
    !Number.isSafeInteger(fraction.denominator) ||
    fraction.denominator <= 0
  ) {
    throw ValidationError.field(
      'fraction',
      'Expected a day-count fraction with integer numerator and positive denominator (see dayCountFraction)',
      'invalid_type',
    );
  }
}

/**
 * What to post for one stretch of an accrual segment.
 *
 * @example
 * const step: AccrualIncrement = { increment: Money.of('1.21'), accruedBefore: Money.of('4.83'), accruedAfter: Money.of('6.04'), from: '2024-01-05', to: '2024-01-06' }
 */
export interface AccrualIncrement {
  /** accruedAfter − accruedBefore: the amount to post for [from, to). */
  increment: Money;
  /** Interest for [periodStart, from), rounded. */
  accruedBefore: Money;
  /** Interest for [periodStart, to), rounded. */
  accruedAfter: Money;
  from: IsoDate;
  to: IsoDate;
}

/**
 * The interest to post for [from, to) inside an accrual segment that began on `periodStart` —
 * a span over which the balance and the rate do not change. It is the rounded interest from
 * `periodStart` to `to` minus the rounded interest from `periodStart` to `from`, so daily (or
 * any) postings within a segment always add up to exactly what {@link accrueInterest} gives for
 * the whole segment: no cent is lost or invented by rounding each day. When the balance or the
 * rate changes, start a new segment on that day.
 *
 * Under 30/360 a 31st adds nothing and 1 March after 28 February adds up to three days.
 *
 * @throws ValidationError naming the field; DomainError `ACCRUAL_OUT_OF_ORDER` unless
 *   periodStart ≤ from ≤ to
 * @example
 * accrualIncrement({ principal: Money.of('10000'), annualRate: '0.0435', periodStart: '2024-01-01', from: '2024-01-05', to: '2024-01-06', dayCount: 'ACT/360' })
 * // { increment: 1.21 CNY, accruedBefore: 4.83 CNY, accruedAfter: 6.04 CNY, ... }
 */
export function accrualIncrement(input: AccrualIncrementInput): AccrualIncrement {
  const parsed = parseInput(accrualIncrementInputSchema, input);
  const periodStart = calendarDate(parsed.periodStart, parsed.zone, 'periodStart');
  const from = calendarDate(parsed.from, parsed.zone, 'from');
  const to = calendarDate(parsed.to, parsed.zone, 'to');
  if (daysBetween(periodStart, from) < 0 || daysBetween(from, to) < 0) {
    throw new DomainError(
      'ACCRUAL_OUT_OF_ORDER',
      `Accrual dates must satisfy periodStart <= from <= to, got ${periodStart}, ${from}, ${to}`,
      { periodStart, from, to },
    );
  }
  const before = interestFor(
    parsed.principal,
    parsed.annualRate,
    dayCountFraction(periodStart, from, parsed.dayCount),
    parsed.rounding,
  );
  const after = interestFor(
    parsed.principal,
    parsed.annualRate,
    dayCountFraction(periodStart, to, parsed.dayCount),
    parsed.rounding,
  );
  return { increment: after.subtract(before), accruedBefore: before, accruedAfter: after, from, to };
}

/**
 * One day's accrual.
 *
 * @example
 * const day: DailyAccrual = { date: '2024-01-01', interest: Money.of('1.21'), cumulative: Money.of('1.21') }
 */
export interface DailyAccrual {
  /** The day accrued (interest for [date, date + 1)). */
  date: IsoDate;
  interest: Money;
  /** Interest from the start through this day, rounded — equals the sum of `interest` so far. */
  cumulative: Money;
}

/**
 * The interest of [start, end) posted day by day, each day the {@link accrualIncrement} of its
 * [date, date + 1): the days sum exactly to `accrueInterest` over the whole span (a rounded
 * daily amount times the days would not). Days that add nothing (the 31st under 30/360) are
 * listed with zero. At most 36,600 days.
 *
 * @throws ValidationError naming the field; DomainError `ACCRUAL_OUT_OF_ORDER` when `end` is
 *   before `start`, `ACCRUAL_SPAN_TOO_LONG` beyond 36,600 days
 * @example
 * dailyAccruals({ principal: Money.of('10000'), annualRate: '0.0435', start: '2024-01-01', end: '2024-01-04', dayCount: 'ACT/360' }).map((d) => d.interest.toString())
 * // ['1.21 CNY', '1.21 CNY', '1.20 CNY'] — 3.62 in all, as 10000 × 0.0435 × 3/360 = 3.625 → 3.62
 */
export function dailyAccruals(input: DailyAccrualsInput): DailyAccrual[] {
  const parsed = parseInput(dailyAccrualsInputSchema, input);
  const start = calendarDate(parsed.start, parsed.zone, 'start');
  const end = calendarDate(parsed.end, parsed.zone, 'end');
  const span = daysBetween(start, end);
  if (span < 0) {
    throw new DomainError('ACCRUAL_OUT_OF_ORDER', `The accrual ends (${end}) before it starts (${start})`, {
      start,
      end,
    });
  }
  if (span > MAX_DAILY_ACCRUAL_DAYS) {
    throw new DomainError(
      'ACCRUAL_SPAN_TOO_LONG',
      `dailyAccruals lists at most ${MAX_DAILY_ACCRUAL_DAYS} days, got ${span}`,
      { start, end, days: span, max: MAX_DAILY_ACCRUAL_DAYS },
    );
  }
  const result: DailyAccrual[] = [];
  let previous = Money.zero(parsed.principal.currency.code);
  let date = start;
  for (let i = 0; i < span; i += 1) {
    const next = addDays(date, 1);
    const cumulative = interestFor(
      parsed.principal,
      parsed.annualRate,
      dayCountFraction(start, next, parsed.dayCount),
      parsed.rounding,
    );
    result.push({ date, interest: cumulative.subtract(previous), cumulative });
    previous = cumulative;
    date = next;
  }
  return result;
}
