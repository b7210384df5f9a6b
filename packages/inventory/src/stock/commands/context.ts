import type { JsonValue } from '@s2b2b/core';
import type {
  DocumentKind,
  InventoryTx,
  MovementDraft,
  MovementKind,
  PositionKey,
  StockDocument,
  StockMovement,
  StockPosition,
  Warehouse,
} from '../../store.js';
import { unknownWarehouseError } from '../errors.js';
import type { StockEvent, StockEventPayloads, StockEventType } from '../events.js';
import type { UnmetLine } from '../sourcing.js';

/**
 * What a command handler knows besides its input: when it runs, which command it is, and
 * where new ids come from.
 *
 * @example
 * const ctx: CommandContext = { now: new Date(), scope: 'inventory.receive', key: 'grn-1', nextId: () => crypto.randomUUID() };
 */
export interface CommandContext {
  now: Date;
  scope: string;
  key: string;
  nextId(): string;
}

/**
 * What a stock command did (before the service adds `replayed`).
 *
 * @example
 * const outcome: StockOutcome = { movements: [], positions: [], document: null, unmet: [], events: [] };
 */
export interface StockOutcome {
  /** The ledger rows it wrote, in order. */
  movements: StockMovement[];
  /** The positions it changed, after the change, in key order. */
  positions: StockPosition[];
  /** The reservation, transfer or purchase order it created or settled, after the command. */
  document: StockDocument | null;
  /** Reservations with `allowPartial`: what could not be reserved. */
  unmet: UnmetLine[];
  events: StockEvent[];
}

/**
 * The parts of a movement a handler chooses; `movement()` fills in the rest.
 *
 * @example
 * const fields: MovementFields = { warehouseId: 'WH-SH', sku: 'TEA', kind: 'receipt', onHandDelta: 10 };
 */
export type MovementFields = PositionKey & {
  kind: MovementKind;
  onHandDelta?: number;
  reservedDelta?: number;
  inTransitDelta?: number;
  onOrderDelta?: number;
  documentKind?: DocumentKind | null;
  documentId?: string | null;
  reference?: string | null | undefined;
  reason?: string | null | undefined;
};

/**
 * A movement draft stamped with the command's scope, key and time; unspecified deltas are 0.
 *
 * @example
 * movement(ctx, { warehouseId: 'WH-SH', sku: 'TEA', kind: 'receipt', onHandDelta: 10 })
 */
export function movement(ctx: CommandContext, fields: MovementFields): MovementDraft {
  return {
    warehouseId: fields.warehouseId,
    sku: fields.sku,
    kind: fields.kind,
    // `|| 0` also turns -0 (from negating a zero) into 0.
    onHandDelta: fields.onHandDelta || 0,
    reservedDelta: fields.reservedDelta || 0,
    inTransitDelta: fields.inTransitDelta || 0,
    onOrderDelta: fields.onOrderDelta || 0,
    documentKind: fields.documentKind ?? null,
    documentId: fields.documentId ?? null,
    reference: fields.reference ?? null,
    reason: fields.reason ?? null,
    commandScope: ctx.scope,
    commandKey: ctx.key,
    occurredAt: ctx.now,
  };
}

/**
 * A typed stock event with a fresh id at the command's time.
 *
 * @example
 * stockEvent(ctx, 'stock.adjusted', 'WH-SH', { warehouseId: 'WH-SH', reason: 'count', reference: null, lines: [] })
 */
export function stockEvent<K extends StockEventType>(
  ctx: CommandContext,
  type: K,
  aggregateId: string,
  payload: StockEventPayloads[K],
): StockEvent {
  return {
    id: ctx.nextId(),
    type,
    occurredAt: ctx.now,
    aggregateId,
    payload: payload as JsonValue,
  } as StockEvent;
}

/**
 * The named warehouses, or `UNKNOWN_WAREHOUSE` for the first that does not exist. Warehouses
 * are never deleted, so the answer stays true for the rest of the transaction.
 *
 * @example
 * const warehouses = await requireWarehouses(tx, ['WH-SH', 'WH-HZ']);
 */
export async function requireWarehouses(
  tx: InventoryTx,
  ids: readonly string[],
): Promise<Map<string, Warehouse>> {
  const wanted = [...new Set(ids)];
  const known =
    wanted.length <= 2
      ? await Promise.all(wanted.map((id) => tx.inventory.getWarehouse(id)))
      : await tx.inventory.listWarehouses();
  const byId = new Map(known.flatMap((warehouse) => (warehouse ? [[warehouse.id, warehouse] as const] : [])));
  const found = new Map<string, Warehouse>();
  for (const id of wanted) {
    const warehouse = byId.get(id);
    if (!warehouse) throw unknownWarehouseError(id);
    found.set(id, warehouse);
  }
  return found;
}
