import { tz } from '@date-fns/tz';
import {
  addDays,
  addMonths,
  addQuarters,
  addWeeks,
  addYears,
  differenceInCalendarDays,
  differenceInCalendarISOWeeks,
  differenceInCalendarMonths,
  differenceInCalendarQuarters,
  differenceInCalendarYears,
  startOfDay,
  startOfISOWeek,
  startOfMonth,
  startOfQuarter,
  startOfYear,
} from 'date-fns';
import { z } from 'zod';

/**
 * The calendar periods capacity and scorecards count in: days, ISO weeks (Monday first),
 * months, quarters and years, in a time zone.
 *
 * @example
 * PERIODS.includes('month') // true
 */
export const PERIODS = Object.freeze(['day', 'week', 'month', 'quarter', 'year'] as const);

/**
 * One of {@link PERIODS}.
 *
 * @example
 * const period: Period = 'month';
 */
export type Period = (typeof PERIODS)[number];

/**
 * A {@link Period} in input.
 *
 * @example
 * periodSchema.parse('week') // 'week'
 */
export const periodSchema = z.enum(PERIODS);

const START = {
  day: startOfDay,
  week: startOfISOWeek,
  month: startOfMonth,
  quarter: startOfQuarter,
  year: startOfYear,
} as const;

const ADD = { day: addDays, week: addWeeks, month: addMonths, quarter: addQuarters, year: addYears } as const;

const DIFFERENCE = {
  day: differenceInCalendarDays,
  week: differenceInCalendarISOWeeks,
  month: differenceInCalendarMonths,
  quarter: differenceInCalendarQuarters,
  year: differenceInCalendarYears,
} as const;

/**
 * The start of the period that contains `at`, in `zone`, as a UTC instant.
 *
 * @example
 * periodStart(new Date('2026-03-31T17:00:00Z'), 'month', 'Asia/Shanghai').toISOString()
 * // '2026-03-31T16:00:00.000Z' (1 April 00:00 in Shanghai)
 */
export function periodStart(at: Date, period: Period, zone: string): Date {
  return new Date(START[period](at, { in: tz(zone) }).getTime());
}

/**
 * The start of the period `count` periods after the one that starts at `start` (negative:
 * before), in `zone`.
 *
 * @example
 * addPeriods(periodStart(new Date('2026-03-10T00:00:00Z'), 'month', 'UTC'), 'month', 1, 'UTC').toISOString()
 * // '2026-04-01T00:00:00.000Z'
 */
export function addPeriods(start: Date, period: Period, count: number, zone: string): Date {
  return new Date(ADD[period](start, count, { in: tz(zone) }).getTime());
}

/**
 * How many whole periods the period containing `earlier` lies before the one containing
 * `later`: 0 for the same period, 1 for the previous one.
 *
 * @example
 * periodsBetween(new Date('2026-01-15T00:00:00Z'), new Date('2026-03-01T00:00:00Z'), 'month', 'UTC') // 2
 */
export function periodsBetween(earlier: Date, later: Date, period: Period, zone: string): number {
  return DIFFERENCE[period](later, earlier, { in: tz(zone) });
}
