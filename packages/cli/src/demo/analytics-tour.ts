import { abcClassify, activeSkuRate, inventoryTurnover, salesTrend, sellThrough } from '@s2b2b/analytics';
import { formatMoney, Money } from '@s2b2b/core';
import type { Printer } from '../output.js';

/**
 * What the analytics section found.
 *
 * @example
 * const { months, activeSkuRate, ok }: AnalyticsTourResult = analyticsTour(out);
 */
export interface AnalyticsTourResult {
  months: { period: string; revenue: string; change: number | null; yearOverYear: number | null }[];
  activeSkuRate: string;
  sellThrough: string;
  turnover: { turnover: number | null; daysOfInventory: number | null };
  abc: Record<'A' | 'B' | 'C', number>;
  ok: boolean;
}

const SALES: [string, string][] = [
  ['2025-01-12', '1200.00'],
  ['2025-02-08', '960.00'],
  ['2025-12-03', '1620.00'],
  ['2025-12-20', '2000.00'],
  ['2026-01-06', '1200.00'],
  ['2026-01-18', '2150.00'],
  ['2026-01-31T17:30:00Z', '150.00'],
  ['2026-02-10', '2100.00'],
  ['2026-02-21', '1000.00'],
];

/**
 * The analytics section of `s2b2b demo`: a merchant's months in Asia/Shanghai with MoM and YoY,
 * 动销率 (2,850 of 2,900 SKUs), sell-through (650,000 of 1,000,000), turnover (COGS 600,000 over an
 * average 120,000 → 5 turns, 73 days) and an ABC split — each checked against its hand result.
 *
 * @example
 * const result = analyticsTour(out);
 */
export function analyticsTour(out: Printer): AnalyticsTourResult {
  out.heading('9. Analytics: trend, 动销率, sell-through, turnover, ABC');
  const trend = salesTrend(
    SALES.map(([at, amount]) => ({ at, amount })),
    { grain: 'month', from: '2025-12-01', to: '2026-02-28' },
  );
  const months = trend.periods.map((p) => ({
    period: p.period,
    revenue: p.revenue,
    change: p.change?.percent ?? null,
    yearOverYear: p.yearOverYear?.percent ?? null,
  }));
  out.table(
    months.map((m) => ({
      month: m.period,
      revenue: formatMoney(Money.of(m.revenue, 'CNY')),
      MoM: m.change === null ? '—' : `${m.change}%`,
      YoY: m.yearOverYear === null ? '—' : `${m.yearOverYear}%`,
    })),
  );
  const stockedSkus = Array.from({ length: 2900 }, (_, i) => `SKU-${i}`);
  const active = activeSkuRate({
    stockedSkus,
    sales: stockedSkus.slice(0, 2850).map((sku) => ({ sku, quantity: 1 })),
  });
  const [through] = sellThrough([{ sku: 'all', sold: 650_000, received: 1_000_000 }]);
  const turnover = inventoryTurnover({
    cogs: '600000',
    beginningInventory: '100000',
    endingInventory: '140000',
    days: 365,
  });
  const abcRows = abcClassify(
    [500, 250, 100, 60, 50, 30, 10].map((value, i) => ({ sku: `S${i + 1}`, value })),
  );
  const abc = { A: 0, B: 0, C: 0 };
  for (const row of abcRows) abc[row.class] += 1;
  out.line(
    `动销率 ${active.active.toLocaleString('en-US')}/${active.stocked.toLocaleString('en-US')} = ${active.percent}; ` +
      `sell-through (${through!.definition}) ${through!.percent}; turnover ${turnover.turnover}, ${turnover.daysOfInventory} days of inventory; ` +
      `ABC ${abc.A}/${abc.B}/${abc.C}`,
  );
  const ok =
    months.map((m) => m.revenue).join(' ') === '3620.00 3350.00 3250.00' &&
    months[1]?.yearOverYear === 179.17 &&
    active.percent === '98.28%' &&
    through?.percent === '65.00%' &&
    turnover.turnover === 5 &&
    turnover.daysOfInventory === 73 &&
    abc.A === 3 &&
    abc.B === 2 &&
    abc.C === 2;
  return {
    months,
    activeSkuRate: active.percent,
    sellThrough: through!.percent!,
    turnover: { turnover: turnover.turnover, daysOfInventory: turnover.daysOfInventory },
    abc,
    ok,
  };
}
