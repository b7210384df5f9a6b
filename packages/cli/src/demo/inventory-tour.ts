import { type Clock, createIdGenerator, formatMoney, isS2b2bError, type MoneyJson } from '@s2b2b/core';
import {
  createInventoryService,
  planRebalancing,
  rebuildPositions,
  type StockPosition,
  safetyStock,
} from '@s2b2b/inventory';
import type { Printer } from '../output.js';
import type { StorageSession } from '../storage.js';

/** One position as the demo reports it. */
export interface TourPosition {
  warehouseId: string;
  onHand: number;
  reserved: number;
  available: number;
  inTransit: number;
}

/** What the inventory section found. */
export interface InventoryTourResult {
  kind: string;
  /** The SKU code of this run (`TEA-500G/<tag>`): its own per run, so reruns on the same data never meet. */
  sku: string;
  /** Positions after the receipts. */
  received: TourPosition[];
  burst: {
    /** Reservations fired at once, each of `unitsEach` units, against `stock` units in one warehouse. */
    orders: number;
    unitsEach: number;
    warehouseId: string;
    stock: number;
    /** ⌊stock / unitsEach⌋: what a serial run would reserve, in any order. */
    expected: number;
    succeeded: number;
    /** Refusals by error code (all `INSUFFICIENT_STOCK`). */
    refused: Record<string, number>;
    /** The position after the burst. */
    position: TourPosition;
    /** Whether the ledger's movements sum back to every stored position of the SKU. */
    ledgerMatches: boolean;
  };
  rebalancing: {
    transfers: {
      from: string;
      to: string;
      quantity: number;
      packs: number;
      cost: MoneyJson;
      reason: string;
    }[];
    total: MoneyJson;
    /** Units of shortage the plan leaves unmet. */
    unmet: number;
    status: 'optimal' | 'gap';
    /** Units in transit after the plan's transfers were shipped with `transferOut`. */
    inTransit: number;
  };
  /** Positions at the end. */
  positions: TourPosition[];
  /** The `stock.*` events the section's commands committed (counted by `onEvent`), by type. */
  events: { committed: number; byType: Record<string, number> };
  /** Every check of the section held: no oversell, the ledger rebuilds, the plan was shipped. */
  ok: boolean;
  /** Milliseconds the section took. */
  ms: number;
}

/** Options of `inventoryTour`. */
export interface InventoryTourOptions {
  out: Printer;
  /** The demo's storage (already opened by the storage section, or opened here). */
  session: StorageSession;
  clock: Clock;
}

const BASE_SKU = 'TEA-500G';
const PACK = 24;
const DAYS_OF_COVER = 7;
const ORDERS = 30;
const UNITS_EACH = 2;

/** Three warehouses, what each receives, and its demand per day (mean, spread) and lead time in days. */
const WAREHOUSES = [
  {
    id: 'WH-SH',
    name: '上海 Shanghai hub',
    receive: 900,
    demand: { mean: 48, sd: 9 },
    leadTime: { mean: 4, sd: 1 },
  },
  {
    id: 'WH-HZ',
    name: '杭州 Hangzhou',
    receive: 120,
    demand: { mean: 30, sd: 6 },
    leadTime: { mean: 5, sd: 1.5 },
  },
  {
    id: 'WH-NJ',
    name: '南京 Nanjing',
    receive: 40,
    demand: { mean: 12, sd: 5 },
    leadTime: { mean: 6, sd: 2 },
  },
] as const;

const LANES = [
  { from: 'WH-SH', to: 'WH-HZ', unitCost: '0.35', leadTimeDays: 1 },
  { from: 'WH-SH', to: 'WH-NJ', unitCost: '0.45', leadTimeDays: 2 },
  { from: 'WH-HZ', to: 'WH-NJ', unitCost: '0.25', leadTimeDays: 1 },
];

/**
 * Section 5 of the demo: `@s2b2b/inventory` on the demo's storage. Receives a SKU into three
 * warehouses, fires a burst of concurrent reservations at the last units of one of them (exactly
 * ⌊stock / units⌋ succeed, on every adapter), checks the ledger against the positions, plans the
 * minimum-cost rebalancing and ships it with `transferOut`. Fresh SKU code and idempotency keys
 * every run, so it can be repeated on the same data dir.
 *
 * @example
 * const result = await inventoryTour({ out, session, clock: systemClock });
 * result.burst.succeeded === result.burst.expected // true
 */
export async function inventoryTour(options: InventoryTourOptions): Promise<InventoryTourResult> {
  const { out, session, clock } = options;
  const started = performance.now();
  out.heading(`5. Shared stock: reservations without oversell, rebalancing (${session.plan.kind})`);
  const { storage, kind } = await session.open();
  const byType: Record<string, number> = {};
  const stock = createInventoryService({
    storage,
    clock,
    // Called after each command commits (never for a refusal or a replay); the outbox has them too.
    onEvent: (event) => {
      byType[event.type] = (byType[event.type] ?? 0) + 1;
    },
  });
  const runId = createIdGenerator({ prefix: 'run' })();
  const tag = runId.slice(-6);
  const sku = `${BASE_SKU}/${tag}`;
  const key = (name: string) => `${runId}/${name}`;

  for (const warehouse of WAREHOUSES) {
    await stock.saveWarehouse({
      idempotencyKey: key(`wh-${warehouse.id}`),
      warehouseId: warehouse.id,
      name: warehouse.name,
    });
    await stock.receive({
      idempotencyKey: key(`grn-${warehouse.id}`),
      warehouseId: warehouse.id,
      lines: [{ sku, quantity: warehouse.receive }],
    });
  }
  const received = (await stock.listPositions({ sku })).map(toTourPosition);
  out.line(`Received into three warehouses as ${sku} (a SKU code of its own per run, so reruns never meet):`);
  showPositions(out, received);

  // The burst: every reservation in flight at once against the last units of WH-NJ.
  const target = WAREHOUSES[2];
  out.line();
  out.line(
    `${ORDERS} reservations of ${UNITS_EACH} units fired at once against the ${target.receive} units in ${target.id}:`,
  );
  const results = await Promise.allSettled(
    Array.from({ length: ORDERS }, (_, i) => {
      const orderId = `FS-${tag}-${String(i + 1).padStart(3, '0')}`;
      return stock.reserve({
        idempotencyKey: key(orderId),
        orderId,
        warehouseId: target.id,
        lines: [{ sku, quantity: UNITS_EACH }],
      });
    }),
  );
  const refused: Record<string, number> = {};
  let succeeded = 0;
  for (const result of results) {
    if (result.status === 'fulfilled') succeeded += 1;
    else if (isS2b2bError(result.reason))
      refused[result.reason.code] = (refused[result.reason.code] ?? 0) + 1;
    else throw result.reason;
  }
  const expected = Math.floor(target.receive / UNITS_EACH);
  const after = toTourPosition((await stock.getPosition(target.id, sku))!);
  const movements = await stock.listMovements({ sku, limit: 10_000 });
  const stored = await stock.listPositions({ sku });
  const ledgerMatches = samePositions(rebuildPositions(movements), stored);
  const refusedCount = Object.values(refused).reduce((sum, count) => sum + count, 0);
  out.table([
    { outcome: 'reserved', orders: succeeded, units: succeeded * UNITS_EACH },
    ...Object.entries(refused).map(([code, count]) => ({
      outcome: `refused [${code}]`,
      orders: count,
      units: 0,
    })),
  ]);
  const burstOk =
    succeeded === expected &&
    refusedCount === ORDERS - expected &&
    Object.keys(refused).every((code) => code === 'INSUFFICIENT_STOCK') &&
    after.reserved === expected * UNITS_EACH &&
    after.onHand === target.receive &&
    after.available >= 0;
  out.line(
    `  ${mark(out, burstOk)} ${succeeded} succeed = ⌊${target.receive} / ${UNITS_EACH}⌋: on hand ${after.onHand}, reserved ${after.reserved}, available ${after.available} — never oversold`,
  );
  out.line(
    `  ${mark(out, ledgerMatches)} the ${movements.length} ledger movements rebuild every stored position of ${sku}`,
  );

  // Rebalance the pool: targets from safety stock + days of demand, transfers in whole packs.
  const plan = planRebalancing({
    sku,
    packSize: PACK,
    shortagePenalty: '4.00',
    warehouses: WAREHOUSES.map((warehouse) => {
      const position = stored.find((p) => p.warehouseId === warehouse.id);
      const { safetyStock: ss } = safetyStock({
        demand: warehouse.demand,
        leadTime: warehouse.leadTime,
        service: { cycleServiceLevel: 0.95 },
      });
      return {
        id: warehouse.id,
        onHand: position?.onHand ?? 0,
        inbound: (position?.inTransit ?? 0) + (position?.onOrder ?? 0),
        reserved: position?.reserved ?? 0,
        target: {
          safetyStock: Math.ceil(ss),
          dailyDemand: warehouse.demand.mean,
          daysOfCover: DAYS_OF_COVER,
        },
      };
    }),
    lanes: LANES,
  });
  out.line();
  out.line(
    `planRebalancing: each warehouse's target is its 95% safety stock + ${DAYS_OF_COVER} days of demand; packs of ${PACK}:`,
  );
  out.table(
    plan.transfers.map((transfer) => ({
      from: transfer.from,
      to: transfer.to,
      units: transfer.quantity,
      cost: formatMoney(transfer.cost),
      why: `${transfer.to} ${transfer.reason.shortage} short, ${transfer.from} ${transfer.reason.surplus} spare`,
    })),
  );
  for (const transfer of plan.transfers) {
    const transferId = `TR-${tag}-${transfer.from}-${transfer.to}`;
    await stock.transferOut({
      idempotencyKey: key(transferId),
      transferId,
      fromWarehouseId: transfer.from,
      toWarehouseId: transfer.to,
      lines: [{ sku, quantity: transfer.quantity }],
    });
  }
  const positions = (await stock.listPositions({ sku })).map(toTourPosition);
  const inTransit = positions.reduce((sum, p) => sum + p.inTransit, 0);
  const planned = plan.transfers.reduce((sum, t) => sum + t.quantity, 0);
  const unmet = plan.warehouses.reduce((sum, w) => sum + w.unmet, 0);
  const planOk = plan.transfers.length > 0 && inTransit === planned;
  out.line(
    `  ${mark(out, planOk)} ${formatMoney(plan.cost.total)} in all (${plan.optimality.status}); shipped with transferOut: ${inTransit} units in transit, ${unmet} short left`,
  );
  showPositions(out, positions);

  return {
    kind,
    sku,
    received,
    burst: {
      orders: ORDERS,
      unitsEach: UNITS_EACH,
      warehouseId: target.id,
      stock: target.receive,
      expected,
      succeeded,
      refused,
      position: after,
      ledgerMatches,
    },
    rebalancing: {
      transfers: plan.transfers.map((transfer) => ({
        from: transfer.from,
        to: transfer.to,
        quantity: transfer.quantity,
        packs: transfer.packs,
        cost: transfer.cost.toJSON(),
        reason: transfer.reason.text,
      })),
      total: plan.cost.total.toJSON(),
      unmet,
      status: plan.optimality.status,
      inTransit,
    },
    positions,
    events: { committed: Object.values(byType).reduce((sum, count) => sum + count, 0), byType },
    ok: burstOk && ledgerMatches && planOk,
    ms: Math.round(performance.now() - started),
  };
}

function toTourPosition(position: StockPosition): TourPosition {
  const { warehouseId, onHand, reserved, available, inTransit } = position;
  return { warehouseId, onHand, reserved, available, inTransit };
}

function samePositions(a: readonly StockPosition[], b: readonly StockPosition[]): boolean {
  const id = (p: StockPosition) => `${p.warehouseId}\u0000${p.sku}`;
  const rebuilt = new Map(a.map((p) => [id(p), p]));
  return (
    a.length === b.length &&
    b.every((p) => {
      const q = rebuilt.get(id(p));
      return (
        q !== undefined &&
        q.onHand === p.onHand &&
        q.reserved === p.reserved &&
        q.inTransit === p.inTransit &&
        q.onOrder === p.onOrder &&
        q.available === p.available
      );
    })
  );
}

function showPositions(out: Printer, positions: readonly TourPosition[]): void {
  out.table(
    positions.map((p) => ({ ...p })),
    {
      columns: [
        { key: 'warehouseId', header: 'warehouse' },
        { key: 'onHand', header: 'on hand' },
        { key: 'reserved' },
        { key: 'available' },
        { key: 'inTransit', header: 'in transit' },
      ],
    },
  );
}

function mark(out: Printer, ok: boolean): string {
  return ok ? out.good('✓') : out.bad('✗');
}
