import type { z } from 'zod';
import type { InventoryTx, StockDocument } from '../../store.js';
import type { fulfilSchema, releaseSchema, reserveSchema } from '../command-schemas.js';
import { documentNotFoundError, insufficientStockError } from '../errors.js';
import { resolveSettlements } from '../settlements.js';
import { planSourcing } from '../sourcing.js';
import {
  type CommandContext,
  movement,
  requireWarehouses,
  type StockOutcome,
  stockEvent,
} from './context.js';

/**
 * Reserves an order's lines. The positions of every candidate warehouse × SKU are locked (in
 * key order), the pure `planSourcing` decides on what is locked, and exactly that plan is
 * reserved — so the plan cannot go stale, and the store still checks every movement.
 *
 * @example
 * await storage.transaction((tx) => reserveStock(tx, reserveSchema.parse(input), ctx));
 */
export async function reserveStock(
  tx: InventoryTx,
  input: z.output<typeof reserveSchema>,
  ctx: CommandContext,
): Promise<StockOutcome> {
  const candidates = input.sourcing?.warehouses ?? [{ warehouseId: input.warehouseId!, distance: 0 }];
  await requireWarehouses(
    tx,
    candidates.map((candidate) => candidate.warehouseId),
  );
  const locked = await tx.inventory.lockPositions(
    candidates.flatMap((candidate) =>
      input.lines.map((line) => ({ warehouseId: candidate.warehouseId, sku: line.sku })),
    ),
  );
  const plan = planSourcing({
    rule: input.sourcing?.rule ?? 'nearest',
    warehouses: candidates,
    lines: input.lines,
    stock: locked.map((position) => ({
      warehouseId: position.warehouseId,
      sku: position.sku,
      available: position.available,
    })),
  });
  if ((plan.unmet.length > 0 && !input.allowPartial) || plan.allocations.length === 0) {
    const unmet = new Map(plan.unmet.map((line) => [line.sku, line.quantity]));
    throw insufficientStockError(
      input.lines
        .filter((line) => unmet.has(line.sku))
        .map((line) => ({
          warehouseId: input.warehouseId ?? null,
          sku: line.sku,
          requested: line.quantity,
          available: line.quantity - unmet.get(line.sku)!,
        })),
    );
  }
  const document: StockDocument = {
    kind: 'reservation',
    id: input.reservationId ?? ctx.nextId(),
    reference: input.orderId,
    sourceWarehouseId: null,
    createdAt: ctx.now,
    lines: plan.allocations.map((allocation) => ({ ...allocation, open: allocation.quantity })),
  };
  await tx.inventory.insertDocument(document);
  const { movements, positions } = await tx.inventory.applyMovements(
    plan.allocations.map((allocation) =>
      movement(ctx, {
        warehouseId: allocation.warehouseId,
        sku: allocation.sku,
        kind: 'reservation',
        reservedDelta: allocation.quantity,
        documentKind: 'reservation',
        documentId: document.id,
        reference: input.orderId,
      }),
    ),
  );
  const events = [
    stockEvent(ctx, 'stock.reserved', document.id, {
      reservationId: document.id,
      orderId: input.orderId,
      rule: input.sourcing?.rule ?? null,
      lines: plan.allocations.map(({ warehouseId, sku, quantity }) => ({ warehouseId, sku, quantity })),
      unmet: plan.unmet,
    }),
  ];
  return { movements, positions, document, unmet: plan.unmet, events };
}

/**
 * Gives reserved stock back (all that is still reserved, or the lines given).
 *
 * @example
 * await storage.transaction((tx) => releaseStock(tx, releaseSchema.parse(input), ctx));
 */
export async function releaseStock(
  tx: InventoryTx,
  input: z.output<typeof releaseSchema>,
  ctx: CommandContext,
): Promise<StockOutcome> {
  return settleReservation(tx, input.reservationId, input.lines, ctx, 'release', input.reason ?? null);
}

/**
 * Ships reserved stock: on hand and reserved both fall (all that is still reserved, or the lines given).
 *
 * @example
 * await storage.transaction((tx) => fulfilStock(tx, fulfilSchema.parse(input), ctx));
 */
export async function fulfilStock(
  tx: InventoryTx,
  input: z.output<typeof fulfilSchema>,
  ctx: CommandContext,
): Promise<StockOutcome> {
  return settleReservation(tx, input.reservationId, input.lines, ctx, 'fulfilment', input.reference ?? null);
}

async function settleReservation(
  tx: InventoryTx,
  reservationId: string,
  lines: z.output<typeof releaseSchema>['lines'],
  ctx: CommandContext,
  kind: 'release' | 'fulfilment',
  note: string | null,
): Promise<StockOutcome> {
  const locked = await tx.inventory.lockDocument('reservation', reservationId);
  if (!locked) throw documentNotFoundError('reservation', reservationId);
  const settlements = resolveSettlements(locked, lines);
  const document = await tx.inventory.settleDocumentLines('reservation', reservationId, settlements);
  const { movements, positions } = await tx.inventory.applyMovements(
    settlements.map((settlement) =>
      movement(ctx, {
        warehouseId: settlement.warehouseId,
        sku: settlement.sku,
        kind,
        onHandDelta: kind === 'fulfilment' ? -settlement.quantity : 0,
        reservedDelta: -settlement.quantity,
        documentKind: 'reservation',
        documentId: reservationId,
        reference: kind === 'fulfilment' ? note : locked.reference,
        reason: kind === 'release' ? note : null,
      }),
    ),
  );
  const placed = settlements.map(({ warehouseId, sku, quantity }) => ({ warehouseId, sku, quantity }));
  const orderId = locked.reference ?? '';
  const events = [
    kind === 'release'
      ? stockEvent(ctx, 'stock.released', reservationId, {
          reservationId,
          orderId,
          reason: note,
          lines: placed,
        })
      : stockEvent(ctx, 'stock.fulfilled', reservationId, {
          reservationId,
          orderId,
          reference: note,
          lines: placed,
        }),
  ];
  return { movements, positions, document, unmet: [], events };
}
