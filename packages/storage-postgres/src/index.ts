/**
 * `@s2b2b/storage-postgres` — every store port on PostgreSQL, through node-postgres
 * (`pg.Pool`) or PGlite (embedded, in-process).
 *
 * @packageDocumentation
 */
export {
  CORE_DOMAIN,
  listMigrationDomains,
  type Migration,
  type MigrationReport,
  migrationSql,
} from './migrations.js';
export { createPgliteStorage, type PgliteStorageOptions } from './pglite-storage.js';
export {
  createPostgresStorage,
  type PostgresStorage,
  type PostgresStorageOptions,
  type PostgresTx,
  type TransactionOptions,
} from './postgres-storage.js';
export { isRetryableError, type RetryOptions, retryableSqlState, withRetry } from './retry.js';
export { DEFAULT_SCHEMA, quoteSchema } from './schema-name.js';
export type {
  IsolationLevel,
  PgliteLike,
  PgPoolLike,
  PostgresClient,
  QueryResult,
  SqlExecutor,
} from './sql-client.js';
