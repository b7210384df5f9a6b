import { z } from 'zod';
import { ValidationError } from '../errors.js';
import { parseInput } from '../validation.js';
import { type BusinessCalendar, createBusinessCalendar } from './business-calendar.js';
import { CHINA_HOLIDAYS, chinaHolidayYearSchema } from './china-holidays.js';
import {
  dayHoursSchema,
  holidaySchema,
  timeZoneSchema,
  weeklyHoursSchema,
  workdaySchema,
} from './schemas.js';

const NINE_TO_SIX = [{ start: '09:00', end: '18:00' }];

/**
 * Options of {@link chinaCalendar}.
 *
 * @example
 * chinaCalendarOptionsSchema.parse({ weekly: { monday: [{ start: '08:30', end: '17:30' }] } })
 */
export const chinaCalendarOptionsSchema = z
  .object({
    /** Default `Asia/Shanghai`. */
    zone: timeZoneSchema.optional(),
    /** Working hours per weekday; default Monday–Friday 09:00–18:00. */
    weekly: weeklyHoursSchema.optional(),
    /** Hours of a make-up working day; default Monday's. */
    makeUpHours: dayHoursSchema.optional(),
    /** More years of announced data (e.g. 2027 once published); a year given here replaces the bundled one. */
    years: z.array(chinaHolidayYearSchema).optional(),
    /** The host's own extra days off (company holidays). */
    holidays: z.array(holidaySchema).optional(),
    /** The host's own extra working days or special hours. */
    workdays: z.array(workdaySchema).optional(),
    name: z.string().optional(),
  })
  .strict();

/**
 * What {@link chinaCalendar} takes.
 *
 * @example
 * const options: ChinaCalendarOptions = { zone: 'Asia/Shanghai' };
 */
export type ChinaCalendarOptions = z.input<typeof chinaCalendarOptionsSchema>;

/**
 * The working calendar of mainland China: Monday–Friday 09:00–18:00 (configurable) in
 * `Asia/Shanghai`, with the public holidays and make-up working days (调休) the State Council
 * announced for 2024–2026 (see `CHINA_HOLIDAYS`). Its range is whole years, and they must be
 * consecutive: a date in a year without data throws `CALENDAR_OUT_OF_RANGE`.
 *
 * @example
 * const cal = chinaCalendar();
 * cal.isWorkingDay('2025-10-11'); // true — a Saturday worked for the National Day holiday
 * cal.addWorkingDays('2025-09-30', 1); // '2025-10-09'
 */
export function chinaCalendar(options: ChinaCalendarOptions = {}): BusinessCalendar {
  const parsed = parseInput(chinaCalendarOptionsSchema, options, 'options');
  const byYear = new Map(CHINA_HOLIDAYS.map((year) => [year.year, year]));
  for (const year of parsed.years ?? []) byYear.set(year.year, year);
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const first = years[0] as number;
  const last = years[years.length - 1] as number;
  for (let year = first; year <= last; year++)
    if (!byYear.has(year))
      throw ValidationError.field(
        ['options', 'years'],
        `No holiday data for ${year}: the loaded years must be consecutive`,
      );
  const data = years.map((year) => byYear.get(year) as (typeof CHINA_HOLIDAYS)[number]);
  const weekly = parsed.weekly ?? {
    monday: NINE_TO_SIX,
    tuesday: NINE_TO_SIX,
    wednesday: NINE_TO_SIX,
    thursday: NINE_TO_SIX,
    friday: NINE_TO_SIX,
  };
  const hostWorkdays = new Set((parsed.workdays ?? []).map((workday) => workday.date));
  return createBusinessCalendar({
    name: parsed.name ?? 'china',
    zone: parsed.zone ?? 'Asia/Shanghai',
    range: { from: `${first}-01-01`, to: `${last}-12-31` },
    weekly,
    makeUpHours: parsed.makeUpHours,
    holidays: [
      ...data.flatMap((year) => year.holidays.map(({ from, to, name }) => ({ from, to, name }))),
      ...(parsed.holidays ?? []),
    ],
    workdays: [
      ...data.flatMap((year) => year.workdays.filter((workday) => !hostWorkdays.has(workday.date))),
      ...(parsed.workdays ?? []),
    ],
  });
}
