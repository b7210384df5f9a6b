import {
  type CrmReader,
  type CrmTxPort,
  checkTaskFilter,
  type FollowUpPriority,
  type FollowUpStatus,
  type FollowUpTask,
  type InsertedTask,
  taskClosedError,
  taskExistsError,
  taskNotFoundError,
} from '@s2b2b/crm';
import type { SqlExecutor } from '../sql-client.js';

type Time = Date | string;

interface TaskRow {
  merchant_id: string;
  id: string;
  customer_id: string;
  rule_id: string | null;
  action: string;
  reason: string | null;
  priority: FollowUpPriority;
  dedup_key: string;
  status: FollowUpStatus;
  due_at: Time;
  created_at: Time;
  updated_at: Time;
  closed_at: Time | null;
  outcome: string | null;
  note: string | null;
  version: string | number;
}

const COLUMNS = `merchant_id, id, customer_id, rule_id, action, reason, priority, dedup_key, status, due_at, created_at,
  updated_at, closed_at, outcome, note, version`;
/** Rows per INSERT (15 parameters a task × 1,000 stays far below PostgreSQL's 65,535). */
const BATCH = 1_000;

/**
 * The follow-up read side on an executor (the client, or the open transaction when called inside one).
 *
 * @example
 * const reader = crmReader(storage.sql, '"s2b2b"');
 */
export function crmReader(sql: SqlExecutor, schema: string): CrmReader {
  const table = `${schema}.crm_follow_up_tasks`;
  return {
    async getTask(merchantId, id) {
      const { rows } = await sql.query<TaskRow>(
        `SELECT ${COLUMNS} FROM ${table} WHERE merchant_id = $1 AND id = $2`,
        [merchantId, id],
      );
      return rows[0] ? toTask(rows[0]) : null;
    },
    async listTasks(filter) {
      const { merchantId, status, customerId, dueBefore, after, limit } = checkTaskFilter(filter);
      const { rows } = await sql.query<TaskRow>(
        `SELECT ${COLUMNS} FROM ${table}
          WHERE merchant_id = $1 AND ($2::text IS NULL OR status = $2) AND ($3::text IS NULL OR customer_id = $3)
            AND ($4::timestamptz IS NULL OR due_at < $4::timestamptz)
            AND ($5::timestamptz IS NULL OR (due_at, id) > ($5::timestamptz, $6::text COLLATE "C"))
          ORDER BY due_at, id LIMIT $7`,
        [
          merchantId,
          status ?? null,
          customerId ?? null,
          dueBefore?.toISOString() ?? null,
          after?.dueAt.toISOString() ?? null,
          after?.id ?? null,
          limit,
        ],
      );
      return rows.map(toTask);
    },
  };
}

/**
 * The follow-up port on one transaction. The two rules hold in SQL: a task is stored by
 * `INSERT … ON CONFLICT (merchant_id, dedup_key) DO NOTHING`, so of parallel inserts of one key
 * exactly one stores it (the others then read the winner); a change is `UPDATE … WHERE status =
 * 'open'`, checked by its row count, so a task closes once.
 *
 * @example
 * const port = crmTxPort(tx, '"s2b2b"');
 */
export function crmTxPort(tx: SqlExecutor, schema: string): CrmTxPort {
  const table = `${schema}.crm_follow_up_tasks`;
  const reader = crmReader(tx, schema);
  return {
    ...reader,
    async insertTasks(tasks) {
      if (tasks.length === 0) return [];
      const ids = tasks.map((task) => task.id);
      if (new Set(ids).size !== ids.length) {
        throw taskExistsError(ids.find((id, i) => ids.indexOf(id) !== i)!);
      }
      const taken = await tx.query<{ id: string }>(
        `SELECT id FROM ${table} WHERE id = ANY($1::text[]) LIMIT 1`,
        [ids],
      );
      if (taken.rows[0]) throw taskExistsError(taken.rows[0].id);
      const stored = new Map<string, FollowUpTask>();
      for (let start = 0; start < tasks.length; start += BATCH) {
        const params: unknown[] = [];
        const values = tasks.slice(start, start + BATCH).map((task) => {
          const base = params.length;
          params.push(
            task.merchantId,
            task.id,
            task.customerId,
            task.ruleId,
            task.action,
            task.reason,
            task.priority,
            task.dedupKey,
            task.status,
            task.dueAt.toISOString(),
            task.createdAt.toISOString(),
            task.updatedAt.toISOString(),
            task.closedAt?.toISOString() ?? null,
            task.outcome,
            task.note,
          );
          const slots = Array.from({ length: 15 }, (_, k) => `$${base + k + 1}`);
          for (const at of [9, 10, 11, 12]) slots[at] = `${slots[at]}::timestamptz`;
          return `(${slots.join(', ')}, 0)`;
        });
        const { rows } = await tx.query<TaskRow>(
          `INSERT INTO ${table} (${COLUMNS}) VALUES ${values.join(', ')}
           ON CONFLICT (merchant_id, dedup_key) DO NOTHING RETURNING ${COLUMNS}`,
          params,
        );
        for (const row of rows) stored.set(row.id, toTask(row));
      }
      const pending = tasks.filter((task) => !stored.has(task.id));
      const existing = new Map<string, FollowUpTask>();
      if (pending.length > 0) {
        const { rows } = await tx.query<TaskRow>(
          `SELECT ${COLUMNS} FROM ${table}
            WHERE (merchant_id, dedup_key) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
          [pending.map((task) => task.merchantId), pending.map((task) => task.dedupKey)],
        );
        for (const row of rows) existing.set(dedup(row.merchant_id, row.dedup_key), toTask(row));
      }
      return tasks.map((task): InsertedTask => {
        const fresh = stored.get(task.id);
        if (fresh) return { task: fresh, inserted: true };
        return { task: { ...existing.get(dedup(task.merchantId, task.dedupKey))! }, inserted: false };
      });
    },
    async updateOpenTask(merchantId, id, change) {
      const { rows } = await tx.query<TaskRow>(
        `UPDATE ${table} SET status = $3, due_at = $4::timestamptz, outcome = $5, note = $6, closed_at = $7::timestamptz,
            updated_at = $8::timestamptz, version = version + 1
          WHERE merchant_id = $1 AND id = $2 AND status = 'open' RETURNING ${COLUMNS}`,
        [
          merchantId,
          id,
          change.status,
          change.dueAt.toISOString(),
          change.outcome,
          change.note,
          change.closedAt?.toISOString() ?? null,
          change.updatedAt.toISOString(),
        ],
      );
      if (rows[0]) return toTask(rows[0]);
      const current = await reader.getTask(merchantId, id);
      if (!current) throw taskNotFoundError(merchantId, id);
      throw taskClosedError(merchantId, id, current.status);
    },
  };
}

function dedup(merchantId: string, key: string): string {
  return `${merchantId}\u0000${key}`;
}

function toTask(row: TaskRow): FollowUpTask {
  return {
    id: row.id,
    merchantId: row.merchant_id,
    customerId: row.customer_id,
    ruleId: row.rule_id,
    action: row.action,
    reason: row.reason,
    priority: row.priority,
    dedupKey: row.dedup_key,
    status: row.status,
    dueAt: new Date(row.due_at),
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    closedAt: row.closed_at === null ? null : new Date(row.closed_at),
    outcome: row.outcome,
    note: row.note,
    version: Number(row.version),
  };
}
