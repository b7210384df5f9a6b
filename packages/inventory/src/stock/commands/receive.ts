import type { z } from 'zod';
import type { InventoryTx, StockDocument } from '../../store.js';
import type { adjustSchema, receiveSchema } from '../command-schemas.js';
import { documentNotFoundError, lineNotFoundError } from '../errors.js';
import { positionId } from '../positions.js';
import { type CommandContext, movement, type StockOutcome, stockEvent } from './context.js';

/**
 * Goods in: on hand rises; against a purchase order, on order falls by what was open (a
 * receipt beyond the open quantity clears the line and adds the rest to on hand).
 *
 * @example
 * await storage.transaction((tx) => receiveStock(tx, receiveSchema.parse(input), ctx));
 */
export async function receiveStock(
  tx: InventoryTx,
  input: z.output<typeof receiveSchema>,
  ctx: CommandContext,
): Promise<StockOutcome> {
  let document: StockDocument | null = null;
  const cleared = new Map<string, number>();
  if (input.purchaseOrderId !== undefined) {
    document = await tx.inventory.lockDocument('purchase-order', input.purchaseOrderId);
    if (!document) throw documentNotFoundError('purchase-order', input.purchaseOrderId);
    const open = new Map(document.lines.map((line) => [positionId(line), line.open]));
    const settlements = input.lines.flatMap((line) => {
      const key = { warehouseId: input.warehouseId, sku: line.sku };
      const available = open.get(positionId(key));
      if (available === undefined) throw lineNotFoundError('purchase-order', input.purchaseOrderId!, key);
      const units = Math.min(line.quantity, available);
      cleared.set(line.sku, units);
      return units > 0 ? [{ ...key, quantity: units }] : [];
    });
    if (settlements.length > 0) {
      document = await tx.inventory.settleDocumentLines('purchase-order', input.purchaseOrderId, settlements);
    }
  }
  const { movements, positions } = await tx.inventory.applyMovements(
    input.lines.map((line) =>
      movement(ctx, {
        warehouseId: input.warehouseId,
        sku: line.sku,
        kind: 'receipt',
        onHandDelta: line.quantity,
        onOrderDelta: -(cleared.get(line.sku) ?? 0),
        documentKind: document ? 'purchase-order' : null,
        documentId: document?.id ?? null,
        reference: input.reference,
      }),
    ),
  );
  const events = [
    stockEvent(ctx, 'stock.received', input.warehouseId, {
      warehouseId: input.warehouseId,
      purchaseOrderId: input.purchaseOrderId ?? null,
      reference: input.reference ?? null,
      lines: input.lines.map((line) => ({
        sku: line.sku,
        quantity: line.quantity,
        onOrderCleared: cleared.get(line.sku) ?? 0,
      })),
    }),
  ];
  return { movements, positions, document, unmet: [], events };
}

/**
 * A correction of on hand by signed quantities. The store refuses one that would take
 * available below zero, unless the warehouse allows negative stock.
 *
 * @example
 * await storage.transaction((tx) => adjustStock(tx, adjustSchema.parse(input), ctx));
 */
export async function adjustStock(
  tx: InventoryTx,
  input: z.output<typeof adjustSchema>,
  ctx: CommandContext,
): Promise<StockOutcome> {
  const { movements, positions } = await tx.inventory.applyMovements(
    input.lines.map((line) =>
      movement(ctx, {
        warehouseId: input.warehouseId,
        sku: line.sku,
        kind: 'adjustment',
        onHandDelta: line.quantity,
        reference: input.reference,
        reason: input.reason,
      }),
    ),
  );
  const events = [
    stockEvent(ctx, 'stock.adjusted', input.warehouseId, {
      warehouseId: input.warehouseId,
      reason: input.reason,
      reference: input.reference ?? null,
      lines: input.lines.map((line) => ({ sku: line.sku, quantity: line.quantity })),
    }),
  ];
  return { movements, positions, document: null, unmet: [], events };
}
