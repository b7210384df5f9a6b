/**
 * Draws per second through the credit service, each checked against its line's limit by the
 * store: on one hot line (every draw queues on the same principal account) and spread over many
 * lines, with 1 and 32 callers in flight. Memory and PGlite always; the PostgreSQL server when
 * S2B2B_PG_URL is set (a fresh schema, dropped afterwards). Run: `pnpm bench draws`.
 */
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { createMemoryStorage } from '@s2b2b/storage-memory';
import { createPostgresStorage } from '@s2b2b/storage-postgres';
import pg from 'pg';
import { type CreditStorage, createCreditService } from '../src/index.ts';

const OPS = 1_000;
const LINES = 64;

interface Target {
  name: string;
  open(): Promise<{ storage: CreditStorage; close(): Promise<void> }>;
}

const targets: Target[] = [
  { name: 'memory', open: async () => ({ storage: createMemoryStorage(), close: async () => {} }) },
  {
    name: 'PGlite (in memory)',
    open: async () => {
      const db = await PGlite.create();
      const storage = createPostgresStorage({ client: db, schema: 'bench' });
      await storage.migrate({ domains: ['credit'] });
      return { storage, close: () => db.close() };
    },
  },
];
const url = process.env.S2B2B_PG_URL;
if (url) {
  targets.push({
    name: 'PostgreSQL server (pool of 32)',
    open: async () => {
      const pool = new pg.Pool({ connectionString: url, max: 32 });
      const schema = `s2b2b_bench_${randomBytes(4).toString('hex')}`;
      const storage = createPostgresStorage({ client: pool, schema });
      await storage.migrate({ domains: ['credit'] });
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

/**
 * Runs `count` tasks with at most `limit` in flight; returns throughput, latency percentiles (ms)
 * and this process's CPU time per task (ms) — which, unlike the wall clock, other jobs on the
 * machine do not inflate (for the server it leaves out the server's own work).
 */
async function run(count: number, limit: number, task: (index: number) => Promise<unknown>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
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
  const used = process.cpuUsage(cpu);
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return {
    perSecond: (count / wall) * 1000,
    p50: at(0.5),
    p99: at(0.99),
    cpuMs: (used.user + used.system) / 1000 / count,
  };
}

console.log('| storage | lines | callers | draws/s | p50 ms | p99 ms | CPU ms/draw |');
console.log('|---|---|---:|---:|---:|---:|---:|');
for (const target of targets) {
  const { storage, close } = await target.open();
  try {
    const credit = createCreditService({ storage });
    const lines = Array.from({ length: LINES }, (_, index) => `L-${index}`);
    for (const lineId of lines) {
      await credit.openLine({
        idempotencyKey: `open-${lineId}`,
        lineId,
        merchantId: lineId,
        limit: '10000000.00',
      });
    }
    for (const [spread, callers] of [
      ['one hot line', 1],
      ['one hot line', 32],
      [`${LINES} lines`, 1],
      [`${LINES} lines`, 32],
    ] as const) {
      const tag = `${spread}-${callers}`;
      const result = await run(OPS, callers, (index) =>
        credit.draw({
          idempotencyKey: `${tag}-${index}`,
          lineId: spread === 'one hot line' ? lines[0]! : lines[index % LINES]!,
          product: 'purchase',
          amount: '1.00',
        }),
      );
      console.log(
        `| ${target.name} | ${spread} | ${callers} | ${result.perSecond.toFixed(0)} | ${result.p50.toFixed(2)} | ${result.p99.toFixed(2)} | ${result.cpuMs.toFixed(2)} |`,
      );
    }
    const line = await credit.getLine(lines[0]!);
    // the hot line drew in both hot workloads and got every LINES-th draw of the spread ones
    if (line?.drawn.amount !== `${OPS * 2 + 2 * Math.ceil(OPS / LINES)}.00`) {
      throw new Error(`the hot line drew ${line?.drawn.amount}, not what the workloads asked for`);
    }
  } finally {
    await close();
  }
}
console.log(
  `\n${OPS} draws of 1.00 per row. Each is one transaction: its idempotency record, the drawing, the transfer with ` +
    "the limit check on the line's principal account (on PostgreSQL one conditional UPDATE) and an outbox event.",
);
