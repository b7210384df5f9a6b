import type { Rng } from '@s2b2b/core';
import { Column } from './columns.js';
import type { DemandRates } from './demand-rates.js';
import type { Customer, OrderTable, Region, Sku } from './types.js';

/**
 * Options of `generateOrders`.
 *
 * @example
 * const options: GenerateOrdersOptions = { rng, skus, customers, regions, days: 731, demand };
 */
export interface GenerateOrdersOptions {
  rng: Rng;
  skus: readonly Sku[];
  customers: readonly Customer[];
  regions: readonly Region[];
  /** Days to generate (history and the simulated day). */
  days: number;
  demand: DemandRates;
}

/**
 * Draws the orders day by day: for every SKU × region a Poisson number of lines at the day's
 * rate, each given to a customer of that region and vertical who is active that day (chosen in
 * proportion to the customers' weights) with a quantity of `1 + Poisson(mean − 1)` units
 * (intermittent SKUs: lumps of a log-normal size around their mean); a customer's lines of one
 * day form one order — the same SKU twice becomes one line — placed at a business-hours minute
 * (mornings around 10:30, afternoons around 15:00). Columns are typed arrays built as they grow,
 * so a million lines take a few tens of megabytes at most while building.
 *
 * @example
 * const orders = generateOrders(options);
 * orders.lineCount; // about the scale's target
 */
export function generateOrders(options: GenerateOrdersOptions): OrderTable {
  const { rng, skus, customers, regions, days, demand } = options;
  const groups = customerGroups(customers, regions);
  const orderDay = new Column(Uint16Array);
  const orderCustomer = new Column(Uint32Array);
  const orderMinute = new Column(Uint16Array);
  const orderFirstLine = new Column(Uint32Array);
  const orderLineCount = new Column(Uint16Array);
  const lineOrder = new Column(Uint32Array);
  const lineSku = new Column(Uint16Array);
  const lineQuantity = new Column(Uint32Array);
  const linePromotion = new Column(Uint16Array);

  const drawn: { customer: number; sku: number; quantity: number; promotion: number }[] = [];
  for (let d = 0; d < days; d++) {
    drawn.length = 0;
    const active = groups.map((members) => activeWeights(members, customers, d));
    for (let s = 0; s < skus.length; s++) {
      const sku = skus[s]!;
      for (let r = 0; r < regions.length; r++) {
        const lambda = demand.rates[s * regions.length + r]![d]!;
        if (lambda <= 0) continue;
        const pool = active[groupIndex(sku, r)]!;
        if (pool.total === 0) continue;
        const n = rng.poisson(lambda);
        for (let k = 0; k < n; k++) {
          drawn.push({
            customer: pickCustomer(rng, pool),
            sku: s,
            quantity: lineQuantityOf(rng, sku),
            promotion: demand.promotionOf[s]![d]!,
          });
        }
      }
    }
    drawn.sort((a, b) => a.customer - b.customer || a.sku - b.sku);
    let i = 0;
    while (i < drawn.length) {
      const customer = drawn[i]!.customer;
      const order = orderDay.length;
      orderDay.push(d);
      orderCustomer.push(customer);
      orderMinute.push(orderMinuteOf(rng));
      orderFirstLine.push(lineOrder.length);
      let lines = 0;
      while (i < drawn.length && drawn[i]!.customer === customer) {
        const { sku, promotion } = drawn[i]!;
        let quantity = 0;
        while (i < drawn.length && drawn[i]!.customer === customer && drawn[i]!.sku === sku) {
          quantity += drawn[i]!.quantity;
          i += 1;
        }
        lineOrder.push(order);
        lineSku.push(sku);
        lineQuantity.push(quantity);
        linePromotion.push(promotion);
        lines += 1;
      }
      orderLineCount.push(lines);
    }
  }
  return {
    orderCount: orderDay.length,
    lineCount: lineOrder.length,
    orderDay: orderDay.values(),
    orderCustomer: orderCustomer.values(),
    orderMinute: orderMinute.values(),
    orderFirstLine: orderFirstLine.values(),
    orderLineCount: orderLineCount.values(),
    lineOrder: lineOrder.values(),
    lineSku: lineSku.values(),
    lineQuantity: lineQuantity.values(),
    linePromotion: linePromotion.values(),
  };
}

const VERTICAL_INDEX = { fresh: 0, apparel: 1, industrial: 2 } as const;

function groupIndex(sku: Sku, region: number): number {
  return region * 3 + VERTICAL_INDEX[sku.vertical];
}

/** Customer indexes per region × vertical. */
function customerGroups(customers: readonly Customer[], regions: readonly Region[]) {
  const groups: number[][] = Array.from({ length: regions.length * 3 }, () => []);
  customers.forEach((customer, c) => {
    const r = regions.findIndex((region) => region.id === customer.region);
    if (r >= 0) groups[r * 3 + VERTICAL_INDEX[customer.vertical]]!.push(c);
  });
  return groups;
}

interface WeightedPool {
  members: number[];
  cumulative: Float64Array;
  total: number;
}

function activeWeights(
  members: readonly number[],
  customers: readonly Customer[],
  day: number,
): WeightedPool {
  const active: number[] = [];
  for (const c of members) {
    const customer = customers[c]!;
    if (customer.joinDay <= day && (customer.leaveDay === null || day < customer.leaveDay)) active.push(c);
  }
  const cumulative = new Float64Array(active.length);
  let total = 0;
  active.forEach((c, k) => {
    total += customers[c]!.weight;
    cumulative[k] = total;
  });
  return { members: active, cumulative, total };
}

function pickCustomer(rng: Rng, pool: WeightedPool): number {
  const u = rng.next() * pool.total;
  let lo = 0;
  let hi = pool.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pool.cumulative[mid]! > u) hi = mid;
    else lo = mid + 1;
  }
  return pool.members[lo]!;
}

function lineQuantityOf(rng: Rng, sku: Sku): number {
  if (sku.pattern === 'intermittent') {
    return Math.max(1, Math.round(sku.meanLineQuantity * Math.exp(rng.normal(-0.3, 0.8))));
  }
  return 1 + rng.poisson(sku.meanLineQuantity - 1);
}

function orderMinuteOf(rng: Rng): number {
  const morning = rng.next() < 0.7;
  const minute = morning ? rng.normal(630, 90) : rng.normal(900, 80);
  const [from, to] = morning ? [420, 750] : [780, 1260];
  return Math.round(Math.min(to, Math.max(from, minute)));
}
