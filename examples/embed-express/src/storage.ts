import { createPgliteStorage, createPostgresStorage, type PostgresStorage } from '@s2b2b/storage-postgres';
import pg from 'pg';

/**
 * Options of `openStorage`.
 *
 * @example
 * const options: OpenStorageOptions = { url: process.env.S2B2B_PG_URL, schema: 'shop' };
 */
export interface OpenStorageOptions {
  /** A PostgreSQL connection string; embedded PGlite (in memory) when omitted. */
  url?: string;
  /** The schema every table lives in (default `s2b2b`). */
  schema?: string;
  /** Most connections the pool opens (default 10). */
  poolSize?: number;
}

/**
 * Opens the example's storage, migrated: a `pg.Pool` on `url` with `createPostgresStorage`, or
 * an in-memory PGlite when there is no URL. `close()` ends the pool (or PGlite) it opened.
 *
 * @example
 * const storage = await openStorage({ url: process.env.S2B2B_PG_URL });
 * try { ... } finally { await storage.close(); }
 */
export async function openStorage(options: OpenStorageOptions = {}): Promise<PostgresStorage> {
  const schema = options.schema;
  if (!options.url) return createPgliteStorage({ ...(schema === undefined ? {} : { schema }) });
  const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
  // An idle client that loses its connection must not take the process down; the next query fails instead.
  pool.on('error', () => undefined);
  try {
    const storage = createPostgresStorage({ client: pool, ...(schema === undefined ? {} : { schema }) });
    await storage.migrate();
    return {
      ...storage,
      async close() {
        await storage.close();
        await pool.end();
      },
    };
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
}
