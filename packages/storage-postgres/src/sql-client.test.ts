import { isS2b2bError, ValidationError } from '@s2b2b/core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withRetry } from './retry.js';
import {
  isPglite,
  isPgPool,
  type PgPoolClientLike,
  type PgPoolLike,
  type SqlClient,
  toSqlClient,
} from './sql-client.js';
import { freshSchema, rawQuery, testTargets } from './testing/test-clients.js';
import { useTarget } from './testing/use-target.js';

for (const target of testTargets()) {
  describe(`${target.name}: sql client`, () => {
    const db = useTarget(target);
    let sql: SqlClient;
    const table = `${db.track(freshSchema())}.items`;
    beforeAll(async () => {
      sql = toSqlClient(db.client);
      expect(sql.kind).toBe(target.name);
      await sql.exec(`CREATE SCHEMA ${table.split('.')[0]}; CREATE TABLE ${table} (n int PRIMARY KEY)`);
    });

    it('counts rows the same way on both drivers', async () => {
      expect((await sql.query(`INSERT INTO ${table} VALUES (1), (2), (3)`)).rowCount).toBe(3);
      expect(
        (await sql.query(`INSERT INTO ${table} VALUES (3) ON CONFLICT DO NOTHING RETURNING n`)).rowCount,
      ).toBe(0);
      expect((await sql.query(`SELECT n FROM ${table} WHERE n > $1`, [1])).rowCount).toBe(2);
      expect((await sql.query(`UPDATE ${table} SET n = n WHERE n = 99`)).rowCount).toBe(0);
      expect((await sql.query(`DELETE FROM ${table} WHERE n >= 2`)).rowCount).toBe(2);
    });

    it('returns int8, xid8, timestamptz and jsonb the way the stores expect once cast to text', async () => {
      const { rows } = await sql.query<Record<string, unknown>>(
        `SELECT 9007199254740993::int8::text AS big, pg_current_xact_id()::text AS xid,
                round(extract(epoch FROM '2026-03-01T08:00:00.123Z'::timestamptz) * 1000)::int8::text AS ms,
                '{"b":1,"a":[1.50,"¥"]}'::jsonb::text AS json`,
      );
      expect(rows[0]).toEqual({
        big: '9007199254740993',
        xid: expect.stringMatching(/^[0-9]+$/),
        ms: String(Date.parse('2026-03-01T08:00:00.123Z')),
        json: '{"a": [1.50, "¥"], "b": 1}',
      });
    });

    it('commits, rolls back, and sets the isolation level', async () => {
      await sql.transaction((tx) => tx.query(`INSERT INTO ${table} VALUES (10)`));
      await expect(
        sql.transaction(async (tx) => {
          await tx.query(`INSERT INTO ${table} VALUES (11)`);
          throw new Error('undo');
        }),
      ).rejects.toThrow('undo');
      const { rows } = await sql.query<{ n: number }>(`SELECT n FROM ${table} WHERE n >= 10 ORDER BY n`);
      expect(rows.map((row) => row.n)).toEqual([10]);
      for (const level of ['read committed', 'repeatable read', 'serializable'] as const) {
        const shown = await sql.transaction(
          async (tx) =>
            (await tx.query<{ level: string }>("SELECT current_setting('transaction_isolation') AS level"))
              .rows,
          level,
        );
        expect(shown).toEqual([{ level }]);
      }
      await expect(sql.transaction(async () => 1, 'chaos' as 'serializable')).rejects.toBeInstanceOf(
        ValidationError,
      );
    });

    it('refuses to report a commit when PostgreSQL rolled the transaction back at COMMIT', async () => {
      const attempt = sql.transaction(async (tx) => {
        await tx.query(`INSERT INTO ${table} VALUES (20)`);
        await tx.query('SELECT 1 / 0').catch(() => undefined); // swallowed: the transaction is aborted
        return 'looks fine';
      });
      await expect(attempt).rejects.toSatisfy((error: unknown) => isS2b2bError(error, 'TRANSACTION_ABORTED'));
      expect((await sql.query(`SELECT n FROM ${table} WHERE n = 20`)).rowCount).toBe(0);
    });

    it('reports SQLSTATEs raised by the database, so a forced 40001 is retried', async () => {
      let runs = 0;
      const value = await withRetry(
        () =>
          sql.transaction(async (tx) => {
            runs += 1;
            await tx.query(`INSERT INTO ${table} VALUES (${30 + runs})`);
            if (runs === 1) {
              await tx.query(
                "DO $$ BEGIN RAISE EXCEPTION 'forced' USING ERRCODE = 'serialization_failure'; END $$",
              );
            }
            return runs;
          }),
        { baseDelayMs: 0 },
      );
      expect(value).toBe(2);
      const { rows } = await sql.query<{ n: number }>(`SELECT n FROM ${table} WHERE n > 30 ORDER BY n`);
      expect(rows).toEqual([{ n: 32 }]);
    });

    it('runs parallel transactions without mixing their statements', async () => {
      // Each transaction reads the total, waits, and writes total + 1: interleaved on one
      // connection (or without row locks) the final count would come out short.
      await sql.exec(
        `CREATE TABLE ${table}_counter (id int PRIMARY KEY, total int NOT NULL); INSERT INTO ${table}_counter VALUES (1, 0)`,
      );
      await Promise.all(
        Array.from({ length: 8 }, () =>
          sql.transaction(async (tx) => {
            const { rows } = await tx.query<{ total: number }>(
              `SELECT total FROM ${table}_counter WHERE id = 1 FOR UPDATE`,
            );
            await new Promise((resolve) => setTimeout(resolve, 2));
            await tx.query(`UPDATE ${table}_counter SET total = $1 WHERE id = 1`, [
              (rows[0]?.total ?? 0) + 1,
            ]);
          }),
        ),
      );
      const { rows } = await rawQuery<{ total: number }>(db.client, `SELECT total FROM ${table}_counter`);
      expect(rows[0]?.total).toBe(8);
    });
  });
}

describe('client detection', () => {
  it('tells a pg.Pool from a PGlite and rejects anything else', async () => {
    const pool = new pg.Pool({ connectionString: 'postgres://nobody@127.0.0.1:1/none' });
    try {
      expect(isPgPool(pool)).toBe(true);
      expect(isPglite(pool)).toBe(false);
      expect(toSqlClient(pool).kind).toBe('postgres');
    } finally {
      await pool.end();
    }
    const client = new pg.Client();
    expect(isPgPool(client)).toBe(false);
    for (const bad of [client, {}, null, 'postgres://x']) {
      expect(() => toSqlClient(bad as unknown as PgPoolLike)).toThrow(ValidationError);
    }
  });
});

describe('pg.Pool transactions (fake pool)', () => {
  function fakePool(failing: string[]) {
    const released: unknown[] = [];
    const statements: string[] = [];
    const connection: PgPoolClientLike = {
      async query(text) {
        statements.push(text);
        if (failing.includes(text)) throw Object.assign(new Error(`${text} failed`), { code: '57P01' });
        return { rows: [], rowCount: 0, command: text.split(' ')[0] ?? '' };
      },
      release(err) {
        released.push(err);
      },
    };
    const pool: PgPoolLike = {
      totalCount: 0,
      connect: async () => connection,
      query: connection.query,
    };
    return { sql: toSqlClient(pool), released, statements };
  }

  it('releases the connection after COMMIT and after ROLLBACK', async () => {
    const fake = fakePool([]);
    await fake.sql.transaction(async (tx) => tx.query('SELECT 1'), 'serializable');
    await expect(
      fake.sql.transaction(async () => {
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect(fake.statements).toEqual([
      'BEGIN ISOLATION LEVEL SERIALIZABLE',
      'SELECT 1',
      'COMMIT',
      'BEGIN ISOLATION LEVEL READ COMMITTED',
      'ROLLBACK',
    ]);
    expect(fake.released).toEqual([undefined, undefined]);
  });

  it('destroys a connection whose ROLLBACK failed (release with the error)', async () => {
    const fake = fakePool(['SELECT 1', 'ROLLBACK']);
    await expect(fake.sql.transaction((tx) => tx.query('SELECT 1'))).rejects.toThrow('SELECT 1 failed');
    expect(fake.released).toHaveLength(1);
    expect(fake.released[0]).toBeInstanceOf(Error);
    expect((fake.released[0] as Error).message).toBe('ROLLBACK failed');
  });
});

const serverUrl = process.env.S2B2B_PG_URL;
describe.runIf(serverUrl)('postgres server: broken connections', () => {
  let pool: pg.Pool;
  beforeAll(() => {
    pool = new pg.Pool({ connectionString: serverUrl, max: 2 });
    pool.on('error', () => undefined);
  });
  afterAll(() => pool.end());

  it('does not hand a killed connection back to the pool', async () => {
    const sql = toSqlClient(pool);
    await expect(
      sql.transaction(async (tx) => {
        await tx.query('SELECT pg_terminate_backend(pg_backend_pid())');
      }),
    ).rejects.toThrow();
    expect(pool.totalCount).toBe(0); // destroyed, not returned to the pool
    // The pool stays usable: every later query gets a live connection.
    for (let i = 0; i < 4; i += 1) expect((await sql.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });
});
