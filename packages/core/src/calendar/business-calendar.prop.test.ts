import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minuteOracle } from '../../test/calendar/minute-oracle.js';
import { type BusinessCalendar, createBusinessCalendar } from './business-calendar.js';
import { chinaCalendar } from './china-calendar.js';

const MINUTE = 60_000;
const lunch = [
  { start: '08:30', end: '12:00' },
  { start: '13:30', end: '17:45' },
];
const calendars: [string, BusinessCalendar][] = [
  ['china', chinaCalendar()],
  [
    'new york (DST, lunch break, half Saturdays)',
    createBusinessCalendar({
      zone: 'America/New_York',
      range: { from: '2025-01-01', to: '2025-12-31' },
      weekly: {
        monday: lunch,
        tuesday: lunch,
        wednesday: lunch,
        thursday: lunch,
        friday: lunch,
        saturday: [{ start: '01:30', end: '03:30' }],
      },
      holidays: [{ from: '2025-07-03', to: '2025-07-04' }, { date: '2025-11-27' }],
      workdays: [{ date: '2025-03-09', hours: [{ start: '00:00', end: '24:00' }] }, { date: '2025-11-02' }],
    }),
  ],
];

for (const [name, cal] of calendars) {
  const lo = Date.parse(`${cal.range.from}T00:00:00Z`) + 2 * 86_400_000;
  const hi = Date.parse(`${cal.range.to}T00:00:00Z`) - 100 * 86_400_000;
  const instant = fc.integer({ min: lo, max: hi });
  const minutes = fc.integer({ min: 0, max: 20_000 });

  describe(`business time properties: ${name}`, () => {
    it('businessTimeBetween(start, add(start, d)) == d', () => {
      fc.assert(
        fc.property(instant, minutes, (start, d) => {
          expect(cal.businessTimeBetween(start, cal.addBusinessTime(start, d))).toBe(d);
        }),
      );
    });

    it('add is monotonic in the duration and in the start', () => {
      fc.assert(
        fc.property(instant, instant, minutes, minutes, (s1, s2, d1, d2) => {
          const [a, b] = s1 <= s2 ? [s1, s2] : [s2, s1];
          const [d, e] = d1 <= d2 ? [d1, d2] : [d2, d1];
          expect(cal.addBusinessTime(a, d).getTime()).toBeLessThanOrEqual(
            cal.addBusinessTime(a, e).getTime(),
          );
          expect(cal.addBusinessTime(a, d).getTime()).toBeLessThanOrEqual(
            cal.addBusinessTime(b, d).getTime(),
          );
          const n = d % 30;
          expect(cal.addBusinessTime(a, { days: n }).getTime()).toBeLessThanOrEqual(
            cal.addBusinessTime(b, { days: n }).getTime(),
          );
          expect(cal.addBusinessTime(a, { days: n }).getTime()).toBeLessThanOrEqual(
            cal.addBusinessTime(a, { days: n + 1 }).getTime(),
          );
        }),
      );
    });

    it('a positive deadline never lands in off-hours (inside an interval or on its closing instant)', () => {
      fc.assert(
        fc.property(
          instant,
          fc.integer({ min: 1, max: 20_000 }),
          fc.integer({ min: 0, max: 20 }),
          (start, d, n) => {
            const inWorkingTimeOrOnClose = (t: number) => cal.isWorkingTime(t) || cal.isWorkingTime(t - 1);
            const deadline = cal.addBusinessTime(start, { days: n, minutes: d });
            expect(cal.isWorkingTime(deadline.getTime() - 1)).toBe(true);
            expect(inWorkingTimeOrOnClose(cal.addBusinessTime(start, { days: n + 1 }).getTime())).toBe(true);
          },
        ),
      );
    });

    it('n working days from a working instant land on the n-th working day, same working time into it when it fits', () => {
      fc.assert(
        fc.property(instant, fc.integer({ min: 0, max: 25 }), (raw, n) => {
          const start = cal.nextWorkingTime(raw);
          const end = cal.addBusinessTime(start, { days: n });
          const startDate = cal.localDate(start);
          const landed = cal.localDate(cal.isWorkingTime(end) ? end : end.getTime() - 1);
          expect(landed).toBe(cal.addWorkingDays(startDate, n));
          expect(cal.workingDaysBetween(startDate, landed)).toBe(n + 1);
        }),
      );
    });

    it('agrees with a minute-stepping oracle on random intervals', () => {
      const oracle = minuteOracle(cal.definition);
      const minuteInstant = instant.map((t) => Math.floor(t / MINUTE) * MINUTE);
      fc.assert(
        fc.property(minuteInstant, fc.integer({ min: 0, max: 4 * 1440 }), (start, span) => {
          const end = start + span * MINUTE;
          expect(cal.businessTimeBetween(start, end)).toBe(oracle.minutesBetween(start, end));
          const d = Math.floor(span / 3);
          expect(cal.addBusinessTime(start, d).getTime()).toBe(oracle.addMinutes(start, d));
          expect(cal.isWorkingTime(start)).toBe(oracle.isWorkingMinute(start));
        }),
        { numRuns: 60 },
      );
    });
  });
}
