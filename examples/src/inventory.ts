/**
 * Shared stock across three East China warehouses with `@s2b2b/inventory`: safety stock,
 * reorder points and order sizes from a demand estimate, reservations sourced across
 * warehouses, a flash-sale burst that never oversells, the minimum-cost rebalancing that
 * follows (executed as transfers), and a stock-health report that flags dead and slow stock.
 */
import { createIdGenerator, createRng, formatMoney, isS2b2bError, manualClock } from '@s2b2b/core';
import {
  createInventoryService,
  economicOrderQuantity,
  type InventoryService,
  planRebalancing,
  planSourcing,
  rebuildPositions,
  replenishmentOrder,
  replenishmentPolicy,
  type Sale,
  type StockItem,
  type StockPosition,
  safetyStock,
  stockHealthReport,
} from '@s2b2b/inventory';
import { createMemoryStorage } from '@s2b2b/storage-memory';
import type { ExampleIo, ExampleMeta } from './example.js';

/**
 * @example
 * meta.name // 'inventory'
 */
export const meta: ExampleMeta = {
  name: 'inventory',
  title: 'Shared stock: safety stock, reservations without oversell, rebalancing, slow movers',
  description:
    'Three warehouses on memory storage: reorder points and pack/MOQ order sizes from a demand forecast, an order sourced with fewest-splits, 60 concurrent flash-sale reservations against 100 units (33 succeed), the minimum-cost transfers that rebalance the pool, and a stock-health report with a dead and a slow item.',
};

const SKU = 'TEA-500G';
const PACK = 24;

/** Each warehouse: its demand estimate per day (a forecast's mean and spread) and its supplier lead time in days. */
const WAREHOUSES = [
  { id: 'WH-SH', name: '上海 Shanghai hub', demand: { mean: 48, sd: 9 }, leadTime: { mean: 4, sd: 1 } },
  { id: 'WH-HZ', name: '杭州 Hangzhou', demand: { mean: 30, sd: 6 }, leadTime: { mean: 5, sd: 1.5 } },
  { id: 'WH-NJ', name: '南京 Nanjing', demand: { mean: 12, sd: 5 }, leadTime: { mean: 6, sd: 2 } },
] as const;

/** 95 % cycle service level; ¥180 per purchase order; ¥38 a unit at 24 % a year is ¥0.025 a unit a day. */
const SERVICE = { cycleServiceLevel: 0.95 };
const ORDER_COST = 180;
const HOLDING_COST_PER_DAY = 0.025;
const ORDER_RULES = { packSize: PACK, moq: 480 };
const DAYS_OF_COVER = 7;

/**
 * Runs the example.
 *
 * @example
 * await run({ log: console.log, table: console.table })
 */
export async function run(io: ExampleIo): Promise<void> {
  const policies = sizeStock(io);

  // Fixed clock and seeded ids: the example prints the same on every run.
  const clock = manualClock('2026-03-02T01:00:00Z');
  const storage = createMemoryStorage();
  const stock = createInventoryService({
    storage,
    clock,
    ids: createIdGenerator({ clock, rng: createRng('examples/inventory'), prefix: 'res' }),
  });
  for (const warehouse of WAREHOUSES) {
    await stock.saveWarehouse({
      idempotencyKey: `wh-${warehouse.id}`,
      warehouseId: warehouse.id,
      name: warehouse.name,
    });
  }

  io.log();
  const receipts = { 'WH-SH': 1000, 'WH-HZ': 200, 'WH-NJ': 100 };
  io.log(
    `2. Receive ${Object.values(receipts).join(' / ')} in ${Object.keys(receipts).join(' / ')}, then reserve an order of 400 sourced with fewest-splits:`,
  );
  for (const [warehouseId, quantity] of Object.entries(receipts)) {
    await stock.receive({
      idempotencyKey: `grn-0302-${warehouseId}`,
      warehouseId,
      lines: [{ sku: SKU, quantity }],
      reference: `GRN-0302-${warehouseId}`,
    });
  }
  // The customer is in Hangzhou: HZ is nearest and cheapest, but holds only 200.
  const candidates = [
    { warehouseId: 'WH-HZ', distance: 15, unitCost: '0.30' },
    { warehouseId: 'WH-SH', distance: 175, unitCost: '0.55' },
    { warehouseId: 'WH-NJ', distance: 280, unitCost: '0.70' },
  ];
  const orderLines = [{ sku: SKU, quantity: 400 }];
  // What `nearest` would do with the same stock: the pure planner the service runs on locked positions.
  const nearest = planSourcing({
    rule: 'nearest',
    warehouses: candidates,
    lines: orderLines,
    stock: (await stock.listPositions({ sku: SKU })).map(({ warehouseId, sku, available }) => ({
      warehouseId,
      sku,
      available,
    })),
  });
  const { document: order } = await stock.reserve({
    idempotencyKey: 'SO-3001',
    orderId: 'SO-3001',
    lines: orderLines,
    sourcing: { rule: 'fewest-splits', warehouses: candidates },
  });
  io.table([
    {
      rule: 'fewest-splits (reserved)',
      ships: order?.lines.map((line) => `${line.warehouseId} ${line.quantity}`).join(' + ') ?? '',
      shipments: order?.lines.length ?? 0,
    },
    {
      rule: 'nearest (for comparison)',
      ships: nearest.allocations.map((line) => `${line.warehouseId} ${line.quantity}`).join(' + '),
      shipments: nearest.allocations.length,
    },
  ]);

  io.log();
  io.log('3. A flash sale: 60 orders of 3 units fire at once against the 100 units in WH-NJ.');
  const burst = await Promise.allSettled(
    Array.from({ length: 60 }, (_, i) => {
      const orderId = `FS-${String(i + 1).padStart(3, '0')}`;
      return stock.reserve({
        idempotencyKey: orderId,
        orderId,
        warehouseId: 'WH-NJ',
        lines: [{ sku: SKU, quantity: 3 }],
      });
    }),
  );
  const reserved = burst.flatMap((result) =>
    result.status === 'fulfilled' && result.value.document ? [result.value.document] : [],
  );
  const refusals = burst.flatMap((result) =>
    result.status === 'rejected' && isS2b2bError(result.reason) ? [result.reason.code] : [],
  );
  const crash = burst.find((result) => result.status === 'rejected' && !isS2b2bError(result.reason));
  if (crash?.status === 'rejected') throw crash.reason;
  const nj = await stock.getPosition('WH-NJ', SKU);
  io.table([
    { outcome: 'reserved', orders: reserved.length, units: reserved.length * 3 },
    { outcome: `refused [${refusals[0] ?? 'none'}]`, orders: refusals.length, units: 0 },
  ]);
  io.log(
    `  ${reserved.length === Math.floor(100 / 3) ? '✓' : '✗'} ${reserved.length} succeed, as the stock allows (⌊100 / 3⌋ = ${Math.floor(100 / 3)}); WH-NJ on hand ${nj?.onHand}, reserved ${nj?.reserved}, available ${nj?.available}`,
  );

  io.log();
  io.log('4. Ship: SO-3001 and the 33 flash-sale orders are fulfilled.');
  if (order)
    await stock.fulfil({ idempotencyKey: 'ship-SO-3001', reservationId: order.id, reference: 'WB-88001' });
  for (const document of reserved) {
    await stock.fulfil({ idempotencyKey: `ship-${document.reference}`, reservationId: document.id });
  }
  showPositions(io, await stock.listPositions({ sku: SKU }));

  await rebalance(io, stock, policies);

  const movements = await stock.listMovements({ sku: SKU, limit: 10_000 });
  const rebuilt = rebuildPositions(movements);
  const stored = await stock.listPositions({ sku: SKU });
  const same = stored.every((position) => {
    const copy = rebuilt.find((p) => p.warehouseId === position.warehouseId && p.sku === position.sku);
    return copy !== undefined && JSON.stringify(copy) === JSON.stringify(position);
  });
  io.log(
    `  ${same ? '✓' : '✗'} the ${movements.length} ledger movements rebuild every stored position exactly`,
  );

  io.log();
  io.log('7. Reorder check on each inventory position (on hand + in transit + on order − reserved):');
  const decisions = [];
  for (const position of stored) {
    const policy = policies.get(position.warehouseId)!;
    const decision = replenishmentOrder({
      policy,
      position: {
        onHand: position.onHand + position.inTransit,
        onOrder: position.onOrder,
        reserved: position.reserved,
      },
    });
    if (decision.order) {
      await stock.placePurchaseOrder({
        idempotencyKey: `po-0302-${position.warehouseId}`,
        purchaseOrderId: `PO-0302-${position.warehouseId}`,
        warehouseId: position.warehouseId,
        lines: [{ sku: SKU, quantity: decision.quantity }],
      });
    }
    decisions.push({
      warehouse: position.warehouseId,
      position: decision.inventoryPosition,
      'reorder point': policy.reorderPoint.toFixed(2),
      'purchase order': decision.quantity,
      why: decision.reason,
    });
  }
  io.table(decisions);
  const onOrder = (await stock.listPositions({ sku: SKU })).filter((position) => position.onOrder > 0);
  for (const position of onOrder) {
    io.log(`  placePurchaseOrder: ${position.warehouseId} now has ${position.onOrder} on order`);
  }

  stockHealth(io);
}

/** Section 1: safety stock, reorder point and order size per warehouse. */
function sizeStock(io: ExampleIo) {
  io.log(
    `1. How much ${SKU} to hold: 95 % cycle service level, EOQ lots in packs of ${PACK}, MOQ ${ORDER_RULES.moq}.`,
  );
  const policies = new Map<string, ReturnType<typeof replenishmentPolicy> & { kind: 's,Q' }>();
  const rows = WAREHOUSES.map((warehouse) => {
    const withoutSpread = safetyStock({
      demand: warehouse.demand,
      leadTime: warehouse.leadTime.mean,
      service: SERVICE,
    });
    const policy = replenishmentPolicy({
      kind: 's,Q',
      demand: warehouse.demand,
      leadTime: warehouse.leadTime,
      service: SERVICE,
      orderQuantity: { orderCost: ORDER_COST, holdingCost: HOLDING_COST_PER_DAY },
      orderRules: ORDER_RULES,
    });
    if (policy.kind !== 's,Q') throw new Error('expected an (s, Q) policy');
    policies.set(warehouse.id, policy);
    const eoq = economicOrderQuantity({
      orderCost: ORDER_COST,
      holdingCost: HOLDING_COST_PER_DAY,
      demandRate: warehouse.demand.mean,
    });
    const packs = policy.orderQuantity / PACK;
    return {
      warehouse: warehouse.id,
      'demand/day': `${warehouse.demand.mean} ± ${warehouse.demand.sd}`,
      'lead time': `${warehouse.leadTime.mean} ± ${warehouse.leadTime.sd} d`,
      'SS if L were exact': withoutSpread.safetyStock.toFixed(2),
      'safety stock': policy.safetyStock.toFixed(2),
      'reorder point': policy.reorderPoint.toFixed(2),
      EOQ: eoq.quantity.toFixed(1),
      'order qty': `${policy.orderQuantity} (${packs} packs${policy.orderQuantity === ORDER_RULES.moq ? ', MOQ' : ''})`,
    };
  });
  io.table(rows);
  io.log(
    '  SS = z·√(L·σ_d² + d̄²·σ_L²) with z = Φ⁻¹(0.95): the spread of supplier lead times, not the daily noise, sets most of it.',
  );
  return policies;
}

/** Sections 5 and 6: plan the minimum-cost rebalancing, then execute it as transfers. */
async function rebalance(
  io: ExampleIo,
  stock: InventoryService,
  policies: Map<string, { safetyStock: number }>,
): Promise<void> {
  io.log();
  io.log(
    `5. Rebalance: targets are safety stock + ${DAYS_OF_COVER} days of demand; transfers in packs of ${PACK}; unmet shortage costs ¥4.00 a unit.`,
  );
  const positions = await stock.listPositions({ sku: SKU });
  const plan = planRebalancing({
    sku: SKU,
    packSize: PACK,
    shortagePenalty: '4.00',
    warehouses: WAREHOUSES.map((warehouse) => {
      const position = positions.find((p) => p.warehouseId === warehouse.id);
      return {
        id: warehouse.id,
        onHand: position?.onHand ?? 0,
        inbound: (position?.inTransit ?? 0) + (position?.onOrder ?? 0),
        reserved: position?.reserved ?? 0,
        target: {
          safetyStock: Math.ceil(policies.get(warehouse.id)?.safetyStock ?? 0),
          dailyDemand: warehouse.demand.mean,
          daysOfCover: DAYS_OF_COVER,
        },
      };
    }),
    lanes: [
      { id: 'SH-HZ truck', from: 'WH-SH', to: 'WH-HZ', unitCost: '0.35', leadTimeDays: 1 },
      { id: 'SH-NJ truck', from: 'WH-SH', to: 'WH-NJ', unitCost: '0.45', fixedCost: '120', leadTimeDays: 2 },
      { id: 'SH-NJ express', from: 'WH-SH', to: 'WH-NJ', unitCost: '1.40', leadTimeDays: 1 },
      { id: 'HZ-NJ truck', from: 'WH-HZ', to: 'WH-NJ', unitCost: '0.25', leadTimeDays: 1 },
    ],
  });
  io.table(
    plan.warehouses.map((w) => ({
      warehouse: w.id,
      position: w.position,
      target: w.target,
      role: w.role,
      short: w.shortage,
      covered: w.covered,
      unmet: w.unmet,
      'surplus left': w.surplusLeft,
    })),
  );
  io.table(
    plan.transfers.map((transfer) => ({
      lane: transfer.laneId ?? `${transfer.from} → ${transfer.to}`,
      units: transfer.quantity,
      packs: transfer.packs,
      cost: formatMoney(transfer.cost),
    })),
  );
  for (const transfer of plan.transfers) io.log(`  ${transfer.laneId}: ${transfer.reason.text}`);
  for (const w of plan.warehouses.filter((w) => w.unmet > 0)) {
    io.log(`  ${w.id}: ${w.unmet} stay short (${w.unmetReason})`);
  }
  io.log(
    `  Total ${formatMoney(plan.cost.total)}: transport ${formatMoney(plan.cost.transport)} + fixed ${formatMoney(plan.cost.fixed)} + unmet penalty ${plan.cost.penalty ? formatMoney(plan.cost.penalty) : 'none'}; ${plan.optimality.status} (${plan.optimality.method}).`,
  );

  io.log();
  io.log('6. The plan becomes transfer commands: out of the donor, in transit, received at the destination.');
  for (const [index, transfer] of plan.transfers.entries()) {
    const transferId = `TR-0302-${index + 1}`;
    const lines = [{ sku: SKU, quantity: transfer.quantity }];
    await stock.transferOut({
      idempotencyKey: transferId,
      transferId,
      fromWarehouseId: transfer.from,
      toWarehouseId: transfer.to,
      lines,
      reference: transfer.laneId,
    });
  }
  showPositions(io, await stock.listPositions({ sku: SKU }), 'after transferOut');
  for (const index of plan.transfers.keys()) {
    const transferId = `TR-0302-${index + 1}`;
    await stock.transferIn({ idempotencyKey: `${transferId}-in`, transferId });
  }
  showPositions(io, await stock.listPositions({ sku: SKU }), 'after transferIn');
}

function showPositions(io: ExampleIo, positions: readonly StockPosition[], when = ''): void {
  io.table(
    positions.map((p) => ({
      ...(when === '' ? {} : { when }),
      warehouse: p.warehouseId,
      'on hand': p.onHand,
      reserved: p.reserved,
      available: p.available,
      'in transit': p.inTransit,
    })),
  );
}

/** Section 8: which stock stopped selling, and what to do about it. */
function stockHealth(io: ExampleIo): void {
  io.log();
  io.log(
    "8. Stock health across the catalogue as of 2026-03-02, from each item's receipts and sales: cover, sell-through, class, action.",
  );
  const asOf = '2026-03-02T00:00:00Z';
  const rng = createRng('examples/inventory/health');
  const day = (offset: number) => new Date(Date.parse(asOf) + offset * 86_400_000).toISOString();
  /** Daily Poisson sales (seeded per item) over `days` days, the last of them `idle` days before asOf. */
  const sales = (item: string, rate: number, days: number, idle = 0): Sale[] => {
    const draws = rng.fork(item);
    return Array.from({ length: days }, (_, i) => ({
      at: day(-idle - days + i),
      quantity: draws.poisson(rate),
    })).filter((sale) => sale.quantity > 0);
  };
  const items: StockItem[] = [
    {
      sku: 'OIL-5L',
      warehouseId: 'WH-SH',
      unitCost: '62.00',
      receipts: [{ receivedAt: day(-95), quantity: 800 }],
      sales: sales('OIL-5L@WH-SH', 7, 94),
    },
    {
      sku: 'NOODLE-24',
      warehouseId: 'WH-SH',
      unitCost: '21.50',
      receipts: [
        { receivedAt: day(-95), quantity: 1500 },
        { receivedAt: day(-30), quantity: 900 },
      ],
      sales: sales('NOODLE-24@WH-SH', 20, 94),
    },
    {
      sku: 'OIL-5L',
      warehouseId: 'WH-NJ',
      unitCost: '62.00',
      receipts: [{ receivedAt: day(-150), quantity: 260 }],
      sales: sales('OIL-5L@WH-NJ', 1.5, 110, 36),
    },
    {
      sku: 'RICE-5KG',
      warehouseId: 'WH-HZ',
      unitCost: '31.00',
      receipts: [{ receivedAt: day(-170), quantity: 200 }],
      sales: sales('RICE-5KG@WH-HZ', 0.3, 160, 5),
    },
    {
      sku: 'GIFT-MOONCAKE',
      warehouseId: 'WH-HZ',
      unitCost: '55.00',
      returnWindowDays: 240,
      receipts: [{ receivedAt: day(-200), quantity: 300 }],
      sales: sales('GIFT-MOONCAKE@WH-HZ', 9, 12, 188),
    },
  ];
  const report = stockHealthReport(items, { asOf });
  io.table(
    report.rows.map((row) => ({
      sku: row.sku,
      warehouse: row.warehouseId,
      'on hand': row.onHand,
      value: formatMoney(row.value),
      'last sale': row.daysSinceLastSale === null ? 'never' : `${row.daysSinceLastSale} d ago`,
      cover: Number.isFinite(row.daysOfCover) ? `${row.daysOfCover.toFixed(0)} d` : '∞',
      'sell-through': row.sellThrough === null ? '–' : `${(row.sellThrough * 100).toFixed(0)}%`,
      class: row.movement,
      action:
        row.action.kind === 'none'
          ? '–'
          : `${row.action.kind} ${row.action.quantity}${row.action.to ? ` → ${row.action.to}` : ''}`,
    })),
  );
  for (const row of report.rows.filter((r) => r.action.kind !== 'none')) {
    io.log(`  ${row.sku} @ ${row.warehouseId}: ${row.action.reason}`);
  }
  const tied = report.summary.byMovement;
  io.log(
    `  Tied up in dead stock ${formatMoney(tied.dead.value)}, very slow ${formatMoney(tied['very-slow'].value)}, slow ${formatMoney(tied.slow.value)} of ${formatMoney(report.summary.value)}.`,
  );
}
