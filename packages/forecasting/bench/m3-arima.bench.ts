/**
 * `autoArima` on all 3,003 M3 series beside the published Box–Jenkins automatic forecasts (B-J auto),
 * and on every fifth series beside R forecast 8.20 `auto.arima` (its forecasts in
 * `data/m3/reference/M3-R-auto_arima-every5.csv`, made by `data/m3/reference/make-r-auto-arima.R`). Run: `pnpm bench m3-arima`.
 */
import { readFileSync } from 'node:fs';
import { autoArima } from '../src/index.ts';
import { loadM3, M3_CATEGORIES, type M3Category, type M3Series } from './m3-data.ts';
import { formatM3Tables, type M3Score, scoreM3Forecasts, scorePublishedMethod } from './m3-evaluate.ts';

type Run = {
  name: string;
  forecasts: Map<string, number[]>;
  models: Map<string, string>;
  /** Wall-clock seconds per category. */
  seconds: Record<string, number>;
  /** CPU seconds (user + system) per category: steadier than wall time on a shared machine. */
  cpu: Record<string, number>;
};

function run(name: string, series: readonly M3Series[], approximation?: boolean): Run {
  const forecasts = new Map<string, number[]>();
  const models = new Map<string, string>();
  const seconds: Record<string, number> = {};
  const cpu: Record<string, number> = {};
  for (const s of series) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const fit = autoArima(s.train, s.horizon, {
      seasonLength: s.seasonLength,
      level: [],
      ...(approximation === undefined ? {} : { approximation }),
    });
    seconds[s.category] = (seconds[s.category] ?? 0) + (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpuStarted);
    cpu[s.category] = (cpu[s.category] ?? 0) + (used.user + used.system) / 1e6;
    forecasts.set(s.id, fit.mean);
    models.set(s.id, fit.model);
  }
  return { name, forecasts, models, seconds, cpu };
}

/** R's forecasts and chosen models: `id,"model",loglik,aicc,F1..F18`. */
function loadR(): { forecasts: Map<string, number[]>; models: Map<string, string> } {
  const text = readFileSync(
    new URL('./data/m3/reference/M3-R-auto_arima-every5.csv', import.meta.url),
    'utf8',
  );
  const forecasts = new Map<string, number[]>();
  const models = new Map<string, string>();
  for (const line of text.split(/\r?\n/).slice(1)) {
    const match = /^([^,]+),"([^"]*)",[^,]*,[^,]*,(.*)$/.exec(line);
    if (!match) continue;
    const [, id, model, rest] = match as unknown as [string, string, string, string];
    models.set(id, model);
    forecasts.set(
      id,
      rest
        .split(',')
        .filter((cell) => cell !== '')
        .map(Number),
    );
  }
  return { forecasts, models };
}

const series = loadM3();
// Warm up the JIT on a few series of each kind before timing.
for (const category of M3_CATEGORIES) {
  for (const s of series.filter((x) => x.category === category).slice(0, 20)) {
    autoArima(s.train, s.horizon, { seasonLength: s.seasonLength, level: [] });
  }
}
const defaults = run('autoArima', series);
const exact = run('autoArima, exact search (approximation: false)', series, false);
const published = ['B_J_auto', 'THETA', 'ForecastPro', 'AutoBox2', 'NAIVE2'].map((m) =>
  scorePublishedMethod(m, series),
);
const naive2 = published.find((p) => p.method === 'NAIVE2')!;
const ours: M3Score[] = [defaults, exact].map((r) => scoreM3Forecasts(r.name, series, r.forecasts));

console.log(`M3: ${series.length} series; autoArima beside the published forecasts of the same series\n`);
console.log(formatM3Tables([...ours, ...published], { naive2 }));

console.log('\n### Speed (one thread, all 3,003 series; CPU seconds per category, wall-clock total)\n');
console.log(`| run | ${M3_CATEGORIES.join(' | ')} | CPU s | wall s | series/s (CPU) | ms/series (CPU) |`);
console.log(`|---|${M3_CATEGORIES.map(() => '---:').join('|')}|---:|---:|---:|---:|`);
for (const r of [defaults, exact]) {
  const total = Object.values(r.cpu).reduce((a, b) => a + b, 0);
  const wall = Object.values(r.seconds).reduce((a, b) => a + b, 0);
  console.log(
    `| ${r.name} | ${M3_CATEGORIES.map((c) => (r.cpu[c] ?? 0).toFixed(2)).join(' | ')} | ${total.toFixed(2)} | ${wall.toFixed(2)} | ${Math.round(series.length / total)} | ${((1000 * total) / series.length).toFixed(2)} |`,
  );
}

// Every fifth series: R forecast 8.20 auto.arima beside ours.
const r = loadR();
const subset = series.filter((s) => r.forecasts.has(s.id));
const rScore = scoreM3Forecasts('R forecast 8.20 auto.arima', subset, r.forecasts);
const subsetScores = [
  rScore,
  scoreM3Forecasts('autoArima', subset, defaults.forecasts),
  scoreM3Forecasts('autoArima, exact search', subset, exact.forecasts),
  scorePublishedMethod('B_J_auto', subset),
];
console.log(`\n### Every fifth series (${subset.length}): beside R forecast 8.20 auto.arima\n`);
console.log(formatM3Tables(subsetScores, { naive2: scorePublishedMethod('NAIVE2', subset) }));
console.log('\n| run | same model as R | ' + M3_CATEGORIES.join(' | ') + ' |');
console.log(`|---|---:|${M3_CATEGORIES.map(() => '---:').join('|')}|`);
for (const run of [defaults, exact]) {
  const same = (c?: M3Category) => {
    const ids = subset.filter((s) => c === undefined || s.category === c);
    const n = ids.filter((s) => run.models.get(s.id) === r.models.get(s.id)).length;
    return `${((100 * n) / ids.length).toFixed(0)} %`;
  };
  console.log(`| ${run.name} | ${same()} | ${M3_CATEGORIES.map((c) => same(c)).join(' | ')} |`);
}
