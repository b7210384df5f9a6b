import { describe, expect, it } from 'vitest';
import { dayNumber, dayParts, formatDayNumber, isoWeekdayIndex, WEEKDAYS } from './local-date.js';

describe('local dates', () => {
  it('numbers days from 1970-01-01 and formats them back', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2025-09-30')).toBe(20_361);
    expect(formatDayNumber(20_361)).toBe('2025-09-30');
    expect(dayParts(dayNumber('2024-02-29') as number)).toEqual({ year: 2024, month: 2, day: 29 });
  });

  it('rejects dates that do not exist', () => {
    expect(dayNumber('2025-02-29')).toBeNull();
    expect(dayNumber('2025-13-01')).toBeNull();
    expect(dayNumber('2025-04-31')).toBeNull();
    expect(dayNumber('2025-1-01')).toBeNull();
    expect(dayNumber('')).toBeNull();
  });

  it('knows the weekday of a date', () => {
    expect(WEEKDAYS[isoWeekdayIndex(dayNumber('2025-10-11') as number)]).toBe('saturday');
    expect(WEEKDAYS[isoWeekdayIndex(dayNumber('2025-09-28') as number)]).toBe('sunday');
    expect(WEEKDAYS[isoWeekdayIndex(dayNumber('2024-01-01') as number)]).toBe('monday');
    expect(WEEKDAYS[isoWeekdayIndex(dayNumber('1969-12-31') as number)]).toBe('wednesday');
  });
});
