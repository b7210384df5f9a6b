import { isS2b2bError } from '@s2b2b/core';
import type { z } from 'zod';
import type { AppliedMovements, InventoryTx, StockDocument } from '../../store.js';
import type { fulfilSchema, releaseSchema, reserveSchema } from '../command-schemas.js';
import { documentNotFoundError, insufficientStockError } from '../errors.js';
import { comparePositionKeys } from '../positions.js';
import type { Sourcing } from '../schemas.js';
import { resolveSettlements } from '../settlements.js';
import { planSourcing, type SourcingPlan } from '../sourcing.js';
import {
  type CommandContext,
  movement,
  requireWarehouses,
  type StockOutcome,
  stockEvent,
} from './context.js';

/**
 * Reserves an order's lines. With sourcing (or `allowPartial`), the positions of every
 * candidate warehouse × SKU are locked in key order, the pure `planSourcing` decides on what is
 * locked, and exactly that plan is reserved, so it cannot go stale. A whole order in one
 * warehouse needs no plan: its movements go straight to the store, whose conditional update is
 * the check (and the lock) — one round trip less while the hot position is held.
 *
 * @example
 * await storage.transaction((tx) => reserveStock(tx, reserveSchema.parse(input), ctx));
 */
export async function reserveStock(
  tx: InventoryTx,
  input: z.output<typeof reserveSchema>,
  ctx: CommandContext,
): Promise<StockOutcome> {
  const direct = input.warehouseId !== undefined && !input.allowPartial;
  const candidates = input.sourcing?.warehouses ?? [{ warehouseId: input.warehouseId!, distance: 0 }];
  await requireWarehouses(
    tx,
    candidates.map((candidate) => candidate.warehouseId),
  );
  const plan = direct
    ? {
        allocations: input.lines
          .map((line) => ({ warehouseId: input.warehouseId!, sku: line.sku, quantity: line.quantity }))
          .sort(comparePositionKeys),
        unmet: [],
      }
    : await planOnLockedPositions(tx, input, candidates);
  const document: StockDocument = {
    kind: 'reservation',
    id: input.reservationId ?? ctx.nextId(),
    reference: input.orderId,
    sourceWarehouseId: null,
    createdAt: ctx.now,
    lines: plan.allocations.map((allocation) => ({ ...allocation, open: allocation.quantity })),
  };
  await tx.inventory.insertDocument(document);
  let applied: AppliedMovements;
  try {
    applied = await tx.inventory.applyMovements(
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
  } catch (error) {
    // The store refused the first short line; name every short line, as the planned path does.
    if (direct && isS2b2bError(error, 'INSUFFICIENT_STOCK'))
      throw await shortagesIn(tx, input.warehouseId!, input.lines);
    throw error;
  }
  const { movements, positions } = applied;
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

async function planOnLockedPositions(
  tx: InventoryTx,
  input: z.output<typeof reserveSchema>,
  candidates: Sourcing['warehouses'],
): Promise<Pick<SourcingPlan, 'allocations' | 'unmet'>> {
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
  return plan;
}

/** `INSUFFICIENT_STOCK` listing every line the warehouse cannot cover, read under lock. */
async function shortagesIn(
  tx: InventoryTx,
  warehouseId: string,
  lines: readonly { sku: string; quantity: number }[],
): Promise<Error> {
  const locked = await tx.inventory.lockPositions(lines.map((line) => ({ warehouseId, sku: line.sku })));
  const available = new Map(locked.map((position) => [position.sku, Math.max(0, position.available)]));
  return insufficientStockError(
    lines
      .filter((line) => line.quantity > available.get(line.sku)!)
      .map((line) => ({
        warehouseId,
        sku: line.sku,
        requested: line.quantity,
        available: available.get(line.sku)!,
      })),
  );
}
