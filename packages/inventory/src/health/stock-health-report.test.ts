import { describe, expect, it } from 'vitest';
import { thrown } from '../../test/helpers.js';
import { stockHealthReport } from './stock-health-report.js';

const asOf = '2026-03-01T00:00:00Z';
const daysAgo = (n: number) => new Date(Date.parse(asOf) - n * 86_400_000).toISOString();

describe('stockHealthReport', () => {
  const report = stockHealthReport(
    [
      // Never sold, 212 days old: dead, and gz sells the same SKU.
      {
        sku: 'TEA',
        warehouseId: 'sh',
        unitCost: '8.00',
        receipts: [{ receivedAt: daysAgo(212), quantity: 50 }],
      },
      // Sells 18 in the last 90 days (0.2/day), 2 left: active, covers 10 days.
      {
        sku: 'TEA',
        warehouseId: 'gz',
        unitCost: '8.00',
        receipts: [{ receivedAt: daysAgo(28), quantity: 20 }],
        sales: [
          { at: daysAgo(9), quantity: 15 },
          { at: daysAgo(2), quantity: 3 },
        ],
      },
      // Last sale 243 days ago; a lot of 100 arrived 40 days ago, inside a 60-day return window.
      {
        sku: 'RICE',
        warehouseId: 'sh',
        unitCost: '3.50',
        returnWindowDays: 60,
        receipts: [
          { receivedAt: daysAgo(40), quantity: 100 },
          { receivedAt: daysAgo(273), quantity: 10, unitCost: '3.00' },
        ],
        sales: [{ at: daysAgo(243), quantity: 5 }],
      },
      // Nothing left.
      {
        sku: 'OIL',
        warehouseId: 'bj',
        unitCost: '20',
        receipts: [{ receivedAt: daysAgo(10), quantity: 4 }],
        sales: [{ at: daysAgo(1), quantity: 4 }],
      },
    ],
    { asOf },
  );
  const row = (sku: string, wh: string) => report.rows.find((r) => r.sku === sku && r.warehouseId === wh)!;

  it('measures each item: on hand by FIFO, value at cost, idle days, cover, sell-through, turnover', () => {
    const gz = row('TEA', 'gz');
    expect(gz.onHand).toBe(2);
    expect(gz.value.toString()).toBe('16.00 CNY');
    expect(gz.unitsSold).toBe(18);
    expect(gz.averageDailyDemand).toBeCloseTo(0.2, 15);
    expect(gz.daysSinceLastSale).toBe(2);
    expect(gz.daysOfCover).toBeCloseTo(10, 12);
    expect(gz.sellThrough).toBe(0.9);
    // 20 units for 19 days, 5 for 7 days, 2 for 2 days, over a 90-day window: average 5.0.
    expect(gz.turnover).toBeCloseTo(18 / ((20 * 19 + 5 * 7 + 2 * 2) / 90), 12);
    expect(gz.movement).toBe('active');
    const tea = row('TEA', 'sh');
    expect(tea.daysSinceLastSale).toBeNull();
    expect(tea.idleDays).toBe(212);
    expect(tea.daysOfCover).toBe(Number.POSITIVE_INFINITY);
    expect(tea.sellThrough).toBe(0);
    expect(tea.turnover).toBe(0);
    expect(tea.daysOfInventory).toBe(Number.POSITIVE_INFINITY);
    expect(row('OIL', 'bj')).toMatchObject({
      onHand: 0,
      movement: 'no-stock',
      daysOfCover: 0,
      oldestAgeDays: null,
    });
  });

  it('ages and values the lots FIFO left, each at its own cost', () => {
    const rice = row('RICE', 'sh');
    expect(rice.onHand).toBe(105); // the sale took 5 of the old lot
    expect(rice.value.toString()).toBe('365.00 CNY'); // 100 × 3.50 + 5 × 3.00
    expect(rice.aging.map((b) => [b.label, b.quantity, b.value.toString()])).toEqual([
      ['0-30', 0, '0.00 CNY'],
      ['31-60', 100, '350.00 CNY'],
      ['61-90', 0, '0.00 CNY'],
      ['91-180', 0, '0.00 CNY'],
      ['181+', 5, '15.00 CNY'],
    ]);
    expect(rice.oldestAgeDays).toBe(273);
  });

  it('recommends: return what the window allows, transfer to who sells, markdown the rest', () => {
    expect(row('RICE', 'sh').movement).toBe('dead');
    expect(row('RICE', 'sh').action).toMatchObject({ kind: 'return-to-supplier', quantity: 100 });
    // gz would hold 90 days × 0.2 = 18 and has 2: it can take 16.
    expect(row('TEA', 'sh').action).toMatchObject({ kind: 'transfer', quantity: 16, to: 'gz' });
    expect(row('TEA', 'sh').action.reason).toContain('mark down the other 34');
    expect(row('TEA', 'gz').action.kind).toBe('none');
  });

  it('sorts by urgency then value, and sums by class and bucket', () => {
    expect(report.rows.map((r) => `${r.sku}/${r.warehouseId}`)).toEqual([
      'TEA/sh',
      'RICE/sh',
      'TEA/gz',
      'OIL/bj',
    ]);
    expect(report.summary.byMovement.dead).toMatchObject({ items: 2, units: 155 });
    expect(report.summary.byMovement.dead.value.toString()).toBe('765.00 CNY');
    expect(report.summary.value.toString()).toBe('781.00 CNY');
    expect(report.summary.aging.reduce((t, b) => t + b.quantity, 0)).toBe(157);
    const byValue = stockHealthReport([], { asOf, sortBy: 'value' });
    expect(byValue.rows).toEqual([]);
  });

  it('rejects bad input naming the field', () => {
    const e = thrown(() =>
      stockHealthReport(
        [
          {
            sku: 'A',
            warehouseId: 'x',
            unitCost: '1',
            receipts: [{ receivedAt: daysAgo(1), quantity: 1 }],
            sales: [{ at: daysAgo(0), quantity: 2 }],
          },
        ],
        { asOf },
      ),
    );
    expect(e.issues?.[0]).toMatchObject({
      path: ['items', 0, 'sales', 0, 'quantity'],
      code: 'exceeds_stock',
    });
    expect(
      thrown(() =>
        stockHealthReport([{ sku: 'A', warehouseId: 'x', unitCost: '-1', receipts: [] }], { asOf }),
      ).issues?.[0]?.path,
    ).toEqual(['items', 0, 'unitCost']);
    expect(thrown(() => stockHealthReport([], { asOf: 'soon' })).issues?.[0]?.path).toEqual([
      'options',
      'asOf',
    ]);
    expect(thrown(() => stockHealthReport([], { asOf, demandWindowDays: 0 })).issues?.[0]?.path).toEqual([
      'options',
      'demandWindowDays',
    ]);
  });
});
