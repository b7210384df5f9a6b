import { tzOffset } from '@date-fns/tz';

const MINUTE_MS = 60_000;
const HALF_DAY_MS = 43_200_000;

/**
 * Whether `zone` is an IANA time-zone name (or UTC offset) the runtime's Intl data knows.
 *
 * @example
 * isTimeZone('Asia/Shanghai') // true
 * isTimeZone('Mars/Olympus') // false
 */
export function isTimeZone(zone: string): boolean {
  if (/^[+-](0\d|1[0-4])(:?[0-5]\d)?$/.test(zone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The instant at which the wall clock of `zone` shows `minuteOfDay` minutes after midnight of
 * the given day number (`1440` is the next midnight). Offsets come from `@date-fns/tz`, so the
 * host's own zone never matters. A wall time that a daylight-saving jump skips maps forward
 * (02:30 on a spring-forward night is 03:30), and one that occurs twice maps to its first
 * occurrence — the same choices JavaScript's `Date` makes.
 *
 * @example
 * new Date(zonedInstant('Asia/Shanghai', 20_361, 9 * 60)).toISOString() // '2025-09-30T01:00:00.000Z'
 */
export function zonedInstant(zone: string, day: number, minuteOfDay: number): number {
  const wall = day * 86_400_000 + minuteOfDay * MINUTE_MS;
  const before = offsetMs(zone, wall - HALF_DAY_MS);
  const after = offsetMs(zone, wall + HALF_DAY_MS);
  if (before === after) return wall - before;
  const first = wall - before;
  const second = wall - after;
  const firstValid = offsetMs(zone, first) === before;
  const secondValid = offsetMs(zone, second) === after;
  if (firstValid && secondValid) return Math.min(first, second);
  if (firstValid) return first;
  if (secondValid) return second;
  return first; // inside a skipped hour: the wall time of the offset before the jump
}

function offsetMs(zone: string, instant: number): number {
  return tzOffset(zone, new Date(instant)) * MINUTE_MS;
}
