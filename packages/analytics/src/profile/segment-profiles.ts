import { type Decimal, parseInput } from '@s2b2b/core';
import { z } from 'zod';
import { amountSchema, decimal, fixed } from '../money.js';

/**
 * A customer for the profile: the segment (an RFM segment, a lifecycle stage, a tier), orders,
 * revenue and optionally days since the last purchase.
 *
 * @example
 * profileCustomerSchema.parse({ customerId: 'C-1', segment: 'Champions', orders: 12, revenue: '5400.00', recencyDays: 3 })
 */
export const profileCustomerSchema = z
  .object({
    customerId: z.string().min(1).max(200),
    segment: z.string().min(1).max(100),
    orders: z.number().int().min(0),
    revenue: amountSchema,
    recencyDays: z.number().finite().min(0).optional(),
  })
  .strict();

/**
 * One segment's profile. Money as exact decimal strings with 2 places; shares rounded to 4
 * decimals.
 *
 * @example
 * const p: SegmentProfile = { segment: 'Champions', customers: 2, customerShare: 0.2, revenue: '9000.00', revenueShare: 0.6, orders: 30, ordersPerCustomer: 15, revenuePerCustomer: '4500.00', averageOrderValue: '300.00', medianRecencyDays: 4 };
 */
export interface SegmentProfile {
  segment: string;
  customers: number;
  customerShare: number;
  revenue: string;
  revenueShare: number;
  orders: number;
  ordersPerCustomer: number;
  revenuePerCustomer: string;
  /** revenue / orders (`null` without orders). */
  averageOrderValue: string | null;
  /** The median days since the last purchase (`null` when no customer has it). */
  medianRecencyDays: number | null;
}

/**
 * A customer-profile summary per segment: how many customers and how much revenue each segment
 * holds and its share, orders per customer, revenue per customer, average order value and the
 * median recency — sorted by revenue, then segment name.
 *
 * @example
 * segmentProfiles([
 *   { customerId: 'a', segment: 'Champions', orders: 10, revenue: '1000' },
 *   { customerId: 'b', segment: 'Lost', orders: 1, revenue: '50' },
 * ])[0] // { segment: 'Champions', customers: 1, revenueShare: 0.9524, averageOrderValue: '100.00', ... }
 */
export function segmentProfiles(
  customers: readonly z.input<typeof profileCustomerSchema>[],
): SegmentProfile[] {
  const rows = parseInput(z.array(profileCustomerSchema), customers, 'customers');
  const groups = new Map<
    string,
    { customers: number; orders: number; revenue: Decimal; recency: number[] }
  >();
  let total = decimal(0);
  for (const row of rows) {
    const group = groups.get(row.segment) ?? { customers: 0, orders: 0, revenue: decimal(0), recency: [] };
    const revenue = decimal(row.revenue);
    group.customers += 1;
    group.orders += row.orders;
    group.revenue = group.revenue.plus(revenue);
    if (row.recencyDays !== undefined) group.recency.push(row.recencyDays);
    groups.set(row.segment, group);
    total = total.plus(revenue);
  }
  const round4 = (v: number) => Math.round(v * 1e4) / 1e4;
  return [...groups.entries()]
    .map(([segment, g]) => ({
      segment,
      customers: g.customers,
      customerShare: round4(g.customers / rows.length),
      revenue: fixed(g.revenue),
      revenueShare: total.isZero() ? 0 : round4(Number(g.revenue.div(total))),
      orders: g.orders,
      ordersPerCustomer: round4(g.orders / g.customers),
      revenuePerCustomer: fixed(g.revenue.div(g.customers)),
      averageOrderValue: g.orders === 0 ? null : fixed(g.revenue.div(g.orders)),
      medianRecencyDays: median(g.recency),
      exact: g.revenue,
    }))
    .sort((a, b) => b.exact.comparedTo(a.exact) || (a.segment < b.segment ? -1 : 1))
    .map(({ exact: _, ...profile }) => profile);
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
