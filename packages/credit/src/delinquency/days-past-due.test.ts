import { Money } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { issuePaths } from '../../test/thrown.js';
import { daysPastDue } from './days-past-due.js';

const m = (a: string) => Money.of(a);

describe('daysPastDue', () => {
  const dues = [
    { dueDate: '2024-01-31', outstanding: m('0') },
    { dueDate: '2024-02-29', outstanding: m('100') },
    { dueDate: '2024-03-31', outstanding: m('100') },
  ];

  it('counts from the oldest due date still owing', () => {
    const d = daysPastDue({ asOf: '2024-03-15', dues });
    expect(d).toMatchObject({
      daysPastDue: 15,
      oldestOverdueDate: '2024-02-29',
      overdueDues: 1,
      asOf: '2024-03-15',
    });
    expect(d.overdue.toString()).toBe('100.00 CNY');
  });

  it('due today is not overdue; the next day is 1; across a year end and a leap day', () => {
    expect(daysPastDue({ asOf: '2024-02-29', dues }).daysPastDue).toBe(0);
    expect(daysPastDue({ asOf: '2024-03-01', dues }).daysPastDue).toBe(1);
    expect(
      daysPastDue({ asOf: '2025-01-01', dues: [{ dueDate: '2024-12-31', outstanding: m('1') }] }).daysPastDue,
    ).toBe(1);
    expect(
      daysPastDue({ asOf: '2024-03-01', dues: [{ dueDate: '2024-02-01', outstanding: m('1') }] }).daysPastDue,
    ).toBe(29);
    expect(daysPastDue({ asOf: '2024-04-10', dues }).daysPastDue).toBe(41);
    expect(daysPastDue({ asOf: '2024-04-10', dues }).overdue.toString()).toBe('200.00 CNY');
  });

  it('reads a Date in Shanghai by default', () => {
    // 2024-03-01T16:30Z is 2 March in Shanghai: 2 days after 29 February.
    expect(daysPastDue({ asOf: new Date('2024-03-01T16:30:00Z'), dues }).daysPastDue).toBe(2);
    expect(daysPastDue({ asOf: new Date('2024-03-01T16:30:00Z'), dues, zone: 'UTC' }).daysPastDue).toBe(1);
  });

  it('ignores residues at or below the materiality', () => {
    const d = daysPastDue({
      asOf: '2024-04-10',
      dues: [
        { dueDate: '2024-02-29', outstanding: m('0.50') },
        { dueDate: '2024-03-31', outstanding: m('100') },
      ],
      materiality: m('1'),
    });
    expect([d.daysPastDue, d.oldestOverdueDate, d.overdue.toString()]).toEqual([
      10,
      '2024-03-31',
      '100.00 CNY',
    ]);
    expect(daysPastDue({ asOf: '2024-04-10', dues: [] })).toMatchObject({
      daysPastDue: 0,
      oldestOverdueDate: null,
    });
  });

  it('names bad fields', () => {
    expect(issuePaths(() => daysPastDue({ asOf: '2024-02-30', dues }))).toEqual(['asOf']);
    expect(
      issuePaths(() =>
        daysPastDue({
          asOf: '2024-03-01',
          dues: [...dues, { dueDate: '2024-01-01', outstanding: Money.of('1', 'USD') }],
        }),
      ),
    ).toEqual(['dues.3.outstanding']);
    expect(
      issuePaths(() => daysPastDue({ asOf: '2024-03-01', dues: [{ dueDate: 'soon', outstanding: m('1') }] })),
    ).toEqual(['dues.0.dueDate']);
    expect(
      issuePaths(() => daysPastDue({ asOf: '2024-03-01', dues, materiality: Money.of('1', 'USD') })),
    ).toEqual(['materiality']);
  });
});
