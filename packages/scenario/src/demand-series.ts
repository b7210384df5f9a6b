import { dateOfDay } from './calendar.js';
import { firstOrderOf } from './order-views.js';
import type { Customer, OrderTable, Region, RegionId, ScenarioCalendar, Sku } from './types.js';

/** What `demandSeries` reads from a scenario. */
export interface DemandSource {
  calendar: ScenarioCalendar;
  regions: readonly Region[];
  skus: readonly Sku[];
  customers: readonly Customer[];
  orders: OrderTable;
}

/**
 * Options of `demandSeries`: daily or weekly buckets, units or order lines, and the days
 * `[fromDay, toDay)` (default the whole history, the simulated day excluded). Weekly buckets
 * end at `toDay`: a remainder of fewer than seven days at the start is left out.
 *
 * @example
 * const options: DemandSeriesOptions = { period: 'week', measure: 'units' };
 */
export interface DemandSeriesOptions {
  period?: 'day' | 'week';
  measure?: 'units' | 'lines';
  fromDay?: number;
  toDay?: number;
}

/**
 * Demand per SKU × region, bucketed.
 *
 * @example
 * const { keys, periods, values }: DemandSeries = demandSeries(scenario, { period: 'week' });
 */
export interface DemandSeries {
  /** `keys[s * regions + r]`: SKU `s` in region `r`. */
  keys: { sku: string; region: RegionId }[];
  /** The first date of each bucket. */
  periods: string[];
  /** First day index of each bucket. */
  periodStarts: number[];
  values: Float64Array[];
}

/**
 * Sums the order table into one series per SKU × region (the region of the ordering customer).
 *
 * @example
 * const weekly = demandSeries(scenario, { period: 'week', measure: 'units' });
 * weekly.periods.length // 104 for the two years of history
 */
export function demandSeries(source: DemandSource, options: DemandSeriesOptions = {}): DemandSeries {
  const { calendar, regions, skus, customers, orders } = source;
  const period = options.period ?? 'day';
  const units = (options.measure ?? 'units') === 'units';
  const toDay = options.toDay ?? calendar.historyDays;
  const span = period === 'week' ? 7 : 1;
  const buckets = Math.floor((toDay - (options.fromDay ?? 0)) / span);
  const start = toDay - buckets * span;
  const regionIndex = new Map(regions.map((r, i) => [r.id, i]));
  const customerRegion = Int32Array.from(customers, (c) => regionIndex.get(c.region) ?? -1);
  const values = Array.from({ length: skus.length * regions.length }, () => new Float64Array(buckets));
  const fromLine = lineAt(orders, firstOrderOf(orders, start));
  const toLine = lineAt(orders, firstOrderOf(orders, toDay));
  for (let line = fromLine; line < toLine; line++) {
    const order = orders.lineOrder[line]!;
    const r = customerRegion[orders.orderCustomer[order]!]!;
    if (r < 0) continue;
    const bucket = Math.floor((orders.orderDay[order]! - start) / span);
    const series = values[orders.lineSku[line]! * regions.length + r]!;
    series[bucket] = series[bucket]! + (units ? orders.lineQuantity[line]! : 1);
  }
  const periodStarts = Array.from({ length: buckets }, (_, b) => start + b * span);
  return {
    keys: skus.flatMap((sku) => regions.map((region) => ({ sku: sku.sku, region: region.id }))),
    periods: periodStarts.map((d) => dateOfDay(d, calendar)),
    periodStarts,
    values,
  };
}

function lineAt(orders: OrderTable, order: number): number {
  return order < orders.orderCount ? orders.orderFirstLine[order]! : orders.lineCount;
}
