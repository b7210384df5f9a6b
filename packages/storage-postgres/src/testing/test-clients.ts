// Test-only: the PostgreSQL targets every test file runs against. PGlite always; the server
// at S2B2B_PG_URL when it is set. Under CI=true a missing or unreachable server fails.
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { PostgresClient } from '../sql-client.js';

export interface TestTarget {
  name: 'pglite' | 'postgres';
  /** A client for this target; PGlite instances are shared per test file. */
  connect(): Promise<PostgresClient>;
  /** Releases what connect opened. */
  release(client: PostgresClient): Promise<void>;
}

/** A schema name no other run uses. */
export function freshSchema(): string {
  return `s2b2b_t_${randomBytes(6).toString('hex')}`;
}

let sharedPglite: Promise<PGlite> | undefined;

const pgliteTarget: TestTarget = {
  name: 'pglite',
  async connect() {
    sharedPglite ??= PGlite.create();
    return sharedPglite;
  },
  async release() {
    // Shared for the whole file; the process ends with it.
  },
};

function serverTarget(url: string): TestTarget {
  return {
    name: 'postgres',
    async connect() {
      const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000 });
      try {
        await pool.query('SELECT 1');
      } catch (error) {
        await pool.end();
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
    throw new Error(
      'CI=true but S2B2B_PG_URL is not set: the PostgreSQL adapter must be tested against a server',
    );
  },
  async release() {},
};

/** The targets for this run. */
export function testTargets(): TestTarget[] {
  const url = process.env.S2B2B_PG_URL;
  if (url) return [pgliteTarget, serverTarget(url)];
  if (process.env.CI === 'true') return [pgliteTarget, missingServer];
  return [pgliteTarget];
}

/** Drops a test schema. */
export async function dropSchema(client: PostgresClient, schema: string): Promise<void> {
  await (client as { query(text: string): Promise<unknown> }).query(
    `DROP SCHEMA IF EXISTS "${schema}" CASCADE`,
  );
}
