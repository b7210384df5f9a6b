/**
 * Calendar dates without a zone: `'YYYY-MM-DD'` strings and their day numbers (days since
 * 1970-01-01). Pure integer arithmetic on the proleptic Gregorian calendar, so nothing here
 * depends on the host's time zone.
 */

const DAY_MS = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The weekday names a calendar definition uses, Monday first (ISO order).
 *
 * @example
 * WEEKDAYS[5] // 'saturday'
 */
export const WEEKDAYS = Object.freeze([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const);

/**
 * One of {@link WEEKDAYS}.
 *
 * @example
 * const day: Weekday = 'friday';
 */
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * The day number of a `'YYYY-MM-DD'` date (days since 1970-01-01), or `null` when the text is
 * not a real calendar date (`'2025-02-29'`, `'2025-13-01'`).
 *
 * @example
 * dayNumber('1970-01-02') // 1
 * dayNumber('2025-02-29') // null
 */
export function dayNumber(date: string): number | null {
  const match = DATE_PATTERN.exec(date);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day)
    return null;
  return Math.round(ms / DAY_MS);
}

/**
 * The `'YYYY-MM-DD'` text of a day number.
 *
 * @example
 * formatDayNumber(20_361) // '2025-09-30'
 */
export function formatDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The year, month (1-12) and day of month of a day number.
 *
 * @example
 * dayParts(20_361) // { year: 2025, month: 9, day: 30 }
 */
export function dayParts(day: number): { year: number; month: number; day: number } {
  const date = new Date(day * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/**
 * The ISO weekday of a day number: 0 = Monday ... 6 = Sunday (an index into {@link WEEKDAYS}).
 *
 * @example
 * isoWeekdayIndex(dayNumber('2025-10-11')!) // 5 (Saturday)
 */
export function isoWeekdayIndex(day: number): number {
  // 1970-01-01 was a Thursday (index 3).
  return (((day + 3) % 7) + 7) % 7;
}
