import { Money } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { issuePaths } from '../../test/thrown.js';
import { operatingFeatures } from './operating-features.js';

const m = (a: string) => Money.of(a);

describe('operatingFeatures', () => {
  it('a young merchant: the window starts at the first activity', () => {
    const f = operatingFeatures({
      asOf: '2025-07-10',
      firstActivityDate: '2025-03-15',
      months: [
        { month: '2025-04', purchases: m('10000') },
        { month: '2025-05', purchases: m('12000'), returns: m('240') },
        { month: '2025-06', purchases: m('14000'), sales: m('20000') },
        { month: '2025-07', purchases: m('99999') }, // the current month is incomplete: left out
      ],
      repayments: [
        { dueDate: '2025-05-31', paidOn: '2025-06-03' },
        { dueDate: '2025-06-30', paidOn: '2025-06-30' },
        { dueDate: '2025-07-31', paidOn: null }, // not yet due
      ],
    });
    expect(f.window).toEqual({ from: '2025-03', to: '2025-06', months: 4 });
    expect(f.tenureMonths).toBe(3); // 15 March → 10 July
    expect(f.activeMonths).toBe(3);
    expect(f.avgMonthlyPurchases).toBe(9000); // 36000 / 4
    expect(f.amounts.avgMonthlyPurchases.toString()).toBe('9000.00 CNY');
    // purchases 0, 10000, 12000, 14000: slope 4400 a month over a mean of 9000
    expect(f.purchaseTrend).toBeCloseTo(4400 / 9000, 12);
    expect(f.avgMonthlySales).toBe(5000); // 20000 / 4
    expect(f.returnRate).toBeCloseTo(240 / 36000, 14);
    expect(f.onTimeRepaymentRate).toBe(0.5);
    expect(f.worstDaysPastDue).toBe(3);
    expect(f.currentOverdue).toBe(0);
  });

  it('an established merchant: 12 complete months, an unpaid installment, the current overdue', () => {
    const months = Array.from({ length: 18 }, (_, i) => {
      const month = `${2024 + Math.floor((i + 1) / 12)}-${String(((i + 1) % 12) + 1).padStart(2, '0')}`;
      return { month, purchases: m('50000.01') };
    }); // 2024-02 … 2025-07
    const f = operatingFeatures({
      asOf: '2025-07-01',
      firstActivityDate: '2022-01-01',
      months,
      repayments: [
        { dueDate: '2024-06-30', paidOn: '2024-08-15' }, // before the window
        { dueDate: '2025-05-31', paidOn: null }, // unpaid: 31 days late on 1 July
        { dueDate: '2025-06-30', paidOn: '2025-06-29' },
      ],
      currentOverdue: m('5000'),
    });
    expect(f.window).toEqual({ from: '2024-07', to: '2025-06', months: 12 });
    expect(f.tenureMonths).toBe(42);
    expect(f.amounts.avgMonthlyPurchases.toString()).toBe('50000.01 CNY');
    expect(f.purchaseTrend).toBe(0);
    expect(f.avgMonthlySales).toBeNull();
    expect(f.returnRate).toBe(0);
    expect(f.onTimeRepaymentRate).toBe(0.5);
    expect(f.worstDaysPastDue).toBe(31);
    expect(f.currentOverdue).toBe(5000);
  });

  it('no history: missing features are null', () => {
    const f = operatingFeatures({ asOf: '2025-07-01', firstActivityDate: '2025-07-01', months: [] });
    expect(f).toMatchObject({
      tenureMonths: 0,
      activeMonths: 0,
      avgMonthlyPurchases: 0,
      purchaseTrend: null,
      avgMonthlySales: null,
      returnRate: null,
      onTimeRepaymentRate: null,
      worstDaysPastDue: 0,
      window: { months: 0 },
    });
  });

  it('names bad fields', () => {
    const base = { asOf: '2025-07-01', firstActivityDate: '2024-01-01' };
    expect(
      issuePaths(() =>
        operatingFeatures({
          ...base,
          months: [
            { month: '2025-01', purchases: m('1') },
            { month: '2025-01', purchases: m('2') },
          ],
        }),
      ),
    ).toEqual(['months.1.month']);
    expect(
      issuePaths(() => operatingFeatures({ ...base, months: [{ month: '2025-13', purchases: m('1') }] })),
    ).toEqual(['months.0.month']);
    expect(
      issuePaths(() =>
        operatingFeatures({
          ...base,
          months: [
            { month: '2025-01', purchases: m('1') },
            { month: '2025-02', purchases: Money.of('1', 'USD') },
          ],
        }),
      ),
    ).toEqual(['months.1.purchases']);
    expect(
      issuePaths(() => operatingFeatures({ ...base, firstActivityDate: '2025-08-01', months: [] })),
    ).toEqual(['firstActivityDate']);
    expect(
      issuePaths(() =>
        operatingFeatures({ ...base, months: [], repayments: [{ dueDate: '2025-02-30', paidOn: null }] }),
      ),
    ).toEqual(['repayments.0.dueDate']);
  });
});
