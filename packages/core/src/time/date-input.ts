import { z } from 'zod';
import { isTimeZone, parseDay } from './civil-day.js';

/**
 * An IANA time zone name (or a UTC offset such as `+08:00`) the runtime knows.
 *
 * @example
 * zoneSchema.parse('Asia/Shanghai')
 */
export const zoneSchema = z.string().refine(isTimeZone, 'Expected an IANA time zone such as "Asia/Shanghai"');

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Whether `value` is a date input: a valid `Date`, a real calendar date `YYYY-MM-DD`, or an ISO
 * 8601 date-time with `Z` or an offset. The predicate behind {@link dateInputSchema}.
 *
 * @example
 * isDateInput('2026-02-30') // false
 */
export function isDateInput(value: unknown): value is Date | string {
  if (value instanceof Date) return !Number.isNaN(value.getTime());
  if (typeof value !== 'string') return false;
  if (value.length === 10) return parseDay(value) !== null;
  return ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
}

/**
 * A day or an instant: a `Date`, a calendar date `YYYY-MM-DD` (a day in the zone of the call), or
 * an ISO 8601 date-time with `Z` or an offset (an instant).
 *
 * @example
 * dateInputSchema.parse('1997-09-30')
 */
export const dateInputSchema = z.custom<Date | string>(
  isDateInput,
  'Expected a Date, a calendar date YYYY-MM-DD or an ISO date-time with an offset',
);

/**
 * A value of {@link dateInputSchema}.
 *
 * @example
 * const end: DateInput = '1997-09-30';
 */
export type DateInput = Date | string;
