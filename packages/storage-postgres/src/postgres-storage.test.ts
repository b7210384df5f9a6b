import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isS2b2bError, ValidationError } from '@s2b2b/core';
import { testEvent } from '@s2b2b/storage-testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationSql } from './migrations.js';
import { createPgliteStorage } from './pglite-storage.js';
import { createPostgresStorage, type PostgresStorage } from './postgres-storage.js';
import type { PostgresClient } from './sql-client.js';
import { dropSchema, freshSchema, testTargets } from './testing/test-clients.js';

for (const target of testTargets()) {
  describe(`${target.name}: PostgreSQL storage`, () => {
    let client: PostgresClient;
    const schemas: string[] = [];
    const open = (schema = freshSchema()) => {
      schemas.push(schema);
      return createPostgresStorage({ client, schema });
    };
    beforeAll(async () => {
      client = await target.connect();
    });
    afterAll(async () => {
      for (const schema of schemas) await dropSchema(client, schema);
      await target.release(client);
    });

    const ALL = [
      'core/0001_infrastructure',
      'aftersales/0001_cases',
      'credit/0001_ledger',
      'crm/0001_follow_ups',
      'inventory/0001_stock',
      'logistics/0001_tracking',
      'procurement/0001_rounds',
      'promotions/0001_caps',
    ];

    it('migrates once; a second run applies nothing', async () => {
      const storage = open();
      expect(await storage.migrate()).toEqual({ applied: ALL, alreadyApplied: [] });
      expect(await storage.migrate()).toEqual({ applied: [], alreadyApplied: ALL });
      const { rows } = await storage.sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "${storage.schema}".schema_migrations`,
      );
      expect(rows[0]?.n).toBe(ALL.length);
    });

    it('applies each migration exactly once when four processes migrate at the same time', async () => {
      const schema = freshSchema();
      const reports = await Promise.all(Array.from({ length: 4 }, () => open(schema).migrate()));
      expect(reports.flatMap((report) => report.applied)).toEqual(ALL);
      expect(reports.flatMap((report) => report.alreadyApplied)).toHaveLength(3 * ALL.length);
    });

    it('creates only the tables of the domains asked for, and adds a domain later', async () => {
      const storage = open();
      const tables = async () =>
        (
          await storage.sql.query<{ name: string }>(
            `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1`,
            [storage.schema],
          )
        ).rows.map((row) => row.name);
      expect(await storage.migrate({ domains: ['core'] })).toEqual({ applied: [ALL[0]], alreadyApplied: [] });
      expect(await tables()).toEqual(['event_outbox', 'idempotency_records', 'schema_migrations']);
      expect(await storage.migrate({ domains: ['inventory'] })).toEqual({
        applied: ['inventory/0001_stock'],
        alreadyApplied: [ALL[0]],
      });
      expect(await tables()).toEqual([
        'event_outbox',
        'idempotency_records',
        'inventory_document_lines',
        'inventory_documents',
        'inventory_movements',
        'inventory_positions',
        'inventory_warehouses',
        'schema_migrations',
      ]);
      expect(await storage.migrate({ domains: ['logistics'] })).toEqual({
        applied: ['logistics/0001_tracking'],
        alreadyApplied: [ALL[0]],
      });
      expect((await tables()).filter((name) => name.startsWith('logistics_'))).toEqual([
        'logistics_shipment_orders',
        'logistics_shipments',
        'logistics_tracking_events',
      ]);
      expect(await storage.migrate({ domains: ['aftersales'] })).toEqual({
        applied: ['aftersales/0001_cases'],
        alreadyApplied: [ALL[0]],
      });
      expect((await tables()).filter((name) => name.startsWith('aftersales_'))).toEqual([
        'aftersales_case_transitions',
        'aftersales_cases',
      ]);
      expect(await storage.migrate({ domains: ['crm'] })).toEqual({
        applied: ['crm/0001_follow_ups'],
        alreadyApplied: [ALL[0]],
      });
      expect((await tables()).filter((name) => name.startsWith('crm_'))).toEqual(['crm_follow_up_tasks']);
      expect(await storage.migrate({ domains: ['procurement'] })).toEqual({
        applied: ['procurement/0001_rounds'],
        alreadyApplied: [ALL[0]],
      });
      expect((await tables()).filter((name) => name.startsWith('procurement_'))).toEqual([
        'procurement_agreement_tiers',
        'procurement_agreements',
        'procurement_allocations',
        'procurement_awards',
        'procurement_capacity',
        'procurement_purchase_order_lines',
        'procurement_purchase_orders',
        'procurement_request_lines',
        'procurement_requests',
        'procurement_rounds',
        'procurement_suppliers',
      ]);
      expect(await storage.migrate({ domains: ['promotions'] })).toEqual({
        applied: ['promotions/0001_caps'],
        alreadyApplied: [ALL[0]],
      });
      expect((await tables()).filter((name) => name.startsWith('promotions_'))).toEqual([
        'promotions_cap_usage',
        'promotions_caps',
        'promotions_claim_entries',
        'promotions_claims',
      ]);
      expect(await storage.migrate({ domains: ['credit'] })).toEqual({
        applied: ['credit/0001_ledger'],
        alreadyApplied: [ALL[0]],
      });
      expect((await tables()).filter((name) => name.startsWith('credit_'))).toEqual([
        'credit_accounts',
        'credit_drawings',
        'credit_holds',
        'credit_lines',
        'credit_transfers',
      ]);
    });

    it('refuses to run when an applied migration was changed', async () => {
      const storage = open();
      await storage.migrate();
      await storage.sql.query(`UPDATE "${storage.schema}".schema_migrations SET checksum = 'edited'`);
      await expect(storage.migrate()).rejects.toMatchObject({
        code: 'MIGRATION_CHECKSUM_MISMATCH',
        details: { migration: 'core/0001_infrastructure', recorded: 'edited' },
      });
    });

    it('rejects bad schema names and unknown domains before touching the database', async () => {
      for (const schema of ['Bad', '1abc', 'a-b', 'pg_catalog', '', 'x'.repeat(64), 'a"; drop table x; --']) {
        expect(() => createPostgresStorage({ client, schema })).toThrow(ValidationError);
      }
      const storage = open();
      await expect(storage.migrate({ domains: ['core', 'nope'] })).rejects.toMatchObject({
        code: 'VALIDATION',
        issues: [{ path: ['domains', 1] }],
      });
      const { rows } = await storage.sql.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM information_schema.schemata WHERE schema_name = $1',
        [storage.schema],
      );
      expect(rows[0]?.n).toBe(0);
      expect(() => createPostgresStorage({ client: {} as PostgresClient })).toThrow(/pg.Pool or a PGlite/);
    });

    it('runs a nested transaction as a savepoint', async () => {
      const storage = open();
      await storage.migrate();
      const kept = testEvent('kept', {});
      await storage.transaction(async (tx) => {
        await tx.events.append([kept]);
        await expect(
          storage.transaction(async (inner) => {
            await inner.events.append([testEvent('undone', {})]);
            throw new Error('inner');
          }),
        ).rejects.toThrow('inner');
      });
      const page = await storage.events.since(null);
      expect(page.events.map((event) => event.id)).toEqual([kept.id]);
    });

    it('reads through the open transaction when called inside one', async () => {
      const storage = open();
      await storage.migrate();
      const event = testEvent('own', {});
      const seen = await storage.transaction(async (tx) => {
        await tx.events.append([event]);
        return storage.events.since(null);
      });
      expect(seen.events.map((stored) => stored.id)).toEqual([event.id]);
    });
  });
}

const serverUrl = process.env.S2B2B_PG_URL;
describe.runIf(serverUrl)('postgres server: concurrency', () => {
  const target = testTargets().find((candidate) => candidate.name === 'postgres')!;
  let client: PostgresClient;
  let storage: PostgresStorage;
  beforeAll(async () => {
    client = await target.connect();
    storage = createPostgresStorage({ client, schema: freshSchema() });
    await storage.migrate();
  });
  afterAll(async () => {
    await dropSchema(client, storage.schema);
    await target.release(client);
  });

  it('never lets a reader skip an event whose transaction commits after a later one', async () => {
    const start = (await storage.events.since(null, 10_000)).cursor;
    let appended!: () => void;
    let release!: () => void;
    const appendedA = new Promise<void>((resolve) => {
      appended = resolve;
    });
    const releaseA = new Promise<void>((resolve) => {
      release = resolve;
    });
    const a = testEvent('first-drawn', {});
    const b = testEvent('second-drawn', {});
    // A draws the smaller id and stays open; B draws the larger id and commits first.
    const txA = storage.transaction(async (tx) => {
      await tx.events.append([a]);
      appended();
      await releaseA;
    });
    await appendedA;
    await storage.transaction((tx) => tx.events.append([b]));
    const reader = storage.events.since(start, 100);
    setTimeout(release, 50);
    const firstPage = await reader;
    await txA;
    const rest = await storage.events.since(firstPage.cursor, 100);
    const ids = [...firstPage.events, ...rest.events].map((event) => event.id);
    expect(ids).toEqual([a.id, b.id]);
  });

  it('retries a serialization failure by running the whole transaction again', async () => {
    await storage.sql.exec(
      `CREATE TABLE "${storage.schema}".oncall (doctor text PRIMARY KEY, on_duty boolean)`,
    );
    await storage.sql.exec(`INSERT INTO "${storage.schema}".oncall VALUES ('alice', true), ('bob', true)`);
    let attempts = 0;
    let bothRead!: () => void;
    let reads = 0;
    const barrier = new Promise<void>((resolve) => {
      bothRead = resolve;
    });
    // Write skew: each sees two doctors on duty and takes itself off; serializable must abort one.
    const goOffDuty = (doctor: string) =>
      storage.transaction(
        async () => {
          attempts += 1;
          const { rows } = await storage.sql.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM "${storage.schema}".oncall WHERE on_duty`,
          );
          reads += 1;
          if (reads >= 2) bothRead();
          await barrier;
          if ((rows[0]?.n ?? 0) < 2) return false;
          await storage.sql.query(`UPDATE "${storage.schema}".oncall SET on_duty = false WHERE doctor = $1`, [
            doctor,
          ]);
          return true;
        },
        { isolation: 'serializable' },
      );
    const results = await Promise.all([goOffDuty('alice'), goOffDuty('bob')]);
    expect(results.sort()).toEqual([false, true]);
    expect(attempts).toBe(3);
    const { rows } = await storage.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "${storage.schema}".oncall WHERE on_duty`,
    );
    expect(rows[0]?.n).toBe(1);
  });
});

describe('migrationSql', () => {
  it('substitutes the quoted schema and lists core first', () => {
    const migrations = migrationSql({ schema: 'tenant_a' });
    expect(migrations.map((migration) => migration.id)).toEqual(['core/0001_infrastructure']);
    expect(migrations[0]?.sql).toContain('CREATE SCHEMA IF NOT EXISTS "tenant_a";');
    expect(migrations[0]?.sql).toContain('CREATE TABLE "tenant_a".idempotency_records');
    expect(migrations[0]?.sql).not.toContain('{{schema}}');
    expect(migrations[0]?.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(migrationSql({ schema: 'other' })[0]?.checksum).toBe(migrations[0]?.checksum);
    expect(() => migrationSql({ schema: 'Bad Name' })).toThrow(ValidationError);
    expect(() => migrationSql({ domains: ['unknown'] })).toThrow(ValidationError);
    const withInventory = migrationSql({ schema: 'tenant_a', domains: ['inventory'] });
    expect(withInventory.map((migration) => migration.id)).toEqual([
      'core/0001_infrastructure',
      'inventory/0001_stock',
    ]);
    expect(withInventory[1]?.sql).toContain('CREATE TABLE "tenant_a".inventory_movements');
    expect(withInventory[1]?.sql).not.toContain('{{schema}}');
  });
});

describe('createPgliteStorage', () => {
  it('keeps its data in the data directory across reopening', async () => {
    const dir = mkdtempSync(join(tmpdir(), 's2b2b-pglite-'));
    try {
      const event = testEvent('persisted', { n: 1 });
      const first = await createPgliteStorage({ dataDir: dir });
      await first.transaction((tx) => tx.events.append([event]));
      await first.close();
      const second = await createPgliteStorage({ dataDir: dir });
      const page = await second.events.since(null);
      await second.close();
      expect(page.events.map((stored) => stored.id)).toEqual([event.id]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects a bad data directory', async () => {
    await expect(createPgliteStorage({ dataDir: '' })).rejects.toSatisfy((error: unknown) =>
      isS2b2bError(error, 'VALIDATION'),
    );
  });
});
