import type { PGlite, Transaction as PgliteTransaction } from '@electric-sql/pglite';
import { ValidationError } from '@s2b2b/core';
import type { Pool, PoolClient } from 'pg';

/** The rows of a query and how many rows it touched. */
export interface QueryResult<R> {
  rows: R[];
  rowCount: number;
}

/** One connection (or transaction) the stores run SQL on. */
export interface SqlExecutor {
  /** One statement with `$1..$n` parameters. */
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
  /** Several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
}

/** Isolation levels a transaction can ask for. */
export type IsolationLevel = 'read committed' | 'repeatable read' | 'serializable';

/** The host's client, made uniform: a `pg.Pool` or a PGlite instance. */
export interface SqlClient extends SqlExecutor {
  readonly kind: 'postgres' | 'pglite';
  /** Runs `fn` in BEGIN … COMMIT on one connection; ROLLBACK when it throws. */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>, isolation?: IsolationLevel): Promise<T>;
}

/** What `createPostgresStorage` accepts as `client`. */
export type PostgresClient = Pool | PGlite;

/**
 * Wraps a `pg.Pool` or a PGlite instance (recognised by shape, so neither package is loaded
 * unless the host uses it).
 *
 * @example
 * const sql = toSqlClient(new pg.Pool({ connectionString }));
 */
export function toSqlClient(client: PostgresClient): SqlClient {
  const candidate = client as unknown as Record<string, unknown>;
  if (candidate && typeof candidate.exec === 'function' && typeof candidate.transaction === 'function') {
    return fromPglite(client as PGlite);
  }
  if (candidate && typeof candidate.connect === 'function' && typeof candidate.query === 'function') {
    return fromPool(client as Pool);
  }
  throw ValidationError.field('client', 'Expected a pg.Pool or a PGlite instance');
}

function fromPool(pool: Pool): SqlClient {
  const executor = (connection: Pool | PoolClient): SqlExecutor => ({
    async query<R>(text: string, params: readonly unknown[] = []) {
      const result = await connection.query(text, params as unknown[]);
      return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
    },
    async exec(text: string) {
      await connection.query(text);
    },
  });
  return {
    kind: 'postgres',
    ...executor(pool),
    async transaction(fn, isolation = 'read committed') {
      const connection = await pool.connect();
      let broken: Error | undefined;
      try {
        await connection.query(`BEGIN ISOLATION LEVEL ${isolation.toUpperCase()}`);
        const value = await fn(executor(connection));
        await connection.query('COMMIT');
        return value;
      } catch (error) {
        try {
          await connection.query('ROLLBACK');
        } catch (rollbackError) {
          broken = rollbackError as Error;
        }
        throw error;
      } finally {
        // A connection whose ROLLBACK failed is in an unknown state: destroy it.
        connection.release(broken);
      }
    },
  };
}

function fromPglite(db: PGlite): SqlClient {
  const executor = (connection: PGlite | PgliteTransaction): SqlExecutor => ({
    async query<R>(text: string, params: readonly unknown[] = []) {
      const result = await connection.query<R>(text, params as unknown[]);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
    async exec(text: string) {
      await connection.exec(text);
    },
  });
  return {
    kind: 'pglite',
    ...executor(db),
    // PGlite has one connection and queues transactions (and queries outside them) itself.
    async transaction(fn, isolation = 'read committed') {
      return db.transaction(async (tx) => {
        if (isolation !== 'read committed')
          await tx.query(`SET TRANSACTION ISOLATION LEVEL ${isolation.toUpperCase()}`);
        return fn(executor(tx));
      });
    },
  };
}
