import { TZDate, tz } from '@date-fns/tz';
import { civilDate, dayNumber, formatDay } from '@s2b2b/core';
import { getISOWeek, getISOWeekYear, startOfISOWeek, startOfMonth } from 'date-fns';
import { z } from 'zod';

/**
 * The period grains of the reports.
 *
 * @example
 * grainSchema.parse('week')
 */
export const grainSchema = z.enum(['day', 'week', 'month']);

/**
 * One of {@link grainSchema}: calendar days, ISO weeks (Monday to Sunday) or calendar months, all
 * in the report's zone.
 *
 * @example
 * const grain: Grain = 'month';
 */
export type Grain = z.infer<typeof grainSchema>;

/**
 * A period of a grain: its key (`2026-03-01`, `2026-W09`, `2026-03`), its first day number, and
 * the instant it starts in the zone.
 *
 * @example
 * const p: Period = { key: '2026-W09', firstDay: 20508, start: new Date('2026-02-22T16:00:00Z') };
 */
export interface Period {
  key: string;
  firstDay: number;
  start: Date;
}

/**
 * Periods of `grain` in `zone`, memoised per day: `of(day)` is the period containing a day number,
 * `next(period)` the one after, `yearBefore(period)` the same period a year earlier (same date, ISO
 * week number of the previous ISO week-year, or month; `null` for 29 February and for week 53 when
 * the year before has none). Keys and starts come from date-fns in the zone (`{ in: tz(zone) }`).
 *
 * @example
 * const weeks = periodsOf('week', 'Asia/Shanghai');
 * weeks.of(dayNumber(2026, 3, 1)).key // '2026-W09'
 */
export function periodsOf(grain: Grain, zone: string) {
  const context = { in: tz(zone) };
  const cache = new Map<number, Period>();
  const at = (day: number) => {
    const { year, month, day: date } = civilDate(day);
    return new TZDate(year, month - 1, date, 12, zone);
  };
  const build = (firstDay: number, key: string): Period => {
    const { year, month, day } = civilDate(firstDay);
    return { key, firstDay, start: new Date(new TZDate(year, month - 1, day, zone).getTime()) };
  };
  const of = (day: number): Period => {
    let period = cache.get(day);
    if (period) return period;
    const noon = at(day);
    if (grain === 'day') period = build(day, formatDay(day));
    else if (grain === 'week') {
      const monday = startOfISOWeek(noon, context);
      const first = dayNumber(monday.getFullYear(), monday.getMonth() + 1, monday.getDate());
      const key = `${getISOWeekYear(noon, context)}-W${String(getISOWeek(noon, context)).padStart(2, '0')}`;
      period = build(first, key);
    } else {
      const first = startOfMonth(noon, context);
      const firstDay = dayNumber(first.getFullYear(), first.getMonth() + 1, 1);
      period = build(firstDay, formatDay(firstDay).slice(0, 7));
    }
    cache.set(day, period);
    return period;
  };
  const next = (period: Period): Period => {
    if (grain === 'day') return of(period.firstDay + 1);
    if (grain === 'week') return of(period.firstDay + 7);
    const { year, month } = civilDate(period.firstDay);
    return of(month === 12 ? dayNumber(year + 1, 1, 1) : dayNumber(year, month + 1, 1));
  };
  const yearBefore = (period: Period): Period | null => {
    const { year, month, day } = civilDate(period.firstDay);
    if (grain === 'month') return of(dayNumber(year - 1, month, 1));
    if (grain === 'day') return month === 2 && day === 29 ? null : of(dayNumber(year - 1, month, day));
    const [weekYear, week] = period.key.split('-W').map(Number) as [number, number];
    // The Thursday of ISO week 1 of the previous week-year is in its January 4th's week.
    const januaryFourth = of(dayNumber(weekYear - 1, 1, 4));
    const candidate = of(januaryFourth.firstDay + (week - 1) * 7);
    return candidate.key === `${weekYear - 1}-W${String(week).padStart(2, '0')}` ? candidate : null;
  };
  return { of, next, yearBefore };
}
