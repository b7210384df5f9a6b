// Idempotent commands per second on each adapter, side by side in one process: a command
// claims its key, appends one event and stores its outcome in one transaction.
import { randomUUID } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { type CoreStorage, runIdempotent } from '@s2b2b/core';
import { createMemoryStorage } from '@s2b2b/storage-memory';
import { createPostgresStorage } from '@s2b2b/storage-postgres';
import pg from 'pg';
import { measure, resultsTable } from './harness.ts';

const now = new Date('2026-03-01T08:00:00Z');
let counter = 0;
const command = (storage: CoreStorage) => {
  counter += 1;
  const key = `k-${counter}`;
  return runIdempotent(
    storage,
    { scope: 'bench.order', key, payload: { sku: 'TEA-01', qty: 3 }, now },
    async (tx) => {
      await tx.events.append([
        { id: randomUUID(), type: 'bench.placed', occurredAt: now, aggregateId: key, payload: { qty: 3 } },
      ]);
      return { ok: true };
    },
  );
};
const batch = (storage: CoreStorage, parallel: number) => () =>
  Promise.all(Array.from({ length: parallel }, () => command(storage)));

const targets: { name: string; storage: CoreStorage; close: () => Promise<void> }[] = [];
targets.push({ name: 'memory', storage: createMemoryStorage(), close: async () => {} });
const lite = await PGlite.create();
const liteStorage = createPostgresStorage({ client: lite, schema: 'bench' });
await liteStorage.migrate();
targets.push({ name: 'pglite', storage: liteStorage, close: () => lite.close() });
const url = process.env.S2B2B_PG_URL;
let schema: string | undefined;
let pool: pg.Pool | undefined;
if (url) {
  pool = new pg.Pool({ connectionString: url, max: 8 });
  schema = `s2b2b_bench_${process.pid}`;
  const server = createPostgresStorage({ client: pool, schema });
  await server.migrate();
  targets.push({ name: 'postgres server', storage: server, close: async () => {} });
}

for (const parallel of [1, 8]) {
  const results = [];
  for (const target of targets) {
    results.push(
      await measure(`${target.name}`, batch(target.storage, parallel), {
        opsPerCall: parallel,
        timeMs: 1_000,
      }),
    );
  }
  console.log(`### Idempotent commands, ${parallel} in flight\n`);
  console.log(resultsTable(results, 'memory'));
  console.log('');
}

const replay = [];
for (const target of targets) {
  await runIdempotent(
    target.storage,
    { scope: 'bench.replay', key: 'same', payload: {}, now },
    async () => 1,
  );
  replay.push(
    await measure(target.name, () =>
      runIdempotent(target.storage, { scope: 'bench.replay', key: 'same', payload: {}, now }, async () => 1),
    ),
  );
}
console.log('### Replays of a completed key\n');
console.log(resultsTable(replay, 'memory'));
if (!url) console.log('\n(set S2B2B_PG_URL to include a PostgreSQL server)');

for (const target of targets) await target.close();
if (pool && schema) {
  await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await pool.end();
}
