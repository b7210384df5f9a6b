import { Money } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { issuePaths } from '../../test/thrown.js';
import { workingCapitalNeed } from './working-capital.js';

describe('workingCapitalNeed (流动资金贷款需求量测算)', () => {
  const input = {
    lastYearSales: Money.of('6000000'),
    salesProfitMargin: '0.1',
    expectedSalesGrowth: '0.2',
    inventoryDays: 45,
    receivableDays: 30,
    payableDays: 20,
  } as const;

  it('by hand: 6,000,000 × 0.9 × 1.2 / (360 / 55) = 990,000', () => {
    const w = workingCapitalNeed({ ...input, ownFunds: Money.of('200000') });
    expect(w.cycleDays).toBe(55);
    expect(w.turnover).toBeCloseTo(360 / 55, 14);
    expect(w.workingCapital.toString()).toBe('990000.00 CNY');
    expect(w.newLoanCap.toString()).toBe('790000.00 CNY');
  });

  it('prepayments and advance receipts; funded needs and supplier-funded cycles give 0', () => {
    const w = workingCapitalNeed({ ...input, prepaymentDays: 5, advanceReceiptDays: 10 });
    // cycle 50 days: 6,480,000 × 50 / 360 = 900,000
    expect(w.workingCapital.toString()).toBe('900000.00 CNY');
    const funded = workingCapitalNeed({
      ...input,
      ownFunds: Money.of('500000'),
      existingWorkingCapitalLoans: Money.of('300000'),
      otherWorkingCapital: Money.of('250000'),
    });
    expect(funded.newLoanCap.isZero()).toBe(true);
    const supplierFunded = workingCapitalNeed({ ...input, payableDays: 90 });
    expect([supplierFunded.turnover, supplierFunded.workingCapital.isZero()]).toEqual([null, true]);
  });

  it('rounds down to the fen', () => {
    // 1000 × 1 × 1 × 1 / 360 = 2.7777… → 2.77
    const w = workingCapitalNeed({
      lastYearSales: Money.of('1000'),
      salesProfitMargin: '0',
      expectedSalesGrowth: '0',
      inventoryDays: 1,
      receivableDays: 0,
      payableDays: 0,
    });
    expect(w.workingCapital.toString()).toBe('2.77 CNY');
  });

  it('names bad fields', () => {
    expect(issuePaths(() => workingCapitalNeed({ ...input, ownFunds: Money.of('1', 'USD') }))).toEqual([
      'ownFunds',
    ]);
    expect(issuePaths(() => workingCapitalNeed({ ...input, salesProfitMargin: '1.5' }))).toEqual([
      'salesProfitMargin',
    ]);
    expect(issuePaths(() => workingCapitalNeed({ ...input, inventoryDays: -1 }))).toEqual(['inventoryDays']);
  });
});
