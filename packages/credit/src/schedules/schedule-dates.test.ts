import { describe, expect, it } from 'vitest';
import { issuePaths } from '../../test/thrown.js';
import { scheduleDates } from './schedule-dates.js';

describe('scheduleDates', () => {
  it('monthly from the anchor, clamped at month ends, across a leap February and a year end', () => {
    expect(scheduleDates({ startDate: '2024-01-31', installments: 4 })).toEqual([
      '2024-02-29',
      '2024-03-31',
      '2024-04-30',
      '2024-05-31',
    ]);
    expect(scheduleDates({ startDate: '2024-11-30', installments: 4 })).toEqual([
      '2024-12-30',
      '2025-01-30',
      '2025-02-28',
      '2025-03-30',
    ]);
    expect(
      scheduleDates({ startDate: '2024-02-29', installments: 2, frequency: { unit: 'month', every: 12 } }),
    ).toEqual(['2025-02-28', '2026-02-28']);
  });

  it('weeks and days; a Date read in Shanghai', () => {
    expect(
      scheduleDates({ startDate: '2024-12-25', installments: 2, frequency: { unit: 'week', every: 2 } }),
    ).toEqual(['2025-01-08', '2025-01-22']);
    expect(scheduleDates({ startDate: '2024-02-27', installments: 3, frequency: { unit: 'day' } })).toEqual([
      '2024-02-28',
      '2024-02-29',
      '2024-03-01',
    ]);
    expect(scheduleDates({ startDate: new Date('2024-01-30T17:00:00Z'), installments: 1 })).toEqual([
      '2024-02-29',
    ]);
  });

  it('names bad fields', () => {
    expect(issuePaths(() => scheduleDates({ startDate: '2024-01-01', installments: 0 }))).toEqual([
      'installments',
    ]);
    expect(
      issuePaths(() =>
        scheduleDates({ startDate: '2024-01-01', installments: 2, frequency: { unit: 'week', every: 0 } }),
      ),
    ).toEqual(['frequency.every']);
    expect(issuePaths(() => scheduleDates({ startDate: '9999-12-01', installments: 2 }))).toEqual([
      'installments',
    ]);
  });
});
