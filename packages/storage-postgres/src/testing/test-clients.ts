// Test-only (not exported from index.ts): the PostgreSQL targets every test file runs on.
// PGlite (in memory) always; the server at S2B2B_PG_URL when it is set. Under CI=true a
// missing URL or a server that does not answer makes the test file fail, never skip.
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { PostgresClient } from '../sql-client.js';

/**
 * A database a test file runs on.
 *
 * @example
 * const client = await target.connect(); try { ... } finally { await target.release(client) }
 */
export interface TestTarget {
  name: 'pglite' | 'postgres';
  /** Opens (or shares) a client for this target; fails when the server does not answer. */
  connect(): Promise<PostgresClient>;
  /** Releases what `connect` opened. */
  release(client: PostgresClient): Promise<void>;
}

/**
 * A schema name no other run uses: `s2b2b_t_<12 hex>`.
 *
 * @example
 * const schema = freshSchema(); // 's2b2b_t_3f9a0c1b2d4e'
 */
export function freshSchema(): string {
  return `s2b2b_t_${randomBytes(6).toString('hex')}`;
}

/**
 * Runs one statement on a raw client (outside any storage), for set-up and inspection.
 *
 * @example
 * const { rows } = await rawQuery<{ n: number }>(client, 'SELECT 1 AS n');
 */
export async function rawQuery<R = Record<string, unknown>>(
  client: PostgresClient,
  text: string,
  params: unknown[] = [],
): Promise<{ rows: R[] }> {
  const result = await (
    client as { query(text: string, params: unknown[]): Promise<{ rows: unknown[] }> }
  ).query(text, params);
  return { rows: result.rows as R[] };
}

/**
 * Drops a test schema and everything in it.
 *
 * @example
 * afterAll(() => dropSchema(client, schema));
 */
export async function dropSchema(client: PostgresClient, schema: string): Promise<void> {
  if (!/^s2b2b_t_[0-9a-f]+$/.test(schema)) throw new Error(`Refusing to drop non-test schema ${schema}`);
  await rawQuery(client, `DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
}

// One in-memory PGlite per test file, shared by the suites in it and closed when the last
// user releases it.
let pglite: { db: Promise<PGlite>; users: number } | undefined;

const pgliteTarget: TestTarget = {
  name: 'pglite',
  async connect() {
    pglite ??= { db: PGlite.create(), users: 0 };
    pglite.users += 1;
    return pglite.db;
  },
  async release() {
    if (!pglite) return;
    pglite.users -= 1;
    if (pglite.users > 0) return;
    const { db } = pglite;
    pglite = undefined;
    await (await db).close();
  },
};

function serverTarget(url: string): TestTarget {
  return {
    name: 'postgres',
    async connect() {
      const pool = new pg.Pool({ connectionString: url, max: 8, connectionTimeoutMillis: 5_000 });
      // An idle client losing its connection must not crash the test process.
      pool.on('error', () => undefined);
      try {
        await pool.query('SELECT 1');
      } catch (error) {
        await pool.end().catch(() => undefined);
        throw new Error(`PostgreSQL at S2B2B_PG_URL does not answer: ${(error as Error).message}`);
      }
      return pool;
    },
    async release(client) {
      await (client as pg.Pool).end();
    },
  };
}

const missingServer: TestTarget = {
  name: 'postgres',
  async connect() {
    throw new Error('CI=true but S2B2B_PG_URL is not set: the PostgreSQL adapter must be tested on a server');
  },
  async release() {},
};

/**
 * The targets of this run: PGlite, plus the server when `S2B2B_PG_URL` is set (or, under
 * `CI=true` without it, a target whose `connect` fails).
 *
 * @example
 * for (const target of testTargets()) describe(target.name, () => { ... });
 */
export function testTargets(): TestTarget[] {
  const url = process.env.S2B2B_PG_URL;
  if (url) return [pgliteTarget, serverTarget(url)];
  if (process.env.CI === 'true') return [pgliteTarget, missingServer];
  return [pgliteTarget];
}

/**
 * The server target, when this run has one (for tests that need real concurrency).
 *
 * @example
 * describe.runIf(serverTarget())('server only', () => { ... });
 */
export function serverTestTarget(): TestTarget | undefined {
  return testTargets().find((target) => target.name === 'postgres');
}
