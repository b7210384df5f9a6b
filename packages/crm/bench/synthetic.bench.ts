/**
 * The 1M-transaction pipeline on a seeded synthetic set: 100,000 customers drawn from BG/NBD
 * over two years (about ten purchases each), amounts in cents; summary → RFM scores and
 * segments → BG/NBD fit → P(alive), expected purchases and 12-month CLV for every customer.
 * Run: `pnpm bench crm/bench/synthetic`.
 */
import { createRng } from '@s2b2b/core';
import {
  bgNbdProbabilityAlive,
  customerLifetimeValue,
  fitBgNbd,
  rfmScores,
  rfmValuesFromSummary,
  segmentCustomers,
  simulateBgNbd,
  summarizeCustomers,
} from '../src/index.ts';
import { HEADER, measure, row } from './measure.ts';

const TRUE = { r: 2, alpha: 12.5, a: 1.2, b: 16 };
const START = Date.UTC(2024, 0, 1) - 8 * 3_600_000; // midnight in Shanghai
const rng = createRng('crm-synthetic');
const purchases = simulateBgNbd({
  params: TRUE,
  customers: 100_000,
  days: 730,
  acquisitionDays: 180,
  unitDays: 7,
  seed: 20260301,
});
const transactions = purchases.map((p) => ({
  customerId: p.customerId,
  date: new Date(START + p.day * 86_400_000 + rng.int(0, 86_399) * 1000),
  amount: Math.round(rng.uniform(5, 400) * 100) / 100,
}));
const end = new Date(START + 729 * 86_400_000);

const started = performance.now();
const summary = measure(() => summarizeCustomers(transactions, { observationEnd: end, timeUnit: 'week' }));
const table = summary.value;
const rfm = measure(() => segmentCustomers(rfmScores(rfmValuesFromSummary(table))));
const fit = measure(() => fitBgNbd(table.customers));
const scoring = measure(() => {
  const model = { kind: 'bg-nbd' as const, params: fit.value.params };
  let alive = 0;
  let clv = 0;
  for (const c of table.customers) {
    alive += bgNbdProbabilityAlive(model.params, c);
    clv += customerLifetimeValue({
      model,
      customer: c,
      spendPerPurchase: c.monetaryValue || 200,
      timeUnit: 'week',
    }).value;
  }
  return { alive, clv };
});
const total = (performance.now() - started) / 1000;

console.log(
  `### Synthetic: ${transactions.length.toLocaleString('en-US')} transactions, ${table.customers.length.toLocaleString('en-US')} customers (seeded)\n`,
);
console.log(HEADER.join('\n'));
console.log(
  row('summary (zone Asia/Shanghai, weeks)', `${transactions.length.toLocaleString('en-US')} rows`, summary),
);
console.log(row('RFM scores + segments', `${table.customers.length.toLocaleString('en-US')} customers`, rfm));
console.log(row('BG/NBD fit', `${fit.value.rows.toLocaleString('en-US')} distinct rows`, fit));
console.log(
  row(
    'P(alive) + 12-month CLV, every customer',
    `${table.customers.length.toLocaleString('en-US')} customers`,
    scoring,
  ),
);
console.log(`\nPipeline: ${total.toFixed(2)} s (goal < 10 s).`);
const p = fit.value.params;
console.log(
  `Recovered BG/NBD: r ${p.r.toFixed(3)}, α ${p.alpha.toFixed(3)}, a ${p.a.toFixed(3)}, b ${p.b.toFixed(3)} (true r ${TRUE.r}, α ${TRUE.alpha}, a ${TRUE.a}, b ${TRUE.b}).`,
);
