import { ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { activeSkuRate } from './active-sku-rate.js';
import { sellThrough } from './sell-through.js';
import { inventoryTurnover } from './turnover.js';

describe('activeSkuRate (动销率)', () => {
  it('2,850 of 2,900 stocked SKUs selling is 98.28 %', () => {
    const stockedSkus = Array.from({ length: 2900 }, (_, i) => `S${i}`);
    const sales = stockedSkus.slice(0, 2850).map((sku) => ({ sku, quantity: 1 }));
    const result = activeSkuRate({
      stockedSkus,
      sales: [...sales, { sku: 'S2899', quantity: 0 }, { sku: 'NEW', quantity: 2 }],
    });
    expect(result).toMatchObject({ stocked: 2900, active: 2850, percent: '98.28%', soldNotStocked: ['NEW'] });
    expect(result.rate).toBeCloseTo(2850 / 2900, 12);
    expect(result.inactiveSkus).toHaveLength(50);
  });

  it('counts a SKU whose returns cancel its sales as not selling', () => {
    expect(
      activeSkuRate({
        stockedSkus: ['A', 'B'],
        sales: [
          { sku: 'A', quantity: 2 },
          { sku: 'A', quantity: -2 },
          { sku: 'B', quantity: 1 },
        ],
      }).active,
    ).toBe(1);
  });
});

describe('sellThrough', () => {
  it('650,000 sold of 1,000,000 received is 65 %, per SKU and in total', () => {
    const rows = sellThrough([
      { sku: 'TEA', sold: 400_000, received: 500_000 },
      { sku: 'CUP', sold: 250_000, received: 500_000 },
    ]);
    expect(rows.map((r) => [r.sku, r.definition, r.percent])).toEqual([
      ['TEA', 'sold / received', '80.00%'],
      ['CUP', 'sold / received', '50.00%'],
      ['*', 'sold / received', '65.00%'],
    ]);
  });

  it('names the other definitions and needs their inputs', () => {
    const [row] = sellThrough([{ sku: 'X', sold: 60, received: 80, beginning: 20, ending: 40 }], {
      definition: 'available',
    });
    expect(row).toMatchObject({ definition: 'sold / (beginning + received)', denominator: 100, rate: 0.6 });
    const [other] = sellThrough([{ sku: 'X', sold: 60, received: 80, ending: 40 }], {
      definition: 'sold-plus-on-hand',
    });
    expect(other).toMatchObject({
      definition: 'sold / (sold + ending on hand)',
      denominator: 100,
      percent: '60.00%',
    });
    expect(() => sellThrough([{ sku: 'X', sold: 1, received: 1 }], { definition: 'available' })).toThrow(
      ValidationError,
    );
    expect(sellThrough([{ sku: 'X', sold: 0, received: 0 }])[0]).toMatchObject({ rate: null, percent: null });
  });
});

describe('inventoryTurnover', () => {
  it('COGS 600,000 over an average inventory of 120,000 turns 5 times: 73 days', () => {
    expect(
      inventoryTurnover({
        cogs: '600000',
        beginningInventory: '100000',
        endingInventory: '140000',
        days: 365,
      }),
    ).toEqual({
      basis: 'cogs',
      averageInventory: '120000.00',
      turnover: 5,
      daysOfInventory: 73,
    });
  });

  it('a quarter: 91 days; no inventory gives no turnover', () => {
    expect(
      inventoryTurnover({ cogs: 150000, beginningInventory: 100000, endingInventory: 140000, days: 91 }),
    ).toMatchObject({
      turnover: 1.25,
      daysOfInventory: 72.8,
    });
    expect(inventoryTurnover({ cogs: 1, beginningInventory: 0, endingInventory: 0, days: 30 })).toMatchObject(
      { turnover: null },
    );
  });
});
