import { z } from 'zod';
import { dayNumber, WEEKDAYS } from './local-date.js';
import { isTimeZone } from './zone.js';

const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

/**
 * Minutes after midnight of an `'HH:MM'` time (`'24:00'` is 1440).
 *
 * @example
 * minutesOfTime('13:30') // 810
 */
export function minutesOfTime(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/**
 * A calendar date, `'YYYY-MM-DD'`, that exists (`'2025-02-29'` is rejected).
 *
 * @example
 * localDateSchema.parse('2025-10-11')
 */
export const localDateSchema = z
  .string()
  .refine((value) => dayNumber(value) !== null, { message: 'Expected a real date as YYYY-MM-DD' });

/**
 * A wall-clock time `'HH:MM'` from `'00:00'` to `'24:00'`.
 *
 * @example
 * timeOfDaySchema.parse('13:30')
 */
export const timeOfDaySchema = z
  .string()
  .regex(TIME_PATTERN, 'Expected a time as HH:MM between 00:00 and 24:00');

/**
 * An IANA time-zone name the runtime knows (`'Asia/Shanghai'`, `'Europe/Berlin'`) or a UTC offset (`'+08:00'`).
 *
 * @example
 * timeZoneSchema.parse('Asia/Shanghai')
 */
export const timeZoneSchema = z
  .string()
  .min(1)
  .refine(isTimeZone, { message: 'Expected an IANA time zone such as "Asia/Shanghai"' });

/**
 * One working interval of a day, `start` inclusive and `end` exclusive, in the calendar's zone.
 *
 * @example
 * workingIntervalSchema.parse({ start: '09:00', end: '12:00' })
 */
export const workingIntervalSchema = z
  .object({ start: timeOfDaySchema, end: timeOfDaySchema })
  .refine((interval) => minutesOfTime(interval.start) < minutesOfTime(interval.end), {
    message: 'start must be before end',
    path: ['end'],
  });

/**
 * The working intervals of one day: sorted, not overlapping (may be empty: a day off).
 *
 * @example
 * dayHoursSchema.parse([{ start: '09:00', end: '12:00' }, { start: '13:00', end: '18:00' }])
 */
export const dayHoursSchema = z.array(workingIntervalSchema).superRefine((intervals, ctx) => {
  for (let i = 1; i < intervals.length; i++) {
    const previous = intervals[i - 1];
    const current = intervals[i];
    if (previous && current && minutesOfTime(current.start) < minutesOfTime(previous.end))
      ctx.addIssue({
        code: 'custom',
        message: 'Intervals must be sorted and must not overlap',
        path: [i, 'start'],
      });
  }
});

/**
 * Working hours per weekday; a weekday that is missing has no working hours.
 *
 * @example
 * weeklyHoursSchema.parse({ monday: [{ start: '09:00', end: '18:00' }] })
 */
export const weeklyHoursSchema = z.object(
  Object.fromEntries(WEEKDAYS.map((day) => [day, dayHoursSchema.optional()])) as Record<
    (typeof WEEKDAYS)[number],
    z.ZodOptional<typeof dayHoursSchema>
  >,
);

/**
 * A day off: one date, or an inclusive range `from`..`to`.
 *
 * @example
 * holidaySchema.parse({ from: '2025-10-01', to: '2025-10-08', name: '国庆节、中秋节' })
 */
export const holidaySchema = z.union([
  z.object({ date: localDateSchema, name: z.string().optional() }).strict(),
  z
    .object({ from: localDateSchema, to: localDateSchema, name: z.string().optional() })
    .strict()
    .refine((range) => (dayNumber(range.from) ?? 0) <= (dayNumber(range.to) ?? 0), {
      message: 'from must not be after to',
      path: ['to'],
    }),
]);

/**
 * A date worked whatever its weekday: a make-up working day (调休上班), or a day with special
 * hours. Without `hours` it works the calendar's `makeUpHours`.
 *
 * @example
 * workdaySchema.parse({ date: '2025-09-28', name: '国庆节、中秋节 调休' })
 */
export const workdaySchema = z.object({
  date: localDateSchema,
  name: z.string().optional(),
  hours: dayHoursSchema.optional(),
});

/**
 * What `createBusinessCalendar` takes. Dates outside `range` (inclusive, in the zone) are not
 * known to the calendar and raise `CALENDAR_OUT_OF_RANGE`.
 *
 * @example
 * businessCalendarDefinitionSchema.parse({
 *   zone: 'Asia/Shanghai',
 *   range: { from: '2025-01-01', to: '2025-12-31' },
 *   weekly: { monday: [{ start: '09:00', end: '18:00' }] },
 * })
 */
export const businessCalendarDefinitionSchema = z
  .object({
    /** IANA zone of every wall time in the definition. Default `Asia/Shanghai`. */
    zone: timeZoneSchema.default('Asia/Shanghai'),
    /** The dates the calendar knows, inclusive. */
    range: z.object({ from: localDateSchema, to: localDateSchema }),
    /** Working hours per weekday. */
    weekly: weeklyHoursSchema,
    /** Days off, whatever their weekday. */
    holidays: z.array(holidaySchema).default([]),
    /** Dates worked whatever their weekday (调休), or with special hours. */
    workdays: z.array(workdaySchema).default([]),
    /** The hours of a workday given without its own; default Monday's hours. */
    makeUpHours: dayHoursSchema.optional(),
    /** A name for messages and errors. */
    name: z.string().optional(),
  })
  .superRefine((definition, ctx) => {
    const from = dayNumber(definition.range.from);
    const to = dayNumber(definition.range.to);
    if (from === null || to === null) return;
    if (from > to)
      ctx.addIssue({ code: 'custom', message: 'from must not be after to', path: ['range', 'to'] });
    if (to - from > 366 * 200)
      ctx.addIssue({ code: 'custom', message: 'A calendar spans at most 200 years', path: ['range', 'to'] });
    const off = new Set<number>();
    definition.holidays.forEach((holiday, index) => {
      const first = dayNumber('date' in holiday ? holiday.date : holiday.from);
      const last = dayNumber('date' in holiday ? holiday.date : holiday.to);
      if (first === null || last === null) return;
      if (first < from || last > to)
        ctx.addIssue({ code: 'custom', message: 'Holiday lies outside range', path: ['holidays', index] });
      for (let day = first; day <= last; day++) off.add(day);
    });
    const worked = new Set<number>();
    definition.workdays.forEach((workday, index) => {
      const day = dayNumber(workday.date);
      if (day === null) return;
      if (day < from || day > to)
        ctx.addIssue({
          code: 'custom',
          message: 'Workday lies outside range',
          path: ['workdays', index, 'date'],
        });
      if (off.has(day))
        ctx.addIssue({
          code: 'custom',
          message: `${workday.date} is both a holiday and a workday`,
          path: ['workdays', index, 'date'],
        });
      if (worked.has(day))
        ctx.addIssue({
          code: 'custom',
          message: `${workday.date} is listed twice`,
          path: ['workdays', index, 'date'],
        });
      worked.add(day);
      if (!workday.hours && !definition.makeUpHours && !(definition.weekly.monday?.length ?? 0))
        ctx.addIssue({
          code: 'custom',
          message: 'A workday without hours needs makeUpHours (or Monday hours)',
          path: ['workdays', index, 'hours'],
        });
    });
  });

/**
 * A calendar definition as written by a host (defaults not yet applied).
 *
 * @example
 * const definition: BusinessCalendarDefinition = { range: { from: '2025-01-01', to: '2025-12-31' }, weekly: {} };
 */
export type BusinessCalendarDefinition = z.input<typeof businessCalendarDefinitionSchema>;

/**
 * A calendar definition after validation, with defaults applied.
 *
 * @example
 * const parsed: ParsedBusinessCalendarDefinition = businessCalendarDefinitionSchema.parse(definition);
 */
export type ParsedBusinessCalendarDefinition = z.output<typeof businessCalendarDefinitionSchema>;

/**
 * One working interval: `{ start: '09:00', end: '18:00' }`.
 *
 * @example
 * const morning: WorkingInterval = { start: '09:00', end: '12:00' };
 */
export type WorkingInterval = z.output<typeof workingIntervalSchema>;

/**
 * Working hours per weekday.
 *
 * @example
 * const hours: WeeklyHours = { monday: [{ start: '09:00', end: '18:00' }] };
 */
export type WeeklyHours = z.input<typeof weeklyHoursSchema>;

/**
 * An amount of business time to add: working `days`, then `hours` and `minutes` of working
 * time. All non-negative; `days` whole.
 *
 * @example
 * businessDurationSchema.parse({ hours: 24 })
 */
export const businessDurationSchema = z
  .object({
    days: z.number().int().min(0).max(100_000).optional(),
    hours: z.number().finite().min(0).max(10_000_000).optional(),
    minutes: z.number().finite().min(0).max(600_000_000).optional(),
  })
  .strict();

/**
 * What `addBusinessTime` takes: a duration object, or a number of minutes.
 *
 * @example
 * const d: BusinessDuration = { days: 1 };
 */
export type BusinessDuration = z.input<typeof businessDurationSchema> | number;

/**
 * An instant a calendar method takes: a valid `Date`, ISO text or epoch milliseconds.
 *
 * @example
 * instantSchema.parse('2025-09-30T10:00:00+08:00')
 */
export const instantSchema = z.union([
  z.date().refine((date) => Number.isFinite(date.getTime()), { message: 'Invalid Date' }),
  z.number().finite(),
  z.string().refine((text) => Number.isFinite(Date.parse(text)), { message: 'Expected an ISO instant' }),
]);

/**
 * An instant as calendar methods accept it.
 *
 * @example
 * const at: InstantInput = new Date('2025-09-30T02:00:00Z');
 */
export type InstantInput = Date | number | string;
