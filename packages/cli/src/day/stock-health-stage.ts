import { classifyMovement } from '@s2b2b/inventory';
import type { ReportWarehouseStock } from '../report/model.js';
import type { DayContext } from './context.js';
import type { DemandEstimate } from './forecast-stage.js';
import { lastSaleDays } from './history.js';
import { readPositions } from './positions.js';
import type { StockPolicy } from './replenishment-stage.js';

/**
 * Stock at the end of the day.
 *
 * @example
 * const { warehouses, reserved }: StockHealthResult = await stockHealth(ctx, estimates, policies);
 */
export interface StockHealthResult {
  warehouses: ReportWarehouseStock[];
  /** Units reserved over every position of the run (orders held for tomorrow). */
  reserved: number;
  /** No position's available or reserved count below zero. */
  neverNegative: boolean;
}

/**
 * Stage 11 of the day, at 23:59: every warehouse's positions read back from storage — on hand,
 * reserved, available, SKUs at or below their reorder point (on hand + on order + in transit −
 * reserved), slow movers (`classifyMovement` on the days since the region last bought the SKU
 * and its days of cover at the forecast rate) and stock-outs (nothing available of a SKU the
 * region is forecast to buy).
 *
 * @example
 * const health = await stockHealth(ctx, forecasts.estimates, policies);
 * health.neverNegative // true
 */
export async function stockHealth(
  ctx: DayContext,
  estimates: readonly DemandEstimate[],
  policies: readonly StockPolicy[],
): Promise<StockHealthResult> {
  const { scenario } = ctx;
  const positions = await readPositions(ctx);
  const lastSale = lastSaleDays(scenario, ctx.day + 1);
  const regionOf = new Map(scenario.regions.map((r, i) => [r.warehouseId, i]));
  const warehouseOf = new Map(scenario.regions.map((r) => [r.id as string, r.warehouseId]));
  const demand = new Map(estimates.map((e) => [`${warehouseOf.get(e.region)}|${e.sku}`, e.dailyMean]));
  const reorderPoint = new Map(policies.map((p) => [`${p.warehouseId}|${p.sku}`, p.reorderPoint]));
  let reserved = 0;
  let neverNegative = true;
  const warehouses = scenario.warehouses.map((w) => {
    const row: ReportWarehouseStock = {
      warehouse: { id: w.id, name: w.name, lat: w.lat, lng: w.lng },
      skus: 0,
      onHand: 0,
      reserved: 0,
      available: 0,
      belowReorderPoint: 0,
      slowMovers: 0,
      stockouts: 0,
    };
    scenario.skus.forEach((sku, s) => {
      const key = `${w.id}|${sku.sku}`;
      const p = positions.get(key);
      const daily = demand.get(key) ?? 0;
      if (!p && daily === 0) return;
      const onHand = p?.onHand ?? 0;
      const available = p?.available ?? 0;
      neverNegative &&= available >= 0 && (p?.reserved ?? 0) >= 0;
      row.skus += 1;
      row.onHand += onHand;
      row.reserved += p?.reserved ?? 0;
      row.available += available;
      const position = onHand + (p?.onOrder ?? 0) + (p?.inTransit ?? 0) - (p?.reserved ?? 0);
      const rop = reorderPoint.get(key);
      if (rop !== undefined && position <= rop) row.belowReorderPoint += 1;
      if (daily > 0 && available <= 0) row.stockouts += 1;
      const last = lastSale[s * scenario.regions.length + regionOf.get(w.id)!]!;
      const movement = classifyMovement({
        onHand,
        idleDays: last < 0 ? ctx.day + 1 : ctx.day - last,
        daysOfCover: daily > 0 ? onHand / daily : Number.POSITIVE_INFINITY,
      });
      if (movement !== 'active' && movement !== 'no-stock') row.slowMovers += 1;
    });
    reserved += row.reserved;
    return row;
  });
  return { warehouses, reserved, neverNegative };
}
