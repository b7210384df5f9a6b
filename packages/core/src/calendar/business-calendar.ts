import { ValidationError } from '../errors.js';
import { parseInput } from '../validation.js';
import { calendarOutOfRange } from './errors.js';
import { dayNumber, formatDayNumber, isoWeekdayIndex, WEEKDAYS } from './local-date.js';
import {
  type BusinessCalendarDefinition,
  type BusinessDuration,
  businessCalendarDefinitionSchema,
  businessDurationSchema,
  type InstantInput,
  instantSchema,
  localDateSchema,
  minutesOfTime,
  type ParsedBusinessCalendarDefinition,
  type WorkingInterval,
} from './schemas.js';
import { buildTimeline, instantAt, lastAtOrBefore, positionOf, type Timeline } from './timeline.js';
import { zonedInstant } from './zone.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

/**
 * The unit `businessTimeBetween` reports in.
 *
 * @example
 * calendar.businessTimeBetween(a, b, 'hours')
 */
export type BusinessTimeUnit = 'milliseconds' | 'minutes' | 'hours';

/**
 * A working calendar in one IANA zone: working hours per weekday, holidays, make-up working
 * days (调休) and special hours, over a loaded range of dates. Every method is O(log n) on a
 * precomputed index; asking about a date outside the range throws `CALENDAR_OUT_OF_RANGE`.
 * Intervals are half-open: `09:00–18:00` works at 09:00 and not at 18:00.
 *
 * @example
 * const cal = chinaCalendar();
 * cal.addBusinessTime('2025-09-30T10:00:00+08:00', { days: 1 }); // 2025-10-09T10:00+08:00
 */
export interface BusinessCalendar {
  /** The calendar's name (for messages). */
  readonly name: string;
  /** Its IANA zone. */
  readonly zone: string;
  /** The dates it has data for, inclusive. */
  readonly range: { readonly from: string; readonly to: string };
  /** The validated definition it was built from. */
  readonly definition: ParsedBusinessCalendarDefinition;
  /** Whether a date (`'YYYY-MM-DD'`, or the local date of an instant) has working hours. */
  isWorkingDay(date: InstantInput): boolean;
  /** Whether an instant lies inside a working interval. */
  isWorkingTime(instant: InstantInput): boolean;
  /** The instant itself when it is working time, else the start of the next working interval. */
  nextWorkingTime(instant: InstantInput): Date;
  /**
   * `start` plus business time: first `days` working days — the same working time into the
   * target day as `start` is into its own day (an opening instant stays an opening, a shorter
   * day clamps to its close; from a day off, before the opening or after the close, the close
   * of the target day) — then `hours` and `minutes` of working time, ending at the earliest
   * instant at which they have elapsed. A number is minutes. A positive duration never ends in
   * off-hours: the result is inside a working interval or on its closing instant.
   */
  addBusinessTime(start: InstantInput, duration: BusinessDuration): Date;
  /** Working time from `from` to `to` (negative when `to` is earlier); default minutes. */
  businessTimeBetween(from: InstantInput, to: InstantInput, unit?: BusinessTimeUnit): number;
  /** The local date (`'YYYY-MM-DD'`) of an instant in the calendar's zone. */
  localDate(instant: InstantInput): string;
  /** The working intervals of a date, as instants. */
  workingIntervalsOn(date: InstantInput): { start: Date; end: Date }[];
  /** The number of working days from `from` to `to`, both inclusive (dates or instants). */
  workingDaysBetween(from: InstantInput, to: InstantInput): number;
  /** The `n`-th working day after a date (`n = 0`: the date itself if working, else the next). */
  addWorkingDays(date: InstantInput, n: number): string;
}

/**
 * Builds a {@link BusinessCalendar} from a definition (validated with
 * `businessCalendarDefinitionSchema`; bad input throws `ValidationError`). Every day of the
 * range is resolved once — holiday, workday override or weekly hours — and its intervals are
 * turned into instants with the zone's real offsets (daylight saving included).
 *
 * @example
 * const cal = createBusinessCalendar({
 *   zone: 'Europe/Berlin',
 *   range: { from: '2026-01-01', to: '2026-12-31' },
 *   weekly: { monday: [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '17:00' }] },
 *   holidays: [{ date: '2026-01-01', name: 'Neujahr' }],
 * });
 * cal.isWorkingDay('2026-01-05'); // true (a Monday)
 */
export function createBusinessCalendar(definition: BusinessCalendarDefinition): BusinessCalendar {
  const parsed = parseInput(businessCalendarDefinitionSchema, definition, 'definition');
  const name = parsed.name ?? 'calendar';
  const zone = parsed.zone;
  const range = Object.freeze({ from: parsed.range.from, to: parsed.range.to });
  const firstDay = dayNumber(range.from) as number;
  const lastDay = dayNumber(range.to) as number;
  const timeline = resolveTimeline(parsed, firstDay, lastDay);
  const rangeStart = timeline.dayStarts[0] as number;
  const rangeEnd = timeline.dayStarts[timeline.dayStarts.length - 1] as number;
  const days = lastDay - firstDay + 1;

  const outside = (what: string) => calendarOutOfRange(name, what, range);

  /** An instant in [range start, range end), or up to the end itself when `endInclusive`. */
  const instantMs = (value: InstantInput, field: string, endInclusive = false): number => {
    const ms = toMs(value);
    if (ms === null) parseInput(instantSchema, value, field);
    const checked = ms as number;
    if (checked < rangeStart || checked > rangeEnd || (checked === rangeEnd && !endInclusive))
      throw outside(new Date(checked).toISOString());
    return checked;
  };

  const dayIndexOf = (value: InstantInput, field: string): number => {
    if (typeof value === 'string' && value.length === 10) {
      const day = dayNumber(value);
      if (day === null) parseInput(localDateSchema, value, field);
      const index = (day as number) - firstDay;
      if (index < 0 || index >= days) throw outside(value);
      return index;
    }
    return lastAtOrBefore(timeline.dayStarts, instantMs(value, field));
  };

  const isWorkday = (dayIndex: number) =>
    (timeline.dayFirst[dayIndex + 1] as number) > (timeline.dayFirst[dayIndex] as number);

  /** `n` working days after instant `t`: the same working time into the target day (see addBusinessTime). */
  const addWorkingDaysFromInstant = (t: number, n: number): number => {
    const day = lastAtOrBefore(timeline.dayStarts, t);
    const opening =
      day < days && isWorkday(day)
        ? (timeline.starts[timeline.dayFirst[day] as number] as number)
        : Number.POSITIVE_INFINITY;
    let j: number;
    let offset: number | 'close';
    if (t >= opening) {
      j = timeline.workdaysBefore[day] as number;
      const length = (timeline.workdayBefore[j + 1] as number) - (timeline.workdayBefore[j] as number);
      const into = positionOf(timeline, t) - (timeline.workdayBefore[j] as number);
      offset = into >= length ? 'close' : into;
    } else {
      // A day off, or before the opening: the clock stands at the close of the previous working day.
      j = (timeline.workdaysBefore[Math.min(day, days)] as number) - 1;
      offset = 'close';
    }
    const target = j + n;
    if (target >= timeline.workdays.length)
      throw outside(`the working day ${n} after ${new Date(t).toISOString()}`);
    const targetDay = timeline.workdays[target] as number;
    const targetStart = timeline.workdayBefore[target] as number;
    const targetLength = (timeline.workdayBefore[target + 1] as number) - targetStart;
    if (offset === 0) return timeline.starts[timeline.dayFirst[targetDay] as number] as number;
    if (offset === 'close' || offset >= targetLength)
      return timeline.ends[(timeline.dayFirst[targetDay + 1] as number) - 1] as number;
    return instantAt(timeline, targetStart + offset);
  };

  const calendar: BusinessCalendar = {
    name,
    zone,
    range,
    definition: parsed,
    isWorkingDay(date) {
      return isWorkday(dayIndexOf(date, 'date'));
    },
    isWorkingTime(instant) {
      const t = instantMs(instant, 'instant');
      const i = lastAtOrBefore(timeline.starts, t);
      return i >= 0 && t < (timeline.ends[i] as number);
    },
    nextWorkingTime(instant) {
      const t = instantMs(instant, 'instant');
      const i = lastAtOrBefore(timeline.starts, t);
      if (i >= 0 && t < (timeline.ends[i] as number)) return new Date(t);
      const next = timeline.starts[i + 1];
      if (next === undefined) throw outside(`the next working time after ${new Date(t).toISOString()}`);
      return new Date(next);
    },
    addBusinessTime(start, duration) {
      const t = instantMs(start, 'start', true);
      const { days: n, ms } = durationParts(duration);
      if (n === 0 && ms === 0) return new Date(t);
      const afterDays = n === 0 ? t : addWorkingDaysFromInstant(t, n);
      if (ms === 0) return new Date(afterDays);
      const position = positionOf(timeline, afterDays) + ms;
      if (position > timeline.total)
        throw outside(`the end of ${formatDuration(duration)} after ${new Date(t).toISOString()}`);
      return new Date(instantAt(timeline, position));
    },
    businessTimeBetween(from, to, unit = 'minutes') {
      const a = instantMs(from, 'from', true);
      const b = instantMs(to, 'to', true);
      const ms = positionOf(timeline, b) - positionOf(timeline, a);
      if (unit === 'minutes') return ms / MINUTE_MS;
      if (unit === 'hours') return ms / HOUR_MS;
      if (unit === 'milliseconds') return ms;
      throw ValidationError.field('unit', 'Expected milliseconds, minutes or hours');
    },
    localDate(instant) {
      return formatDayNumber(firstDay + dayIndexOf(instant, 'instant'));
    },
    workingIntervalsOn(date) {
      const day = dayIndexOf(date, 'date');
      const result: { start: Date; end: Date }[] = [];
      for (let i = timeline.dayFirst[day] as number; i < (timeline.dayFirst[day + 1] as number); i++)
        result.push({
          start: new Date(timeline.starts[i] as number),
          end: new Date(timeline.ends[i] as number),
        });
      return result;
    },
    workingDaysBetween(from, to) {
      const a = dayIndexOf(from, 'from');
      const b = dayIndexOf(to, 'to');
      if (b < a) return 0;
      return (timeline.workdaysBefore[b + 1] as number) - (timeline.workdaysBefore[a] as number);
    },
    addWorkingDays(date, n) {
      if (!Number.isInteger(n) || n < 0)
        throw ValidationError.field('n', 'Expected a whole number of working days >= 0');
      const day = dayIndexOf(date, 'date');
      // Working days strictly before `day`, so the date itself is number 0 when it works.
      const k = (timeline.workdaysBefore[day] as number) + n - (n > 0 && !isWorkday(day) ? 1 : 0);
      const target = timeline.workdays[k];
      if (target === undefined)
        throw outside(`the working day ${n} after ${formatDayNumber(firstDay + day)}`);
      return formatDayNumber(firstDay + target);
    },
  };
  return Object.freeze(calendar);
}

function resolveTimeline(
  parsed: ParsedBusinessCalendarDefinition,
  firstDay: number,
  lastDay: number,
): Timeline {
  const zone = parsed.zone;
  const days = lastDay - firstDay + 1;
  const off = new Uint8Array(days);
  for (const holiday of parsed.holidays) {
    const from = dayNumber('date' in holiday ? holiday.date : holiday.from) as number;
    const to = dayNumber('date' in holiday ? holiday.date : holiday.to) as number;
    for (let day = from; day <= to; day++) off[day - firstDay] = 1;
  }
  const makeUp = parsed.makeUpHours ?? parsed.weekly.monday ?? [];
  const overrides = new Map<number, WorkingInterval[]>();
  for (const workday of parsed.workdays)
    overrides.set(dayNumber(workday.date) as number, workday.hours ?? makeUp);

  const dayStarts: number[] = [];
  const dayIntervals: (readonly [number, number])[][] = [];
  for (let day = firstDay; day <= lastDay + 1; day++) dayStarts.push(zonedInstant(zone, day, 0));
  for (let day = firstDay; day <= lastDay; day++) {
    const hours =
      overrides.get(day) ??
      (off[day - firstDay]
        ? []
        : (parsed.weekly[WEEKDAYS[isoWeekdayIndex(day)] as (typeof WEEKDAYS)[number]] ?? []));
    const intervals: [number, number][] = [];
    let floor = dayStarts[day - firstDay] as number;
    const ceiling = dayStarts[day - firstDay + 1] as number;
    for (const interval of hours) {
      const start = Math.max(floor, zonedInstant(zone, day, minutesOfTime(interval.start)));
      const end = Math.min(ceiling, zonedInstant(zone, day, minutesOfTime(interval.end)));
      if (end > start) {
        intervals.push([start, end]);
        floor = end;
      }
    }
    dayIntervals.push(intervals);
  }
  return buildTimeline(dayStarts, dayIntervals);
}

function toMs(value: InstantInput): number | null {
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isFinite(ms) ? ms : null;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') {
    const ms = Date.parse(value);
    return Number.isFinite(ms) ? ms : null;
  }
  return null;
}

function durationParts(duration: BusinessDuration): { days: number; ms: number } {
  if (typeof duration === 'number') {
    if (Number.isFinite(duration) && duration >= 0 && duration <= 600_000_000)
      return { days: 0, ms: Math.round(duration * MINUTE_MS) };
    throw ValidationError.field('duration', 'Expected a non-negative number of minutes');
  }
  const parsed = parseInput(businessDurationSchema, duration, 'duration');
  return {
    days: parsed.days ?? 0,
    ms: Math.round((parsed.hours ?? 0) * HOUR_MS + (parsed.minutes ?? 0) * MINUTE_MS),
  };
}

function formatDuration(duration: BusinessDuration): string {
  return typeof duration === 'number' ? `${duration} minutes` : JSON.stringify(duration);
}
