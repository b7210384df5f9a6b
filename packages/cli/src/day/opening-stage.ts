import { manualClock } from '@s2b2b/core';
import { createInventoryService } from '@s2b2b/inventory';
import type { DayContext } from './context.js';

/**
 * What opening the day did.
 *
 * @example
 * const { warehouses, units }: OpeningResult = await openDay(ctx);
 */
export interface OpeningResult {
  warehouses: number;
  /** Positions received (warehouse × SKU with stock). */
  positions: number;
  units: number;
}

const MAX_LINES = 1000;

/**
 * Stage 1 of the day, at 05:00: saves the regional warehouses and receives the scenario's
 * opening stock into them (one receipt per warehouse, in chunks of 1,000 lines), through the
 * inventory service on the run's storage.
 *
 * @example
 * const opening = await openDay(ctx);
 * opening.warehouses // 5
 */
export async function openDay(ctx: DayContext): Promise<OpeningResult> {
  const stock = createInventoryService({ storage: ctx.storage, clock: manualClock(ctx.at('05:00')) });
  const { warehouses, openingStock } = ctx.scenario;
  const bar = ctx.progress('opening stock  ', warehouses.length);
  let positions = 0;
  let units = 0;
  for (const warehouse of warehouses) {
    await stock.saveWarehouse({
      idempotencyKey: ctx.key('open', `warehouse-${warehouse.id}`),
      warehouseId: warehouse.id,
      name: warehouse.name,
    });
    const lines = openingStock
      .filter((s) => s.warehouseId === warehouse.id && s.quantity > 0)
      .map((s) => ({ sku: ctx.sku(s.sku), quantity: s.quantity }));
    for (let start = 0; start < lines.length; start += MAX_LINES) {
      await stock.receive({
        idempotencyKey: ctx.key('open', `receipt-${warehouse.id}-${start}`),
        warehouseId: warehouse.id,
        lines: lines.slice(start, start + MAX_LINES),
        reference: `opening stock ${ctx.date}`,
      });
    }
    positions += lines.length;
    units += lines.reduce((sum, line) => sum + line.quantity, 0);
    bar.tick();
  }
  bar.finish();
  return { warehouses: warehouses.length, positions, units };
}
