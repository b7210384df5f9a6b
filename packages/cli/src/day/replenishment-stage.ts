import { manualClock } from '@s2b2b/core';
import { createInventoryService, replenishmentPolicy } from '@s2b2b/inventory';
import type { Scenario } from '@s2b2b/scenario';
import type { DayContext } from './context.js';
import type { DemandEstimate } from './forecast-stage.js';
import { readPositions } from './positions.js';

/**
 * One warehouse × SKU's (s, Q) policy.
 *
 * @example
 * const policy: StockPolicy = policies[0]!; // { warehouseId: 'WH-SH', sku: 'FR-001', safetyStock: 14.2, reorderPoint: 38.9, orderQuantity: 60, ... }
 */
export interface StockPolicy {
  warehouseId: string;
  sku: string;
  dailyDemand: number;
  safetyStock: number;
  reorderPoint: number;
  orderQuantity: number;
}

/**
 * One policy and what it decided today.
 *
 * @example
 * const row: ReplenishmentRow = result.rows[0]!;
 */
export interface ReplenishmentRow extends StockPolicy {
  /** on hand + on order + in transit − reserved, before ordering. */
  position: number;
  belowReorderPoint: boolean;
  /** Units ordered today (0 when the position is above the reorder point). */
  ordered: number;
}

/**
 * What the replenishment stage decided.
 *
 * @example
 * const { rows, orders }: ReplenishmentResult = await runReplenishment(ctx, policies);
 */
export interface ReplenishmentResult {
  rows: ReplenishmentRow[];
  /** Replenishment purchase orders placed, and their units. */
  orders: { purchaseOrders: number; units: number };
  belowReorderPoint: number;
}

/** Cycle service level per vertical: strict for industrial supplies, softer for fashion. */
export const SERVICE_LEVEL = { fresh: 0.95, apparel: 0.9, industrial: 0.97 } as const;
/** What placing one replenishment order costs, in yuan, for the EOQ. */
const ORDER_COST = 300;
/** Holding cost a year as a share of the unit cost. */
const HOLDING_RATE = 0.25;

/**
 * The (s, Q) policy of every warehouse × SKU with a forecast: safety stock and reorder point from
 * the forecast's daily mean and spread and the supplier's lead time (± 20 %) at the vertical's
 * cycle service level (`replenishmentPolicy`), Q from the EOQ (¥300 an order, 25 % a year to
 * hold) in whole cartons.
 *
 * @example
 * stockPolicies(scenario, forecasts.estimates)[0]!.reorderPoint
 */
export function stockPolicies(scenario: Scenario, estimates: readonly DemandEstimate[]): StockPolicy[] {
  const skus = new Map(scenario.skus.map((s) => [s.sku, s]));
  const warehouseOf = new Map(scenario.regions.map((r) => [r.id as string, r.warehouseId]));
  return estimates.flatMap((estimate) => {
    if (estimate.dailyMean <= 0) return [];
    const sku = skus.get(estimate.sku)!;
    const policy = replenishmentPolicy({
      kind: 's,Q',
      demand: { mean: estimate.dailyMean, sd: estimate.dailySd },
      leadTime: { mean: sku.leadTimeDays, sd: 0.2 * sku.leadTimeDays },
      service: { cycleServiceLevel: SERVICE_LEVEL[sku.vertical] },
      orderQuantity: { orderCost: ORDER_COST, holdingCost: (Number(sku.unitCost) * HOLDING_RATE) / 365 },
      orderRules: { packSize: sku.packSize },
    });
    if (policy.kind !== 's,Q') return [];
    return [
      {
        warehouseId: warehouseOf.get(estimate.region)!,
        sku: sku.sku,
        dailyDemand: estimate.dailyMean,
        safetyStock: policy.safetyStock,
        reorderPoint: policy.reorderPoint,
        orderQuantity: policy.orderQuantity,
      },
    ];
  });
}

/**
 * Stage 5 of the day, at 08:00, after the transfers: a replenishment purchase order wherever the
 * inventory position (on hand + on order + in transit − reserved) is at or below its reorder
 * point, for whole lots of Q until it is above it again.
 *
 * @example
 * const replenishment = await runReplenishment(ctx, stockPolicies(ctx.scenario, forecasts.estimates));
 * replenishment.orders.purchaseOrders // warehouses × SKUs that reordered
 */
export async function runReplenishment(
  ctx: DayContext,
  policies: readonly StockPolicy[],
): Promise<ReplenishmentResult> {
  const stock = createInventoryService({ storage: ctx.storage, clock: manualClock(ctx.at('08:00')) });
  const positions = await readPositions(ctx);
  const bar = ctx.progress('reorder points ', policies.length);
  const rows: ReplenishmentRow[] = [];
  let purchaseOrders = 0;
  let units = 0;
  for (const policy of policies) {
    bar.tick();
    const p = positions.get(`${policy.warehouseId}|${policy.sku}`);
    const position = p ? p.onHand + p.onOrder + p.inTransit - p.reserved : 0;
    const below = position <= policy.reorderPoint;
    let ordered = 0;
    if (below) {
      const lots = Math.max(1, Math.ceil((policy.reorderPoint - position + 1) / policy.orderQuantity));
      ordered = lots * policy.orderQuantity;
      await stock.placePurchaseOrder({
        idempotencyKey: ctx.key('replenish', `${policy.warehouseId}-${policy.sku}`),
        purchaseOrderId: ctx.id(`RP-${policy.warehouseId}-${policy.sku}`),
        warehouseId: policy.warehouseId,
        lines: [{ sku: ctx.sku(policy.sku), quantity: ordered }],
        reference: `reorder point ${Math.ceil(policy.reorderPoint)}`,
      });
      purchaseOrders += 1;
      units += ordered;
    }
    rows.push({ ...policy, position, belowReorderPoint: below, ordered });
  }
  bar.finish();
  return {
    rows,
    orders: { purchaseOrders, units },
    belowReorderPoint: rows.filter((r) => r.belowReorderPoint).length,
  };
}
