/**
 * The inventory port: what the stock service needs from storage. `@s2b2b/storage-memory` and
 * `@s2b2b/storage-postgres` implement it as `storage.inventory` (reads) and `tx.inventory`
 * (reads and writes inside `storage.transaction`); a host can implement it on its own database
 * and prove it with `describeInventoryConformance` from `@s2b2b/storage-testkit`.
 *
 * Quantities are whole numbers of a SKU's base unit (pieces, grams): exact in JavaScript up to
 * 2^53 - 1 and in PostgreSQL as BIGINT, so the invariant checks never meet rounding.
 */
import type { CoreStorage, InfrastructureTx } from '@s2b2b/core';

/**
 * A warehouse stock can sit in. `allowNegative` lets outbound movements take on hand below zero
 * (reservations still never exceed on hand).
 *
 * @example
 * const hub: Warehouse = { id: 'WH-SH', name: 'Shanghai hub', allowNegative: false };
 */
export interface Warehouse {
  id: string;
  name: string | null;
  allowNegative: boolean;
}

/**
 * Where a position is: one SKU in one warehouse.
 *
 * @example
 * const key: PositionKey = { warehouseId: 'WH-SH', sku: 'TEA-500G' };
 */
export interface PositionKey {
  warehouseId: string;
  sku: string;
}

/**
 * The four stored counters of a position.
 *
 * @example
 * const counts: PositionCounts = { onHand: 120, reserved: 30, inTransit: 40, onOrder: 200 };
 */
export interface PositionCounts {
  /** Units physically in the warehouse. */
  onHand: number;
  /** Units of on hand promised to open reservations. */
  reserved: number;
  /** Units shipped by a transfer towards this warehouse and not yet received. */
  inTransit: number;
  /** Units on open purchase orders for this warehouse. */
  onOrder: number;
}

/**
 * The stock of one SKU in one warehouse: the stored counters plus `available`
 * (`onHand - reserved`, what can still be reserved or shipped).
 *
 * @example
 * const p: StockPosition = { warehouseId: 'WH-SH', sku: 'TEA-500G', onHand: 120, reserved: 30, inTransit: 0, onOrder: 0, available: 90 };
 */
export interface StockPosition extends PositionKey, PositionCounts {
  available: number;
}

/**
 * What a movement did. Each command writes one movement per position it changes.
 *
 * @example
 * MOVEMENT_KINDS.includes('reservation') // true
 */
export const MOVEMENT_KINDS = Object.freeze([
  'receipt',
  'adjustment',
  'purchase-order',
  'purchase-order-close',
  'reservation',
  'release',
  'fulfilment',
  'transfer-out',
  'transfer-in-transit',
  'transfer-in',
  'transfer-loss',
] as const);

/**
 * One of {@link MOVEMENT_KINDS}.
 *
 * @example
 * const kind: MovementKind = 'fulfilment';
 */
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

/**
 * The documents whose open lines back reserved, in-transit and on-order stock.
 *
 * @example
 * DOCUMENT_KINDS // ['reservation', 'transfer', 'purchase-order']
 */
export const DOCUMENT_KINDS = Object.freeze(['reservation', 'transfer', 'purchase-order'] as const);

/**
 * One of {@link DOCUMENT_KINDS}.
 *
 * @example
 * const kind: DocumentKind = 'transfer';
 */
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * A change to one position, before the store has applied it. Deltas are signed whole numbers.
 *
 * @example
 * const draft: MovementDraft = {
 *   warehouseId: 'WH-SH', sku: 'TEA-500G', kind: 'reservation',
 *   onHandDelta: 0, reservedDelta: 5, inTransitDelta: 0, onOrderDelta: 0,
 *   documentKind: 'reservation', documentId: 'res-1', reference: 'order-1001', reason: null,
 *   commandScope: 'inventory.reserve', commandKey: 'k-1', occurredAt: new Date(),
 * };
 */
export interface MovementDraft extends PositionKey {
  kind: MovementKind;
  onHandDelta: number;
  reservedDelta: number;
  inTransitDelta: number;
  onOrderDelta: number;
  /** The document the movement settles or opens, if any. */
  documentKind: DocumentKind | null;
  documentId: string | null;
  /** The host's reference: an order id, a goods-receipt number, a count sheet. */
  reference: string | null;
  /** Why (adjustments and transfer losses). */
  reason: string | null;
  /** The command that wrote it: its idempotency scope and key. */
  commandScope: string;
  commandKey: string;
  occurredAt: Date;
}

/**
 * A row of the append-only stock ledger. `sequence` is unique and increases within a command;
 * across concurrent commands it is not commit order (read the event outbox for a feed).
 *
 * @example
 * const total = movements.reduce((sum, m: StockMovement) => sum + m.onHandDelta, 0);
 */
export interface StockMovement extends MovementDraft {
  sequence: number;
}

/**
 * One line of a document: what it is for and how much of it is still open (still reserved,
 * still in transit, still on order).
 *
 * @example
 * const line: DocumentLine = { warehouseId: 'WH-SH', sku: 'TEA-500G', quantity: 10, open: 4 };
 */
export interface DocumentLine extends PositionKey {
  quantity: number;
  open: number;
}

/**
 * A reservation, a transfer or a purchase order. Lines are unique per (warehouse, SKU) and
 * sorted by {@link PositionKey} order; a transfer's lines sit at its destination.
 *
 * @example
 * const reservation: StockDocument = {
 *   kind: 'reservation', id: 'res-1', reference: 'order-1001', sourceWarehouseId: null,
 *   createdAt: new Date(), lines: [{ warehouseId: 'WH-SH', sku: 'TEA-500G', quantity: 10, open: 10 }],
 * };
 */
export interface StockDocument {
  kind: DocumentKind;
  id: string;
  /** Reservations: the order id. Transfers and purchase orders: the host's reference, if any. */
  reference: string | null;
  /** Transfers: the warehouse the stock left. `null` for the other kinds. */
  sourceWarehouseId: string | null;
  createdAt: Date;
  lines: DocumentLine[];
}

/**
 * How much to settle (take off `open`) on one document line.
 *
 * @example
 * const settlement: DocumentSettlement = { warehouseId: 'WH-SH', sku: 'TEA-500G', quantity: 4 };
 */
export interface DocumentSettlement extends PositionKey {
  quantity: number;
}

/**
 * Which positions `listPositions` returns, and the page: sorted by key, after `after`, at most
 * `limit` (default 1,000, at most 10,000).
 *
 * @example
 * await storage.inventory.listPositions({ warehouseId: 'WH-SH', limit: 500 });
 */
export interface PositionFilter {
  warehouseId?: string;
  sku?: string;
  after?: PositionKey;
  limit?: number;
}

/**
 * Which ledger rows `listMovements` returns: ascending by sequence, after `afterSequence`,
 * at most `limit` (default 1,000, at most 10,000).
 *
 * @example
 * await storage.inventory.listMovements({ warehouseId: 'WH-SH', sku: 'TEA-500G', afterSequence: 0 });
 */
export interface MovementFilter {
  warehouseId?: string;
  sku?: string;
  documentKind?: DocumentKind;
  documentId?: string;
  afterSequence?: number;
  limit?: number;
}

/**
 * Reading inventory state. Returned values are copies; `null` when not found. Outside a
 * transaction a read sees only committed state; `tx.inventory` reads through its transaction.
 *
 * @example
 * const position = await storage.inventory.getPosition('WH-SH', 'TEA-500G'); // or null
 */
export interface InventoryReader {
  getWarehouse(id: string): Promise<Warehouse | null>;
  /** Every warehouse, sorted by id. */
  listWarehouses(): Promise<Warehouse[]>;
  getPosition(warehouseId: string, sku: string): Promise<StockPosition | null>;
  listPositions(filter?: PositionFilter): Promise<StockPosition[]>;
  getDocument(kind: DocumentKind, id: string): Promise<StockDocument | null>;
  listMovements(filter?: MovementFilter): Promise<StockMovement[]>;
}

/**
 * Inventory inside a transaction. The adapter enforces the stock invariants atomically in
 * `applyMovements` and `settleDocumentLines` (see {@link checkMovement}); application code
 * never reads a balance and writes it back.
 *
 * Lock order, the same in every adapter so concurrent commands cannot deadlock: document lines
 * first, then positions, each set in {@link comparePositionKeys} order.
 *
 * @example
 * await storage.transaction(async (tx) => {
 *   await tx.inventory.lockPositions([{ warehouseId: 'WH-SH', sku: 'TEA-500G' }]);
 *   await tx.inventory.applyMovements([draft]);
 * });
 */
export interface InventoryTxPort extends InventoryReader {
  /** Creates or updates a warehouse (by id). */
  saveWarehouse(warehouse: Warehouse): Promise<Warehouse>;
  /**
   * Locks the positions of `keys` until the transaction ends, in key order, and returns them in
   * that order; a position that does not exist yet comes back as zeros (nothing to lock).
   */
  lockPositions(keys: readonly PositionKey[]): Promise<StockPosition[]>;
  /**
   * Applies the drafts in order, each checked against the position it changes, and appends them
   * to the ledger — all of them, or (on any failure) none. Creates missing positions. Returns
   * the movements with their sequences, in draft order, and the changed positions in key order.
   *
   * @throws DomainError `UNKNOWN_WAREHOUSE`, `INSUFFICIENT_STOCK`
   */
  applyMovements(drafts: readonly MovementDraft[]): Promise<AppliedMovements>;
  /** Stores a new document (lines `open` as given). @throws DomainError `<KIND>_EXISTS` */
  insertDocument(document: StockDocument): Promise<void>;
  /** The document with its lines locked until the transaction ends, or `null`. */
  lockDocument(kind: DocumentKind, id: string): Promise<StockDocument | null>;
  /**
   * Takes each settlement off its line's `open` — all of them, or none. Returns the document.
   *
   * @throws DomainError `<KIND>_NOT_FOUND`, `LINE_NOT_FOUND`, `EXCEEDS_OPEN_QUANTITY`
   */
  settleDocumentLines(
    kind: DocumentKind,
    id: string,
    settlements: readonly DocumentSettlement[],
  ): Promise<StockDocument>;
}

/**
 * What `applyMovements` returns.
 *
 * @example
 * const { movements, positions }: AppliedMovements = await tx.inventory.applyMovements(drafts);
 */
export interface AppliedMovements {
  movements: StockMovement[];
  positions: StockPosition[];
}

/**
 * A transaction of a storage that has inventory: the infrastructure ports plus
 * `inventory`, so state, idempotency outcome and outbox events commit together.
 *
 * @example
 * await runIdempotent(storage, command, async (tx: InventoryTx) => tx.inventory.applyMovements(drafts));
 */
export interface InventoryTx extends InfrastructureTx {
  readonly inventory: InventoryTxPort;
}

/**
 * A storage with inventory: `storage.inventory` reads, `storage.transaction` hands out
 * {@link InventoryTx}. `createMemoryStorage()` and `createPostgresStorage()` return one.
 *
 * @example
 * const service = createInventoryService({ storage: createMemoryStorage() });
 */
export interface InventoryStorage extends CoreStorage {
  readonly inventory: InventoryReader;
  transaction<T>(fn: (tx: InventoryTx) => Promise<T>): Promise<T>;
}
