/**
 * Merchant reports with `@s2b2b/analytics`: monthly and weekly sales in the merchant's time zone
 * with month-over-month and year-over-year change and a moving average, 动销率 and sell-through
 * with the definition named, turnover and days of inventory, ABC by value with XYZ by demand
 * variability, a cohort retention table and a profile of each customer segment.
 */

import {
  abcClassify,
  abcXyzMatrix,
  activeSkuRate,
  cohortRetention,
  inventoryTurnover,
  salesTrend,
  segmentProfiles,
  sellThrough,
  xyzClassify,
} from '@s2b2b/analytics';
import { formatMoney, money } from '@s2b2b/core';
import type { ExampleIo, ExampleMeta } from './example.js';

/**
 * @example
 * meta.name // 'analytics'
 */
export const meta: ExampleMeta = {
  name: 'analytics',
  title: 'Sales trend, 动销率, sell-through, turnover, ABC/XYZ, cohorts and segment profiles',
  description:
    'A merchant’s sales by month and ISO week in Asia/Shanghai with MoM, YoY and moving averages; 动销率 and sell-through with the definition named; turnover and days of inventory; ABC by value and XYZ by CV; cohort retention; a profile per segment.',
};

/** Sales lines: when (Shanghai time or an instant), order, SKU, units, amount. */
const SALES: [string, string, string, number, string][] = [
  ['2025-01-12', 'SO-001', '茶叶', 10, '1200.00'],
  ['2025-02-08', 'SO-002', '茶叶', 8, '960.00'],
  ['2025-12-03', 'SO-101', '茶叶', 12, '1440.00'],
  ['2025-12-03', 'SO-101', '茶杯', 6, '180.00'],
  ['2025-12-20', 'SO-102', '大米', 40, '2000.00'],
  ['2026-01-06', 'SO-103', '茶叶', 10, '1200.00'],
  ['2026-01-18', 'SO-104', '大米', 30, '1500.00'],
  ['2026-01-18', 'SO-104', '食用油', 10, '650.00'],
  ['2026-01-31T17:30:00Z', 'SO-105', '茶点', 5, '150.00'], // 1 February 01:30 in Shanghai
  ['2026-02-10', 'SO-106', '茶叶', 15, '1800.00'],
  ['2026-02-10', 'SO-106', '茶杯', 10, '300.00'],
  ['2026-02-21', 'SO-107', '大米', 20, '1000.00'],
];

/** First purchases and repeats of the merchant's customers, for cohorts. */
const PURCHASES: [string, string][] = [
  ['C-王', '2025-12-03'],
  ['C-王', '2026-01-06'],
  ['C-王', '2026-02-10'],
  ['C-李', '2025-12-20'],
  ['C-李', '2026-02-21'],
  ['C-张', '2025-12-28'],
  ['C-赵', '2026-01-18'],
  ['C-赵', '2026-02-25'],
  ['C-孙', '2026-01-31T17:30:00Z'],
];

/**
 * @example
 * await run({ log: console.log, table: console.table });
 */
export async function run(io: ExampleIo): Promise<void> {
  const sales = SALES.map(([at, orderId, , quantity, amount]) => ({ at, orderId, quantity, amount }));
  const monthly = salesTrend(sales, {
    grain: 'month',
    from: '2025-12-01',
    to: '2026-02-28',
    movingAverage: 3,
  });
  const yuan = (amount: string) => formatMoney(money(amount));
  const pct = (value: number | null | undefined) =>
    value === null || value === undefined ? '—' : `${value > 0 ? '+' : ''}${value}%`;
  io.log(`Sales by month (${monthly.zone}):`);
  io.table(
    monthly.periods.map((p) => ({
      month: p.period,
      revenue: yuan(p.revenue),
      orders: p.orders,
      units: p.quantity,
      MoM: pct(p.change?.percent),
      YoY: pct(p.yearOverYear?.percent),
      '3-month average': p.movingAverage ? yuan(p.movingAverage) : '—',
    })),
  );
  const weekly = salesTrend(sales, { grain: 'week', from: '2026-01-26', to: '2026-02-22' });
  io.log('Sales by ISO week:');
  io.table(
    weekly.periods.map((p) => ({ week: p.period, revenue: yuan(p.revenue), WoW: pct(p.change?.percent) })),
  );

  const stockedSkus = ['茶叶', '茶杯', '茶点', '大米', '食用油', '调料', '酱油', '米醋'];
  const february = SALES.filter(([at]) => at >= '2026-02-01' || at.startsWith('2026-01-31T')).map(
    ([, , sku, quantity]) => ({ sku, quantity }),
  );
  const active = activeSkuRate({ stockedSkus, sales: february });
  io.log();
  io.log(
    `动销率, February: ${active.active} of ${active.stocked} stocked SKUs sold = ${active.percent} (${active.definition}); not selling: ${active.inactiveSkus.join('、')}`,
  );
  const through = sellThrough([
    { sku: '茶叶', sold: 15, received: 20 },
    { sku: '大米', sold: 20, received: 50 },
    { sku: '茶杯', sold: 10, received: 8 },
  ]);
  io.table(
    through.map((r) => ({
      sku: r.sku === '*' ? 'all' : r.sku,
      sold: r.sold,
      received: r.denominator,
      'sell-through': r.percent ?? '—',
      definition: r.definition,
    })),
  );
  const turnover = inventoryTurnover({
    cogs: '600000',
    beginningInventory: '100000',
    endingInventory: '140000',
    days: 365,
  });
  io.log(
    `Turnover 2025: COGS ¥600,000.00 / average inventory ${yuan(turnover.averageInventory)} = ${turnover.turnover} turns, ${turnover.daysOfInventory} days of inventory`,
  );

  const value = new Map<string, number>();
  for (const [, , sku, , amount] of SALES) value.set(sku, (value.get(sku) ?? 0) + Number(amount));
  const abc = abcClassify([...value].map(([sku, v]) => ({ sku, value: v.toFixed(2) })));
  const xyz = xyzClassify(
    [...value.keys()].map((sku) => ({
      sku,
      demand: ['2025-12', '2026-01', '2026-02'].map((month) =>
        SALES.filter(([at, , s]) => s === sku && at.startsWith(month)).reduce((sum, row) => sum + row[3], 0),
      ),
    })),
  );
  const matrix = abcXyzMatrix(abc, xyz);
  io.log();
  io.log('ABC by value (80 % / 95 %), XYZ by the CV of monthly units (0.5 / 1.0):');
  io.table(
    abc.map((row) => {
      const variability = xyz.find((x) => x.sku === row.sku)!;
      return {
        sku: row.sku,
        value: yuan(row.value.toFixed(2)),
        cumulative: `${(row.cumulativeShare * 100).toFixed(1)}%`,
        ABC: row.class,
        CV: variability.cv === null ? '—' : variability.cv.toFixed(3),
        XYZ: variability.class,
        class: matrix.skus.find((s) => s.sku === row.sku)!.class,
      };
    }),
  );

  const cohorts = cohortRetention(
    PURCHASES.map(([customerId, at]) => ({ customerId, at })),
    { grain: 'month', asOf: '2026-02-28' },
  );
  io.log('Cohort retention (customers by the month of their first purchase):');
  io.table(
    cohorts.map((c) => ({
      cohort: c.cohort,
      customers: c.size,
      ...Object.fromEntries(c.rates.map((r, k) => [`M+${k}`, `${Math.round(r * 100)}%`])),
    })),
  );

  const profiles = segmentProfiles([
    { customerId: 'C-王', segment: 'Champions', orders: 5, revenue: '2300.00', recencyDays: 9 },
    { customerId: 'C-赵', segment: 'Loyal', orders: 3, revenue: '325.00', recencyDays: 3 },
    { customerId: 'C-李', segment: "Can't Lose Them", orders: 4, revenue: '3190.00', recencyDays: 122 },
    { customerId: 'C-张', segment: 'About to Sleep', orders: 1, revenue: '150.00', recencyDays: 24 },
    { customerId: 'C-郑', segment: 'About to Sleep', orders: 2, revenue: '100.00', recencyDays: 71 },
  ]);
  io.log('Customer profile by segment:');
  io.table(
    profiles.map((p) => ({
      segment: p.segment,
      customers: p.customers,
      revenue: yuan(p.revenue),
      'share of revenue': `${(p.revenueShare * 100).toFixed(1)}%`,
      'orders / customer': p.ordersPerCustomer,
      'average order': p.averageOrderValue ? yuan(p.averageOrderValue) : '—',
      'median days since last': p.medianRecencyDays ?? '—',
    })),
  );
}
