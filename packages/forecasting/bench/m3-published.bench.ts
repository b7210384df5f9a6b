/**
 * Re-scores the 24 published M3 methods (robjhyndman/Mcomp `M3Forecast`) with the package's own
 * sMAPE / MASE code and checks the published anchors (Mcomp vignette "Comparisons", recalculated
 * values, and the per-category recomputation in docs). Run: `pnpm bench m3-published`.
 */
import { listPublishedMethods, loadM3 } from './m3-data.js';
import { formatM3Tables, type M3Score, scorePublishedMethod } from './m3-evaluate.js';

const started = performance.now();
const series = loadM3();
const scores = listPublishedMethods().map((method) => scorePublishedMethod(method, series));
const elapsed = performance.now() - started;
const byName = new Map(scores.map((score) => [score.method, score]));
const naive2 = byName.get('NAIVE2')!;

console.log(
  `M3: ${series.length} series, ${scores.length} published methods, scored in ${elapsed.toFixed(0)} ms\n`,
);
console.log(formatM3Tables(scores, { naive2 }));

type Anchor = {
  method: string;
  where: 'All' | 'Yearly' | 'Quarterly' | 'Monthly' | 'Other';
  metric: 'smape' | 'mase';
  expected: number;
  digits: number;
};
const anchors: Anchor[] = [
  { method: 'THETA', where: 'All', metric: 'smape', expected: 12.76, digits: 2 },
  { method: 'THETA', where: 'Yearly', metric: 'smape', expected: 16.97, digits: 2 },
  { method: 'THETA', where: 'Quarterly', metric: 'smape', expected: 8.96, digits: 2 },
  { method: 'THETA', where: 'Monthly', metric: 'smape', expected: 13.9, digits: 2 },
  { method: 'THETA', where: 'Other', metric: 'smape', expected: 4.41, digits: 2 },
  { method: 'THETA', where: 'All', metric: 'mase', expected: 1.395, digits: 3 },
  { method: 'ForecastPro', where: 'All', metric: 'smape', expected: 13.06, digits: 2 },
  { method: 'COMB_S_H_D', where: 'All', metric: 'smape', expected: 13.13, digits: 2 },
  { method: 'B_J_auto', where: 'All', metric: 'smape', expected: 13.72, digits: 2 },
  { method: 'SINGLE', where: 'All', metric: 'smape', expected: 13.92, digits: 2 },
  { method: 'NAIVE2', where: 'All', metric: 'smape', expected: 14.74, digits: 2 },
];

function value(score: M3Score, anchor: Anchor): number | undefined {
  const summary = anchor.where === 'All' ? score.overall : score.categories[anchor.where];
  return summary?.[anchor.metric];
}

console.log('\n### Published anchors\n');
console.log('| method | set | metric | published | ours | |\n|---|---|---|---:|---:|---|');
let failed = 0;
for (const anchor of anchors) {
  const score = byName.get(anchor.method);
  const ours = score ? value(score, anchor) : undefined;
  const ok = ours !== undefined && ours.toFixed(anchor.digits) === anchor.expected.toFixed(anchor.digits);
  if (!ok) failed++;
  console.log(
    `| ${anchor.method} | ${anchor.where} | ${anchor.metric === 'smape' ? 'sMAPE' : 'MASE'} | ${anchor.expected.toFixed(anchor.digits)} | ${ours === undefined ? '—' : ours.toFixed(anchor.digits)} | ${ok ? '✓' : '✗'} |`,
  );
}
console.log(`\n${anchors.length - failed}/${anchors.length} anchors match.`);
if (failed > 0) process.exitCode = 1;
