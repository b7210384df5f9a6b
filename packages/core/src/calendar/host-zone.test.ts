import { afterAll, describe, expect, it } from 'vitest';
import { createBusinessCalendar } from './business-calendar.js';
import { chinaCalendar } from './china-calendar.js';

/**
 * Nothing may depend on the host's zone (date-fns runs its suite under many `TZ` values for
 * the same reason). Node re-reads `process.env.TZ` on assignment, so each zone here changes
 * what `new Date(y, m, d)` would mean; the calendars' answers must not move.
 */
const HOST_ZONES = [
  'UTC',
  'America/Sao_Paulo',
  'Australia/Sydney',
  'Pacific/Apia',
  'Asia/Kolkata',
  'Pacific/Chatham',
  'America/Los_Angeles',
];
const original = process.env.TZ;

function fingerprint(): string[] {
  const china = chinaCalendar();
  const berlin = createBusinessCalendar({
    zone: 'Europe/Berlin',
    range: { from: '2026-03-01', to: '2026-04-30' },
    weekly: {
      friday: [{ start: '09:00', end: '17:00' }],
      monday: [{ start: '00:00', end: '24:00' }],
      sunday: [{ start: '01:00', end: '04:00' }],
    },
  });
  return [
    china.addBusinessTime('2025-09-30T10:00:00+08:00', { hours: 24 }).toISOString(),
    china.addBusinessTime('2024-02-08T17:30:00+08:00', { days: 1, minutes: 45 }).toISOString(),
    String(china.businessTimeBetween('2024-01-01T00:00:00+08:00', '2027-01-01T00:00:00+08:00')),
    String(china.workingDaysBetween('2025-01-01', '2025-12-31')),
    china.localDate('2025-09-30T16:00:00Z'),
    String(berlin.businessTimeBetween('2026-03-27T00:00:00Z', '2026-03-31T00:00:00Z')),
    berlin.addBusinessTime('2026-03-28T12:00:00Z', { hours: 3 }).toISOString(),
  ];
}

describe('calendars ignore the host time zone', () => {
  afterAll(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it.each(HOST_ZONES)('TZ=%s gives the same answers', (zone) => {
    process.env.TZ = zone;
    // The host zone really changed (Kolkata is UTC+5:30 all year).
    if (zone === 'Asia/Kolkata') expect(new Date(2025, 0, 1).getTimezoneOffset()).toBe(-330);
    expect(fingerprint()).toEqual([
      '2025-10-10T08:00:00.000Z',
      // Thu 17:30 + 1 working day = Fri 02-09 (除夕 is worked) 17:30; + 45 min = Sun 02-18 (调休) 09:15.
      '2024-02-18T01:15:00.000Z',
      String((251 + 248 + 248) * 9 * 60),
      '248',
      '2025-10-01',
      // Fri 8 h + Sun 29 March 01:00-04:00 CET/CEST (02:00-03:00 skipped: 2 h) + Mon 30 March 24 h.
      String((8 + 2 + 24) * 60),
      // Sat 13:00 CET + 3 h: Sunday 01:00-04:00 holds 2 h (the skipped hour), then Monday 00:00-01:00 CEST.
      '2026-03-29T23:00:00.000Z',
    ]);
  });
});
