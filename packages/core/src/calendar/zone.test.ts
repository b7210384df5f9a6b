import { describe, expect, it } from 'vitest';
import { dayNumber } from './local-date.js';
import { isTimeZone, zonedInstant } from './zone.js';

const day = (date: string) => dayNumber(date) as number;
const iso = (ms: number) => new Date(ms).toISOString();

describe('zonedInstant', () => {
  it('turns a wall time of Asia/Shanghai into UTC (UTC+8, no daylight saving)', () => {
    expect(iso(zonedInstant('Asia/Shanghai', day('2025-09-30'), 9 * 60))).toBe('2025-09-30T01:00:00.000Z');
    expect(iso(zonedInstant('Asia/Shanghai', day('2025-09-30'), 0))).toBe('2025-09-29T16:00:00.000Z');
    expect(iso(zonedInstant('Asia/Shanghai', day('2025-09-30'), 1440))).toBe('2025-09-30T16:00:00.000Z');
  });

  it('follows daylight saving in Europe/Berlin', () => {
    expect(iso(zonedInstant('Europe/Berlin', day('2026-01-15'), 9 * 60))).toBe('2026-01-15T08:00:00.000Z');
    expect(iso(zonedInstant('Europe/Berlin', day('2026-07-15'), 9 * 60))).toBe('2026-07-15T07:00:00.000Z');
  });

  it('maps a skipped wall time forward and a repeated one to its first occurrence', () => {
    // 2025-03-09 02:30 does not exist in New York (02:00 EST -> 03:00 EDT): 03:30 EDT.
    expect(iso(zonedInstant('America/New_York', day('2025-03-09'), 150))).toBe('2025-03-09T07:30:00.000Z');
    // 2025-11-02 01:30 happens twice (EDT, then EST): the first, 05:30Z.
    expect(iso(zonedInstant('America/New_York', day('2025-11-02'), 90))).toBe('2025-11-02T05:30:00.000Z');
    // Europe/Berlin 2026-03-29 02:30 does not exist: 03:30 CEST = 01:30Z.
    expect(iso(zonedInstant('Europe/Berlin', day('2026-03-29'), 150))).toBe('2026-03-29T01:30:00.000Z');
  });

  it('recognises IANA zones', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('+08:00')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
