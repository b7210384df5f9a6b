import { ValidationError } from '@s2b2b/core';

/**
 * A calendar date as an ISO 8601 string `YYYY-MM-DD` (years 1–9999). Loan dates — disbursement,
 * due dates, the day interest is accrued to — are calendar dates, not instants: every function
 * of this package returns them in this form.
 *
 * @example
 * const due: IsoDate = '2024-02-29'
 */
export type IsoDate = string;

/**
 * A date as callers pass it: an {@link IsoDate} string, or a `Date` instant, which is read as
 * the calendar date it falls on in a time zone (default `Asia/Shanghai`).
 *
 * @example
 * const a: DateInput = '2024-01-31'
 * const b: DateInput = new Date('2024-01-31T16:30:00Z') // 2024-02-01 in Shanghai
 */
export type DateInput = Date | IsoDate;

/**
 * The zone `Date` instants are read in when none is given.
 *
 * @example
 * calendarDate(new Date('2024-01-31T16:30:00Z'), DEFAULT_ZONE) // '2024-02-01'
 */
export const DEFAULT_ZONE = 'Asia/Shanghai';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MIN_EPOCH_DAY = -719_162; // 0001-01-01
const MAX_EPOCH_DAY = 2_932_896; // 9999-12-31

/**
 * Whether a year of the proleptic Gregorian calendar has 366 days (divisible by 4, except
 * centuries not divisible by 400).
 *
 * @example
 * isLeapYear(2024) // true
 * isLeapYear(1900) // false
 * isLeapYear(2000) // true
 */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Days in a year: 366 in a leap year, else 365.
 *
 * @example
 * daysInYear(2024) // 366
 */
export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

/**
 * Days in a month (`month` 1–12).
 *
 * @example
 * daysInMonth(2024, 2) // 29
 * daysInMonth(2025, 2) // 28
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Year, month (1–12) and day of an ISO date, or `undefined` when the text is not a real date
 * (`2023-02-29`, `2024-13-01`, `2024-1-1` are not).
 *
 * @example
 * parseIsoDate('2024-02-29') // { year: 2024, month: 2, day: 29 }
 * parseIsoDate('2023-02-29') // undefined
 */
export function parseIsoDate(text: string): { year: number; month: number; day: number } | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/**
 * Whether a value is an {@link IsoDate}: a `YYYY-MM-DD` string naming a real date.
 *
 * @example
 * isIsoDate('2024-02-29') // true
 * isIsoDate('2024-02-30') // false
 */
export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && parseIsoDate(value) !== undefined;
}

/**
 * The number of days from 1970-01-01 to a date (negative before it).
 *
 * @throws ValidationError on `field` (default `date`) when the text is not an ISO date
 * @example
 * epochDay('1970-01-02') // 1
 * epochDay('2024-03-01') - epochDay('2024-02-01') // 29
 */
export function epochDay(date: IsoDate, field: string | (string | number)[] = 'date'): number {
  const parts = parseIsoDate(date);
  if (!parts) throw invalidDate(field, date);
  return daysFromCivil(parts.year, parts.month, parts.day);
}

/**
 * Days from 1970-01-01 to a proleptic Gregorian date given as numbers (month 1–12), in integer
 * arithmetic over 400-year eras; no validation (use {@link epochDay} for text).
 *
 * @example
 * daysFromCivil(2024, 2, 29) // 19782
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/**
 * The ISO date a number of days after 1970-01-01.
 *
 * @throws ValidationError on `day` outside 0001-01-01 … 9999-12-31
 * @example
 * fromEpochDay(0) // '1970-01-01'
 * fromEpochDay(19_782) // '2024-02-29'
 */
export function fromEpochDay(day: number): IsoDate {
  if (!Number.isInteger(day) || day < MIN_EPOCH_DAY || day > MAX_EPOCH_DAY) {
    throw ValidationError.field('day', `Expected a date between 0001-01-01 and 9999-12-31`, 'out_of_range');
  }
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const d = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return format(yearOfEra + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

function format(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Actual days from `start` to `end` (negative when `end` is earlier).
 *
 * @example
 * daysBetween('2024-02-01', '2024-03-01') // 29
 * daysBetween('2023-12-31', '2024-01-01') // 1
 */
export function daysBetween(start: IsoDate, end: IsoDate): number {
  return epochDay(end, 'end') - epochDay(start, 'start');
}

/**
 * The date `days` days later (earlier when negative).
 *
 * @example
 * addDays('2024-02-28', 1) // '2024-02-29'
 * addDays('2024-12-31', 1) // '2025-01-01'
 */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(epochDay(date) + days);
}

/**
 * The same day of the month `months` months later, clamped to the end of a shorter month
 * (2024-01-31 + 1 month = 2024-02-29). Always count from the original anchor date — adding one
 * month twice from Jan 31 gives Mar 29, adding two gives Mar 31.
 *
 * @example
 * addMonths('2024-01-31', 1) // '2024-02-29'
 * addMonths('2024-01-31', 2) // '2024-03-31'
 * addMonths('2024-11-15', 3) // '2025-02-15'
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const parts = parseIsoDate(date);
  if (!parts) throw invalidDate('date', date);
  if (!Number.isInteger(months)) throw ValidationError.field('months', 'Expected an integer', 'invalid_type');
  const index = parts.year * 12 + (parts.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  if (year < 1 || year > 9999) {
    throw ValidationError.field(
      'months',
      `Expected a date between 0001-01-01 and 9999-12-31`,
      'out_of_range',
    );
  }
  return format(year, month, Math.min(parts.day, daysInMonth(year, month)));
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      calendar: 'gregory',
      numberingSystem: 'latn',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/**
 * Whether `zone` is an IANA time zone the runtime knows (`Asia/Shanghai`, `UTC`, `+08:00` is not
 * accepted).
 *
 * @example
 * isTimeZone('Asia/Shanghai') // true
 * isTimeZone('Mars/Olympus') // false
 */
export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || zone.length === 0 || zone.length > 100) return false;
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The calendar date of a {@link DateInput}: an ISO date string is checked and returned as is; a
 * `Date` is read as the date it falls on in `zone` (default `Asia/Shanghai`, where 2024-01-31T16:30Z
 * is already 1 February).
 *
 * @param value - an ISO date or a `Date`
 * @param zone - IANA time zone for `Date` values
 * @param field - the field named in the `ValidationError`
 * @throws ValidationError on `field` for an invalid date or `Date`, on `zone` for an unknown zone
 * @example
 * calendarDate('2024-02-29') // '2024-02-29'
 * calendarDate(new Date('2024-01-31T16:30:00Z')) // '2024-02-01'
 * calendarDate(new Date('2024-01-31T16:30:00Z'), 'UTC') // '2024-01-31'
 */
export function calendarDate(
  value: DateInput,
  zone: string = DEFAULT_ZONE,
  field: string | (string | number)[] = 'date',
): IsoDate {
  if (typeof value === 'string') {
    if (!parseIsoDate(value)) throw invalidDate(field, value);
    return value;
  }
  if (!(value instanceof Date) || !Number.isFinite(value.getTime())) {
    throw ValidationError.field(field, 'Expected an ISO date (YYYY-MM-DD) or a valid Date', 'invalid_date');
  }
  if (!isTimeZone(zone)) {
    throw ValidationError.field('zone', `Unknown time zone ${JSON.stringify(String(zone))}`, 'invalid_zone');
  }
  const parts = formatterFor(zone).formatToParts(value);
  const pick = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const year = pick('year');
  const month = pick('month');
  const day = pick('day');
  if (!(year >= 1 && year <= 9999)) {
    throw ValidationError.field(field, 'Expected a date between 0001-01-01 and 9999-12-31', 'out_of_range');
  }
  return format(year, month, day);
}

function invalidDate(field: string | (string | number)[], value: unknown): ValidationError {
  return ValidationError.field(
    field,
    `Expected an ISO date YYYY-MM-DD naming a real day, got ${JSON.stringify(String(value).slice(0, 40))}`,
    'invalid_date',
  );
}
