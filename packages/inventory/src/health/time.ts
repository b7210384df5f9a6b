import { ValidationError } from '@s2b2b/core';
import type { Instant } from './schemas.js';

/**
 * Milliseconds in a day (UTC days: 86,400,000 ms).
 *
 * @example
 * (Date.parse('2026-01-31') - Date.parse('2026-01-01')) / DAY_MS // 30
 */
export const DAY_MS = 86_400_000;

/**
 * An {@link Instant} as epoch milliseconds; throws `ValidationError` naming `field` when it
 * cannot be read.
 *
 * @example
 * instantMs('2026-01-01T00:00:00Z', 'asOf') // 1767225600000
 */
export function instantMs(value: Instant, field: string | (string | number)[]): number {
  const ms =
    value instanceof Date
      ? value.getTime()
      : typeof value === 'number'
        ? value
        : typeof value === 'string'
          ? Date.parse(value)
          : Number.NaN;
  if (!Number.isFinite(ms)) {
    throw ValidationError.field(field, `Expected a valid instant, got ${String(value)}`, 'invalid_date');
  }
  return ms;
}

/**
 * Whole days elapsed from `fromMs` to `toMs` (floored; both epoch ms, `fromMs` not after `toMs`).
 *
 * @example
 * wholeDaysBetween(Date.parse('2026-01-01'), Date.parse('2026-01-31T23:00:00Z')) // 30
 */
export function wholeDaysBetween(fromMs: number, toMs: number): number {
  return Math.floor((toMs - fromMs) / DAY_MS);
}
