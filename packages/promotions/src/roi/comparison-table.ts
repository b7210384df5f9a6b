import type { CampaignComparison } from './compare-campaigns.js';

const percent = (value: number | null) => (value === null ? '–' : `${(value * 100).toFixed(1)} %`);

/**
 * The comparison as a Markdown table, one row per campaign in rank order and a totals row:
 * orders, new customers, revenue, discount cost, margin after discount, redemption rate, the
 * incrementality method, incremental revenue and margin, and ROI. Amounts are exact decimals;
 * rates are percentages to one decimal; `–` where a figure is not known.
 *
 * @example
 * console.log(campaignComparisonTable(compareCampaigns([spring, flash])));
 * // | rank | campaign | orders | … | ROI |
 */
export function campaignComparisonTable(comparison: CampaignComparison): string {
  const header = [
    'rank',
    'campaign',
    'orders',
    'new customers',
    'revenue',
    'discount cost',
    'margin after discount',
    'redemption rate',
    'method',
    'incremental revenue',
    'incremental margin',
    'ROI',
  ];
  const rows = comparison.rows.map((r) => [
    String(r.rank),
    r.name === null ? r.campaignId : `${r.name} (${r.campaignId})`,
    String(r.orders),
    String(r.newCustomers),
    r.revenue.toDecimalString(),
    r.discountCost.toDecimalString(),
    r.marginAfterDiscount.toDecimalString(),
    percent(r.redemptionRate),
    r.method ?? '–',
    r.incrementalRevenue?.toDecimalString() ?? '–',
    r.incrementalMargin?.toDecimalString() ?? '–',
    percent(r.roi),
  ]);
  const { totals } = comparison;
  rows.push([
    '',
    'total',
    String(totals.orders),
    String(totals.newCustomers),
    totals.revenue.toDecimalString(),
    totals.discountCost.toDecimalString(),
    totals.marginAfterDiscount.toDecimalString(),
    '',
    '',
    '',
    '',
    '',
  ]);
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const align = header.map((_, i) => (i === 1 || i === 8 ? '---' : '---:'));
  return [line(header), line(align), ...rows.map(line)].join('\n');
}
