import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { AftersalesStorage } from '@s2b2b/aftersales';
import { isS2b2bError } from '@s2b2b/core';
import type { CreditStorage } from '@s2b2b/credit';
import type { CrmStorage } from '@s2b2b/crm';
import type { InventoryStorage } from '@s2b2b/inventory';
import type { TrackingStorage } from '@s2b2b/logistics';
import type { ProcurementStorage } from '@s2b2b/procurement';
import type { PromotionsStorage } from '@s2b2b/promotions';
import type { GlobalFlags, StorageKind } from './command-line.js';
import type { CliIo } from './io.js';
import { UsageError } from './usage-error.js';

/** The default `--data-dir`, relative to the working directory. */
export const DEFAULT_DATA_DIR = '.s2b2b';
/** The default `--schema`. */
export const DEFAULT_SCHEMA = 's2b2b';

/** Which storage the flags choose, and where, before anything is opened. */
export interface StoragePlan {
  kind: StorageKind;
  /** PostgreSQL schema (pglite and postgres), `undefined` on memory. */
  schema: string | undefined;
  /** Where the data lives, for people: a directory, a redacted URL, or `process memory`. */
  location: string;
  /** True when PGlite will create a new database (its first run in this data dir takes a few seconds). */
  fresh: boolean;
  /** pglite: the absolute directory of its files. */
  pgliteDir?: string;
  /** postgres: the connection string. */
  pgUrl?: string;
}

/** A storage the CLI opened, with what to show about it and how to release it. */
export interface OpenedStorage extends StoragePlan {
  /** The core ports and every domain store (`storage.inventory`, …): both adapters implement them all. */
  storage: InventoryStorage &
    TrackingStorage &
    CreditStorage &
    CrmStorage &
    AftersalesStorage &
    ProcurementStorage &
    PromotionsStorage;
  /** Closes the storage and whatever the CLI opened for it (PGlite, the pool). */
  close(): Promise<void>;
}

/**
 * Works out the storage the flags choose: `--storage`, PGlite in `<data-dir>/pglite` by
 * default, PostgreSQL on `--pg-url` (or `S2B2B_PG_URL`).
 *
 * @throws UsageError when postgres has no URL
 * @example
 * planStorage(flags, io).location // '.s2b2b/pglite'
 */
export function planStorage(flags: GlobalFlags, io: CliIo): StoragePlan {
  const schema = flags.schema ?? DEFAULT_SCHEMA;
  switch (flags.storage) {
    case 'memory':
      return { kind: 'memory', schema: undefined, location: 'process memory', fresh: true };
    case 'pglite': {
      const pgliteDir = join(resolve(io.cwd, flags.dataDir ?? DEFAULT_DATA_DIR), 'pglite');
      const shown = relative(io.cwd, pgliteDir);
      return {
        kind: 'pglite',
        schema,
        location: shown === '' || shown.startsWith('..') ? pgliteDir : shown,
        fresh: !existsSync(join(pgliteDir, 'PG_VERSION')),
        pgliteDir,
      };
    }
    case 'postgres': {
      const pgUrl = flags.pgUrl ?? io.env.S2B2B_PG_URL;
      if (pgUrl === undefined || pgUrl === '') {
        throw new UsageError('--storage postgres needs --pg-url <url> (or S2B2B_PG_URL in the environment)');
      }
      return { kind: 'postgres', schema, location: redactUrl(pgUrl), fresh: false, pgUrl };
    }
  }
}

/**
 * Opens a planned storage:
 * - `memory`: `createMemoryStorage()`;
 * - `pglite`: `createPgliteStorage({ dataDir, schema })`, which migrates itself;
 * - `postgres`: a `pg.Pool`, `createPostgresStorage({ client: pool, schema })`, then `migrate()`.
 *
 * Adapters are loaded on demand, so `--storage memory` never loads PGlite or pg.
 *
 * @example
 * const opened = await openStorage(planStorage(flags, io));
 * try { await opened.storage.events.since(null) } finally { await opened.close() }
 */
export async function openStorage(plan: StoragePlan): Promise<OpenedStorage> {
  switch (plan.kind) {
    case 'memory': {
      const { createMemoryStorage } = await import('@s2b2b/storage-memory');
      const storage = createMemoryStorage();
      return { ...plan, storage, close: () => storage.close() };
    }
    case 'pglite': {
      const dataDir = plan.pgliteDir!;
      await mkdir(dataDir, { recursive: true });
      const { createPgliteStorage } = await import('@s2b2b/storage-postgres');
      const storage = await createPgliteStorage({ dataDir, schema: plan.schema });
      return { ...plan, storage, close: () => storage.close() };
    }
    case 'postgres': {
      const [{ default: pg }, { createPostgresStorage }] = await Promise.all([
        import('pg'),
        import('@s2b2b/storage-postgres'),
      ]);
      const pool = new pg.Pool({ connectionString: plan.pgUrl, max: 4 });
      // An idle client losing its connection must not crash the process; queries still fail.
      pool.on('error', () => undefined);
      try {
        const storage = createPostgresStorage({ client: pool, schema: plan.schema });
        await storage.migrate();
        return {
          ...plan,
          storage,
          close: async () => {
            await storage.close();
            await pool.end();
          },
        };
      } catch (error) {
        await pool.end().catch(() => undefined);
        throw withContext(error, `PostgreSQL at ${plan.location}`);
      }
    }
  }
}

/**
 * A planned storage that several demo sections share: opened by the first `open()`, the same
 * storage for every later call, closed by `close()` (which does nothing if it was never opened).
 *
 * @example
 * const session = storageSession(planStorage(flags, io));
 * try { await storageTour({ session, ... }); await inventoryTour({ session, ... }) } finally { await session.close() }
 */
export interface StorageSession {
  readonly plan: StoragePlan;
  /** Opens the storage on the first call (see `openStorage`); later calls return the same one. */
  open(): Promise<OpenedStorage>;
  close(): Promise<void>;
}

/**
 * Creates a {@link StorageSession} for a plan. Nothing is opened until `open()`; a failed open
 * is not cached, so `close()` after it has nothing to release.
 *
 * @example
 * const session = storageSession(planStorage(flags, io));
 * const { storage } = await session.open();
 */
export function storageSession(plan: StoragePlan): StorageSession {
  let opening: Promise<OpenedStorage> | undefined;
  return {
    plan,
    open() {
      opening ??= openStorage(plan).catch((error: unknown) => {
        opening = undefined;
        throw error;
      });
      return opening;
    },
    async close() {
      const pending = opening;
      opening = undefined;
      // An open that failed has nothing to release (its error went to whoever awaited it).
      const opened = await pending?.catch(() => undefined);
      if (opened) await opened.close();
    },
  };
}

/**
 * A connection string with its password replaced by `***`.
 *
 * @example
 * redactUrl('postgres://app:secret@db:5432/shop') // 'postgres://app:***@db:5432/shop'
 */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/:\/\/([^:/@]*):[^@]*@/, '://$1:***@');
  }
}

function withContext(error: unknown, where: string): unknown {
  // Connection failures (ECONNREFUSED, ENOTFOUND, 28P01 ...) say nothing about where they happened.
  if (!(error instanceof Error) || isS2b2bError(error)) return error;
  const code = (error as { code?: unknown }).code;
  const message = error.message || (typeof code === 'string' ? code : error.name);
  error.message = `${where}: ${message}`;
  return error;
}
