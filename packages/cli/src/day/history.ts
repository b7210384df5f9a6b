import { dateOfDay, firstOrderOf, type Scenario } from '@s2b2b/scenario';

/**
 * Units each merchant's customers ordered per SKU over days `[fromDay, toDay)`:
 * `units.get(merchantId)[skuIndex]`.
 *
 * @example
 * merchantSkuUnits(scenario, 702, 730).get('M-001')?.[0] // units of the first SKU in the last four weeks
 */
export function merchantSkuUnits(
  scenario: Scenario,
  fromDay: number,
  toDay: number,
): Map<string, Float64Array> {
  const { orders, customers, skus } = scenario;
  const units = new Map<string, Float64Array>();
  forEachLine(scenario, fromDay, toDay, (order, line) => {
    const merchantId = customers[orders.orderCustomer[order]!]!.merchantId;
    let row = units.get(merchantId);
    if (!row) {
      row = new Float64Array(skus.length);
      units.set(merchantId, row);
    }
    const s = orders.lineSku[line]!;
    row[s] = row[s]! + orders.lineQuantity[line]!;
  });
  return units;
}

/**
 * What each merchant's orders were worth at list prices over days `[fromDay, toDay)`, in fen.
 *
 * @example
 * merchantOrderValue(scenario, 550, 730).get('M-001') // fen over the last six months
 */
export function merchantOrderValue(scenario: Scenario, fromDay: number, toDay: number): Map<string, number> {
  const { orders, customers, skus } = scenario;
  const value = new Map<string, number>();
  forEachLine(scenario, fromDay, toDay, (order, line) => {
    const merchantId = customers[orders.orderCustomer[order]!]!.merchantId;
    const amount = orders.lineQuantity[line]! * skus[orders.lineSku[line]!]!.priceMinor;
    value.set(merchantId, (value.get(merchantId) ?? 0) + amount);
  });
  return value;
}

/**
 * The last day before `toDay` on which each SKU sold in each region: `last[s * regions + r]`,
 * -1 when it never did.
 *
 * @example
 * lastSaleDays(scenario, 730)[0] // e.g. 729
 */
export function lastSaleDays(scenario: Scenario, toDay: number): Int32Array {
  const { orders, customers, regions, skus } = scenario;
  const regionIndex = new Map(regions.map((r, i) => [r.id, i]));
  const last = new Int32Array(skus.length * regions.length).fill(-1);
  forEachLine(scenario, 0, toDay, (order, line) => {
    const r = regionIndex.get(customers[orders.orderCustomer[order]!]!.region)!;
    const k = orders.lineSku[line]! * regions.length + r;
    last[k] = Math.max(last[k]!, orders.orderDay[order]!);
  });
  return last;
}

/**
 * One row per order of days `[fromDay, toDay)`: customer, date and list value in yuan, the
 * shape `@s2b2b/crm` `summarizeCustomers` reads.
 *
 * @example
 * orderRows(scenario, 0, 731)[0] // { customerId: 'C-00042', date: '2024-11-11', amount: '1234.50' }
 */
export function orderRows(
  scenario: Scenario,
  fromDay: number,
  toDay: number,
): { customerId: string; date: string; amount: string }[] {
  const { orders, customers, skus, calendar } = scenario;
  const rows: { customerId: string; date: string; amount: string }[] = [];
  const dates = new Map<number, string>();
  const from = firstOrderOf(orders, fromDay);
  const to = firstOrderOf(orders, toDay);
  for (let o = from; o < to; o++) {
    let fen = 0;
    const first = orders.orderFirstLine[o]!;
    for (let k = 0; k < orders.orderLineCount[o]!; k++) {
      fen += orders.lineQuantity[first + k]! * skus[orders.lineSku[first + k]!]!.priceMinor;
    }
    const day = orders.orderDay[o]!;
    let date = dates.get(day);
    if (date === undefined) {
      date = dateOfDay(day, calendar);
      dates.set(day, date);
    }
    rows.push({ customerId: customers[orders.orderCustomer[o]!]!.customerId, date, amount: yuan(fen) });
  }
  return rows;
}

/**
 * Fen as a yuan decimal string.
 *
 * @example
 * yuan(123405) // '1234.05'
 */
export function yuan(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

function forEachLine(
  scenario: Scenario,
  fromDay: number,
  toDay: number,
  visit: (order: number, line: number) => void,
): void {
  const { orders } = scenario;
  const from = firstOrderOf(orders, fromDay);
  const to = firstOrderOf(orders, toDay);
  for (let o = from; o < to; o++) {
    const first = orders.orderFirstLine[o]!;
    for (let k = 0; k < orders.orderLineCount[o]!; k++) visit(o, first + k);
  }
}
