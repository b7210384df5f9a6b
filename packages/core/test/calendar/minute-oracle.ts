/**
 * A deliberately naive reference for the calendar tests: it reads a definition directly and
 * steps minute by minute, finding each minute's wall time through `Intl.DateTimeFormat` (not
 * through the offsets the calendar uses). Test-only; not exported from the package.
 */
import { dayNumber, formatDayNumber, isoWeekdayIndex, WEEKDAYS } from '../../src/calendar/local-date.js';
import { minutesOfTime, type ParsedBusinessCalendarDefinition } from '../../src/calendar/schemas.js';

const MINUTE = 60_000;

export interface Oracle {
  isWorkingMinute(instant: number): boolean;
  minutesBetween(from: number, to: number): number;
  addMinutes(from: number, minutes: number): number;
}

export function minuteOracle(definition: ParsedBusinessCalendarDefinition): Oracle {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: definition.zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  const off = new Set<string>();
  for (const holiday of definition.holidays) {
    const from = dayNumber('date' in holiday ? holiday.date : holiday.from) as number;
    const to = dayNumber('date' in holiday ? holiday.date : holiday.to) as number;
    for (let day = from; day <= to; day++) off.add(formatDayNumber(day));
  }
  const makeUp = definition.makeUpHours ?? definition.weekly.monday ?? [];
  const worked = new Map(definition.workdays.map((w) => [w.date, w.hours ?? makeUp]));
  const cache = new Map<number, { date: string; minute: number }>();
  const wall = (instant: number) => {
    const bucket = Math.floor(instant / (15 * MINUTE)) * 15 * MINUTE;
    let base = cache.get(bucket);
    if (!base) {
      const parts = Object.fromEntries(format.formatToParts(new Date(bucket)).map((p) => [p.type, p.value]));
      base = {
        date: `${parts.year}-${parts.month}-${parts.day}`,
        minute: Number(parts.hour) * 60 + Number(parts.minute),
      };
      cache.set(bucket, base);
    }
    return { date: base.date, minute: base.minute + (instant - bucket) / MINUTE };
  };
  const isWorkingMinute = (instant: number) => {
    const { date, minute } = wall(instant);
    const hours =
      worked.get(date) ??
      (off.has(date)
        ? []
        : (definition.weekly[WEEKDAYS[isoWeekdayIndex(dayNumber(date) as number)] as 'monday'] ?? []));
    return hours.some((h) => minutesOfTime(h.start) <= minute && minute < minutesOfTime(h.end));
  };
  return {
    isWorkingMinute,
    minutesBetween(from, to) {
      let count = 0;
      for (let t = from; t < to; t += MINUTE) if (isWorkingMinute(t)) count++;
      return count;
    },
    addMinutes(from, minutes) {
      let t = from;
      let left = minutes;
      while (left > 0) {
        if (isWorkingMinute(t)) left--;
        t += MINUTE;
      }
      return t;
    },
  };
}
