/**
 * Throughput of the stock service on each storage: reservations against one hot position (one
 * at a time, and 50 in flight), and multi-warehouse `fewest-splits` reservations over 5
 * warehouses × 3 SKUs with 50 in flight. Memory and PGlite always; the PostgreSQL server when
 * S2B2B_PG_URL is set (a fresh schema, dropped afterwards). Run: `pnpm bench reservations`.
 */
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { createMemoryStorage } from '@s2b2b/storage-memory';
import { createPostgresStorage } from '@s2b2b/storage-postgres';
import pg from 'pg';
import { createInventoryService, type InventoryStorage } from '../src/index.ts';

const OPS = 500;
const IN_FLIGHT = 50;

interface Target {
  name: string;
  open(): Promise<{ storage: InventoryStorage; close(): Promise<void> }>;
}

const targets: Target[] = [
  { name: 'memory', open: async () => ({ storage: createMemoryStorage(), close: async () => {} }) },
  {
    name: 'PGlite (in memory)',
    open: async () => {
      const db = await PGlite.create();
      const storage = createPostgresStorage({ client: db, schema: 'bench' });
      await storage.migrate({ domains: ['inventory'] });
      return { storage, close: () => db.close() };
    },
  },
];
const url = process.env.S2B2B_PG_URL;
if (url) {
  targets.push({
    name: 'PostgreSQL server (pool of 8)',
    open: async () => {
      const pool = new pg.Pool({ connectionString: url, max: 8 });
      const schema = `s2b2b_bench_${randomBytes(4).toString('hex')}`;
      const storage = createPostgresStorage({ client: pool, schema });
      await storage.migrate({ domains: ['inventory'] });
      return {
        storage,
        close: async () => {
          await pool.query(`DROP SCHEMA "${schema}" CASCADE`);
          await pool.end();
        },
      };
    },
  });
}

/** Runs `count` tasks with at most `limit` in flight; returns per-task latencies (ms) and the wall time. */
async function run(count: number, limit: number, task: (index: number) => Promise<unknown>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      const index = next++;
      const t0 = performance.now();
      await task(index);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  const wall = performance.now() - started;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { perSecond: (count / wall) * 1000, p50: at(0.5), p99: at(0.99) };
}

console.log(`| storage | workload | reservations/s | p50 ms | p99 ms |`);
console.log('|---|---|---:|---:|---:|');
for (const target of targets) {
  const { storage, close } = await target.open();
  try {
    const stock = createInventoryService({ storage });
    const warehouses = ['W1', 'W2', 'W3', 'W4', 'W5'];
    for (const id of warehouses) {
      await stock.saveWarehouse({ idempotencyKey: `wh-${id}`, warehouseId: id });
      await stock.receive({
        idempotencyKey: `grn-${id}`,
        warehouseId: id,
        lines: ['A', 'B', 'C'].map((sku) => ({ sku, quantity: 1_000_000 })),
      });
    }
    const workloads = [
      {
        name: 'one position, one at a time',
        limit: 1,
        task: (i: number) =>
          stock.reserve({
            idempotencyKey: `s-${i}`,
            orderId: `s-${i}`,
            warehouseId: 'W1',
            lines: [{ sku: 'A', quantity: 1 }],
          }),
      },
      {
        name: `one position, ${IN_FLIGHT} in flight`,
        limit: IN_FLIGHT,
        task: (i: number) =>
          stock.reserve({
            idempotencyKey: `p-${i}`,
            orderId: `p-${i}`,
            warehouseId: 'W1',
            lines: [{ sku: 'A', quantity: 1 }],
          }),
      },
      {
        name: `fewest-splits, 5 warehouses × 3 SKUs, ${IN_FLIGHT} in flight`,
        limit: IN_FLIGHT,
        task: (i: number) =>
          stock.reserve({
            idempotencyKey: `m-${i}`,
            orderId: `m-${i}`,
            lines: ['A', 'B', 'C'].map((sku) => ({ sku, quantity: 1 + (i % 3) })),
            sourcing: {
              rule: 'fewest-splits',
              warehouses: warehouses.map((warehouseId) => ({ warehouseId })),
            },
          }),
      },
    ];
    for (const workload of workloads) {
      const result = await run(OPS, workload.limit, workload.task);
      console.log(
        `| ${target.name} | ${workload.name} | ${result.perSecond.toFixed(0)} | ${result.p50.toFixed(2)} | ${result.p99.toFixed(2)} |`,
      );
    }
  } finally {
    await close();
  }
}
console.log(
  `\n${OPS} reservations per workload; each is one transaction with its idempotency record, ledger rows and outbox event.`,
);
