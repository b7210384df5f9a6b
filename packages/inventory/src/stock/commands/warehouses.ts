import type { z } from 'zod';
import type { InventoryTx, Warehouse } from '../../store.js';
import type { saveWarehouseSchema } from '../command-schemas.js';
import type { StockEvent } from '../events.js';
import { type CommandContext, stockEvent } from './context.js';

/**
 * What `saveWarehouse` did.
 *
 * @example
 * const outcome: WarehouseOutcome = { warehouse: { id: 'WH-SH', name: null, allowNegative: false }, events: [] };
 */
export interface WarehouseOutcome {
  warehouse: Warehouse;
  events: StockEvent[];
}

/**
 * Creates a warehouse or replaces its definition (name, `allowNegative`). Switching
 * `allowNegative` off applies to later movements; stock already below zero stays so until
 * received or adjusted.
 *
 * @example
 * await storage.transaction((tx) => saveWarehouse(tx, saveWarehouseSchema.parse(input), ctx));
 */
export async function saveWarehouse(
  tx: InventoryTx,
  input: z.output<typeof saveWarehouseSchema>,
  ctx: CommandContext,
): Promise<WarehouseOutcome> {
  const warehouse = await tx.inventory.saveWarehouse({
    id: input.warehouseId,
    name: input.name ?? null,
    allowNegative: input.allowNegative ?? false,
  });
  const events = [
    stockEvent(ctx, 'stock.warehouse_saved', warehouse.id, {
      warehouseId: warehouse.id,
      name: warehouse.name,
      allowNegative: warehouse.allowNegative,
    }),
  ];
  return { warehouse, events };
}
