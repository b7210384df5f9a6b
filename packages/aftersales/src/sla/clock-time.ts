import { DomainError } from '@s2b2b/core';
import type { SlaCalendars, SlaClock } from './clock.js';

/**
 * The code thrown when a clock names a calendar the service was not given.
 *
 * @example
 * isS2b2bError(error, UNKNOWN_CALENDAR)
 */
export const UNKNOWN_CALENDAR = 'UNKNOWN_CALENDAR';

function calendarOf(clock: Pick<SlaClock, 'calendar' | 'metric'>, calendars: SlaCalendars) {
  const calendar = calendars[clock.calendar];
  if (!calendar)
    throw new DomainError(
      UNKNOWN_CALENDAR,
      `The ${clock.metric} clock counts on calendar ${JSON.stringify(clock.calendar)}, which was not given`,
      {
        calendar: clock.calendar,
        metric: clock.metric,
      },
    );
  return calendar;
}

/**
 * Counted time from `from` to `to` (ms): working time of the clock's calendar, or wall time.
 *
 * @example
 * countedMs(clock, new Date('2025-09-30T01:00:00Z'), new Date('2025-10-09T01:00:00Z'), { default: chinaCalendar() }) // 32_400_000
 */
export function countedMs(
  clock: Pick<SlaClock, 'basis' | 'calendar' | 'metric'>,
  from: Date,
  to: Date,
  calendars: SlaCalendars,
): number {
  if (clock.basis === 'calendar') return to.getTime() - from.getTime();
  return calendarOf(clock, calendars).businessTimeBetween(from, to, 'milliseconds');
}

/**
 * The instant `ms` of counted time after `from` (the earliest, for business time).
 *
 * @example
 * afterCounted(clock, new Date('2025-09-30T02:00:00Z'), 24 * 3_600_000, { default: chinaCalendar() }) // 2025-10-10T08:00Z
 */
export function afterCounted(
  clock: Pick<SlaClock, 'basis' | 'calendar' | 'metric'>,
  from: Date,
  ms: number,
  calendars: SlaCalendars,
): Date {
  if (clock.basis === 'calendar') return new Date(from.getTime() + ms);
  return calendarOf(clock, calendars).addBusinessTime(from, { minutes: ms / 60_000 });
}
