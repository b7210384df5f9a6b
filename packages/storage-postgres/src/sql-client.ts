import { StorageError, ValidationError } from '@s2b2b/core';

/**
 * The rows of a query and how many rows it returned or touched.
 *
 * @example
 * const { rows, rowCount }: QueryResult<{ n: number }> = await sql.query('SELECT 1 AS n');
 */
export interface QueryResult<R> {
  rows: R[];
  /** Rows inserted, updated or deleted, or the rows returned by a SELECT. */
  rowCount: number;
}

/**
 * One connection (or one open transaction) the stores run SQL on.
 *
 * @example
 * const count = async (tx: SqlExecutor) => (await tx.query('SELECT count(*)::int AS n FROM t')).rows[0];
 */
export interface SqlExecutor {
  /** One statement with `$1..$n` parameters. */
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
  /** Several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
}

/**
 * The isolation levels a transaction can ask for.
 *
 * @example
 * const level: IsolationLevel = 'serializable';
 */
export type IsolationLevel = 'read committed' | 'repeatable read' | 'serializable';

const ISOLATION_LEVELS: readonly IsolationLevel[] = ['read committed', 'repeatable read', 'serializable'];

/**
 * The host's client made uniform: a `pg.Pool` or a PGlite instance.
 *
 * @example
 * const sql: SqlClient = toSqlClient(pool); // sql.kind === 'postgres'
 */
export interface SqlClient extends SqlExecutor {
  readonly kind: 'postgres' | 'pglite';
  /**
   * Runs `fn` between BEGIN and COMMIT on one connection; ROLLBACK when it throws. Resolves
   * only once COMMIT succeeded: a transaction that PostgreSQL rolled back at COMMIT (because
   * `fn` swallowed a failed statement) throws `StorageError` `TRANSACTION_ABORTED`.
   */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>, isolation?: IsolationLevel): Promise<T>;
}

/**
 * A query result as node-postgres returns it (the fields the adapter reads).
 *
 * @example
 * const result: PgQueryResultLike = await pool.query('SELECT 1');
 */
export interface PgQueryResultLike {
  rows: unknown[];
  rowCount: number | null;
  command: string;
}

/**
 * A connection checked out of a `pg.Pool` (the methods the adapter calls).
 *
 * @example
 * const connection: PgPoolClientLike = await pool.connect();
 */
export interface PgPoolClientLike {
  query(text: string, values?: unknown[]): Promise<PgQueryResultLike>;
  release(err?: Error | boolean): void;
  /** node-postgres emits `error` on a checked-out client whose connection dies. */
  on?(event: 'error', listener: (error: Error) => void): unknown;
  removeListener?(event: 'error', listener: (error: Error) => void): unknown;
}

/**
 * The part of a node-postgres `pg.Pool` the adapter uses. Declared structurally, so hosts
 * that only use PGlite need neither `pg` nor `@types/pg`.
 *
 * @example
 * const client: PgPoolLike = new pg.Pool({ connectionString });
 */
export interface PgPoolLike {
  connect(): Promise<PgPoolClientLike>;
  query(text: string, values?: unknown[]): Promise<PgQueryResultLike>;
  readonly totalCount: number;
}

/**
 * A query result as PGlite returns it (the fields the adapter reads).
 *
 * @example
 * const result: PgliteResultsLike<{ n: number }> = await db.query('SELECT 1 AS n');
 */
export interface PgliteResultsLike<R> {
  rows: R[];
  affectedRows?: number;
}

/**
 * The transaction object PGlite passes to `transaction(fn)`.
 *
 * @example
 * await db.transaction(async (tx: PgliteTransactionLike) => tx.query('SELECT 1'));
 */
export interface PgliteTransactionLike {
  query<R>(query: string, params?: unknown[]): Promise<PgliteResultsLike<R>>;
  exec(query: string): Promise<unknown>;
}

/**
 * The part of a PGlite instance (`@electric-sql/pglite`) the adapter uses. Declared
 * structurally, so hosts that only use `pg` need not install PGlite.
 *
 * @example
 * const client: PgliteLike = await PGlite.create();
 */
export interface PgliteLike {
  query<R>(query: string, params?: unknown[]): Promise<PgliteResultsLike<R>>;
  exec(query: string): Promise<unknown>;
  transaction<T>(fn: (tx: PgliteTransactionLike) => Promise<T>): Promise<T>;
  readonly waitReady: Promise<void>;
}

/**
 * What `createPostgresStorage` accepts as `client`: a `pg.Pool` or a PGlite instance.
 *
 * @example
 * const client: PostgresClient = useEmbedded ? await PGlite.create() : new pg.Pool();
 */
export type PostgresClient = PgPoolLike | PgliteLike;

/**
 * Whether a client is a PGlite instance (it has `exec`, `transaction` and `waitReady`).
 *
 * @example
 * isPglite(await PGlite.create()) // true
 */
export function isPglite(client: unknown): client is PgliteLike {
  const candidate = client as Record<string, unknown> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.exec === 'function' &&
    typeof candidate.transaction === 'function' &&
    'waitReady' in candidate
  );
}

/**
 * Whether a client is a `pg.Pool` (it has `connect` and a numeric `totalCount`); a single
 * `pg.Client` is not, since it cannot run transactions side by side.
 *
 * @example
 * isPgPool(new pg.Pool()) // true
 */
export function isPgPool(client: unknown): client is PgPoolLike {
  const candidate = client as Record<string, unknown> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.connect === 'function' &&
    typeof candidate.query === 'function' &&
    typeof candidate.totalCount === 'number'
  );
}

/**
 * Wraps a `pg.Pool` or a PGlite instance, recognised by shape, so neither package is
 * loaded unless the host uses it.
 *
 * @throws ValidationError on `client` when it is neither
 * @example
 * const sql = toSqlClient(new pg.Pool({ connectionString }));
 * await sql.transaction((tx) => tx.query('SELECT 1'), 'serializable');
 */
export function toSqlClient(client: PostgresClient): SqlClient {
  if (isPglite(client)) return fromPglite(client);
  if (isPgPool(client)) return fromPool(client);
  throw ValidationError.field(
    'client',
    'Expected a pg.Pool or a PGlite instance (a single pg.Client cannot run transactions side by side)',
  );
}

/**
 * Checks an isolation level option.
 *
 * @example
 * checkIsolation('serializable') // 'serializable'
 */
export function checkIsolation(isolation: unknown): IsolationLevel {
  if (isolation === undefined) return 'read committed';
  if (!ISOLATION_LEVELS.includes(isolation as IsolationLevel)) {
    throw ValidationError.field('isolation', `Expected one of ${ISOLATION_LEVELS.join(', ')}`);
  }
  return isolation as IsolationLevel;
}

function abortedAtCommit(cause: unknown): StorageError {
  return new StorageError(
    'TRANSACTION_ABORTED',
    'PostgreSQL rolled the transaction back at COMMIT: a statement in it failed and the error was caught without rethrowing',
    {},
    { cause },
  );
}

function poolExecutor(connection: PgPoolLike | PgPoolClientLike): SqlExecutor {
  return {
    async query<R>(text: string, params: readonly unknown[] = []) {
      const result = await connection.query(text, [...params]);
      return { rows: result.rows as R[], rowCount: result.rowCount ?? result.rows.length };
    },
    async exec(text: string) {
      await connection.query(text);
    },
  };
}

function fromPool(pool: PgPoolLike): SqlClient {
  return {
    kind: 'postgres',
    ...poolExecutor(pool),
    async transaction(fn, isolation = 'read committed') {
      const level = checkIsolation(isolation);
      const connection = await pool.connect();
      let broken: Error | undefined;
      // A connection that dies while checked out emits `error`; unheard, it would crash the
      // process. The statement in flight rejects anyway, and the connection is destroyed below.
      const onError = (error: Error) => {
        broken ??= error;
      };
      connection.on?.('error', onError);
      try {
        await connection.query(`BEGIN ISOLATION LEVEL ${level.toUpperCase()}`);
        const value = await fn(poolExecutor(connection));
        const commit = await connection.query('COMMIT');
        // COMMIT of a failed transaction "succeeds" with the tag ROLLBACK: nothing was kept.
        if (commit.command === 'ROLLBACK') throw abortedAtCommit(undefined);
        return value;
      } catch (error) {
        try {
          await connection.query('ROLLBACK');
        } catch (rollbackError) {
          broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        }
        throw error;
      } finally {
        connection.removeListener?.('error', onError);
        // A connection that died, or whose ROLLBACK failed, is in an unknown state: the pool
        // destroys it instead of handing it out again.
        connection.release(broken);
      }
    },
  };
}

function pgliteExecutor(connection: PgliteLike | PgliteTransactionLike): SqlExecutor {
  return {
    async query<R>(text: string, params: readonly unknown[] = []) {
      const result = await connection.query<R>(text, [...params]);
      // PGlite reports affectedRows 0 for a SELECT; node-postgres counts the rows returned.
      return { rows: result.rows, rowCount: Math.max(result.affectedRows ?? 0, result.rows.length) };
    },
    async exec(text: string) {
      await connection.exec(text);
    },
  };
}

function fromPglite(db: PgliteLike): SqlClient {
  return {
    kind: 'pglite',
    ...pgliteExecutor(db),
    // PGlite has one connection; `transaction`, `query` and `exec` all wait on one mutex, so
    // parallel transactions run one after the other (never interleaved on the connection).
    async transaction(fn, isolation = 'read committed') {
      const level = checkIsolation(isolation);
      let committing = false;
      try {
        return await db.transaction(async (tx) => {
          if (level !== 'read committed')
            await tx.query(`SET TRANSACTION ISOLATION LEVEL ${level.toUpperCase()}`);
          const value = await fn(pgliteExecutor(tx));
          committing = true;
          return value;
        });
      } catch (error) {
        if (committing && (error as { code?: unknown } | null)?.code === '25P02')
          throw abortedAtCommit(error);
        throw error;
      }
    },
  };
}
