import { type Money, sum, ValidationError } from '@s2b2b/core';
import type { CampaignReport } from './campaign-report.js';

/**
 * One row of the comparison: a campaign's figures and its rank.
 *
 * @example
 * const row: CampaignComparisonRow = table.rows[0]!;
 */
export interface CampaignComparisonRow {
  rank: number;
  campaignId: string;
  name: string | null;
  orders: number;
  newCustomers: number;
  revenue: Money;
  discountCost: Money;
  marginAfterDiscount: Money;
  redemptionRate: number | null;
  method: 'control-group' | 'pre-period-baseline' | null;
  incrementalRevenue: Money | null;
  incrementalMargin: Money | null;
  roi: number | null;
}

/**
 * The comparison table: rows ranked, and the totals of the additive columns.
 *
 * @example
 * const { rows, totals }: CampaignComparison = compareCampaigns(reports);
 */
export interface CampaignComparison {
  rows: CampaignComparisonRow[];
  totals: {
    orders: number;
    newCustomers: number;
    revenue: Money;
    discountCost: Money;
    marginAfterDiscount: Money;
  };
}

/**
 * Compares campaigns side by side: ranked by ROI (highest first; campaigns without an ROI
 * last), then by incremental margin, then by margin after discount, then by id. Totals add the
 * orders, new customers, revenue, discount cost and margin of all rows — an order that used two
 * campaigns counts in both, so the totals can exceed the shop's own.
 *
 * @throws ValidationError when the reports are in different currencies
 * @example
 * const table = compareCampaigns([campaignReport(spring), campaignReport(flash)]);
 * table.rows.map((r) => [r.rank, r.campaignId, r.roi])
 */
export function compareCampaigns(reports: readonly CampaignReport[]): CampaignComparison {
  if (!Array.isArray(reports))
    throw ValidationError.field('reports', 'Expected campaign reports', 'invalid_type');
  const currency = reports[0]?.currency ?? 'CNY';
  reports.forEach((r, i) => {
    if (r?.currency !== currency) {
      throw ValidationError.field(
        ['reports', i, 'currency'],
        `Expected every report in ${currency}`,
        'invalid_value',
      );
    }
  });
  const sorted = [...reports].sort((a, b) => {
    if ((a.roi === null) !== (b.roi === null)) return a.roi === null ? 1 : -1;
    if (a.roi !== null && b.roi !== null && a.roi !== b.roi) return b.roi - a.roi;
    const ai = a.incremental?.margin;
    const bi = b.incremental?.margin;
    if (ai && bi && !ai.equals(bi)) return bi.compare(ai);
    if (!a.marginAfterDiscount.equals(b.marginAfterDiscount))
      return b.marginAfterDiscount.compare(a.marginAfterDiscount);
    return a.campaignId < b.campaignId ? -1 : a.campaignId > b.campaignId ? 1 : 0;
  });
  const rows = sorted.map((r, i) => ({
    rank: i + 1,
    campaignId: r.campaignId,
    name: r.name,
    orders: r.orders,
    newCustomers: r.newCustomers,
    revenue: r.revenue,
    discountCost: r.discountCost,
    marginAfterDiscount: r.marginAfterDiscount,
    redemptionRate: r.redemptionRate,
    method: r.incremental?.method ?? null,
    incrementalRevenue: r.incremental?.revenue ?? null,
    incrementalMargin: r.incremental?.margin ?? null,
    roi: r.roi,
  }));
  return {
    rows,
    totals: {
      orders: reports.reduce((s, r) => s + r.orders, 0),
      newCustomers: reports.reduce((s, r) => s + r.newCustomers, 0),
      revenue: sum(
        reports.map((r) => r.revenue),
        currency,
      ),
      discountCost: sum(
        reports.map((r) => r.discountCost),
        currency,
      ),
      marginAfterDiscount: sum(
        reports.map((r) => r.marginAfterDiscount),
        currency,
      ),
    },
  };
}

/**
 * The discount each campaign gave in an evaluated cart — the `discounts` of a campaign order.
 *
 * @example
 * campaignDiscounts(evaluation) // [{ campaignId: 'spring', amount: '40.00' }]
 */
export function campaignDiscounts(evaluation: {
  applied: readonly { campaignId: string | null; total: Money }[];
}): { campaignId: string; amount: string }[] {
  const totals = new Map<string, Money>();
  for (const a of evaluation.applied) {
    if (a.campaignId === null) continue;
    const prior = totals.get(a.campaignId);
    totals.set(a.campaignId, prior ? prior.add(a.total) : a.total);
  }
  return [...totals].map(([campaignId, amount]) => ({ campaignId, amount: amount.toDecimalString() }));
}
