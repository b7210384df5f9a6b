import { type Decimal, toDecimal, ValidationError } from '@s2b2b/core';
import { daysFromCivil, daysInYear, type IsoDate, isLeapYear, parseIsoDate } from './calendar-date.js';

/**
 * A day-count convention: how many days a period [start, end) counts and how many make a year.
 *
 * | convention | days counted | year | source |
 * |---|---|---|---|
 * | `ACT/365` | actual | 365 (also in leap years) | ISDA 2006 §4.16(d) "Actual/365 (Fixed)" |
 * | `ACT/360` | actual | 360 | ISDA 2006 §4.16(e); the PBOC 日利率 = 年利率 / 360 |
 * | `ACT/364` | actual | 364 | Fineract `DaysInYearType.DAYS_364` (weekly products) |
 * | `30/360` | 30-day months: D1 = 31 → 30; D2 = 31 → 30 when D1 is 30 or 31 | 360 | ISDA 2006 §4.16(f) "30/360, Bond Basis" |
 * | `30E/360` | 30-day months: D1 = 31 → 30; D2 = 31 → 30 | 360 | ISDA 2006 §4.16(g) "30E/360, Eurobond Basis" |
 * | `ACT/ACT` | actual | days in a leap year / 366 + days in other years / 365 | ISDA 2006 §4.16(b) "Actual/Actual (ISDA)" |
 *
 * 30/360 days = 360·(Y2 − Y1) + 30·(M2 − M1) + (D2 − D1) after the adjustments; February is
 * not adjusted (31 Jan → 28 Feb counts 28 days, 28 Feb → 31 Mar 33). From a day up to the 28th
 * to the same day of a later month the 30-day conventions count 30 days a month, so a monthly
 * rate is annual / 12 — the 按月计息 of Chinese loan contracts and Fineract's `DAYS_360` +
 * `DaysInMonthType.DAYS_30`; `repaymentSchedule` counts its generated monthly periods as 30 days
 * outright, month-end starts included.
 *
 * @example
 * const convention: DayCount = 'ACT/365'
 */
export type DayCount = 'ACT/365' | 'ACT/360' | 'ACT/364' | '30/360' | '30E/360' | 'ACT/ACT';

/**
 * Every day-count convention, in a stable order.
 *
 * @example
 * DAY_COUNTS.includes('ACT/ACT') // true
 */
export const DAY_COUNTS = Object.freeze([
  'ACT/365',
  'ACT/360',
  'ACT/364',
  '30/360',
  '30E/360',
  'ACT/ACT',
] as const satisfies readonly DayCount[]);

/**
 * The exact share of a year a period counts: `numerator / denominator` (integers, so interest
 * can be computed as one exact product and rounded once).
 *
 * @example
 * const f: DayCountFraction = { dayCount: 'ACT/ACT', start: '2023-12-15', end: '2024-01-15', actualDays: 31, days: 31, numerator: 11332, denominator: 133590 }
 */
export interface DayCountFraction {
  dayCount: DayCount;
  start: IsoDate;
  end: IsoDate;
  /** Calendar days from start to end. */
  actualDays: number;
  /** Days the convention counts (the 30/360 day count for the 30-day conventions, else actual). */
  days: number;
  /** The year fraction is numerator / denominator. */
  numerator: number;
  /** 365, 360, 364, or 365 × 366 = 133,590 for ACT/ACT. */
  denominator: number;
}

const ACT_ACT_DENOMINATOR = 365 * 366;

/**
 * The share of a year from `start` to `end` under a day-count convention, as an exact fraction.
 * A period is half-open: interest accrues from `start` (included) to `end` (excluded), so a loan
 * disbursed on 1 January and repaid on 2 January bears one day of interest.
 *
 * ACT/ACT splits the period at every 1 January: 2023-12-15 → 2024-01-15 is 17/365 + 14/366.
 *
 * @param start - first day of the period (ISO date)
 * @param end - the day after the last day (ISO date), not before `start`
 * @param dayCount - the convention
 * @throws ValidationError on `start`, `end` (not a date, or before `start`) or `dayCount`
 * @example
 * dayCountFraction('2024-02-01', '2024-03-01', 'ACT/365') // { days: 29, numerator: 29, denominator: 365, ... }
 * dayCountFraction('2024-01-31', '2024-02-29', '30/360') // { days: 29, numerator: 29, denominator: 360, ... }
 * dayCountFraction('2023-12-15', '2024-01-15', 'ACT/ACT') // { numerator: 17 * 366 + 14 * 365, denominator: 133590, ... }
 */
export function dayCountFraction(start: IsoDate, end: IsoDate, dayCount: DayCount): DayCountFraction {
  const s = parseIsoDate(start);
  const e = parseIsoDate(end);
  if (!s) throw ValidationError.field('start', 'Expected an ISO date YYYY-MM-DD', 'invalid_date');
  if (!e) throw ValidationError.field('end', 'Expected an ISO date YYYY-MM-DD', 'invalid_date');
  const startDay = daysFromCivil(s.year, s.month, s.day);
  const endDay = daysFromCivil(e.year, e.month, e.day);
  const actualDays = endDay - startDay;
  if (actualDays < 0) {
    throw ValidationError.field('end', `The period ends (${end}) before it starts (${start})`, 'too_small');
  }
  const base = { dayCount, start, end, actualDays };
  switch (dayCount) {
    case 'ACT/365':
      return { ...base, days: actualDays, numerator: actualDays, denominator: 365 };
    case 'ACT/360':
      return { ...base, days: actualDays, numerator: actualDays, denominator: 360 };
    case 'ACT/364':
      return { ...base, days: actualDays, numerator: actualDays, denominator: 364 };
    case '30/360':
    case '30E/360': {
      let d1 = s.day;
      let d2 = e.day;
      if (d1 === 31) d1 = 30;
      if (d2 === 31 && (dayCount === '30E/360' || d1 === 30)) d2 = 30;
      const days = 360 * (e.year - s.year) + 30 * (e.month - s.month) + (d2 - d1);
      return { ...base, days, numerator: days, denominator: 360 };
    }
    case 'ACT/ACT': {
      let leapDays = 0;
      let otherDays = 0;
      for (let year = s.year; year <= e.year; year += 1) {
        const from = year === s.year ? startDay : daysFromCivil(year, 1, 1);
        const to = year === e.year ? endDay : daysFromCivil(year + 1, 1, 1);
        if (isLeapYear(year)) leapDays += to - from;
        else otherDays += to - from;
      }
      return {
        ...base,
        days: actualDays,
        numerator: otherDays * 366 + leapDays * 365,
        denominator: ACT_ACT_DENOMINATOR,
      };
    }
    default:
      throw ValidationError.field(
        'dayCount',
        `Expected a day count (${DAY_COUNTS.join(', ')}), got ${JSON.stringify(String(dayCount))}`,
        'invalid_enum_value',
      );
  }
}

/**
 * The year fraction of a period as a decimal (40 significant digits): `numerator / denominator`
 * of {@link dayCountFraction}.
 *
 * @example
 * yearFraction('2024-01-01', '2025-01-01', 'ACT/ACT').toString() // '1'
 * yearFraction('2024-01-01', '2024-07-01', 'ACT/360').toString() // '0.5055555555555555555555555555555555555556'
 */
export function yearFraction(start: IsoDate, end: IsoDate, dayCount: DayCount): Decimal {
  const f = dayCountFraction(start, end, dayCount);
  return toDecimal(f.numerator).div(f.denominator);
}

/**
 * The days in the year a day-count convention divides by, for a period starting on `start`: 365,
 * 360 or 364; for ACT/ACT the length of the calendar year of `start` (a one-day accrual on a date
 * in 2024 is 1/366 of a year).
 *
 * @example
 * daysInBasisYear('ACT/ACT', '2024-06-30') // 366
 * daysInBasisYear('ACT/360', '2024-06-30') // 360
 */
export function daysInBasisYear(dayCount: DayCount, start: IsoDate): number {
  switch (dayCount) {
    case 'ACT/365':
      return 365;
    case 'ACT/364':
      return 364;
    case 'ACT/ACT': {
      const parts = parseIsoDate(start);
      if (!parts) throw ValidationError.field('start', 'Expected an ISO date YYYY-MM-DD', 'invalid_date');
      return daysInYear(parts.year);
    }
    default:
      if (!(DAY_COUNTS as readonly string[]).includes(dayCount)) {
        throw ValidationError.field('dayCount', `Unknown day count ${JSON.stringify(String(dayCount))}`);
      }
      return 360;
  }
}
