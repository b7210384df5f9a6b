import { dateOfDay } from './calendar.js';
import type { Customer, OrderTable, ScenarioCalendar, ScenarioPromotion, Sku } from './types.js';

/** What `ordersOn` and `orderView` read from a scenario. */
export interface OrderSource {
  calendar: ScenarioCalendar;
  skus: readonly Sku[];
  customers: readonly Customer[];
  promotions: readonly ScenarioPromotion[];
  orders: OrderTable;
}

/**
 * One order as objects: its id, customer, merchant, time and lines.
 *
 * @example
 * const order: OrderView = ordersOn(scenario, scenario.calendar.historyDays)[0]!;
 * order.orderId // 'SO-20261111-0001'
 */
export interface OrderView {
  /** Row of the order table. */
  index: number;
  orderId: string;
  day: number;
  date: string;
  /** Minute of the day, Asia/Shanghai. */
  minute: number;
  /** The instant it was placed, ISO with +08:00. */
  placedAt: string;
  customer: Customer;
  merchantId: string;
  lines: { lineId: string; sku: Sku; quantity: number; promotion: ScenarioPromotion | null }[];
}

/**
 * The first order row of a day (binary search on the sorted `orderDay`); `orderCount` past the end.
 *
 * @example
 * firstOrderOf(scenario.orders, 730) // the first order of the simulated day
 */
export function firstOrderOf(orders: OrderTable, day: number): number {
  let lo = 0;
  let hi = orders.orderCount;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (orders.orderDay[mid]! < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * One order of the table as an {@link OrderView}; its id is `SO-<yyyymmdd>-<n>`, n counting the
 * day's orders from 1.
 *
 * @example
 * orderView(scenario, 0).orderId // 'SO-20241111-0001'
 */
export function orderView(source: OrderSource, index: number): OrderView {
  const { orders, customers, skus, promotions, calendar } = source;
  const day = orders.orderDay[index]!;
  const date = dateOfDay(day, calendar);
  const seq = index - firstOrderOf(orders, day) + 1;
  const orderId = `SO-${date.replaceAll('-', '')}-${String(seq).padStart(4, '0')}`;
  const minute = orders.orderMinute[index]!;
  const customer = customers[orders.orderCustomer[index]!]!;
  const first = orders.orderFirstLine[index]!;
  const lines: OrderView['lines'] = [];
  for (let k = 0; k < orders.orderLineCount[index]!; k++) {
    const line = first + k;
    const promotion = orders.linePromotion[line]!;
    lines.push({
      lineId: `${orderId}-${k + 1}`,
      sku: skus[orders.lineSku[line]!]!,
      quantity: orders.lineQuantity[line]!,
      promotion: promotion === 0 ? null : promotions[promotion - 1]!,
    });
  }
  const hh = String(Math.floor(minute / 60)).padStart(2, '0');
  const mm = String(minute % 60).padStart(2, '0');
  return {
    index,
    orderId,
    day,
    date,
    minute,
    placedAt: `${date}T${hh}:${mm}:00+08:00`,
    customer,
    merchantId: customer.merchantId,
    lines,
  };
}

/**
 * Every order of one day, in table order.
 *
 * @example
 * ordersOn(scenario, scenario.calendar.historyDays).length // the simulated day's orders
 */
export function ordersOn(source: OrderSource, day: number): OrderView[] {
  const from = firstOrderOf(source.orders, day);
  const to = firstOrderOf(source.orders, day + 1);
  return Array.from({ length: to - from }, (_, k) => orderView(source, from + k));
}
