import { Money, parseInput } from '@s2b2b/core';
import { z } from 'zod';
import { bucketByAge } from './aging.js';
import { classifyParsed, type MovementClass, recommendAction, type StockAction } from './classify.js';
import { daysOfCover } from './days-of-cover.js';
import { consumeFifo } from './fifo.js';
import {
  type StockHealthReportOptions,
  type StockItem,
  stockHealthReportOptionsSchema,
  stockItemSchema,
} from './schemas.js';
import { sellThrough } from './sell-through.js';
import { DAY_MS, wholeDaysBetween } from './time.js';
import { daysOfInventory, inventoryTurnover } from './turnover.js';

/**
 * One aging bucket of a report row: units and their value at cost.
 *
 * @example
 * const b: ValuedAgingBucket = { label: '31-60', fromDays: 31, toDays: 60, quantity: 12, value: Money.of('96') }
 */
export interface ValuedAgingBucket {
  label: string;
  fromDays: number;
  toDays: number | null;
  quantity: number;
  value: Money;
}

/**
 * The health of one SKU at one warehouse.
 *
 * @example
 * const row: StockHealthRow = { sku: 'A', warehouseId: 'sh', onHand: 40, value, unitsSold: 0, averageDailyDemand: 0, daysSinceLastSale: null, idleDays: 200, daysOfCover: Infinity, sellThrough: 0, turnover: 0, daysOfInventory: Infinity, oldestAgeDays: 200, aging, movement: 'dead', action }
 */
export interface StockHealthRow {
  sku: string;
  warehouseId: string;
  /** Units on hand at `asOf` (what FIFO leaves of the receipts after the sales). */
  onHand: number;
  /** On-hand units at cost (each lot at its own cost, else the item's). */
  value: Money;
  /** Units sold in the demand window. */
  unitsSold: number;
  /** Given, or units sold in the window ÷ window days. */
  averageDailyDemand: number;
  /** Whole days since the last sale; `null` if it never sold. */
  daysSinceLastSale: number | null;
  /** Days since the last sale, or since the first receipt when it never sold. */
  idleDays: number;
  /** onHand ÷ average daily demand; `Infinity` with stock and no demand, 0 with no stock. */
  daysOfCover: number;
  /** Sold ÷ (sold + on hand) over the window ("sold over available"); `null` when both are 0. */
  sellThrough: number | null;
  /** Units sold in the window ÷ time-weighted average units on hand; `null` when nothing was held. */
  turnover: number | null;
  /** Average units on hand ÷ units sold × window days; `Infinity` when stock sat unsold, 0 when none was held. */
  daysOfInventory: number;
  /** Age in whole days of the oldest lot on hand; `null` with no stock. */
  oldestAgeDays: number | null;
  aging: ValuedAgingBucket[];
  movement: MovementClass;
  action: StockAction;
}

/**
 * A stock-health report: one row per item, most urgent first, and totals.
 *
 * @example
 * const r: StockHealthReport = { asOf: '2026-03-01T00:00:00.000Z', rows: [], summary }
 */
export interface StockHealthReport {
  asOf: string;
  rows: StockHealthRow[];
  summary: {
    items: number;
    units: number;
    value: Money;
    byMovement: Record<MovementClass, { items: number; units: number; value: Money }>;
    aging: ValuedAgingBucket[];
  };
}

const URGENCY: Record<MovementClass, number> = { dead: 0, 'very-slow': 1, slow: 2, active: 3, 'no-stock': 4 };

/**
 * Builds a stock-health report over items (one SKU at one warehouse each, with its receipts and
 * sales): on hand by FIFO, value at cost, days since the last sale, days of cover, sell-through
 * ("sold over available" over the demand window), turnover and days of inventory on the
 * time-weighted average stock of the window, FIFO aging buckets (default 0-30, 31-60, 61-90,
 * 91-180, 181+), the movement class and the recommended action. A dead or very slow item is sent
 * back to the supplier while lots are inside `returnWindowDays`, else transferred to the
 * warehouse that sells the same SKU fastest and needs it (cover below the slow threshold), else
 * marked down; what it keeps is what its own demand needs for `slowCoverDays`. Items with no
 * demand never divide by zero (cover `Infinity`, sell-through 0 or `null`).
 *
 * Throws `ValidationError` naming the field (`items.3.sales.0.quantity` when a sale takes more
 * than was on hand, `items.1.receipts.2.receivedAt` after `asOf`, ...).
 *
 * @example
 * stockHealthReport(
 *   [{ sku: 'TEA', warehouseId: 'sh', unitCost: '8.00', receipts: [{ receivedAt: '2025-08-01', quantity: 50 }], sales: [] }],
 *   { asOf: '2026-03-01' },
 * ).rows[0] // { movement: 'dead', action: { kind: 'markdown', quantity: 50, ... }, value: 400.00 CNY, ... }
 */
export function stockHealthReport(
  items: readonly StockItem[],
  options: StockHealthReportOptions,
): StockHealthReport {
  const parsedItems = parseInput(z.array(stockItemSchema).max(1_000_000), items, 'items');
  const o = parseInput(stockHealthReportOptionsSchema, options, 'options');
  const asOf = o.asOf;
  const windowStart = asOf - o.demandWindowDays * DAY_MS;
  const zero = Money.zero(o.currency);

  const facts = parsedItems.map((item, i) => {
    const lots = consumeFifo(item.receipts, item.sales, asOf, ['items', i]);
    let onHand = 0;
    let value = zero;
    const ages = lots.map((lot) => {
      onHand += lot.quantity;
      const lotValue = Money.of(lot.unitCost ?? item.unitCost, o.currency).multiply(lot.quantity);
      value = value.add(lotValue);
      return { ageDays: wholeDaysBetween(lot.receivedAtMs, asOf), quantity: lot.quantity, value: lotValue };
    });
    let unitsSold = 0;
    let lastSale = Number.NEGATIVE_INFINITY;
    for (const s of item.sales) {
      if (s.at > windowStart) unitsSold += s.quantity;
      if (s.at > lastSale) lastSale = s.at;
    }
    let firstReceipt = Number.POSITIVE_INFINITY;
    for (const r of item.receipts) if (r.receivedAt < firstReceipt) firstReceipt = r.receivedAt;
    const averageDailyDemand = item.averageDailyDemand ?? unitsSold / o.demandWindowDays;
    const daysSinceLastSale = Number.isFinite(lastSale) ? wholeDaysBetween(lastSale, asOf) : null;
    const idleDays =
      daysSinceLastSale ?? (Number.isFinite(firstReceipt) ? wholeDaysBetween(firstReceipt, asOf) : 0);
    const cover = daysOfCover(onHand, averageDailyDemand);
    const average = averageOnHand(item.receipts, item.sales, windowStart, asOf);
    const buckets = bucketByAge(ages, o.agingEdges);
    const aging: ValuedAgingBucket[] = buckets.map((b) => ({ ...b, value: zero }));
    for (const a of ages) {
      const k = bucketIndex(a.ageDays, o.agingEdges);
      const bucket = aging[k] as ValuedAgingBucket;
      bucket.value = bucket.value.add(a.value);
    }
    const returnable =
      item.returnWindowDays === undefined
        ? 0
        : ages
            .filter((a) => a.ageDays <= (item.returnWindowDays as number))
            .reduce((t, a) => t + a.quantity, 0);
    return {
      item,
      onHand,
      value,
      unitsSold,
      averageDailyDemand,
      daysSinceLastSale,
      idleDays,
      daysOfCover: cover,
      sellThrough: sellThrough(unitsSold, onHand),
      turnover: inventoryTurnover(unitsSold, average),
      daysOfInventory: daysOfInventory(average, unitsSold, o.demandWindowDays),
      oldestAgeDays: ages.length === 0 ? null : Math.max(...ages.map((a) => a.ageDays)),
      aging,
      returnable,
      movement: classifyParsed({ onHand, idleDays, daysOfCover: cover }, o.thresholds),
    };
  });

  // Who could take stock of a SKU: active warehouses below the slow-cover threshold.
  const keepDays = o.thresholds.slowCoverDays;
  const rows: StockHealthRow[] = facts.map((f) => {
    const own = f.averageDailyDemand * keepDays;
    const rawExcess = f.movement === 'dead' ? f.onHand : Math.max(0, f.onHand - own);
    const excess = Number.isInteger(f.onHand) ? Math.floor(rawExcess) : rawExcess;
    let target:
      | { warehouseId: string; dailyDemand: number; daysOfCover: number; canTake: number }
      | undefined;
    for (const g of facts) {
      if (g === f || g.item.sku !== f.item.sku || g.item.warehouseId === f.item.warehouseId) continue;
      if (g.movement !== 'active' && g.movement !== 'no-stock') continue;
      if (g.averageDailyDemand <= 0 || g.daysOfCover >= keepDays) continue;
      const room = g.averageDailyDemand * keepDays - g.onHand;
      const canTake = Number.isInteger(f.onHand) ? Math.floor(room) : room;
      if (!target || g.averageDailyDemand > target.dailyDemand) {
        target = {
          warehouseId: g.item.warehouseId,
          dailyDemand: g.averageDailyDemand,
          daysOfCover: g.daysOfCover,
          canTake,
        };
      }
    }
    const action = recommendAction(f.movement, {
      onHand: f.onHand,
      returnable: f.returnable,
      excess,
      ...(target ? { transferTarget: target } : {}),
    });
    return {
      sku: f.item.sku,
      warehouseId: f.item.warehouseId,
      onHand: f.onHand,
      value: f.value,
      unitsSold: f.unitsSold,
      averageDailyDemand: f.averageDailyDemand,
      daysSinceLastSale: f.daysSinceLastSale,
      idleDays: f.idleDays,
      daysOfCover: f.daysOfCover,
      sellThrough: f.sellThrough,
      turnover: f.turnover,
      daysOfInventory: f.daysOfInventory,
      oldestAgeDays: f.oldestAgeDays,
      aging: f.aging,
      movement: f.movement,
      action,
    };
  });

  rows.sort((a, b) => {
    if (o.sortBy === 'urgency') {
      const u = URGENCY[a.movement] - URGENCY[b.movement];
      if (u !== 0) return u;
    }
    return (
      b.value.compare(a.value) || a.sku.localeCompare(b.sku) || a.warehouseId.localeCompare(b.warehouseId)
    );
  });

  const byMovement = Object.fromEntries(
    (['dead', 'very-slow', 'slow', 'active', 'no-stock'] as const).map((k) => [
      k,
      { items: 0, units: 0, value: zero },
    ]),
  ) as StockHealthReport['summary']['byMovement'];
  let units = 0;
  let value = zero;
  const aging: ValuedAgingBucket[] = bucketByAge([], o.agingEdges).map((b) => ({ ...b, value: zero }));
  for (const row of rows) {
    const slot = byMovement[row.movement];
    slot.items++;
    slot.units += row.onHand;
    slot.value = slot.value.add(row.value);
    units += row.onHand;
    value = value.add(row.value);
    row.aging.forEach((b, k) => {
      const total = aging[k] as ValuedAgingBucket;
      total.quantity += b.quantity;
      total.value = total.value.add(b.value);
    });
  }
  return {
    asOf: new Date(asOf).toISOString(),
    rows,
    summary: { items: rows.length, units, value, byMovement, aging },
  };
}

function bucketIndex(ageDays: number, edges: readonly number[]): number {
  const k = edges.findIndex((edge) => ageDays <= edge);
  return k === -1 ? edges.length : k;
}

/**
 * Time-weighted average units on hand over [from, to], replaying receipts (+) and sales (−):
 * the level before `from` is the net of earlier movements, then each movement changes it at its
 * instant. Receipts come before sales at the same instant.
 */
function averageOnHand(
  receipts: readonly { receivedAt: number; quantity: number }[],
  sales: readonly { at: number; quantity: number }[],
  from: number,
  to: number,
): number {
  const events: { at: number; delta: number; order: number }[] = [];
  for (const r of receipts) events.push({ at: r.receivedAt, delta: r.quantity, order: 0 });
  for (const s of sales) events.push({ at: s.at, delta: -s.quantity, order: 1 });
  events.sort((a, b) => a.at - b.at || a.order - b.order);
  let level = 0;
  let area = 0;
  let last = from;
  for (const e of events) {
    if (e.at <= from) {
      level += e.delta;
      continue;
    }
    area += Math.max(0, level) * (e.at - last);
    level += e.delta;
    last = e.at;
  }
  area += Math.max(0, level) * (to - last);
  return to > from ? area / (to - from) : level;
}
