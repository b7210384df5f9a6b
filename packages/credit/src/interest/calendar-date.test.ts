import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issuePaths } from '../../test/thrown.js';
import {
  addDays,
  addMonths,
  calendarDate,
  daysBetween,
  daysInMonth,
  daysInYear,
  epochDay,
  fromEpochDay,
  isIsoDate,
  isLeapYear,
  isTimeZone,
  parseIsoDate,
} from './calendar-date.js';

describe('calendar dates', () => {
  it('leap years: divisible by 4, centuries only when divisible by 400', () => {
    expect([1900, 2000, 2023, 2024, 2100, 2400].map(isLeapYear)).toEqual([
      false,
      true,
      false,
      true,
      false,
      true,
    ]);
    expect(daysInYear(2024)).toBe(366);
    expect(daysInYear(2025)).toBe(365);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect([1, 3, 4, 6, 9, 11, 12].map((m) => daysInMonth(2025, m))).toEqual([31, 31, 30, 30, 30, 30, 31]);
  });

  it('parses only real dates', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    for (const bad of [
      '2023-02-29',
      '2024-13-01',
      '2024-00-10',
      '2024-1-1',
      '2024-01-32',
      '0000-01-01',
      ' 2024-01-01',
    ]) {
      expect(isIsoDate(bad)).toBe(false);
    }
  });

  it('epoch days: fixed points and the edges of the range', () => {
    expect(epochDay('1970-01-01')).toBe(0);
    expect(epochDay('1969-12-31')).toBe(-1);
    expect(epochDay('2000-03-01')).toBe(11_017);
    expect(fromEpochDay(19_782)).toBe('2024-02-29');
    expect(fromEpochDay(-719_162)).toBe('0001-01-01');
    expect(fromEpochDay(2_932_896)).toBe('9999-12-31');
    expect(epochDay('0001-01-01')).toBe(-719_162);
  });

  it('days between across month ends, leap days and year ends', () => {
    expect(daysBetween('2024-02-01', '2024-03-01')).toBe(29);
    expect(daysBetween('2023-02-01', '2023-03-01')).toBe(28);
    expect(daysBetween('2023-12-31', '2024-01-01')).toBe(1);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-01-01', '2024-01-01')).toBe(-366);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
  });

  it('adds months from the anchor, clamping to shorter months', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-01-31', 2)).toBe('2024-03-31');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-11-15', 3)).toBe('2025-02-15');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
  });

  it('reads a Date in a time zone', () => {
    const instant = new Date('2024-01-31T16:30:00Z');
    expect(calendarDate(instant)).toBe('2024-02-01'); // 00:30 in Shanghai
    expect(calendarDate(instant, 'UTC')).toBe('2024-01-31');
    expect(calendarDate(new Date('2024-01-01T03:00:00Z'), 'America/New_York')).toBe('2023-12-31');
    expect(calendarDate('2024-02-29')).toBe('2024-02-29');
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });

  it('rejects bad dates and zones naming the field', () => {
    expect(issuePaths(() => calendarDate('2023-02-29', 'UTC', 'dueDate'))).toEqual(['dueDate']);
    expect(issuePaths(() => calendarDate(new Date(Number.NaN), 'UTC', 'asOf'))).toEqual(['asOf']);
    expect(issuePaths(() => calendarDate(new Date(0), 'Mars/Olympus'))).toEqual(['zone']);
    expect(issuePaths(() => epochDay('2024-02-30', 'start'))).toEqual(['start']);
    expect(issuePaths(() => addMonths('9999-12-01', 1))).toEqual(['months']);
  });

  it('property: epoch days round-trip and agree with Date.UTC', () => {
    fc.assert(
      fc.property(fc.integer({ min: -719_162, max: 2_932_896 }), (day) => {
        const date = fromEpochDay(day);
        expect(epochDay(date)).toBe(day);
        const parts = parseIsoDate(date)!;
        if (parts.year >= 100) {
          expect(Date.UTC(parts.year, parts.month - 1, parts.day) / 86_400_000).toBe(day);
        }
      }),
    );
  });
});
