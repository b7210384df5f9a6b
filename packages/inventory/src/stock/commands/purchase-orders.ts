import type { z } from 'zod';
import type { InventoryTx, StockDocument } from '../../store.js';
import type { closePurchaseOrderSchema, placePurchaseOrderSchema } from '../command-schemas.js';
import { documentNotFoundError } from '../errors.js';
import { comparePositionKeys } from '../positions.js';
import { resolveSettlements } from '../settlements.js';
import {
  type CommandContext,
  movement,
  requireWarehouses,
  type StockOutcome,
  stockEvent,
} from './context.js';

/**
 * Stock ordered from a supplier: a purchase-order document whose open lines are the
 * warehouse's on order.
 *
 * @example
 * await storage.transaction((tx) => placePurchaseOrder(tx, placePurchaseOrderSchema.parse(input), ctx));
 */
export async function placePurchaseOrder(
  tx: InventoryTx,
  input: z.output<typeof placePurchaseOrderSchema>,
  ctx: CommandContext,
): Promise<StockOutcome> {
  await requireWarehouses(tx, [input.warehouseId]);
  const document: StockDocument = {
    kind: 'purchase-order',
    id: input.purchaseOrderId,
    reference: input.reference ?? null,
    sourceWarehouseId: null,
    createdAt: ctx.now,
    lines: input.lines
      .map((line) => ({
        warehouseId: input.warehouseId,
        sku: line.sku,
        quantity: line.quantity,
        open: line.quantity,
      }))
      .sort(comparePositionKeys),
  };
  await tx.inventory.insertDocument(document);
  const { movements, positions } = await tx.inventory.applyMovements(
    input.lines.map((line) =>
      movement(ctx, {
        warehouseId: input.warehouseId,
        sku: line.sku,
        kind: 'purchase-order',
        onOrderDelta: line.quantity,
        documentKind: 'purchase-order',
        documentId: document.id,
        reference: input.reference,
      }),
    ),
  );
  const events = [
    stockEvent(ctx, 'stock.ordered', document.id, {
      purchaseOrderId: document.id,
      warehouseId: input.warehouseId,
      reference: document.reference,
      lines: input.lines.map((line) => ({ sku: line.sku, quantity: line.quantity })),
    }),
  ];
  return { movements, positions, document, unmet: [], events };
}

/**
 * What is still on order will not come: every open line is settled and on order falls by it.
 *
 * @example
 * await storage.transaction((tx) => closePurchaseOrder(tx, closePurchaseOrderSchema.parse(input), ctx));
 */
export async function closePurchaseOrder(
  tx: InventoryTx,
  input: z.output<typeof closePurchaseOrderSchema>,
  ctx: CommandContext,
): Promise<StockOutcome> {
  const locked = await tx.inventory.lockDocument('purchase-order', input.purchaseOrderId);
  if (!locked) throw documentNotFoundError('purchase-order', input.purchaseOrderId);
  const settlements = resolveSettlements(locked);
  const document = await tx.inventory.settleDocumentLines('purchase-order', locked.id, settlements);
  const { movements, positions } = await tx.inventory.applyMovements(
    settlements.map((settlement) =>
      movement(ctx, {
        warehouseId: settlement.warehouseId,
        sku: settlement.sku,
        kind: 'purchase-order-close',
        onOrderDelta: -settlement.quantity,
        documentKind: 'purchase-order',
        documentId: locked.id,
        reason: input.reason,
      }),
    ),
  );
  const events = [
    stockEvent(ctx, 'stock.order_closed', locked.id, {
      purchaseOrderId: locked.id,
      warehouseId: settlements[0]!.warehouseId,
      reason: input.reason ?? null,
      lines: settlements.map((settlement) => ({ sku: settlement.sku, quantity: settlement.quantity })),
    }),
  ];
  return { movements, positions, document, unmet: [], events };
}
