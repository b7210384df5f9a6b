import { StorageError } from '@s2b2b/core';
import {
  type AppliedMovements,
  checkMovement,
  checkMovementFilter,
  checkPositionFilter,
  comparePositionKeys,
  type DocumentKind,
  type DocumentLine,
  type DocumentSettlement,
  documentExistsError,
  documentNotFoundError,
  emptyPosition,
  exceedsOpenError,
  type InventoryReader,
  type InventoryTxPort,
  lineNotFoundError,
  type MovementDraft,
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
import type { SqlExecutor } from '../sql-client.js';

interface PositionRow {
  warehouse_id: string;
  sku: string;
  on_hand: string | number;
  reserved: string | number;
  in_transit: string | number;
  on_order: string | number;
}

interface MovementRow extends PositionRow {
  sequence: string | number;
  kind: StockMovement['kind'];
  on_hand_delta: string | number;
  reserved_delta: string | number;
  in_transit_delta: string | number;
  on_order_delta: string | number;
  document_kind: DocumentKind | null;
  document_id: string | null;
  reference: string | null;
  reason: string | null;
  command_scope: string;
  command_key: string;
  occurred_at: Date | string;
}

interface DocumentRow {
  kind: DocumentKind;
  id: string;
  reference: string | null;
  source_warehouse_id: string | null;
  created_at: Date | string;
  warehouse_id: string | null;
  sku: string | null;
  quantity: string | number | null;
  open_quantity: string | number | null;
}

const POSITION_COLUMNS = 'p.warehouse_id, p.sku, p.on_hand, p.reserved, p.in_transit, p.on_order';
const MOVEMENT_COLUMNS = `sequence, warehouse_id, sku, kind, on_hand_delta, reserved_delta, in_transit_delta,
  on_order_delta, document_kind, document_id, reference, reason, command_scope, command_key, occurred_at`;
/** Rows per INSERT (14 parameters a movement × 1,000 stays far below PostgreSQL's 65,535). */
const BATCH = 1_000;
const MAX = '9007199254740991';

/**
 * The inventory read side on an executor (the client, or the open transaction when called inside one).
 *
 * @example
 * const reader = inventoryReader(storage.sql, '"s2b2b"');
 */
export function inventoryReader(sql: SqlExecutor, schema: string): InventoryReader {
  const t = tables(schema);
  return {
    async getWarehouse(id) {
      const { rows } = await sql.query<{ id: string; name: string | null; allow_negative: boolean }>(
        `SELECT id, name, allow_negative FROM ${t.warehouses} WHERE id = $1`,
        [id],
      );
      return rows[0] ? toWarehouse(rows[0]) : null;
    },
    async listWarehouses() {
      const { rows } = await sql.query<{ id: string; name: string | null; allow_negative: boolean }>(
        `SELECT id, name, allow_negative FROM ${t.warehouses} ORDER BY id`,
      );
      return rows.map(toWarehouse);
    },
    async getPosition(warehouseId, sku) {
      const { rows } = await sql.query<PositionRow>(
        `SELECT ${POSITION_COLUMNS} FROM ${t.positions} p WHERE p.warehouse_id = $1 AND p.sku = $2`,
        [warehouseId, sku],
      );
      return rows[0] ? toPosition(rows[0]) : null;
    },
    async listPositions(filter) {
      const { warehouseId, sku, after, limit } = checkPositionFilter(filter);
      const { rows } = await sql.query<PositionRow>(
        `SELECT ${POSITION_COLUMNS} FROM ${t.positions} p
          WHERE ($1::text IS NULL OR p.warehouse_id = $1) AND ($2::text IS NULL OR p.sku = $2)
            AND ($3::text IS NULL OR (p.warehouse_id, p.sku) > ($3, $4))
          ORDER BY p.warehouse_id, p.sku LIMIT $5`,
        [warehouseId ?? null, sku ?? null, after?.warehouseId ?? null, after?.sku ?? null, limit],
      );
      return rows.map(toPosition);
    },
    async getDocument(kind, id) {
      const { rows } = await sql.query<DocumentRow>(
        `SELECT d.kind, d.id, d.reference, d.source_warehouse_id, d.created_at,
                l.warehouse_id, l.sku, l.quantity, l.open_quantity
           FROM ${t.documents} d LEFT JOIN ${t.lines} l ON l.kind = d.kind AND l.document_id = d.id
          WHERE d.kind = $1 AND d.id = $2 ORDER BY l.warehouse_id, l.sku`,
        [kind, id],
      );
      return toDocument(rows);
    },
    async listMovements(filter) {
      const { warehouseId, sku, documentKind, documentId, afterSequence, limit } =
        checkMovementFilter(filter);
      const { rows } = await sql.query<MovementRow>(
        `SELECT ${MOVEMENT_COLUMNS} FROM ${t.movements}
          WHERE sequence > $1 AND ($2::text IS NULL OR warehouse_id = $2) AND ($3::text IS NULL OR sku = $3)
            AND ($4::text IS NULL OR document_kind = $4) AND ($5::text IS NULL OR document_id = $5)
          ORDER BY sequence LIMIT $6`,
        [
          afterSequence ?? 0,
          warehouseId ?? null,
          sku ?? null,
          documentKind ?? null,
          documentId ?? null,
          limit,
        ],
      );
      return rows.map(toMovement);
    },
  };
}

/**
 * The inventory port on one transaction. Invariants are enforced in SQL, never by reading a
 * balance and writing it back: each movement is one conditional `UPDATE … WHERE <the
 * checkMovement rules>` checked by its row count, and rows are touched (and locked) in key
 * order, documents before positions. Only when that UPDATE matches nothing does the adapter
 * lock the row (`SELECT … FOR UPDATE`) to tell a refusal from a missing position.
 *
 * @example
 * const port = inventoryTxPort(tx, '"s2b2b"');
 */
export function inventoryTxPort(tx: SqlExecutor, schema: string): InventoryTxPort {
  const t = tables(schema);
  const reader = inventoryReader(tx, schema);

  /** Runs `work` so that a failure undoes its own writes, without aborting the caller's transaction. */
  const atomically = async <T>(needed: boolean, work: () => Promise<T>): Promise<T> => {
    if (!needed) return work();
    await tx.query('SAVEPOINT s2b2b_inventory');
    try {
      const value = await work();
      await tx.query('RELEASE SAVEPOINT s2b2b_inventory');
      return value;
    } catch (error) {
      await tx.query('ROLLBACK TO SAVEPOINT s2b2b_inventory');
      await tx.query('RELEASE SAVEPOINT s2b2b_inventory');
      throw error;
    }
  };

  /** The movement as one UPDATE whose WHERE is the checkMovement rules; `$1`-`$6` are key and deltas. */
  const guardedUpdate = `UPDATE ${t.positions} p
          SET on_hand = p.on_hand + $3::bigint, reserved = p.reserved + $4::bigint,
              in_transit = p.in_transit + $5::bigint, on_order = p.on_order + $6::bigint
         FROM ${t.warehouses} w
        WHERE p.warehouse_id = $1 AND p.sku = $2 AND w.id = p.warehouse_id
          AND p.reserved + $4::bigint >= 0 AND p.in_transit + $5::bigint >= 0 AND p.on_order + $6::bigint >= 0
          AND ($3::bigint - $4::bigint >= 0
               OR (p.on_hand + $3::bigint) - (p.reserved + $4::bigint) >= 0
               OR (w.allow_negative AND $4::bigint <= 0))
          AND abs(p.on_hand + $3::bigint) <= ${MAX} AND p.reserved + $4::bigint <= ${MAX}
          AND p.in_transit + $5::bigint <= ${MAX} AND p.on_order + $6::bigint <= ${MAX}
      RETURNING ${POSITION_COLUMNS}`;
  const keyAndDeltas = (draft: MovementDraft) => [
    draft.warehouseId,
    draft.sku,
    draft.onHandDelta,
    draft.reservedDelta,
    draft.inTransitDelta,
    draft.onOrderDelta,
  ];

  const conditionalUpdate = async (draft: MovementDraft): Promise<PositionRow | undefined> => {
    const { rows } = await tx.query<PositionRow>(guardedUpdate, keyAndDeltas(draft));
    return rows[0];
  };

  /**
   * One movement in one round trip: the guarded UPDATE and, only if it matched, the ledger row.
   * The position stays locked from here to COMMIT, so the fewer round trips the better.
   */
  const updateAndRecord = async (
    draft: MovementDraft,
  ): Promise<{ row: PositionRow; sequence: number } | undefined> => {
    const { rows } = await tx.query<PositionRow & { sequence: string | number }>(
      `WITH updated AS (${guardedUpdate}),
       recorded AS (
         INSERT INTO ${t.movements} (warehouse_id, sku, kind, on_hand_delta, reserved_delta, in_transit_delta,
           on_order_delta, document_kind, document_id, reference, reason, command_scope, command_key, occurred_at)
         SELECT $1, $2, $7, $3, $4, $5, $6, $8, $9, $10, $11, $12, $13, $14::timestamptz FROM updated
         RETURNING sequence
       )
       SELECT updated.*, recorded.sequence FROM updated, recorded`,
      [
        ...keyAndDeltas(draft),
        draft.kind,
        draft.documentKind,
        draft.documentId,
        draft.reference,
        draft.reason,
        draft.commandScope,
        draft.commandKey,
        draft.occurredAt.toISOString(),
      ],
    );
    const row = rows[0];
    return row ? { row, sequence: Number(row.sequence) } : undefined;
  };

  /** The UPDATE matched nothing: lock the row, and either refuse, create it, or apply under the lock. */
  const lockedApply = async (draft: MovementDraft): Promise<PositionRow> => {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const { rows } = await tx.query<PositionRow & { allow_negative: boolean }>(
        `SELECT ${POSITION_COLUMNS}, w.allow_negative
           FROM ${t.positions} p JOIN ${t.warehouses} w ON w.id = p.warehouse_id
          WHERE p.warehouse_id = $1 AND p.sku = $2 FOR UPDATE OF p`,
        [draft.warehouseId, draft.sku],
      );
      const row = rows[0];
      if (!row) {
        const warehouse = await reader.getWarehouse(draft.warehouseId);
        if (!warehouse) throw unknownWarehouseError(draft.warehouseId);
        const violation = checkMovement(emptyPosition(draft), draft, warehouse.allowNegative);
        if (violation) throw violationError(draft, violation);
        await tx.query(
          `INSERT INTO ${t.positions} (warehouse_id, sku) VALUES ($1, $2) ON CONFLICT (warehouse_id, sku) DO NOTHING`,
          [draft.warehouseId, draft.sku],
        );
        continue;
      }
      const violation = checkMovement(toPosition(row), draft, row.allow_negative);
      if (violation) throw violationError(draft, violation);
      const updated = await conditionalUpdate(draft);
      if (updated) return updated;
    }
    throw new StorageError(
      'STORAGE_INCONSISTENT',
      `Position ${draft.sku} in ${draft.warehouseId} could not be updated under its lock`,
      { warehouseId: draft.warehouseId, sku: draft.sku },
    );
  };

  const insertMovements = async (drafts: readonly MovementDraft[]): Promise<StockMovement[]> => {
    const movements: StockMovement[] = [];
    for (let start = 0; start < drafts.length; start += BATCH) {
      const batch = drafts.slice(start, start + BATCH);
      const params: unknown[] = [];
      const values = batch.map((draft) => {
        const base = params.length;
        params.push(
          draft.warehouseId,
          draft.sku,
          draft.kind,
          draft.onHandDelta,
          draft.reservedDelta,
          draft.inTransitDelta,
          draft.onOrderDelta,
          draft.documentKind,
          draft.documentId,
          draft.reference,
          draft.reason,
          draft.commandScope,
          draft.commandKey,
          draft.occurredAt.toISOString(),
        );
        const slots = Array.from({ length: 14 }, (_, index) => `$${base + index + 1}`);
        slots[13] = `${slots[13]}::timestamptz`;
        return `(${slots.join(', ')})`;
      });
      const { rows } = await tx.query<{ sequence: string | number }>(
        `INSERT INTO ${t.movements} (warehouse_id, sku, kind, on_hand_delta, reserved_delta, in_transit_delta,
           on_order_delta, document_kind, document_id, reference, reason, command_scope, command_key, occurred_at)
         VALUES ${values.join(', ')} RETURNING sequence`,
        params,
      );
      // nextval runs row by row in VALUES order: the sorted sequences belong to the rows in order.
      const sequences = rows.map((row) => Number(row.sequence)).sort((a, b) => a - b);
      batch.forEach((draft, index) => {
        movements.push({
          ...draft,
          occurredAt: new Date(draft.occurredAt.getTime()),
          sequence: sequences[index]!,
        });
      });
    }
    return movements;
  };

  return {
    ...reader,
    async saveWarehouse(warehouse: Warehouse) {
      const { rows } = await tx.query<{ id: string; name: string | null; allow_negative: boolean }>(
        `INSERT INTO ${t.warehouses} (id, name, allow_negative) VALUES ($1, $2, $3)
         ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, allow_negative = EXCLUDED.allow_negative
         RETURNING id, name, allow_negative`,
        [warehouse.id, warehouse.name, warehouse.allowNegative],
      );
      return toWarehouse(rows[0]!);
    },
    async lockPositions(keys: readonly PositionKey[]) {
      const unique = uniquePositionKeys(keys);
      if (unique.length === 0) return [];
      const { rows } = await tx.query<PositionRow>(
        `SELECT ${POSITION_COLUMNS} FROM ${t.positions} p
          WHERE (p.warehouse_id, p.sku) IN (SELECT * FROM unnest($1::text[], $2::text[]))
          ORDER BY p.warehouse_id, p.sku FOR UPDATE`,
        [unique.map((key) => key.warehouseId), unique.map((key) => key.sku)],
      );
      const found = new Map(
        rows.map((row) => [positionId({ warehouseId: row.warehouse_id, sku: row.sku }), row]),
      );
      return unique.map((key) => {
        const row = found.get(positionId(key));
        return row ? toPosition(row) : emptyPosition(key);
      });
    },
    async applyMovements(drafts: readonly MovementDraft[]): Promise<AppliedMovements> {
      if (drafts.length === 0) return { movements: [], positions: [] };
      if (drafts.length === 1) {
        const draft = drafts[0]!;
        const done = await updateAndRecord(draft);
        if (done) {
          return {
            movements: [
              { ...draft, occurredAt: new Date(draft.occurredAt.getTime()), sequence: done.sequence },
            ],
            positions: [toPosition(done.row)],
          };
        }
        const row = await lockedApply(draft);
        return { movements: await insertMovements(drafts), positions: [toPosition(row)] };
      }
      const ordered = drafts
        .map((draft, index) => ({ draft, index }))
        .sort((a, b) => comparePositionKeys(a.draft, b.draft) || a.index - b.index);
      // One draft writes nothing before its checks pass (above); several need a savepoint to be all-or-none.
      return atomically(drafts.length > 1, async () => {
        const positions = new Map<string, StockPosition>();
        for (const { draft } of ordered) {
          const row = (await conditionalUpdate(draft)) ?? (await lockedApply(draft));
          positions.set(positionId(draft), toPosition(row));
        }
        const movements = await insertMovements(drafts);
        return { movements, positions: [...positions.values()] };
      });
    },
    async insertDocument(document: StockDocument) {
      // Header and first lines in one statement: both or neither, and no savepoint needed.
      const lineValues = (lines: readonly DocumentLine[], params: unknown[]) =>
        lines.map((line) => {
          const base = params.length;
          params.push(line.warehouseId, line.sku, line.quantity, line.open);
          return `($${base + 1}::text, $${base + 2}::text, $${base + 3}::bigint, $${base + 4}::bigint)`;
        });
      const head: unknown[] = [
        document.kind,
        document.id,
        document.reference,
        document.sourceWarehouseId,
        document.createdAt.toISOString(),
      ];
      const first = lineValues(document.lines.slice(0, BATCH), head);
      const inserted = await tx.query<{ id: string }>(
        first.length === 0
          ? `INSERT INTO ${t.documents} (kind, id, reference, source_warehouse_id, created_at)
             VALUES ($1, $2, $3, $4, $5::timestamptz) ON CONFLICT (kind, id) DO NOTHING RETURNING id`
          : `WITH header AS (
               INSERT INTO ${t.documents} (kind, id, reference, source_warehouse_id, created_at)
               VALUES ($1, $2, $3, $4, $5::timestamptz) ON CONFLICT (kind, id) DO NOTHING RETURNING kind, id
             )
             INSERT INTO ${t.lines} (kind, document_id, warehouse_id, sku, quantity, open_quantity)
             SELECT header.kind, header.id, line.* FROM header CROSS JOIN (VALUES ${first.join(', ')}) AS line
             RETURNING document_id AS id`,
        head,
      );
      if (inserted.rowCount === 0) throw documentExistsError(document.kind, document.id);
      for (let start = BATCH; start < document.lines.length; start += BATCH) {
        const params: unknown[] = [document.kind, document.id];
        const values = lineValues(document.lines.slice(start, start + BATCH), params);
        await tx.query(
          `INSERT INTO ${t.lines} (kind, document_id, warehouse_id, sku, quantity, open_quantity)
           SELECT $1, $2, line.* FROM (VALUES ${values.join(', ')}) AS line`,
          params,
        );
      }
    },
    async lockDocument(kind: DocumentKind, id: string) {
      const { rows } = await tx.query<DocumentRow>(
        `SELECT d.kind, d.id, d.reference, d.source_warehouse_id, d.created_at,
                l.warehouse_id, l.sku, l.quantity, l.open_quantity
           FROM ${t.documents} d JOIN ${t.lines} l ON l.kind = d.kind AND l.document_id = d.id
          WHERE d.kind = $1 AND d.id = $2 ORDER BY l.warehouse_id, l.sku FOR UPDATE OF l`,
        [kind, id],
      );
      return rows.length > 0 ? toDocument(rows) : reader.getDocument(kind, id);
    },
    async settleDocumentLines(kind: DocumentKind, id: string, settlements: readonly DocumentSettlement[]) {
      const ordered = [...settlements].sort(comparePositionKeys);
      await atomically(settlements.length > 1, async () => {
        for (const settlement of ordered) {
          const updated = await tx.query(
            `UPDATE ${t.lines} SET open_quantity = open_quantity - $5::bigint
              WHERE kind = $1 AND document_id = $2 AND warehouse_id = $3 AND sku = $4 AND open_quantity >= $5::bigint`,
            [kind, id, settlement.warehouseId, settlement.sku, settlement.quantity],
          );
          if (updated.rowCount === 1) continue;
          const document = await reader.getDocument(kind, id);
          if (!document) throw documentNotFoundError(kind, id);
          const line = document.lines.find((candidate) => positionId(candidate) === positionId(settlement));
          if (!line) throw lineNotFoundError(kind, id, settlement);
          throw exceedsOpenError(kind, id, settlement, settlement.quantity, line.open);
        }
      });
      const document = await reader.getDocument(kind, id);
      if (!document) throw documentNotFoundError(kind, id);
      return document;
    },
  };
}

function tables(schema: string) {
  return {
    warehouses: `${schema}.inventory_warehouses`,
    positions: `${schema}.inventory_positions`,
    documents: `${schema}.inventory_documents`,
    lines: `${schema}.inventory_document_lines`,
    movements: `${schema}.inventory_movements`,
  };
}

function toWarehouse(row: { id: string; name: string | null; allow_negative: boolean }): Warehouse {
  return { id: row.id, name: row.name, allowNegative: row.allow_negative };
}

function toPosition(row: PositionRow): StockPosition {
  return toStockPosition(
    { warehouseId: row.warehouse_id, sku: row.sku },
    {
      onHand: Number(row.on_hand),
      reserved: Number(row.reserved),
      inTransit: Number(row.in_transit),
      onOrder: Number(row.on_order),
    },
  );
}

function toMovement(row: MovementRow): StockMovement {
  return {
    sequence: Number(row.sequence),
    warehouseId: row.warehouse_id,
    sku: row.sku,
    kind: row.kind,
    onHandDelta: Number(row.on_hand_delta),
    reservedDelta: Number(row.reserved_delta),
    inTransitDelta: Number(row.in_transit_delta),
    onOrderDelta: Number(row.on_order_delta),
    documentKind: row.document_kind,
    documentId: row.document_id,
    reference: row.reference,
    reason: row.reason,
    commandScope: row.command_scope,
    commandKey: row.command_key,
    occurredAt: new Date(row.occurred_at),
  };
}

function toDocument(rows: readonly DocumentRow[]): StockDocument | null {
  const head = rows[0];
  if (!head) return null;
  const lines: DocumentLine[] = rows.flatMap((row) =>
    row.warehouse_id === null || row.sku === null
      ? []
      : [
          {
            warehouseId: row.warehouse_id,
            sku: row.sku,
            quantity: Number(row.quantity),
            open: Number(row.open_quantity),
          },
        ],
  );
  return {
    kind: head.kind,
    id: head.id,
    reference: head.reference,
    sourceWarehouseId: head.source_warehouse_id,
    createdAt: new Date(head.created_at),
    lines,
  };
}
