import type { IdempotencyClaim, IdempotencyPort, IdempotencyRecord, StoredOutcome } from '@s2b2b/core';
import { DomainError } from '@s2b2b/core';
import type { SqlExecutor } from './sql-client.js';

interface RecordRow {
  scope: string;
  key: string;
  payload_hash: string;
  outcome: StoredOutcome | string | null;
  created_at: Date | string;
}

const COLUMNS = 'scope, key, payload_hash, outcome, created_at';

/**
 * The idempotency port on one transaction. `claim` is one `INSERT … ON CONFLICT DO NOTHING`:
 * a concurrent claimer of the same key waits on the primary key until the first commits (then
 * reads its record) or rolls back (then claims the key itself).
 */
export function idempotencyPort(tx: SqlExecutor, quotedSchema: string): IdempotencyPort {
  return {
    async claim({ scope, key, payloadHash, now }): Promise<IdempotencyClaim> {
      const inserted = await tx.query(
        `INSERT INTO ${quotedSchema}.idempotency_records (scope, key, payload_hash, outcome, created_at)
         VALUES ($1, $2, $3, NULL, $4::timestamptz) ON CONFLICT (scope, key) DO NOTHING`,
        [scope, key, payloadHash, now.toISOString()],
      );
      if (inserted.rowCount === 1) return { status: 'claimed' };
      const record = await readRecord(tx, quotedSchema, scope, key);
      if (!record) {
        throw new DomainError('IDEMPOTENCY_NOT_CLAIMED', `Key ${JSON.stringify(key)} of ${scope} vanished`, {
          scope,
          key,
        });
      }
      return { status: 'exists', record };
    },
    async complete({ scope, key, outcome }) {
      const updated = await tx.query(
        `UPDATE ${quotedSchema}.idempotency_records SET outcome = $3::jsonb WHERE scope = $1 AND key = $2`,
        [scope, key, JSON.stringify(outcome)],
      );
      if (updated.rowCount !== 1) {
        throw new DomainError(
          'IDEMPOTENCY_NOT_CLAIMED',
          `Key ${JSON.stringify(key)} of ${scope} was not claimed`,
          {
            scope,
            key,
          },
        );
      }
    },
  };
}

/** The record for (scope, key), or `null`. */
export async function readRecord(
  sql: SqlExecutor,
  quotedSchema: string,
  scope: string,
  key: string,
): Promise<IdempotencyRecord | null> {
  const { rows } = await sql.query<RecordRow>(
    `SELECT ${COLUMNS} FROM ${quotedSchema}.idempotency_records WHERE scope = $1 AND key = $2`,
    [scope, key],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    scope: row.scope,
    key: row.key,
    payloadHash: row.payload_hash,
    outcome: typeof row.outcome === 'string' ? (JSON.parse(row.outcome) as StoredOutcome) : row.outcome,
    createdAt: new Date(row.created_at),
  };
}

/** Deletes records created before `before`; returns how many. */
export async function purgeRecords(sql: SqlExecutor, quotedSchema: string, before: Date): Promise<number> {
  const result = await sql.query(
    `DELETE FROM ${quotedSchema}.idempotency_records WHERE created_at < $1::timestamptz`,
    [before.toISOString()],
  );
  return result.rowCount;
}
