import { CHINA_HOLIDAYS } from '@s2b2b/core';
import type { ScenarioCalendar } from './types.js';

const DAY_MS = 86_400_000;

/**
 * The scenario's calendar: two years of history from Monday 2024-11-11 (730 days), then the
 * simulated day, Double 11 of 2026 (a Wednesday). Every day lies inside the years of the bundled
 * China holiday data (2024-2026).
 *
 * @example
 * SCENARIO_CALENDAR.day // '2026-11-11'
 */
export const SCENARIO_CALENDAR: ScenarioCalendar = Object.freeze({
  start: '2024-11-11',
  historyDays: 730,
  day: '2026-11-11',
  zone: 'Asia/Shanghai',
});

/**
 * What a day is for demand: its date parts, whether it is a working day on the China calendar
 * (weekends off, public holidays off, 调休 make-up days on), and which holiday it belongs to.
 *
 * @example
 * const info: DayInfo = dayInfo(730); // { date: '2026-11-11', weekday: 2, working: true, holiday: null, ... }
 */
export interface DayInfo {
  index: number;
  date: string;
  year: number;
  month: number;
  dayOfMonth: number;
  /** 1-366. */
  dayOfYear: number;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  working: boolean;
  /** The holiday's name when the day is inside an announced holiday, e.g. '春节'. */
  holiday: string | null;
  /**
   * Days from the start of the nearest Spring Festival holiday (negative before it) and the
   * holiday's length, or `null` when more than 30 days away.
   */
  springFestival: { offset: number; length: number } | null;
}

/**
 * The ISO date of a day index.
 *
 * @example
 * dateOfDay(730) // '2026-11-11'
 */
export function dateOfDay(index: number, calendar: ScenarioCalendar = SCENARIO_CALENDAR): string {
  return new Date(epochDay(calendar.start) * DAY_MS + index * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The day index of an ISO date (negative before the start).
 *
 * @example
 * dayOfDate('2025-11-11') // 365
 */
export function dayOfDate(date: string, calendar: ScenarioCalendar = SCENARIO_CALENDAR): number {
  return epochDay(date) - epochDay(calendar.start);
}

/**
 * The demand facts of one day index.
 *
 * @example
 * dayInfo(dayOfDate('2026-02-17')).holiday // '春节'
 * dayInfo(dayOfDate('2026-02-14')).working // true (a make-up working Saturday)
 */
export function dayInfo(index: number, calendar: ScenarioCalendar = SCENARIO_CALENDAR): DayInfo {
  const date = dateOfDay(index, calendar);
  const epoch = epochDay(date);
  const [year, month, dayOfMonth] = date.split('-').map(Number) as [number, number, number];
  const weekday = (((epoch + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday
  const holiday = HOLIDAYS.find((h) => epoch >= h.from && epoch <= h.to) ?? null;
  const makeUp = MAKE_UP_DAYS.has(epoch);
  const working = holiday === null && (makeUp || weekday < 5);
  let springFestival: DayInfo['springFestival'] = null;
  for (const h of HOLIDAYS) {
    if (!h.name.includes('春节')) continue;
    const offset = epoch - h.from;
    if (offset >= -30 && offset <= h.to - h.from + 30) springFestival = { offset, length: h.to - h.from + 1 };
  }
  return {
    index,
    date,
    year,
    month,
    dayOfMonth,
    dayOfYear: epoch - epochDay(`${year}-01-01`) + 1,
    weekday,
    working,
    holiday: holiday?.name ?? null,
    springFestival,
  };
}

/**
 * The demand facts of every day of the scenario, history and the simulated day.
 *
 * @example
 * scenarioDays().length // 731
 */
export function scenarioDays(calendar: ScenarioCalendar = SCENARIO_CALENDAR): DayInfo[] {
  return Array.from({ length: calendar.historyDays + 1 }, (_, i) => dayInfo(i, calendar));
}

function epochDay(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

const HOLIDAYS = CHINA_HOLIDAYS.flatMap((year) =>
  year.holidays.map((h) => ({ from: epochDay(h.from), to: epochDay(h.to), name: h.name })),
);
const MAKE_UP_DAYS = new Set(CHINA_HOLIDAYS.flatMap((year) => year.workdays.map((w) => epochDay(w.date))));
