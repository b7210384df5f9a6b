import { ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { lifecycleStages, lifecycleTransitions } from './lifecycle.js';

const customers = [
  { customerId: 'new-1', firstPurchase: '2026-02-20', lastPurchase: '2026-02-20', orders: 1 },
  { customerId: 'new-2', firstPurchase: '2026-02-10', lastPurchase: '2026-02-25', orders: 3 }, // first within 30 days
  { customerId: 'one-old', firstPurchase: '2025-12-20', lastPurchase: '2025-12-20', orders: 1 }, // 71 days, one order
  { customerId: 'ret', firstPurchase: '2025-10-01', lastPurchase: '2026-02-01', orders: 3 },
  { customerId: 'loyal', firstPurchase: '2025-06-01', lastPurchase: '2026-02-27', orders: 12 },
  { customerId: 'risk', firstPurchase: '2025-06-01', lastPurchase: '2025-11-30', orders: 9 }, // 91 days
  { customerId: 'gone', firstPurchase: '2025-01-01', lastPurchase: '2025-09-01', orders: 4 }, // 181 days
];

describe('lifecycleStages', () => {
  it('decides churned, at-risk, new, loyal, returning by the default thresholds', () => {
    const rows = lifecycleStages({ customers, now: '2026-03-01' });
    expect(Object.fromEntries(rows.map((r) => [r.customerId, r.stage]))).toEqual({
      'new-1': 'new',
      'new-2': 'new',
      'one-old': 'new',
      ret: 'returning',
      loyal: 'loyal',
      risk: 'at-risk',
      gone: 'churned',
    });
    expect(rows.find((r) => r.customerId === 'risk')).toMatchObject({ daysSinceLast: 91 });
  });

  it('follows configured thresholds', () => {
    const rows = lifecycleStages({
      customers,
      now: '2026-03-01',
      rules: { atRiskAfterDays: 60, churnedAfterDays: 90, loyalMinOrders: 3 },
    });
    const by = Object.fromEntries(rows.map((r) => [r.customerId, r.stage]));
    expect(by).toMatchObject({ ret: 'loyal', 'one-old': 'at-risk', risk: 'churned' });
  });

  it('counts days in the zone: an instant late on the 28th in Shanghai is already the 1st', () => {
    const [row] = lifecycleStages({
      customers: [
        {
          customerId: 'z',
          firstPurchase: '2025-01-01',
          lastPurchase: new Date('2026-02-28T16:30:00Z'),
          orders: 3,
        },
      ],
      now: '2026-03-01',
    });
    expect(row!.daysSinceLast).toBe(0);
  });

  it('refuses a last purchase before the first or after now', () => {
    expect(() =>
      lifecycleStages({
        customers: [{ customerId: 'x', firstPurchase: '2026-02-02', lastPurchase: '2026-02-01', orders: 2 }],
        now: '2026-03-01',
      }),
    ).toThrow(ValidationError);
    expect(() =>
      lifecycleStages({
        customers: [{ customerId: 'x', firstPurchase: '2026-02-02', lastPurchase: '2026-03-05', orders: 2 }],
        now: '2026-03-01',
      }),
    ).toThrow(ValidationError);
    expect(() =>
      lifecycleStages({ customers, now: '2026-03-01', rules: { atRiskAfterDays: 90, churnedAfterDays: 90 } }),
    ).toThrow(ValidationError);
  });
});

describe('lifecycleTransitions', () => {
  it('counts moves between two snapshots, absent on either side', () => {
    const before = [
      { customerId: 'a', stage: 'new' as const },
      { customerId: 'b', stage: 'returning' as const },
      { customerId: 'c', stage: 'loyal' as const },
      { customerId: 'd', stage: 'at-risk' as const },
      { customerId: 'e', stage: 'churned' as const },
    ];
    const after = [
      { customerId: 'a', stage: 'returning' as const },
      { customerId: 'b', stage: 'returning' as const },
      { customerId: 'c', stage: 'at-risk' as const },
      { customerId: 'd', stage: 'churned' as const },
      { customerId: 'f', stage: 'new' as const },
    ];
    const { matrix, changes } = lifecycleTransitions(before, after);
    expect(changes).toEqual([
      { customerId: 'a', from: 'new', to: 'returning' },
      { customerId: 'c', from: 'loyal', to: 'at-risk' },
      { customerId: 'd', from: 'at-risk', to: 'churned' },
      { customerId: 'e', from: 'churned', to: 'absent' },
      { customerId: 'f', from: 'absent', to: 'new' },
    ]);
    expect(matrix.returning.returning).toBe(1);
    expect(matrix.absent.new).toBe(1);
    const total = Object.values(matrix).reduce(
      (sum, row) => sum + Object.values(row).reduce((x, y) => x + y, 0),
      0,
    );
    expect(total).toBe(6);
  });

  it('chains with lifecycleStages: a month later the new customer with one order is at risk', () => {
    const one = [{ customerId: 'x', firstPurchase: '2026-01-01', lastPurchase: '2026-01-01', orders: 1 }];
    const { changes } = lifecycleTransitions(
      lifecycleStages({ customers: one, now: '2026-02-01' }),
      lifecycleStages({ customers: one, now: '2026-04-15' }),
    );
    expect(changes).toEqual([{ customerId: 'x', from: 'new', to: 'at-risk' }]);
  });
});
