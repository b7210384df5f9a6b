import { Money } from '@s2b2b/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issuePaths } from '../../test/thrown.js';
import { penaltyInterest, penaltyRate } from './penalty-interest.js';

describe('penaltyRate', () => {
  it('contract rate × (1 + markup), +50 % by default', () => {
    expect(penaltyRate({ contractRate: '0.0435' }).toString()).toBe('0.06525');
    expect(penaltyRate({ contractRate: '0.0435', markup: '0.3' }).toString()).toBe('0.05655');
    expect(penaltyRate({ contractRate: '0.0435', markup: 0.4 }).toString()).toBe('0.0609');
    expect(penaltyRate({ contractRate: '0.0435', purpose: 'misuse' }).toString()).toBe('0.087');
    expect(penaltyRate({ contractRate: '0.0435', purpose: 'misuse', markup: '0.5' }).toString()).toBe(
      '0.06525',
    );
  });

  it('a markup outside 银发〔2003〕251号 is rejected on markup', () => {
    expect(issuePaths(() => penaltyRate({ contractRate: '0.0435', markup: '0.29' }))).toEqual(['markup']);
    expect(issuePaths(() => penaltyRate({ contractRate: '0.0435', markup: '0.51' }))).toEqual(['markup']);
    expect(
      issuePaths(() => penaltyRate({ contractRate: '0.0435', markup: '0.4', purpose: 'misuse' })),
    ).toEqual(['markup']);
    expect(issuePaths(() => penaltyRate({ contractRate: '-0.01' }))).toEqual(['contractRate']);
  });
});

describe('penaltyInterest', () => {
  const overdue = {
    overduePrincipal: Money.of('1000'),
    overdueInterest: Money.of('3.63'),
    contractRate: '0.0435',
    dueDate: '2024-03-01',
    dayCount: 'ACT/360',
  } as const;

  it('罚息 on principal and 复利 on interest at the penalty rate (hand-computed)', () => {
    const r = penaltyInterest({ ...overdue, asOf: '2024-03-11' });
    expect(r.days).toBe(10);
    expect(r.penaltyRate.toString()).toBe('0.06525');
    // 1000 × 0.06525 × 10/360 = 1.8125 → 1.81; 3.63 × 0.06525 × 10/360 = 0.00658 → 0.01
    expect(r.onPrincipal.toString()).toBe('1.81 CNY');
    expect(r.onInterest.toString()).toBe('0.01 CNY');
    expect(r.total.toString()).toBe('1.82 CNY');
  });

  it('a 30 % markup over 31 days across a month end', () => {
    const r = penaltyInterest({
      ...overdue,
      overduePrincipal: Money.of('50000'),
      overdueInterest: Money.of('181.25'),
      markup: '0.3',
      dueDate: '2024-01-20',
      asOf: '2024-02-20',
    });
    // 50000 × 0.05655 × 31/360 = 243.479166… → 243.48; 181.25 × 0.05655 × 31/360 = 0.882628… → 0.88
    expect([r.onPrincipal.toString(), r.onInterest.toString(), r.total.toString()]).toEqual([
      '243.48 CNY',
      '0.88 CNY',
      '244.36 CNY',
    ]);
  });

  it('nothing on the due date, nothing within grace, the whole span past it', () => {
    expect(penaltyInterest({ ...overdue, asOf: '2024-03-01' }).total.isZero()).toBe(true);
    expect(penaltyInterest({ ...overdue, asOf: '2024-02-20' }).days).toBe(0);
    const grace = penaltyInterest({ ...overdue, asOf: '2024-03-04', graceDays: 3 });
    expect([grace.inGrace, grace.total.toString()]).toEqual([true, '0.00 CNY']);
    const past = penaltyInterest({ ...overdue, asOf: '2024-03-05', graceDays: 3 });
    // 4 days: 1000 × 0.06525 × 4/360 = 0.725 → 0.72 (half-even)
    expect([past.inGrace, past.onPrincipal.toString()]).toEqual([false, '0.72 CNY']);
  });

  it('no compounding when the contract says so', () => {
    const r = penaltyInterest({ ...overdue, asOf: '2024-04-10', compoundOverdueInterest: false });
    expect(r.onInterest.isZero()).toBe(true);
    expect(r.total.equals(r.onPrincipal)).toBe(true);
  });

  it('rejects mixed currencies and bad fields by name', () => {
    expect(
      issuePaths(() =>
        penaltyInterest({ ...overdue, asOf: '2024-03-11', overdueInterest: Money.of('1', 'USD') }),
      ),
    ).toEqual(['overdueInterest']);
    expect(issuePaths(() => penaltyInterest({ ...overdue, asOf: '2024-03-11', markup: '0.6' }))).toEqual([
      'markup',
    ]);
    expect(issuePaths(() => penaltyInterest({ ...overdue, asOf: '2024-03-32' }))).toEqual(['asOf']);
    expect(issuePaths(() => penaltyInterest({ ...overdue, asOf: '2024-03-11', graceDays: -1 }))).toEqual([
      'graceDays',
    ]);
  });

  it('property: the penalty grows with the days overdue and a 50 % markup costs more than 30 %', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 1_000_000_000n }), fc.nat(400), fc.nat(30), (minor, d, extra) => {
        const base = { ...overdue, overduePrincipal: Money.fromMinor(minor), dueDate: '2024-01-01' };
        const asOf = (n: number) => new Date(Date.UTC(2024, 0, 1 + n, 4)); // 12:00 in Shanghai
        const a = penaltyInterest({ ...base, asOf: asOf(d) });
        const b = penaltyInterest({ ...base, asOf: asOf(d + extra) });
        expect(a.days).toBe(d);
        expect(b.total.greaterThanOrEqual(a.total)).toBe(true);
        const low = penaltyInterest({ ...base, asOf: asOf(d), markup: '0.3' });
        expect(a.total.greaterThanOrEqual(low.total)).toBe(true);
      }),
    );
  });
});
