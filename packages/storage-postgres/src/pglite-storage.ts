import { ValidationError } from '@s2b2b/core';
import { createPostgresStorage, type PostgresStorage } from './postgres-storage.js';

/** Options of `createPgliteStorage`. */
export interface PgliteStorageOptions {
  /** Where PGlite keeps its files; in memory when omitted. */
  dataDir?: string;
  /** Schema for every table (default `s2b2b`). */
  schema?: string;
  /** Domains to migrate (all by default; `core` always). */
  domains?: readonly string[];
}

/**
 * Opens an embedded PostgreSQL (PGlite, loaded on demand) and returns a migrated storage on
 * it; `close()` closes the PGlite instance it opened.
 *
 * @example
 * const storage = await createPgliteStorage({ dataDir: '.s2b2b' });
 * // ... use it ...
 * await storage.close();
 */
export async function createPgliteStorage(options: PgliteStorageOptions = {}): Promise<PostgresStorage> {
  if (
    options.dataDir !== undefined &&
    (typeof options.dataDir !== 'string' || options.dataDir.length === 0)
  ) {
    throw ValidationError.field('dataDir', 'Expected a directory path');
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const db = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
  try {
    await db.waitReady;
    const storage = createPostgresStorage({ client: db, schema: options.schema });
    await storage.migrate({ domains: options.domains });
    return {
      ...storage,
      async close() {
        await db.close();
      },
    };
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}
