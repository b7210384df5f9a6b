import type { DomainEvent, EventOutboxPort, EventPage, JsonValue, StoredEvent } from '@s2b2b/core';
import { ConflictError, checkEventPageLimit, checkEventsForAppend, ValidationError } from '@s2b2b/core';
import type { SqlClient, SqlExecutor } from './sql-client.js';

interface EventRow {
  position: string;
  event_id: string;
  type: string;
  aggregate_id: string | null;
  occurred_at: Date | string;
  payload: JsonValue;
}

/** Rows per INSERT statement (6 parameters each, far below PostgreSQL's 65,535). */
const BATCH = 1_000;

/**
 * The outbox port on one transaction.
 *
 * Ordering: an appender takes the schema's outbox lock in SHARED mode before it inserts
 * (ids come from a sequence), and holds it until it commits; a reader takes the same lock in
 * EXCLUSIVE mode for the instant of its read. So when a reader reads, every transaction that
 * already drew an id has committed or rolled back, and every later id is larger than all it
 * saw: reading `id > cursor` never skips an event that commits late, and a commit is
 * visible as soon as it happens. Appenders never block each other.
 */
export function eventOutboxPort(tx: SqlExecutor, quotedSchema: string, lockKey: string): EventOutboxPort {
  return {
    async append(events: readonly DomainEvent[]) {
      const checked = checkEventsForAppend(events);
      if (checked.length === 0) return;
      const seen = new Set<string>();
      for (const event of checked) {
        if (seen.has(event.id)) throw duplicate(event.id);
        seen.add(event.id);
      }
      await tx.query('SELECT pg_advisory_xact_lock_shared(hashtext($1))', [lockKey]);
      for (let start = 0; start < checked.length; start += BATCH) {
        const batch = checked.slice(start, start + BATCH);
        const params: unknown[] = [];
        const values = batch.map((event) => {
          const base = params.length;
          params.push(
            event.id,
            event.type,
            event.aggregateId ?? null,
            event.occurredAt.toISOString(),
            JSON.stringify(event.payload),
          );
          return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}::timestamptz, $${base + 5}::jsonb)`;
        });
        const { rows } = await tx.query<{ event_id: string }>(
          `INSERT INTO ${quotedSchema}.event_outbox (event_id, type, aggregate_id, occurred_at, payload)
           VALUES ${values.join(', ')} ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
          params,
        );
        if (rows.length !== batch.length) {
          const inserted = new Set(rows.map((row) => row.event_id));
          const first = batch.find((event) => !inserted.has(event.id));
          throw duplicate(first?.id ?? '');
        }
      }
    },
  };
}

/** Reads a page of committed events after `cursor`, behind the outbox barrier. */
export async function readEvents(
  sql: SqlClient,
  quotedSchema: string,
  lockKey: string,
  cursor: string | null,
  limit: number,
): Promise<EventPage> {
  const after = parseCursor(cursor);
  checkEventPageLimit(limit);
  return sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [lockKey]);
    return selectPage(tx, quotedSchema, after, cursor, limit);
  });
}

/** The page query alone, for reads inside a transaction of the caller's. */
export async function selectPage(
  tx: SqlExecutor,
  quotedSchema: string,
  after: string,
  cursor: string | null,
  limit: number,
): Promise<EventPage> {
  const { rows } = await tx.query<EventRow>(
    `SELECT id::text AS position, event_id, type, aggregate_id, occurred_at, payload
       FROM ${quotedSchema}.event_outbox WHERE id > $1::bigint ORDER BY event_outbox.id LIMIT $2`,
    [after, limit],
  );
  const events: StoredEvent[] = rows.map((row) => ({
    id: row.event_id,
    type: row.type,
    occurredAt: new Date(row.occurred_at),
    aggregateId: row.aggregate_id ?? undefined,
    payload: typeof row.payload === 'string' ? (JSON.parse(row.payload) as JsonValue) : row.payload,
    position: row.position,
  }));
  return { events, cursor: events.at(-1)?.position ?? cursor };
}

/** Checks a cursor and returns the id after which to read. */
export function parseCursor(cursor: string | null): string {
  if (cursor === null) return '0';
  if (typeof cursor !== 'string' || !/^(0|[1-9][0-9]{0,18})$/.test(cursor)) {
    throw ValidationError.field(
      'cursor',
      `Expected a cursor returned by since(), got ${JSON.stringify(cursor)}`,
    );
  }
  return cursor;
}

function duplicate(eventId: string): ConflictError {
  return new ConflictError('DUPLICATE_EVENT_ID', `Event ${JSON.stringify(eventId)} was already appended`, {
    eventId,
  });
}
