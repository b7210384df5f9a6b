import { tzOffset } from '@date-fns/tz';

/**
 * The zone every calendar rule uses unless told otherwise.
 *
 * @example
 * DEFAULT_ZONE // 'Asia/Shanghai'
 */
export const DEFAULT_ZONE = 'Asia/Shanghai';

const MS_PER_DAY = 86_400_000;

/**
 * Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
 *
 * @example
 * dayNumber(1997, 9, 30) // 10134
 */
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/**
 * The calendar date of a day number (H. Hinnant's `civil_from_days`).
 *
 * @example
 * civilDate(10134) // { year: 1997, month: 9, day: 30 }
 */
export function civilDate(days: number): { year: number; month: number; day: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * A day number as `YYYY-MM-DD`.
 *
 * @example
 * formatDay(10134) // '1997-09-30'
 */
export function formatDay(days: number): string {
  const { year, month, day } = civilDate(days);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The day number of a `YYYY-MM-DD` string, or `null` when it is not a real calendar date.
 *
 * @example
 * parseDay('1997-01-01') // 9862
 */
export function parseDay(text: string): number | null {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const days = dayNumber(year, month, day);
  if (day > 28 && civilDate(days).month !== month) return null;
  return days;
}

function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i) - 48;
    if (code < 0 || code > 9) return -1;
    value = value * 10 + code;
  }
  return value;
}

/**
 * Whether the runtime knows `zone` as an IANA time zone (or a UTC offset like `+08:00`).
 *
 * @example
 * isTimeZone('Asia/Shanghai') // true
 */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return Number.isFinite(tzOffset(zone, new Date(0)));
  } catch {
    return false;
  }
}

/**
 * A function from an instant (epoch milliseconds) to its calendar day number in `zone`. The UTC
 * offset is looked up once per UTC day and reused when it is the same at both ends of that day
 * (a day with a transition looks it up per instant), so a million instants cost a few hundred
 * zone look-ups.
 *
 * @example
 * const day = localDayOf('Asia/Shanghai');
 * formatDay(day(Date.parse('2026-03-01T16:30:00Z'))) // '2026-03-02'
 */
export function localDayOf(zone: string): (epochMs: number) => number {
  const cache = new Map<number, number>();
  return (epochMs) => {
    const utcDay = Math.floor(epochMs / MS_PER_DAY);
    let offset = cache.get(utcDay);
    if (offset === undefined) {
      const start = tzOffset(zone, new Date(utcDay * MS_PER_DAY));
      const end = tzOffset(zone, new Date((utcDay + 1) * MS_PER_DAY - 1));
      offset = start === end ? start : Number.NaN;
      cache.set(utcDay, offset);
    }
    const minutes = Number.isNaN(offset) ? tzOffset(zone, new Date(epochMs)) : offset;
    return Math.floor((epochMs + minutes * 60_000) / MS_PER_DAY);
  };
}

/**
 * The calendar day of a date input in `zone`: a `YYYY-MM-DD` string is that date; a `Date` or an
 * ISO date-time string is an instant, placed in the zone.
 *
 * @example
 * toDay('2026-03-01', localDayOf('Asia/Shanghai')) // 20513
 */
export function toDay(value: Date | string, dayOf: (epochMs: number) => number): number {
  if (typeof value === 'string') {
    const day = parseDay(value);
    if (day !== null) return day;
    return dayOf(Date.parse(value));
  }
  return dayOf(value.getTime());
}
