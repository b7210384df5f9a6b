import {
  DEFAULT_ZONE,
  type Decimal,
  DomainError,
  dateInputSchema,
  localDayOf,
  parseInput,
  toDay,
  toDecimal,
  ValidationError,
  zoneSchema,
} from '@s2b2b/core';
import { z } from 'zod';
import { amountSchema, decimal, fixed, percentChange } from '../money.js';
import { type Grain, grainSchema, type Period, periodsOf } from '../time/periods.js';

/**
 * The most periods one trend may have (a day grain over about 27 years).
 *
 * @example
 * MAX_TREND_PERIODS // 10000
 */
export const MAX_TREND_PERIODS = 10_000;

/**
 * One sale line: when (an instant, or a calendar date in the report's zone), how much, and
 * optionally the order (for order counts) and units.
 *
 * @example
 * saleSchema.parse({ at: '2026-03-01T10:15:00+08:00', amount: '129.00', orderId: 'SO-1', quantity: 3 })
 */
export const saleSchema = z
  .object({
    at: dateInputSchema,
    amount: amountSchema,
    orderId: z.string().min(1).max(200).optional(),
    quantity: z.number().finite().optional(),
  })
  .strict();

/**
 * A value of {@link saleSchema}.
 *
 * @example
 * const sale: Sale = { at: new Date(), amount: 129 };
 */
export type Sale = z.infer<typeof saleSchema>;

/**
 * Options of {@link salesTrend}: the grain, the zone (default Asia/Shanghai), the first and last
 * day reported (default the first and last sale; periods without sales are filled with zeros),
 * and the moving-average window in periods (default 7 days, 4 weeks or 3 months).
 *
 * @example
 * salesTrendOptionsSchema.parse({ grain: 'month', from: '2025-01-01', to: '2026-02-28', movingAverage: 3 })
 */
export const salesTrendOptionsSchema = z
  .object({
    grain: grainSchema,
    zone: zoneSchema.optional(),
    from: dateInputSchema.optional(),
    to: dateInputSchema.optional(),
    movingAverage: z.number().int().min(1).max(366).optional(),
  })
  .strict();

/**
 * Options of {@link salesTrend}.
 *
 * @example
 * const options: SalesTrendOptions = { grain: 'week', zone: 'Asia/Shanghai' };
 */
export type SalesTrendOptions = z.input<typeof salesTrendOptionsSchema>;

/**
 * A change against an earlier period: the difference and the percentage (`null` when the earlier
 * revenue was 0).
 *
 * @example
 * const c: Change = { previous: '100.00', absolute: '20.00', percent: 20 };
 */
export interface Change {
  previous: string;
  absolute: string;
  percent: number | null;
}

/**
 * One period of a trend. Revenue and averages are exact decimal strings with 2 places.
 *
 * @example
 * const p: TrendPeriod = { period: '2026-03', start: new Date(), revenue: '1200.00', orders: 8, quantity: 31, change: null, yearOverYear: null, movingAverage: null };
 */
export interface TrendPeriod {
  period: string;
  /** When the period starts, in the zone. */
  start: Date;
  revenue: string;
  /** Distinct order ids (lines without one count as one order each). */
  orders: number;
  quantity: number;
  /** Against the previous period (`null` for the first one reported, unless data before it exists). */
  change: Change | null;
  /** Against the same period a year earlier (`null` when there is none in the data). */
  yearOverYear: Change | null;
  /** Mean revenue of this and the previous window − 1 periods (`null` until the window is full). */
  movingAverage: string | null;
}

/**
 * What {@link salesTrend} returns.
 *
 * @example
 * const { periods, total } = salesTrend(sales, { grain: 'day' });
 */
export interface SalesTrend {
  grain: Grain;
  zone: string;
  movingAverageWindow: number;
  periods: TrendPeriod[];
  total: { revenue: string; orders: number; quantity: number };
}

const DEFAULT_WINDOW: Record<Grain, number> = { day: 7, week: 4, month: 3 };

/**
 * Sales by day, ISO week or month in a time zone (date-fns with `@date-fns/tz`): revenue (exact),
 * orders and units per period, gaps filled with zeros, the change against the previous period,
 * against the same period a year earlier (both from the whole data, so the first reported period
 * compares with data before `from` when there is some), and a trailing moving average.
 *
 * @throws ValidationError for bad input or `from` after `to`
 * @throws DomainError `RANGE_TOO_LONG` beyond {@link MAX_TREND_PERIODS} periods
 * @example
 * salesTrend(
 *   [{ at: '2026-01-15', amount: '100' }, { at: '2026-02-03', amount: '120' }],
 *   { grain: 'month', zone: 'Asia/Shanghai' },
 * ).periods.map((p) => [p.period, p.revenue, p.change?.percent]) // [['2026-01', '100.00', undefined], ['2026-02', '120.00', 20]]
 */
export function salesTrend(sales: readonly Sale[], options: SalesTrendOptions): SalesTrend {
  const rows = parseInput(z.array(saleSchema), sales, 'sales');
  const settings = parseInput(salesTrendOptionsSchema, options, 'options');
  const zone = settings.zone ?? DEFAULT_ZONE;
  const window = settings.movingAverage ?? DEFAULT_WINDOW[settings.grain];
  const dayOf = localDayOf(zone);
  const periods = periodsOf(settings.grain, zone);

  const buckets = new Map<
    string,
    { revenue: Decimal; orders: Set<string>; loose: number; quantity: number }
  >();
  let firstDay = Number.POSITIVE_INFINITY;
  let lastDay = Number.NEGATIVE_INFINITY;
  rows.forEach((row, i) => {
    const day = toDay(row.at, dayOf);
    firstDay = Math.min(firstDay, day);
    lastDay = Math.max(lastDay, day);
    const key = periods.of(day).key;
    let bucket = buckets.get(key);
    if (!bucket) {
      bucket = { revenue: toDecimal(0), orders: new Set(), loose: 0, quantity: 0 };
      buckets.set(key, bucket);
    }
    bucket.revenue = bucket.revenue.plus(decimal(row.amount));
    if (row.orderId === undefined) bucket.loose += 1;
    else bucket.orders.add(row.orderId);
    bucket.quantity += row.quantity ?? 0;
    if (!Number.isFinite(bucket.quantity))
      throw ValidationError.field(['sales', i, 'quantity'], 'Quantities overflow');
  });
  const from = settings.from === undefined ? firstDay : toDay(settings.from, dayOf);
  const to = settings.to === undefined ? lastDay : toDay(settings.to, dayOf);
  if (!Number.isFinite(from) || !Number.isFinite(to)) {
    return {
      grain: settings.grain,
      zone,
      movingAverageWindow: window,
      periods: [],
      total: { revenue: '0.00', orders: 0, quantity: 0 },
    };
  }
  if (from > to) throw ValidationError.field(['options', 'from'], 'Expected from ≤ to');

  const revenueOf = (period: Period | null): Decimal | null => {
    if (!period) return null;
    const bucket = buckets.get(period.key);
    return bucket
      ? bucket.revenue
      : period.firstDay >= firstDay && period.firstDay <= lastDay
        ? toDecimal(0)
        : null;
  };
  const change = (current: Decimal, previous: Decimal | null): Change | null =>
    previous === null
      ? null
      : {
          previous: fixed(previous),
          absolute: fixed(current.minus(previous)),
          percent: percentChange(current, previous),
        };

  const out: TrendPeriod[] = [];
  const history: Decimal[] = [];
  // The window reaches back before `from` when there are sales there.
  let cursor = periods.of(from);
  for (let k = 1; k < window; k++) {
    const back = periods.of(cursor.firstDay - 1);
    if (back.firstDay < periods.of(firstDay).firstDay) break;
    cursor = back;
  }
  let total = toDecimal(0);
  let orders = 0;
  let quantity = 0;
  let previous: Period | null = periods.of(cursor.firstDay - 1);
  for (; cursor.firstDay <= to; cursor = periods.next(cursor)) {
    const bucket = buckets.get(cursor.key);
    const revenue = bucket ? bucket.revenue : toDecimal(0);
    history.push(revenue);
    const reported = cursor.firstDay >= periods.of(from).firstDay;
    if (reported) {
      if (out.length >= MAX_TREND_PERIODS) {
        throw new DomainError('RANGE_TOO_LONG', `A trend has at most ${MAX_TREND_PERIODS} periods`, {
          maxPeriods: MAX_TREND_PERIODS,
        });
      }
      const count = bucket ? bucket.orders.size + bucket.loose : 0;
      const units = bucket ? bucket.quantity : 0;
      total = total.plus(revenue);
      orders += count;
      quantity += units;
      const recent = history.slice(-window);
      out.push({
        period: cursor.key,
        start: cursor.start,
        revenue: fixed(revenue),
        orders: count,
        quantity: units,
        change: change(revenue, revenueOf(previous)),
        yearOverYear: change(revenue, revenueOf(periods.yearBefore(cursor))),
        movingAverage:
          recent.length === window
            ? fixed(recent.reduce((sum, v) => sum.plus(v), toDecimal(0)).div(window))
            : null,
      });
    }
    previous = cursor;
  }
  return {
    grain: settings.grain,
    zone,
    movingAverageWindow: window,
    periods: out,
    total: { revenue: fixed(total), orders, quantity },
  };
}
