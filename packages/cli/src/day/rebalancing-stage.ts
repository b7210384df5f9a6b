import { Money, type MoneyJson, manualClock, sum, toDecimal } from '@s2b2b/core';
import { createInventoryService, planRebalancing } from '@s2b2b/inventory';
import type { DayContext } from './context.js';
import type { DemandEstimate } from './forecast-stage.js';
import { readPositions } from './positions.js';
import type { StockPolicy } from './replenishment-stage.js';

/**
 * One transfer the plan ships.
 *
 * @example
 * const t: PlannedTransfer = result.transfers[0]!; // { from: 'WH-SH', to: 'WH-WH', sku: 'AP-002', units: 30, cost: { amount: '21.60', currency: 'CNY' } }
 */
export interface PlannedTransfer {
  from: string;
  to: string;
  sku: string;
  units: number;
  cost: MoneyJson;
  /** Whether it rides a reefer (fresh goods). */
  coldChain: boolean;
}

/**
 * What rebalancing planned and shipped.
 *
 * @example
 * const { transfers, total }: RebalancingResult = await runRebalancing(ctx, estimates, policies);
 */
export interface RebalancingResult {
  transfers: PlannedTransfer[];
  units: number;
  total: MoneyJson;
  /** Units of shortage no lane could cover in time (or worth covering). */
  unmet: number;
  /** Every plan proven optimal. */
  optimal: boolean;
  /** No transfer takes more than the donor had free (on hand − reserved). */
  withinSurplus: boolean;
}

/** Days of forecast demand each warehouse should hold on top of its safety stock. */
export const DAYS_OF_COVER = 7;
/** A unit of shortage left unmet costs this share of its list price (the margin lost). */
const SHORTAGE_SHARE = '0.15';

/**
 * Stage 4 of the day, at 07:30, before any reorder (stock already in the network comes
 * cheaper): per SKU, the minimum-cost rebalancing of the five warehouses (`planRebalancing`, a
 * min-cost flow): each warehouse's target is its safety stock plus seven
 * days of forecast demand; lanes cost the SKU's weight × the lane's cost per kg; fresh goods ride
 * reefer lanes only and only when they arrive within half their shelf life; transfers move whole
 * cartons, and a shortage is worth covering when its lost margin (15 % of the price) exceeds the
 * freight. The plan is shipped with `transferOut`.
 *
 * @example
 * const rebalancing = await runRebalancing(ctx, forecasts.estimates, stockPolicies(ctx.scenario, forecasts.estimates));
 * rebalancing.withinSurplus // true
 */
export async function runRebalancing(
  ctx: DayContext,
  estimates: readonly DemandEstimate[],
  policies: readonly StockPolicy[],
): Promise<RebalancingResult> {
  const { scenario } = ctx;
  const stock = createInventoryService({ storage: ctx.storage, clock: manualClock(ctx.at('07:30')) });
  const positions = await readPositions(ctx);
  const warehouseOf = new Map(scenario.regions.map((r) => [r.id as string, r.warehouseId]));
  const demand = new Map(estimates.map((e) => [`${warehouseOf.get(e.region)}|${e.sku}`, e.dailyMean]));
  const safety = new Map(policies.map((p) => [`${p.warehouseId}|${p.sku}`, p.safetyStock]));
  const bar = ctx.progress('rebalancing    ', scenario.skus.length);
  const transfers: PlannedTransfer[] = [];
  let unmet = 0;
  let optimal = true;
  let withinSurplus = true;
  for (const sku of scenario.skus) {
    bar.tick();
    const warehouses = scenario.warehouses.map((w) => {
      const p = positions.get(`${w.id}|${sku.sku}`);
      return {
        id: w.id,
        onHand: p?.onHand ?? 0,
        inbound: (p?.inTransit ?? 0) + (p?.onOrder ?? 0),
        reserved: p?.reserved ?? 0,
        target: {
          safetyStock: Math.ceil(safety.get(`${w.id}|${sku.sku}`) ?? 0),
          dailyDemand: demand.get(`${w.id}|${sku.sku}`) ?? 0,
          daysOfCover: DAYS_OF_COVER,
        },
        ...(sku.shelfLifeDays !== null ? { neededWithinDays: Math.floor(sku.shelfLifeDays / 2) } : {}),
      };
    });
    if (warehouses.every((w) => w.target.dailyDemand === 0)) continue;
    const lanes = scenario.lanes.flatMap((lane) => {
      const perKg = sku.coldChain ? lane.coldCostPerKg : lane.costPerKg;
      if (perKg === null) return [];
      return [
        {
          from: lane.from,
          to: lane.to,
          unitCost: toDecimal(perKg).mul(sku.weightKg).toFixed(4),
          leadTimeDays: lane.leadTimeDays,
        },
      ];
    });
    const plan = planRebalancing({
      sku: sku.sku,
      warehouses,
      lanes,
      packSize: sku.packSize,
      shortagePenalty: toDecimal(sku.unitPrice).mul(SHORTAGE_SHARE).toFixed(2),
    });
    optimal &&= plan.optimality.status === 'optimal';
    unmet += plan.warehouses.reduce((total, w) => total + w.unmet, 0);
    const outgoing = new Map<string, number>();
    for (const t of plan.transfers) outgoing.set(t.from, (outgoing.get(t.from) ?? 0) + t.quantity);
    for (const [from, units] of outgoing) {
      const w = warehouses.find((x) => x.id === from)!;
      withinSurplus &&= units <= w.onHand - w.reserved;
    }
    for (const t of plan.transfers) {
      await stock.transferOut({
        idempotencyKey: ctx.key('rebalance', `${sku.sku}-${t.from}-${t.to}`),
        transferId: ctx.id(`TR-${sku.sku}-${t.from}-${t.to}`),
        fromWarehouseId: t.from,
        toWarehouseId: t.to,
        lines: [{ sku: ctx.sku(sku.sku), quantity: t.quantity }],
        reference: t.reason.text,
      });
      transfers.push({
        from: t.from,
        to: t.to,
        sku: sku.sku,
        units: t.quantity,
        cost: t.cost.roundToMinor('half-even').toJSON(),
        coldChain: sku.coldChain,
      });
    }
  }
  bar.finish();
  const total = sum(
    transfers.map((t) => Money.fromJSON(t.cost)),
    'CNY',
  );
  return {
    transfers,
    units: transfers.reduce((n, t) => n + t.units, 0),
    total: total.toJSON(),
    unmet,
    optimal,
    withinSurplus,
  };
}
