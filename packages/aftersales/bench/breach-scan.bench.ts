/**
 * The scheduler's breach scan on PostgreSQL: 1,000,000 open cases seeded with bulk SQL
 * (`INSERT … SELECT generate_series`; 80 % with a running clock, next breaches spread over 30
 * days), then `listDueCases({ kind: 'breach' })` for the next hour, page by page, with the
 * partial index `(next_breach_at, id) WHERE next_breach_at IS NOT NULL` and — side by side in
 * the same process — without it. Prints the query plans. Needs S2B2B_PG_URL (a fresh schema,
 * dropped afterwards); without it, runs on PGlite with 100,000 cases.
 * Run: `pnpm bench breach-scan`.
 */
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { createPostgresStorage, type PostgresStorage } from '@s2b2b/storage-postgres';
import pg from 'pg';

const url = process.env.S2B2B_PG_URL;
const CASES = url ? 1_000_000 : 100_000;
const PAGE = 500;
const RUNS = 200;
const NOW = new Date('2025-10-09T01:00:00.000Z');

async function open(): Promise<{ storage: PostgresStorage; name: string; close(): Promise<void> }> {
  if (url) {
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    const schema = `s2b2b_bench_${randomBytes(4).toString('hex')}`;
    const storage = createPostgresStorage({ client: pool, schema });
    await storage.migrate({ domains: ['aftersales'] });
    return {
      storage,
      name: 'PostgreSQL server',
      close: async () => {
        await pool.query(`DROP SCHEMA "${schema}" CASCADE`);
        await pool.end();
      },
    };
  }
  const db = await PGlite.create();
  const storage = createPostgresStorage({ client: db, schema: 'bench' });
  await storage.migrate({ domains: ['aftersales'] });
  return { storage, name: 'PGlite (in memory)', close: () => db.close() };
}

const { storage, name, close } = await open();
const table = `"${storage.schema}".aftersales_cases`;
try {
  const seeded = performance.now();
  // One statement per 100,000 rows: ids zero-padded (code-point order = numeric order); a fifth
  // of the cases have no running clock; the others' next breach is spread over 30 days from NOW.
  for (let start = 1; start <= CASES; start += 100_000) {
    const end = Math.min(CASES, start + 99_999);
    await storage.sql.query(
      `INSERT INTO ${table} (id, order_id, merchant_id, supplier_id, status, opened_at, next_due_at, next_breach_at,
         version, updated_at, data)
       SELECT 'case-' || lpad(g::text, 8, '0'), 'SO-' || g, 'M-' || (g % 5000), 'SUP-' || (g % 300),
              (ARRAY['open', 'in-progress', 'awaiting-merchant'])[1 + g % 3],
              $1::timestamptz - interval '1 day',
              CASE WHEN g % 5 = 0 THEN NULL ELSE $1::timestamptz + (hashint4(g) & 2147483647) % 2592000 * interval '1 second' - interval '2 hours' END,
              CASE WHEN g % 5 = 0 THEN NULL ELSE $1::timestamptz + (hashint4(g) & 2147483647) % 2592000 * interval '1 second' END,
              0, $1::timestamptz, jsonb_build_object('id', 'case-' || lpad(g::text, 8, '0'))
         FROM generate_series($2::int, $3::int) AS g`,
      [NOW.toISOString(), start, end],
    );
  }
  await storage.sql.query(`VACUUM ANALYZE ${table}`);
  const seedSeconds = (performance.now() - seeded) / 1000;
  const before = new Date(NOW.getTime() + 3_600_000);

  const measure = async () => {
    const latencies: number[] = [];
    let rows = 0;
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      rows = (await storage.aftersales.listDueCases({ kind: 'breach', before, limit: PAGE })).length;
      latencies.push(performance.now() - t0);
    }
    latencies.sort((a, b) => a - b);
    // The whole window, page by page with the cursor.
    const t0 = performance.now();
    let total = 0;
    let after: { at: Date; caseId: string } | undefined;
    for (;;) {
      const page = await storage.aftersales.listDueCases({
        kind: 'breach',
        before,
        limit: PAGE,
        ...(after ? { after } : {}),
      });
      total += page.length;
      if (page.length < PAGE) break;
      const last = page[page.length - 1]!;
      after = { at: last.at, caseId: last.caseId };
    }
    const sweep = performance.now() - t0;
    return {
      p50: latencies[Math.floor(RUNS / 2)]!,
      p99: latencies[Math.floor(RUNS * 0.99)]!,
      rows,
      total,
      sweep,
    };
  };
  const plan = async () => {
    const { rows } = await storage.sql.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
       SELECT id, next_breach_at AS at FROM ${table}
        WHERE next_breach_at IS NOT NULL AND next_breach_at <= $1::timestamptz
          AND ($2::timestamptz IS NULL OR (next_breach_at, id) > ($2::timestamptz, $3::text))
        ORDER BY next_breach_at, id LIMIT ${PAGE}`,
      [before.toISOString(), null, null],
    );
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  };

  const indexed = await measure();
  const indexedPlan = await plan();
  await storage.sql.query(`DROP INDEX "${storage.schema}".aftersales_cases_breach_idx`);
  const scanned = await measure();
  const scannedPlan = await plan();

  console.log(
    `${name}: ${CASES.toLocaleString('en-US')} open cases seeded in ${seedSeconds.toFixed(1)} s; window: breaches in the next hour\n`,
  );
  console.log(
    `| breach scan | first page (${PAGE}) p50 ms | p99 ms | cases in window | whole window, paged ms |`,
  );
  console.log('|---|---:|---:|---:|---:|');
  for (const [label, r] of [
    ['partial index (next_breach_at, id)', indexed],
    ['without the index', scanned],
  ] as const)
    console.log(
      `| ${label} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.total.toLocaleString('en-US')} | ${r.sweep.toFixed(1)} |`,
    );
  console.log(`\nfirst page ${(scanned.p50 / indexed.p50).toFixed(0)}× faster with the index\n`);
  console.log('With the index:\n```\n' + indexedPlan + '\n```\n\nWithout it:\n```\n' + scannedPlan + '\n```');
} finally {
  await close();
}
