import { createInventoryService, type StockPosition } from '@s2b2b/inventory';
import type { DayContext } from './context.js';

/**
 * The run's stock positions, read back from storage: `positions.get('<warehouseId>|<code>')`
 * (the code without the run's tag). A warehouse × SKU that never had stock is absent.
 *
 * @example
 * const positions = await readPositions(ctx);
 * positions.get('WH-SH|FR-001')?.available
 */
export async function readPositions(ctx: DayContext): Promise<Map<string, StockPosition>> {
  const stock = createInventoryService({ storage: ctx.storage });
  const positions = new Map<string, StockPosition>();
  for (const sku of ctx.scenario.skus) {
    for (const p of await stock.listPositions({ sku: ctx.sku(sku.sku) })) {
      positions.set(`${p.warehouseId}|${sku.sku}`, p);
    }
  }
  return positions;
}
