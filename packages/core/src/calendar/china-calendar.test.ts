import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { DomainError, ValidationError } from '../errors.js';
import { chinaCalendar } from './china-calendar.js';
import { CHINA_HOLIDAYS } from './china-holidays.js';
import { dayNumber, formatDayNumber, isoWeekdayIndex } from './local-date.js';

const cal = chinaCalendar();
const iso = (date: Date) => date.toISOString();

describe('chinaCalendar', () => {
  it('has the announced working-day counts: 251 (2024), 248 (2025), 248 (2026)', () => {
    expect(cal.workingDaysBetween('2024-01-01', '2024-12-31')).toBe(251);
    expect(cal.workingDaysBetween('2025-01-01', '2025-12-31')).toBe(248);
    expect(cal.workingDaysBetween('2026-01-01', '2026-12-31')).toBe(248);
  });

  it('works every announced make-up day (调休上班), all of them on weekends', () => {
    const makeUp = {
      2024: [
        '2024-02-04',
        '2024-02-18',
        '2024-04-07',
        '2024-04-28',
        '2024-05-11',
        '2024-09-14',
        '2024-09-29',
        '2024-10-12',
      ],
      2025: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
      2026: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
    };
    for (const [year, dates] of Object.entries(makeUp)) {
      expect(
        CHINA_HOLIDAYS.find((y) => String(y.year) === year)
          ?.workdays.map((w) => w.date)
          .sort(),
      ).toEqual(dates);
      for (const date of dates) {
        expect(cal.isWorkingDay(date)).toBe(true);
        expect(isoWeekdayIndex(dayNumber(date) as number)).toBeGreaterThanOrEqual(5);
      }
    }
  });

  it('agrees with chinese-days 1.5.7 on every date of 2024–2026', () => {
    const holidays = new Set(Object.keys(chineseDays.holidays));
    const workdays = new Set(Object.keys(chineseDays.workdays));
    const mismatches: string[] = [];
    for (let day = dayNumber('2024-01-01') as number; day <= (dayNumber('2026-12-31') as number); day++) {
      const date = formatDayNumber(day);
      const expected = workdays.has(date) || (isoWeekdayIndex(day) < 5 && !holidays.has(date));
      if (cal.isWorkingDay(date) !== expected) mismatches.push(date);
    }
    expect(mismatches).toEqual([]);
  });

  it('one working day from 2025-09-30 lands on 2025-10-09; Saturday 2025-10-11 works', () => {
    expect(cal.addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
    expect(iso(cal.addBusinessTime('2025-09-30T10:00:00+08:00', { days: 1 }))).toBe(
      '2025-10-09T02:00:00.000Z',
    );
    expect(cal.localDate(cal.addBusinessTime('2025-09-30T18:00:00+08:00', { days: 1 }))).toBe('2025-10-09');
    expect(cal.isWorkingDay('2025-10-11')).toBe(true);
    expect(cal.isWorkingDay('2025-10-08')).toBe(false);
    expect(cal.isWorkingTime('2025-10-11T09:30:00+08:00')).toBe(true);
  });

  it('computes a 24-business-hour platform intervention deadline over the National Day holiday', () => {
    // Tue 2025-09-30 10:00: 8 h that day, 9 h on Thu 10-09, 7 h on Fri 10-10 -> 16:00.
    const deadline = cal.addBusinessTime('2025-09-30T10:00:00+08:00', { hours: 24 });
    expect(iso(deadline)).toBe('2025-10-10T08:00:00.000Z');
    expect(cal.businessTimeBetween('2025-09-30T10:00:00+08:00', deadline, 'hours')).toBe(24);
  });

  it('reads instants in Asia/Shanghai whatever the input offset', () => {
    expect(cal.localDate('2025-09-30T17:00:00Z')).toBe('2025-10-01');
    expect(cal.isWorkingDay(new Date('2025-09-30T15:59:59Z'))).toBe(true);
    expect(cal.isWorkingDay(new Date('2025-09-30T16:00:00Z'))).toBe(false);
  });

  it('throws CALENDAR_OUT_OF_RANGE for 2023 and 2027 instead of guessing Monday to Friday', () => {
    for (const call of [
      () => cal.isWorkingDay('2027-01-04'),
      () => cal.isWorkingDay('2023-12-29'),
      () => cal.addWorkingDays('2026-12-31', 1),
      () => cal.addBusinessTime('2026-12-31T10:00:00+08:00', { hours: 9 }),
    ]) {
      expect(call).toThrow(DomainError);
      try {
        call();
      } catch (error) {
        expect((error as DomainError).code).toBe('CALENDAR_OUT_OF_RANGE');
      }
    }
  });

  it('loads more years, host holidays and own hours', () => {
    const extended = chinaCalendar({
      years: [
        {
          year: 2027,
          notice: 'test data',
          holidays: [{ from: '2027-01-01', to: '2027-01-01', name: '元旦' }],
          workdays: [{ date: '2027-01-09', name: 'test' }],
        },
      ],
      holidays: [{ date: '2026-12-31', name: 'company day' }],
      weekly: {
        monday: [
          { start: '08:30', end: '12:00' },
          { start: '13:30', end: '17:30' },
        ],
        friday: [{ start: '08:30', end: '12:00' }],
      },
    });
    expect(extended.range).toEqual({ from: '2024-01-01', to: '2027-12-31' });
    expect(extended.isWorkingDay('2027-01-09')).toBe(true);
    expect(extended.isWorkingDay('2027-01-01')).toBe(false);
    expect(extended.isWorkingDay('2026-12-31')).toBe(false);
    expect(extended.isWorkingDay('2027-01-05')).toBe(false); // a Tuesday: no hours in this week
    // The make-up Saturday works Monday's hours: 7.5 h.
    expect(
      extended.businessTimeBetween('2027-01-09T00:00:00+08:00', '2027-01-10T00:00:00+08:00', 'hours'),
    ).toBe(7.5);
    expect(() => chinaCalendar({ years: [{ year: 2028, notice: 'x', holidays: [], workdays: [] }] })).toThrow(
      ValidationError,
    );
    expect(() => chinaCalendar({ zone: 'Nowhere/Land' })).toThrow(ValidationError);
  });

  it('accepts a fixed UTC offset as the zone', () => {
    const fixed = chinaCalendar({ zone: '+08:00' });
    expect(iso(fixed.addBusinessTime('2025-09-30T10:00:00+08:00', { hours: 24 }))).toBe(
      '2025-10-10T08:00:00.000Z',
    );
  });
});
