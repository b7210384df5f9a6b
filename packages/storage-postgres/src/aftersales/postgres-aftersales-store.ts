import {
  type AftersalesCase,
  type AftersalesReader,
  type AftersalesTxPort,
  type CaseStatus,
  type CaseTransition,
  caseError,
  caseFromJson,
  caseToJson,
  checkCaseFilter,
  checkDueCaseQuery,
  checkTransitionFilter,
  type Party,
} from '@s2b2b/aftersales';
import type { JsonValue } from '@s2b2b/core';
import type { SqlExecutor } from '../sql-client.js';

type Time = Date | string;

interface CaseRow {
  version: string | number;
  data: unknown;
}

interface TransitionRow {
  sequence: string | number;
  case_id: string;
  kind: string;
  from_status: CaseStatus | null;
  to_status: CaseStatus;
  actor_party: Party | null;
  actor_id: string | null;
  at: Time;
  command_scope: string;
  command_key: string;
  data: unknown;
}

const TRANSITION_COLUMNS = `sequence, case_id, kind, from_status, to_status, actor_party, actor_id, at, command_scope,
  command_key, data`;
/** Rows per INSERT (10 parameters a transition × 1,000 stays far below PostgreSQL's 65,535). */
const BATCH = 1_000;

/**
 * The after-sales read side on an executor (the client, or the open transaction when called inside one).
 *
 * @example
 * const reader = aftersalesReader(storage.sql, '"s2b2b"');
 */
export function aftersalesReader(sql: SqlExecutor, schema: string): AftersalesReader {
  const t = tables(schema);
  return {
    async getCase(id) {
      const { rows } = await sql.query<CaseRow>(`SELECT version, data FROM ${t.cases} WHERE id = $1`, [id]);
      return rows[0] ? toCase(rows[0]) : null;
    },
    async listCases(filter) {
      const { merchantId, supplierId, orderId, status, after, limit } = checkCaseFilter(filter);
      const { rows } = await sql.query<CaseRow>(
        `SELECT version, data FROM ${t.cases}
          WHERE ($1::text IS NULL OR merchant_id = $1) AND ($2::text IS NULL OR supplier_id = $2)
            AND ($3::text IS NULL OR order_id = $3) AND ($4::text IS NULL OR status = $4)
            AND ($5::text IS NULL OR id > $5)
          ORDER BY id LIMIT $6`,
        [merchantId ?? null, supplierId ?? null, orderId ?? null, status ?? null, after ?? null, limit],
      );
      return rows.map(toCase);
    },
    async listTransitions(caseId, filter) {
      const { afterSequence, limit } = checkTransitionFilter(caseId, filter);
      const { rows } = await sql.query<TransitionRow>(
        `SELECT ${TRANSITION_COLUMNS} FROM ${t.transitions} WHERE case_id = $1 AND sequence > $2 ORDER BY sequence LIMIT $3`,
        [caseId, afterSequence ?? 0, limit],
      );
      return rows.map(toTransition);
    },
    async listDueCases(query) {
      const { kind, before, after, limit } = checkDueCaseQuery(query);
      const column = kind === 'breach' ? 'next_breach_at' : 'next_due_at';
      // A row comparison on the partial index's columns: an index range scan in (at, id) order.
      const { rows } = await sql.query<{ id: string; at: Time }>(
        `SELECT id, ${column} AS at FROM ${t.cases}
          WHERE ${column} IS NOT NULL AND ${column} <= $1::timestamptz
            AND ($2::timestamptz IS NULL OR (${column}, id) > ($2::timestamptz, $3::text))
          ORDER BY ${column}, id LIMIT $4`,
        [before.toISOString(), after ? after.at.toISOString() : null, after ? after.caseId : null, limit],
      );
      return rows.map((row) => ({ caseId: row.id, at: new Date(row.at) }));
    },
  };
}

/**
 * The after-sales port on one transaction. A case is saved by `UPDATE … WHERE id = $1 AND
 * version = $2`, checked by its row count; `lockCase` takes `SELECT … FOR UPDATE`.
 *
 * @example
 * const port = aftersalesTxPort(tx, '"s2b2b"');
 */
export function aftersalesTxPort(tx: SqlExecutor, schema: string): AftersalesTxPort {
  const t = tables(schema);
  const reader = aftersalesReader(tx, schema);
  return {
    ...reader,
    async insertCase(record) {
      const stored: AftersalesCase = { ...record, version: 0 };
      const inserted = await tx.query(
        `INSERT INTO ${t.cases} (id, order_id, merchant_id, supplier_id, status, opened_at, next_due_at, next_breach_at,
           version, updated_at, data)
         VALUES ($1, $2, $3, $4, $5, $6::timestamptz, $7::timestamptz, $8::timestamptz, 0, $9::timestamptz, $10::jsonb)
         ON CONFLICT (id) DO NOTHING`,
        [
          record.id,
          record.orderId,
          record.merchantId,
          record.supplierId,
          record.status,
          record.openedAt.toISOString(),
          iso(record.nextDueAt),
          iso(record.nextBreachAt),
          record.updatedAt.toISOString(),
          JSON.stringify(caseToJson(stored)),
        ],
      );
      if (inserted.rowCount === 0) throw caseError('CASE_EXISTS', record.id);
    },
    async lockCase(id) {
      const { rows } = await tx.query<CaseRow>(
        `SELECT version, data FROM ${t.cases} WHERE id = $1 FOR UPDATE`,
        [id],
      );
      return rows[0] ? toCase(rows[0]) : null;
    },
    async saveCase(record, expectedVersion) {
      const stored: AftersalesCase = { ...record, version: expectedVersion + 1 };
      const updated = await tx.query(
        `UPDATE ${t.cases} SET order_id = $3, merchant_id = $4, supplier_id = $5, status = $6,
            next_due_at = $7::timestamptz, next_breach_at = $8::timestamptz, version = version + 1,
            updated_at = $9::timestamptz, data = $10::jsonb
          WHERE id = $1 AND version = $2`,
        [
          record.id,
          expectedVersion,
          record.orderId,
          record.merchantId,
          record.supplierId,
          record.status,
          iso(record.nextDueAt),
          iso(record.nextBreachAt),
          record.updatedAt.toISOString(),
          JSON.stringify(caseToJson(stored)),
        ],
      );
      if (updated.rowCount !== 1) {
        const { rows } = await tx.query<{ version: string | number }>(
          `SELECT version FROM ${t.cases} WHERE id = $1`,
          [record.id],
        );
        if (!rows[0]) throw caseError('CASE_NOT_FOUND', record.id);
        const version = Number(rows[0].version);
        throw caseError(
          'CASE_VERSION_CONFLICT',
          record.id,
          `is at version ${version}, not ${expectedVersion}`,
          {
            expectedVersion,
            version,
          },
        );
      }
      return caseFromJson(caseToJson(stored));
    },
    async appendTransitions(drafts) {
      if (drafts.length === 0) return [];
      const caseIds = [...new Set(drafts.map((draft) => draft.caseId))];
      const known = await tx.query<{ id: string }>(`SELECT id FROM ${t.cases} WHERE id = ANY($1::text[])`, [
        caseIds,
      ]);
      const found = new Set(known.rows.map((row) => row.id));
      const missing = caseIds.find((id) => !found.has(id));
      if (missing !== undefined) throw caseError('CASE_NOT_FOUND', missing);
      const recorded: CaseTransition[] = [];
      for (let start = 0; start < drafts.length; start += BATCH) {
        const params: unknown[] = [];
        const values = drafts.slice(start, start + BATCH).map((draft) => {
          const base = params.length;
          params.push(
            draft.caseId,
            draft.kind,
            draft.fromStatus,
            draft.toStatus,
            draft.actorParty,
            draft.actorId,
            draft.at.toISOString(),
            draft.commandScope,
            draft.commandKey,
            JSON.stringify(draft.data ?? null),
          );
          const slots = Array.from({ length: 10 }, (_, index) => `$${base + index + 1}`);
          slots[6] = `${slots[6]}::timestamptz`;
          slots[9] = `${slots[9]}::jsonb`;
          return `(${slots.join(', ')})`;
        });
        // One INSERT's rows take their sequence numbers in VALUES order.
        const { rows } = await tx.query<TransitionRow>(
          `INSERT INTO ${t.transitions} (case_id, kind, from_status, to_status, actor_party, actor_id, at, command_scope,
             command_key, data)
           VALUES ${values.join(', ')} RETURNING ${TRANSITION_COLUMNS}`,
          params,
        );
        recorded.push(...rows.map(toTransition).sort((a, b) => a.sequence - b.sequence));
      }
      return recorded;
    },
  };
}

function tables(schema: string) {
  return { cases: `${schema}.aftersales_cases`, transitions: `${schema}.aftersales_case_transitions` };
}

function iso(date: Date | null): string | null {
  return date === null ? null : date.toISOString();
}

function toCase(row: CaseRow): AftersalesCase {
  const data = typeof row.data === 'string' ? JSON.parse(row.data) : row.data;
  return { ...caseFromJson(data), version: Number(row.version) };
}

function toTransition(row: TransitionRow): CaseTransition {
  return {
    caseId: row.case_id,
    kind: row.kind,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    actorParty: row.actor_party,
    actorId: row.actor_id,
    at: new Date(row.at),
    commandScope: row.command_scope,
    commandKey: row.command_key,
    data: (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) as JsonValue,
    sequence: Number(row.sequence),
  };
}
