import type { z } from 'zod';
import type { DocumentSettlement, InventoryTx, MovementDraft, StockDocument } from '../../store.js';
import type { transferInSchema, transferOutSchema } from '../command-schemas.js';
import { documentClosedError, documentNotFoundError } from '../errors.js';
import { comparePositionKeys, positionId } from '../positions.js';
import { resolveSettlements } from '../settlements.js';
import {
  type CommandContext,
  movement,
  requireWarehouses,
  type StockOutcome,
  stockEvent,
} from './context.js';

/**
 * Stock leaves one warehouse (on hand falls; the store refuses more than is available unless
 * the warehouse allows negative stock) and is in transit at the other until `transferIn`.
 *
 * @example
 * await storage.transaction((tx) => transferOut(tx, transferOutSchema.parse(input), ctx));
 */
export async function transferOut(
  tx: InventoryTx,
  input: z.output<typeof transferOutSchema>,
  ctx: CommandContext,
): Promise<StockOutcome> {
  await requireWarehouses(tx, [input.fromWarehouseId, input.toWarehouseId]);
  const document: StockDocument = {
    kind: 'transfer',
    id: input.transferId,
    reference: input.reference ?? null,
    sourceWarehouseId: input.fromWarehouseId,
    createdAt: ctx.now,
    lines: input.lines
      .map((line) => ({
        warehouseId: input.toWarehouseId,
        sku: line.sku,
        quantity: line.quantity,
        open: line.quantity,
      }))
      .sort(comparePositionKeys),
  };
  await tx.inventory.insertDocument(document);
  const common = { documentKind: 'transfer' as const, documentId: document.id, reference: input.reference };
  const { movements, positions } = await tx.inventory.applyMovements(
    input.lines.flatMap((line) => [
      movement(ctx, {
        warehouseId: input.fromWarehouseId,
        sku: line.sku,
        kind: 'transfer-out',
        onHandDelta: -line.quantity,
        ...common,
      }),
      movement(ctx, {
        warehouseId: input.toWarehouseId,
        sku: line.sku,
        kind: 'transfer-in-transit',
        inTransitDelta: line.quantity,
        ...common,
      }),
    ]),
  );
  const events = [
    stockEvent(ctx, 'stock.transferred_out', document.id, {
      transferId: document.id,
      fromWarehouseId: input.fromWarehouseId,
      toWarehouseId: input.toWarehouseId,
      reference: document.reference,
      lines: input.lines.map((line) => ({ sku: line.sku, quantity: line.quantity })),
    }),
  ];
  return { movements, positions, document, unmet: [], events };
}

/**
 * The destination receives a transfer: in transit falls, on hand rises. With `closeShort`,
 * whatever is still in transit afterwards is written off (`transfer-loss`).
 *
 * @example
 * await storage.transaction((tx) => transferIn(tx, transferInSchema.parse(input), ctx));
 */
export async function transferIn(
  tx: InventoryTx,
  input: z.output<typeof transferInSchema>,
  ctx: CommandContext,
): Promise<StockOutcome> {
  const locked = await tx.inventory.lockDocument('transfer', input.transferId);
  if (!locked) throw documentNotFoundError('transfer', input.transferId);
  const received =
    input.lines === undefined ? resolveSettlements(locked) : resolveSettlements(locked, input.lines);
  const receivedById = new Map(received.map((settlement) => [positionId(settlement), settlement.quantity]));
  const lost: DocumentSettlement[] = input.closeShort
    ? locked.lines.flatMap((line) => {
        const rest = line.open - (receivedById.get(positionId(line)) ?? 0);
        return rest > 0 ? [{ warehouseId: line.warehouseId, sku: line.sku, quantity: rest }] : [];
      })
    : [];
  if (received.length === 0 && lost.length === 0) throw documentClosedError('transfer', locked.id);
  const lostById = new Map(lost.map((settlement) => [positionId(settlement), settlement.quantity]));
  const settlements = locked.lines.flatMap((line) => {
    const quantity = (receivedById.get(positionId(line)) ?? 0) + (lostById.get(positionId(line)) ?? 0);
    return quantity > 0 ? [{ warehouseId: line.warehouseId, sku: line.sku, quantity }] : [];
  });
  const document = await tx.inventory.settleDocumentLines('transfer', locked.id, settlements);
  const common = { documentKind: 'transfer' as const, documentId: locked.id, reference: locked.reference };
  const drafts: MovementDraft[] = [
    ...received.map((settlement) =>
      movement(ctx, {
        warehouseId: settlement.warehouseId,
        sku: settlement.sku,
        kind: 'transfer-in',
        onHandDelta: settlement.quantity,
        inTransitDelta: -settlement.quantity,
        ...common,
      }),
    ),
    ...lost.map((settlement) =>
      movement(ctx, {
        warehouseId: settlement.warehouseId,
        sku: settlement.sku,
        kind: 'transfer-loss',
        inTransitDelta: -settlement.quantity,
        ...common,
        reason: input.reason ?? 'closed short',
      }),
    ),
  ];
  const { movements, positions } = await tx.inventory.applyMovements(drafts);
  const events = [
    stockEvent(ctx, 'stock.transferred_in', locked.id, {
      transferId: locked.id,
      fromWarehouseId: locked.sourceWarehouseId ?? '',
      toWarehouseId: locked.lines[0]!.warehouseId,
      reason: input.reason ?? null,
      lines: locked.lines.flatMap((line) => {
        const quantity = receivedById.get(positionId(line)) ?? 0;
        const loss = lostById.get(positionId(line)) ?? 0;
        return quantity + loss > 0 ? [{ sku: line.sku, quantity, lost: loss }] : [];
      }),
    }),
  ];
  return { movements, positions, document, unmet: [], events };
}
