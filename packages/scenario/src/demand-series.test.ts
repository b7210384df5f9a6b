import { describe, expect, it } from 'vitest';
import { SCENARIO_CALENDAR } from './calendar.js';
import { demandSeries } from './demand-series.js';
import { REGIONS } from './geography.js';
import { firstOrderOf, orderView } from './order-views.js';
import type { Customer, OrderTable, Sku } from './types.js';

const sku = (id: string) => ({ sku: id }) as Sku;
const customer = (region: string) => ({ region, merchantId: 'M-1' }) as Customer;

/** Three orders: day 0 (华东: 2 × A, 1 × B), day 6 (华南: 5 × A), day 7 (华东: 4 × B). */
const orders: OrderTable = {
  orderCount: 3,
  lineCount: 4,
  orderDay: Uint16Array.of(0, 6, 7),
  orderCustomer: Uint32Array.of(0, 1, 0),
  orderMinute: Uint16Array.of(600, 610, 900),
  orderFirstLine: Uint32Array.of(0, 2, 3),
  orderLineCount: Uint16Array.of(2, 1, 1),
  lineOrder: Uint32Array.of(0, 0, 1, 2),
  lineSku: Uint16Array.of(0, 1, 0, 1),
  lineQuantity: Uint32Array.of(2, 1, 5, 4),
  linePromotion: Uint16Array.of(0, 0, 0, 0),
};
const source = {
  calendar: { ...SCENARIO_CALENDAR, historyDays: 14 },
  regions: REGIONS.slice(0, 2),
  skus: [sku('A'), sku('B')],
  customers: [customer('华东'), customer('华南')],
  orders,
};

describe('demandSeries', () => {
  it('sums units per SKU × region by week, the weeks ending at toDay', () => {
    const weekly = demandSeries(source, { period: 'week', measure: 'units', toDay: 14 });
    expect(weekly.periods).toEqual(['2024-11-11', '2024-11-18']);
    expect(weekly.keys).toEqual([
      { sku: 'A', region: '华东' },
      { sku: 'A', region: '华南' },
      { sku: 'B', region: '华东' },
      { sku: 'B', region: '华南' },
    ]);
    expect(weekly.values.map((v) => Array.from(v))).toEqual([
      [2, 0],
      [5, 0],
      [1, 4],
      [0, 0],
    ]);
  });

  it('counts lines instead of units, and drops a partial first week', () => {
    const weekly = demandSeries(source, { period: 'week', measure: 'lines', toDay: 10 });
    expect(weekly.periodStarts).toEqual([3]);
    expect(weekly.values.map((v) => Array.from(v))).toEqual([[0], [1], [1], [0]]);
  });

  it('sums by day over a window', () => {
    const daily = demandSeries(source, { fromDay: 6, toDay: 8 });
    expect(daily.periods).toEqual(['2024-11-17', '2024-11-18']);
    expect(daily.values.map((v) => Array.from(v))).toEqual([
      [0, 0],
      [5, 0],
      [0, 4],
      [0, 0],
    ]);
  });
});

describe('order views', () => {
  it('finds the first order of a day and names orders by date and rank', () => {
    expect(firstOrderOf(orders, 6)).toBe(1);
    expect(firstOrderOf(orders, 8)).toBe(3);
    const view = orderView({ ...source, promotions: [] }, 2);
    expect(view).toMatchObject({
      orderId: 'SO-20241118-0001',
      date: '2024-11-18',
      placedAt: '2024-11-18T15:00:00+08:00',
    });
    expect(view.lines.map((l) => [l.lineId, l.sku.sku, l.quantity, l.promotion])).toEqual([
      ['SO-20241118-0001-1', 'B', 4, null],
    ]);
  });
});
