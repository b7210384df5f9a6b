import { type Money, parseInput, toDecimal } from '@s2b2b/core';
import { fromMinorUnits, minorDigitsOf, roundDiv, toMinorUnits } from '../minor-units.js';
import { type CampaignReportInput, campaignReportInputSchema } from './schemas.js';

/**
 * What a campaign added against its counterfactual, and how that was measured.
 *
 * @example
 * const inc: Incrementality = report.incremental!;
 */
export interface Incrementality {
  method: 'control-group' | 'pre-period-baseline';
  /**
   * What the scope would have bought without the campaign: the control group's figures scaled to
   * the treatment's size, or the baseline's scaled to the period's length (half-even to minor units).
   */
  expectedRevenue: Money;
  expectedMargin: Money;
  /** Incremental revenue: actual − expected. */
  revenue: Money;
  /** Incremental margin (after discounts): actual − expected. */
  margin: Money;
  /** Relative lift of revenue, `(actual − expected) / expected`, or `null` when nothing was expected. */
  lift: number | null;
}

/**
 * One campaign's result.
 *
 * @example
 * const report: CampaignReport = campaignReport(input);
 */
export interface CampaignReport {
  campaignId: string;
  name: string | null;
  currency: string;
  /** Orders in which the campaign gave a discount (its redemptions). */
  orders: number;
  customers: number;
  newCustomers: number;
  /** What those orders paid, after every discount (an order counts fully for every campaign in it). */
  revenue: Money;
  /** The campaign's own discounts in them. */
  discountCost: Money;
  /** Cost of goods of those orders. */
  cost: Money;
  /** `revenue − cost`: the margin the orders made after their discounts. */
  marginAfterDiscount: Money;
  /** `marginAfterDiscount / revenue`, or `null` without revenue. */
  marginRate: number | null;
  fixedCost: Money;
  averageOrderValue: Money | null;
  /** `discountCost / (revenue + discountCost)`: the share of the list value given away. */
  discountRate: number | null;
  issued: number | null;
  /** `orders / issued`, or `null` when nothing was issued. */
  redemptionRate: number | null;
  incremental: Incrementality | null;
  /**
   * `(incremental margin − fixed cost) / (discount cost + fixed cost)`: what each yuan put in
   * returned beyond itself (the incremental margin is already after the discounts), or `null`
   * without an incrementality measure or without any cost.
   */
  roi: number | null;
}

/**
 * A campaign's orders, revenue, discount cost, margin after discount, new customers, redemption
 * rate and — with `incrementality` — incremental revenue and margin against a control group or a
 * pre-period baseline (the method is named in the result), and its ROI. Money is exact; rates are
 * plain numbers. Only orders in which the campaign gave a discount count.
 *
 * @throws ValidationError naming the field
 * @example
 * const report = campaignReport({
 *   campaign: { id: 'spring', fixedCost: '500', issued: 200 },
 *   orders: [{ orderId: 'o-1', customerId: 'c-1', revenue: '180', cost: '120', discounts: [{ campaignId: 'spring', amount: '20' }], newCustomer: true }],
 *   incrementality: { method: 'pre-period-baseline', baseline: { days: 28, revenue: '28000', margin: '7000' }, period: { days: 7, revenue: '9100', margin: '2100' } },
 * });
 * report.incremental?.revenue.toString() // '2100.00 CNY'
 */
export function campaignReport(input: CampaignReportInput): CampaignReport {
  const parsed = parseInput(campaignReportInputSchema, input);
  const { currency, campaign } = parsed;
  const digits = minorDigitsOf(currency);
  const minor = (value: string, path: (string | number)[]) => toMinorUnits(value, digits, path);
  const at = (units: bigint) => fromMinorUnits(units, currency);
  let orders = 0;
  let revenue = 0n;
  let cost = 0n;
  let discount = 0n;
  const customers = new Set<string>();
  const newcomers = new Set<string>();
  // Every amount to minor units first, so a bad one is refused before anything is counted.
  const converted = parsed.orders.map((order, i) => ({
    order,
    revenue: minor(order.revenue, ['orders', i, 'revenue']),
    cost: minor(order.cost, ['orders', i, 'cost']),
    discounts: order.discounts.map((d, j) => ({
      campaignId: d.campaignId,
      amount: minor(d.amount, ['orders', i, 'discounts', j, 'amount']),
    })),
  }));
  for (const { order, revenue: paid, cost: goods, discounts } of converted) {
    const given = discounts.filter((d) => d.campaignId === campaign.id).reduce((s, d) => s + d.amount, 0n);
    if (given === 0n) continue;
    orders += 1;
    discount += given;
    revenue += paid;
    cost += goods;
    customers.add(order.customerId);
    if (order.newCustomer) newcomers.add(order.customerId);
  }
  const fixedCost = minor(campaign.fixedCost, ['campaign', 'fixedCost']);
  const margin = revenue - cost;
  const incremental = parsed.incrementality ? measure(parsed.incrementality, digits, currency) : null;
  const invested = discount + fixedCost;
  return {
    campaignId: campaign.id,
    name: campaign.name ?? null,
    currency,
    orders,
    customers: customers.size,
    newCustomers: newcomers.size,
    revenue: at(revenue),
    discountCost: at(discount),
    cost: at(cost),
    marginAfterDiscount: at(margin),
    marginRate: revenue === 0n ? null : ratio(margin, revenue),
    fixedCost: at(fixedCost),
    averageOrderValue: orders === 0 ? null : at(revenue).divide(orders, 'half-even'),
    discountRate: revenue + discount === 0n ? null : ratio(discount, revenue + discount),
    issued: campaign.issued ?? null,
    redemptionRate: campaign.issued === undefined ? null : orders / campaign.issued,
    incremental,
    roi:
      incremental === null || invested === 0n
        ? null
        : ratio(incremental.margin.toMinorUnits() - fixedCost, invested),
  };
}

function measure(
  incrementality: NonNullable<ReturnType<typeof campaignReportInputSchema.parse>['incrementality']>,
  digits: number,
  currency: string,
): Incrementality {
  const minor = (value: string, path: (string | number)[]) =>
    toMinorUnits(value, digits, ['incrementality', ...path]);
  let actual: { revenue: bigint; margin: bigint };
  let expected: { revenue: bigint; margin: bigint };
  if (incrementality.method === 'control-group') {
    const { treatment, control } = incrementality;
    const scale = (value: bigint) =>
      roundDiv(value * BigInt(treatment.size), BigInt(control.size), 'half-even');
    actual = {
      revenue: minor(treatment.revenue, ['treatment', 'revenue']),
      margin: minor(treatment.margin, ['treatment', 'margin']),
    };
    expected = {
      revenue: scale(minor(control.revenue, ['control', 'revenue'])),
      margin: scale(minor(control.margin, ['control', 'margin'])),
    };
  } else {
    const { baseline, period } = incrementality;
    const scale = (value: bigint) =>
      roundDiv(value * BigInt(period.days), BigInt(baseline.days), 'half-even');
    actual = {
      revenue: minor(period.revenue, ['period', 'revenue']),
      margin: minor(period.margin, ['period', 'margin']),
    };
    expected = {
      revenue: scale(minor(baseline.revenue, ['baseline', 'revenue'])),
      margin: scale(minor(baseline.margin, ['baseline', 'margin'])),
    };
  }
  const at = (units: bigint) => fromMinorUnits(units, currency);
  return {
    method: incrementality.method,
    expectedRevenue: at(expected.revenue),
    expectedMargin: at(expected.margin),
    revenue: at(actual.revenue - expected.revenue),
    margin: at(actual.margin - expected.margin),
    lift: expected.revenue === 0n ? null : ratio(actual.revenue - expected.revenue, expected.revenue),
  };
}

/** a / b as a number, from exact integers (b ≠ 0). */
function ratio(a: bigint, b: bigint): number {
  return toDecimal(a).div(toDecimal(b)).toNumber();
}
