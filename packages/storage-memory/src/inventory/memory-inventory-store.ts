import {
  type AppliedMovements,
  applyDeltas,
  checkMovement,
  checkMovementFilter,
  checkPositionFilter,
  compareCodePoints,
  comparePositionKeys,
  type DocumentKind,
  type DocumentSettlement,
  documentExistsError,
  documentNotFoundError,
  emptyPosition,
  exceedsOpenError,
  type InventoryReader,
  type InventoryTxPort,
  lineNotFoundError,
  type MovementDraft,
  type MovementFilter,
  type PositionFilter,
  type PositionKey,
  positionId,
  type StockDocument,
  type StockMovement,
  type StockPosition,
  toStockPosition,
  uniquePositionKeys,
  unknownWarehouseError,
  violationError,
  type Warehouse,
} from '@s2b2b/inventory';
import type { MemoryEngine, MemoryTxContext } from '../memory-engine.js';

/**
 * The inventory port in maps: warehouses, positions, documents and the ledger array. The
 * engine's lock serialises transactions, so `lockPositions` and `lockDocument` only read;
 * `applyMovements` checks every draft with `checkMovement` before it writes anything.
 *
 * @example
 * const inventory = new MemoryInventoryStore(engine);
 * await engine.transaction((ctx) => inventory.port(ctx).saveWarehouse({ id: 'WH-SH', name: null, allowNegative: false }));
 */
export class MemoryInventoryStore implements InventoryReader {
  readonly #warehouses = new Map<string, Warehouse>();
  readonly #positions = new Map<string, StockPosition>();
  readonly #documents = new Map<string, StockDocument>();
  readonly #movements: StockMovement[] = [];
  readonly #engine: MemoryEngine;

  constructor(engine: MemoryEngine) {
    this.#engine = engine;
  }

  /** The port a transaction uses. */
  port(ctx: MemoryTxContext): InventoryTxPort {
    return {
      getWarehouse: async (id) => this.#getWarehouse(id),
      listWarehouses: async () => this.#listWarehouses(),
      getPosition: async (warehouseId, sku) => this.#getPosition(warehouseId, sku),
      listPositions: async (filter) => this.#listPositions(checkPositionFilter(filter)),
      getDocument: async (kind, id) => this.#getDocument(kind, id),
      listMovements: async (filter) => this.#listMovements(checkMovementFilter(filter)),
      saveWarehouse: async (warehouse) => {
        const previous = this.#warehouses.get(warehouse.id);
        const saved: Warehouse = {
          id: warehouse.id,
          name: warehouse.name,
          allowNegative: warehouse.allowNegative,
        };
        this.#warehouses.set(saved.id, saved);
        ctx.onRollback(() =>
          previous ? this.#warehouses.set(previous.id, previous) : this.#warehouses.delete(saved.id),
        );
        return { ...saved };
      },
      lockPositions: async (keys) =>
        uniquePositionKeys(keys).map((key) => {
          const position = this.#positions.get(positionId(key));
          return position ? { ...position } : emptyPosition(key);
        }),
      applyMovements: async (drafts) => this.#apply(ctx, drafts),
      insertDocument: async (document) => {
        const id = documentId(document.kind, document.id);
        if (this.#documents.has(id)) throw documentExistsError(document.kind, document.id);
        const stored = structuredClone(document);
        stored.lines.sort(comparePositionKeys);
        this.#documents.set(id, stored);
        ctx.onRollback(() => this.#documents.delete(id));
      },
      lockDocument: async (kind, id) => this.#getDocument(kind, id),
      settleDocumentLines: async (kind, id, settlements) => this.#settle(ctx, kind, id, settlements),
    };
  }

  async getWarehouse(id: string): Promise<Warehouse | null> {
    return this.#engine.read(() => this.#getWarehouse(id));
  }

  async listWarehouses(): Promise<Warehouse[]> {
    return this.#engine.read(() => this.#listWarehouses());
  }

  async getPosition(warehouseId: string, sku: string): Promise<StockPosition | null> {
    return this.#engine.read(() => this.#getPosition(warehouseId, sku));
  }

  async listPositions(filter?: PositionFilter): Promise<StockPosition[]> {
    const checked = checkPositionFilter(filter);
    return this.#engine.read(() => this.#listPositions(checked));
  }

  async getDocument(kind: DocumentKind, id: string): Promise<StockDocument | null> {
    return this.#engine.read(() => this.#getDocument(kind, id));
  }

  async listMovements(filter?: MovementFilter): Promise<StockMovement[]> {
    const checked = checkMovementFilter(filter);
    return this.#engine.read(() => this.#listMovements(checked));
  }

  #getWarehouse(id: string): Warehouse | null {
    const warehouse = this.#warehouses.get(id);
    return warehouse ? { ...warehouse } : null;
  }

  #listWarehouses(): Warehouse[] {
    return [...this.#warehouses.values()]
      .sort((a, b) => compareCodePoints(a.id, b.id))
      .map((warehouse) => ({ ...warehouse }));
  }

  #getPosition(warehouseId: string, sku: string): StockPosition | null {
    const position = this.#positions.get(positionId({ warehouseId, sku }));
    return position ? { ...position } : null;
  }

  #listPositions(filter: ReturnType<typeof checkPositionFilter>): StockPosition[] {
    const { warehouseId, sku, after, limit } = filter;
    return [...this.#positions.values()]
      .filter(
        (position) =>
          (warehouseId === undefined || position.warehouseId === warehouseId) &&
          (sku === undefined || position.sku === sku) &&
          (after === undefined || comparePositionKeys(position, after) > 0),
      )
      .sort(comparePositionKeys)
      .slice(0, limit)
      .map((position) => ({ ...position }));
  }

  #getDocument(kind: DocumentKind, id: string): StockDocument | null {
    const document = this.#documents.get(documentId(kind, id));
    return document ? structuredClone(document) : null;
  }

  #listMovements(filter: ReturnType<typeof checkMovementFilter>): StockMovement[] {
    const { warehouseId, sku, documentKind, documentId, afterSequence = 0, limit } = filter;
    const found: StockMovement[] = [];
    // Sequences are 1, 2, 3, ... in array order (a rollback gives its numbers back).
    for (
      let index = Math.min(afterSequence, this.#movements.length);
      index < this.#movements.length;
      index += 1
    ) {
      const movement = this.#movements[index]!;
      if (warehouseId !== undefined && movement.warehouseId !== warehouseId) continue;
      if (sku !== undefined && movement.sku !== sku) continue;
      if (documentKind !== undefined && movement.documentKind !== documentKind) continue;
      if (documentId !== undefined && movement.documentId !== documentId) continue;
      found.push(structuredClone(movement));
      if (found.length === limit) break;
    }
    return found;
  }

  #apply(ctx: MemoryTxContext, drafts: readonly MovementDraft[]): AppliedMovements {
    // Check everything on copies first, so a refused draft leaves nothing behind.
    const next = new Map<string, StockPosition>();
    const ordered = drafts
      .map((draft, index) => ({ draft, index }))
      .sort((a, b) => comparePositionKeys(a.draft, b.draft) || a.index - b.index);
    for (const { draft } of ordered) {
      const warehouse = this.#warehouses.get(draft.warehouseId);
      if (!warehouse) throw unknownWarehouseError(draft.warehouseId);
      const id = positionId(draft);
      const current = next.get(id) ?? this.#positions.get(id) ?? emptyPosition(draft);
      const violation = checkMovement(current, draft, warehouse.allowNegative);
      if (violation) throw violationError(draft, violation);
      next.set(id, toStockPosition(draft, applyDeltas(current, draft)));
    }
    for (const [id, position] of next) {
      const previous = this.#positions.get(id);
      this.#positions.set(id, position);
      ctx.onRollback(() => (previous ? this.#positions.set(id, previous) : this.#positions.delete(id)));
    }
    const start = this.#movements.length;
    const movements = drafts.map((draft, offset) => {
      const stored: StockMovement = { ...structuredClone(draft), sequence: start + offset + 1 };
      this.#movements.push(stored);
      return structuredClone(stored);
    });
    ctx.onRollback(() => {
      this.#movements.splice(start);
    });
    const positions = [...next.values()].sort(comparePositionKeys).map((position) => ({ ...position }));
    return { movements, positions };
  }

  #settle(
    ctx: MemoryTxContext,
    kind: DocumentKind,
    id: string,
    settlements: readonly DocumentSettlement[],
  ): StockDocument {
    const document = this.#documents.get(documentId(kind, id));
    if (!document) throw documentNotFoundError(kind, id);
    const open = new Map(document.lines.map((line) => [positionId(line), line.open]));
    for (const settlement of settlements) {
      const key: PositionKey = { warehouseId: settlement.warehouseId, sku: settlement.sku };
      const left = open.get(positionId(key));
      if (left === undefined) throw lineNotFoundError(kind, id, key);
      if (settlement.quantity > left) throw exceedsOpenError(kind, id, key, settlement.quantity, left);
      open.set(positionId(key), left - settlement.quantity);
    }
    const previous = document.lines.map((line) => line.open);
    for (const line of document.lines) line.open = open.get(positionId(line))!;
    ctx.onRollback(() => {
      document.lines.forEach((line, index) => {
        line.open = previous[index]!;
      });
    });
    return structuredClone(document);
  }
}

function documentId(kind: DocumentKind, id: string): string {
  return `${kind}\u0000${id}`;
}
