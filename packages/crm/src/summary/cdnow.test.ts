import { describe, expect, it } from 'vitest';
import { cdnowPublishedSummary, cdnowSample } from '../../test/cdnow.js';
import { summarizeCustomers } from './summarize-customers.js';

describe('CDNOW sample → the published summary (lifetimes cdnow_customers_summary_with_transactions.csv)', () => {
  const table = summarizeCustomers(cdnowSample(), { observationEnd: '1997-09-30', timeUnit: 'week' });

  it('has 2,357 customers: 1,411 one-time and 946 repeat buyers, 2,457 repeat purchases', () => {
    expect(table.totals).toMatchObject({
      customers: 2357,
      oneTimeBuyers: 1411,
      repeatBuyers: 946,
      repeatPurchases: 2457,
    });
  });

  it('reproduces every row to the printed two decimals (x exact)', () => {
    const published = new Map(cdnowPublishedSummary().map((row) => [row.id, row]));
    expect(published.size).toBe(2357);
    for (const row of table.customers) {
      const expected = published.get(row.customerId)!;
      expect(row.frequency).toBe(expected.frequency);
      // The file prints values rounded half up; allow for the binary representation of x.xx5.
      expect(Math.abs(row.recency - expected.recency)).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs(row.T - expected.T)).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs(row.monetaryValue - expected.monetaryValue)).toBeLessThanOrEqual(0.005 + 1e-9);
    }
  });

  it("gives the repeat buyers' mean spend 35.08", () => {
    const repeaters = table.customers.filter((c) => c.frequency > 0);
    const mean = repeaters.reduce((sum, c) => sum + c.monetaryValue, 0) / repeaters.length;
    expect(mean).toBeCloseTo(35.08, 2);
  });
});
