import { describe, expect, it } from 'vitest';
import { dateOfDay, dayInfo, dayOfDate, SCENARIO_CALENDAR, scenarioDays } from './calendar.js';

describe('the scenario calendar', () => {
  it('runs two years from 2024-11-11 to the simulated day, Double 11 of 2026', () => {
    expect(dateOfDay(0)).toBe('2024-11-11');
    expect(dateOfDay(SCENARIO_CALENDAR.historyDays)).toBe('2026-11-11');
    expect(dayOfDate('2025-11-11')).toBe(365);
    expect(scenarioDays()).toHaveLength(731);
  });

  it('reads weekdays, holidays and make-up working days from the China calendar', () => {
    const monday = dayInfo(0);
    expect(monday).toMatchObject({ weekday: 0, working: true, holiday: null, dayOfYear: 316, month: 11 });
    const double11 = dayInfo(730);
    expect(double11).toMatchObject({ weekday: 2, working: true, dayOfMonth: 11 });
    // 2026-02-14 is a Saturday worked for the Spring Festival (调休); 02-17 is inside the holiday.
    expect(dayInfo(dayOfDate('2026-02-14'))).toMatchObject({ weekday: 5, working: true, holiday: null });
    expect(dayInfo(dayOfDate('2026-02-17'))).toMatchObject({ working: false, holiday: '春节' });
    expect(dayInfo(dayOfDate('2025-10-05'))).toMatchObject({ working: false, holiday: '国庆节、中秋节' });
    expect(dayInfo(dayOfDate('2025-11-16'))).toMatchObject({ weekday: 6, working: false, holiday: null });
  });

  it('places each day against the nearest Spring Festival', () => {
    // 2025: 01-28 to 02-04 (8 days); 2026: 02-15 to 02-23 (9 days).
    expect(dayInfo(dayOfDate('2025-01-28')).springFestival).toEqual({ offset: 0, length: 8 });
    expect(dayInfo(dayOfDate('2025-01-14')).springFestival).toEqual({ offset: -14, length: 8 });
    expect(dayInfo(dayOfDate('2026-02-25')).springFestival).toEqual({ offset: 10, length: 9 });
    expect(dayInfo(dayOfDate('2025-06-18')).springFestival).toBeNull();
  });
});
