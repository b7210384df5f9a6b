/**
 * The package's models on all 3,003 M3 series, scored with the package's metrics beside the
 * published M3 forecasts of the same series and, where committed, R forecast 8.20's `ets` run on
 * the same data. Speed: each model on one thread, then `auto` through `forecastMany` on two
 * worker threads (the CI machine has two cores). Run: `pnpm bench m3-models`;
 * `M3_BENCH_MODELS=auto,theta pnpm bench m3-models` runs only the models whose names start so.
 */
import { availableParallelism } from 'node:os';
import {
  autoArima,
  autoEts,
  damped,
  dynamicOptimizedTheta,
  forecast,
  forecastMany,
  holt,
  naive2,
  optimizedTheta,
  ses,
  theta,
  withSeasonalAdjustment,
} from '../src/index.ts';
import { loadM3, loadReferenceForecasts, M3_CATEGORIES } from './m3-data.ts';
import { formatM3Tables, type M3Score, scoreM3Forecasts, scorePublishedMethod } from './m3-evaluate.ts';

type Candidate = { name: string; run: (train: number[], horizon: number, seasonLength: number) => number[] };

const clip = (values: readonly number[]) => values.map((value) => Math.max(0, value));
const seasonalSes = withSeasonalAdjustment(ses);
const seasonalHolt = withSeasonalAdjustment(holt);
const seasonalDamped = withSeasonalAdjustment(damped);
const candidates: Candidate[] = [
  { name: 'naive2 (ours)', run: (y, h, m) => naive2(y, h, { seasonLength: m }).mean },
  { name: 'ses (ours)', run: (y, h, m) => seasonalSes(y, h, { seasonLength: m }).mean },
  { name: 'holt (ours)', run: (y, h, m) => clip(seasonalHolt(y, h, { seasonLength: m }).mean) },
  { name: 'damped (ours)', run: (y, h, m) => clip(seasonalDamped(y, h, { seasonLength: m }).mean) },
  { name: 'theta (ours)', run: (y, h, m) => theta(y, h, { seasonLength: m }).mean },
  { name: 'otm (ours)', run: (y, h, m) => clip(optimizedTheta(y, h, { seasonLength: m }).mean) },
  { name: 'dotm (ours)', run: (y, h, m) => clip(dynamicOptimizedTheta(y, h, { seasonLength: m }).mean) },
  { name: 'ets (ours)', run: (y, h, m) => clip(autoEts(y, h, { seasonLength: m, level: [] }).mean) },
  { name: 'arima (ours)', run: (y, h, m) => clip(autoArima(y, h, { seasonLength: m, level: [] }).mean) },
  { name: 'auto (ours)', run: (y, h, m) => forecast(y, { horizon: h, seasonLength: m }).mean },
];

const only = process.env.M3_BENCH_MODELS?.split(',').map((name) => name.trim());
if (only)
  candidates.splice(
    0,
    candidates.length,
    ...candidates.filter((c) => only.some((o) => c.name.startsWith(o))),
  );

const series = loadM3();
const ours: M3Score[] = [];
// CPU seconds (all threads of the process) beside wall seconds: on a shared machine the CPU time
// is the steadier figure; series/s is from the wall time.
const timing: string[] = ['| model | wall s | CPU s | series/s |', '|---|---:|---:|---:|'];
const speedRow = (name: string, seconds: number, cpu: NodeJS.CpuUsage) =>
  `| ${name} | ${seconds.toFixed(2)} | ${((cpu.user + cpu.system) / 1e6).toFixed(2)} | ${Math.round(series.length / seconds).toLocaleString('en-US')} |`;
let autoForecasts: Map<string, number[]> | undefined;
for (const candidate of candidates) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const forecasts = new Map<string, number[]>();
  for (const s of series) forecasts.set(s.id, candidate.run(s.train, s.horizon, s.seasonLength));
  timing.push(
    speedRow(`${candidate.name}, one thread`, (performance.now() - started) / 1000, process.cpuUsage(cpu)),
  );
  ours.push(scoreM3Forecasts(candidate.name, series, forecasts));
  if (candidate.name.startsWith('auto')) autoForecasts = forecasts;
}

// `auto` on worker threads: one batch per category (each has its own horizon).
const workers = 2;
const started = performance.now();
const cpu = process.cpuUsage();
const threaded = new Map<string, number[]>();
for (const category of M3_CATEGORIES) {
  const batch = series.filter((s) => s.category === category);
  const results = await forecastMany(
    batch.map((s) => ({ id: s.id, y: s.train, seasonLength: s.seasonLength })),
    { horizon: batch[0]!.horizon, workers },
  );
  for (const result of results) threaded.set(result.id, result.mean);
}
timing.push(
  speedRow(
    `auto (ours), forecastMany on ${workers} worker threads`,
    (performance.now() - started) / 1000,
    process.cpuUsage(cpu),
  ),
);
const identical = [...threaded].every(
  ([id, mean]) => JSON.stringify(mean) === JSON.stringify(autoForecasts?.get(id)),
);

const published = [
  'THETA',
  'ForecastPro',
  'COMB_S_H_D',
  'B_J_auto',
  'DAMPEN',
  'SINGLE',
  'HOLT',
  'NAIVE2',
].map((method) => scorePublishedMethod(method, series));
const reference = loadReferenceForecasts('R-ets');
const references = reference ? [scoreM3Forecasts('R forecast::ets (8.20)', series, reference)] : [];
const naive2Published = published.find((score) => score.method === 'NAIVE2')!;
console.log(`M3: ${series.length} series; ours beside the published forecasts of the same series\n`);
console.log(formatM3Tables([...ours, ...references, ...published], { naive2: naive2Published }));
console.log(`\n### Speed (3,003 series, ${availableParallelism()} cores)\n`);
console.log(timing.join('\n'));
console.log(`\nThreaded forecasts identical to the single-thread ones: ${identical}`);
