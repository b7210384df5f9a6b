import { ValidationError } from '@s2b2b/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkTransactions, transactionSchema } from './schemas.js';
import { summarizeCustomers } from './summarize-customers.js';

// lifetimes tests/test_utils.py: large_transaction_level_data_with_monetary_value, end 2015-02-07.
const lifetimes = [
  ['1', '2015-01-01', 1],
  ['1', '2015-02-06', 2],
  ['2', '2015-01-01', 2],
  ['3', '2015-01-01', 3],
  ['3', '2015-01-02', 1],
  ['3', '2015-01-05', 5],
  ['4', '2015-01-16', 6],
  ['4', '2015-02-02', 3],
  ['4', '2015-02-05', 3],
  ['5', '2015-01-16', 3],
  ['5', '2015-01-17', 1],
  ['5', '2015-01-18', 8],
  ['6', '2015-02-02', 5],
].map(([customerId, date, amount]) => ({
  customerId: String(customerId),
  date: String(date),
  amount: Number(amount),
}));

describe('summarizeCustomers', () => {
  it('reproduces the lifetimes test table (frequency, recency, T, monetary value) in days', () => {
    const { customers } = summarizeCustomers(lifetimes, { observationEnd: '2015-02-07', timeUnit: 'day' });
    expect(customers.map((c) => [c.customerId, c.frequency, c.recency, c.T, c.monetaryValue])).toEqual([
      ['1', 1, 36, 37, 2],
      ['2', 0, 0, 37, 0],
      ['3', 2, 4, 37, 3],
      ['4', 2, 20, 22, 3],
      ['5', 2, 2, 22, 4.5],
      ['6', 0, 0, 5, 0],
    ]);
  });

  it('merges same-day purchases (summed) and drops the first day from frequency and spend: 10, 20, 25 → 22.5', () => {
    const { customers } = summarizeCustomers(
      [
        { customerId: 'A', date: '2026-03-01', amount: '4.00' },
        { customerId: 'A', date: '2026-03-01', amount: '6.00' },
        { customerId: 'A', date: '2026-03-02', amount: '20.00' },
        { customerId: 'A', date: '2026-03-05', amount: '25.00' },
      ],
      { observationEnd: '2026-03-31', timeUnit: 'day' },
    );
    expect(customers[0]).toMatchObject({
      frequency: 2,
      recency: 4,
      T: 30,
      monetaryValue: 22.5,
      totalSpend: '55.00',
      repeatSpend: '45.00',
    });
  });

  it('puts instants on calendar days of the zone: 23:30 in Shanghai is the next UTC day’s purchase', () => {
    const rows = [
      { customerId: 'A', date: new Date('2026-03-01T02:00:00Z'), amount: 1 }, // 10:00 on the 1st in Shanghai
      { customerId: 'A', date: new Date('2026-03-01T15:30:00Z'), amount: 1 }, // 23:30 on the 1st in Shanghai
      { customerId: 'A', date: '2026-03-01T16:30:00Z', amount: 1 }, // 00:30 on the 2nd in Shanghai
    ];
    const shanghai = summarizeCustomers(rows, { observationEnd: '2026-03-08', timeUnit: 'day' });
    expect(shanghai.customers[0]).toMatchObject({ frequency: 1, recency: 1, firstPurchase: '2026-03-01' });
    const utc = summarizeCustomers(rows, { observationEnd: '2026-03-08', timeUnit: 'day', zone: 'UTC' });
    expect(utc.customers[0]).toMatchObject({ frequency: 0, recency: 0 });
  });

  it('expresses times in weeks and months of 7 and 30.4375 days', () => {
    const rows = [
      { customerId: 'A', date: '2026-01-01', amount: 1 },
      { customerId: 'A', date: '2026-01-15', amount: 1 },
    ];
    const week = summarizeCustomers(rows, { observationEnd: '2026-01-29', timeUnit: 'week' }).customers[0]!;
    expect([week.recency, week.T]).toEqual([2, 4]);
    const month = summarizeCustomers(rows, { observationEnd: '2026-01-29', timeUnit: 'month' }).customers[0]!;
    expect(month.T).toBeCloseTo(28 / 30.4375, 12);
  });

  it('splits calibration and holdout like lifetimes: new customers of the holdout left out', () => {
    const table = summarizeCustomers(
      [
        ...lifetimes,
        { customerId: '1', date: '2015-02-10', amount: 4 },
        { customerId: '1', date: '2015-02-12', amount: 6 },
        { customerId: '7', date: '2015-02-11', amount: 9 },
      ],
      { calibrationEnd: '2015-02-07', observationEnd: '2015-02-14', timeUnit: 'day' },
    );
    expect(table.holdoutDuration).toBe(7);
    expect(table.totals.firstSeenInHoldout).toBe(1);
    expect(table.customers.map((c) => c.customerId)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(table.customers[0]).toMatchObject({
      frequency: 1,
      T: 37,
      holdout: { frequency: 2, monetaryValue: 5, spend: '10.00' },
    });
    expect(table.customers[1]!.holdout).toEqual({ frequency: 0, monetaryValue: 0, spend: '0.00' });
  });

  it('ignores rows after the observation end and counts them', () => {
    const table = summarizeCustomers(lifetimes, { observationEnd: '2015-02-01', timeUnit: 'day' });
    expect(table.totals.rowsAfterEnd).toBe(4);
    expect(table.customers.find((c) => c.customerId === '4')).toMatchObject({ frequency: 0, T: 16 });
  });

  it('refuses bad input with ValidationError naming the row and field, before any work', () => {
    const cases: [unknown, string][] = [
      [[{ customerId: '', date: '2026-01-01', amount: 1 }], 'transactions.0.customerId'],
      [[{ customerId: 'A', date: '2026-02-30', amount: 1 }], 'transactions.0.date'],
      [[{ customerId: 'A', date: '2026-02-01', amount: -1 }], 'transactions.0.amount'],
      [[{ customerId: 'A', date: '2026-02-01', amount: '1.234' }], 'transactions.0.amount'],
    ];
    for (const [rows, path] of cases) {
      try {
        summarizeCustomers(rows as never, { observationEnd: '2026-03-01', timeUnit: 'day' });
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).issues[0]!.path.join('.')).toBe(path);
      }
    }
    expect(() =>
      summarizeCustomers(lifetimes, {
        observationEnd: '2015-02-07',
        calibrationEnd: '2015-02-07',
        timeUnit: 'day',
      }),
    ).toThrow(ValidationError);
    expect(() =>
      summarizeCustomers(lifetimes, { observationEnd: '2015-02-07', timeUnit: 'year' as never }),
    ).toThrow(ValidationError);
    expect(() =>
      summarizeCustomers(lifetimes, { observationEnd: '2015-02-07', timeUnit: 'day', zone: 'Mars/Base' }),
    ).toThrow(ValidationError);
  });

  it('the fast row check accepts exactly what the zod schema accepts (property)', () => {
    const value = fc.oneof(
      fc.constant('2026-03-01'),
      fc.constant('2026-13-01'),
      fc.constant('2026-03-01T08:00:00+08:00'),
      fc.constant('2026-03-01T08:00:00'),
      fc.date({ noInvalidDate: false }),
      fc.string(),
      fc.double(),
      fc.constant('12.50'),
      fc.constant(''),
      fc.constant(null),
    );
    fc.assert(
      fc.property(fc.record({ customerId: value, date: value, amount: value }), (row) => {
        const zodAccepts = transactionSchema.safeParse(row).success;
        let fastAccepts = true;
        try {
          checkTransactions([row]);
        } catch {
          fastAccepts = false;
        }
        expect(fastAccepts).toBe(zodAccepts);
      }),
      { numRuns: 500 },
    );
  });
});
