/**
 * The package's baseline models on all 3,003 M3 series, scored with the package's metrics
 * beside the published M3 forecasts of the same series. Run: `pnpm bench m3-models`.
 */
import { damped, forecast, holt, naive2, ses, theta, withSeasonalAdjustment } from '../src/index.ts';
import { loadM3 } from './m3-data.ts';
import { formatM3Tables, type M3Score, scoreM3Forecasts, scorePublishedMethod } from './m3-evaluate.ts';

type Candidate = { name: string; run: (train: number[], horizon: number, seasonLength: number) => number[] };

const seasonalSes = withSeasonalAdjustment(ses);
const seasonalHolt = withSeasonalAdjustment(holt);
const seasonalDamped = withSeasonalAdjustment(damped);
const candidates: Candidate[] = [
  { name: 'naive2 (ours)', run: (y, h, m) => naive2(y, h, { seasonLength: m }).mean },
  { name: 'ses (ours)', run: (y, h, m) => seasonalSes(y, h, { seasonLength: m }).mean },
  { name: 'holt (ours)', run: (y, h, m) => seasonalHolt(y, h, { seasonLength: m }).mean },
  { name: 'damped (ours)', run: (y, h, m) => seasonalDamped(y, h, { seasonLength: m }).mean },
  { name: 'theta (ours)', run: (y, h, m) => theta(y, h, { seasonLength: m }).mean },
  { name: 'auto (ours)', run: (y, h, m) => forecast(y, { horizon: h, seasonLength: m }).mean },
];

const series = loadM3();
const ours: M3Score[] = [];
const timing: string[] = ['| model | seconds | series/s |', '|---|---:|---:|'];
for (const candidate of candidates) {
  const started = performance.now();
  const forecasts = new Map<string, number[]>();
  for (const s of series) forecasts.set(s.id, candidate.run(s.train, s.horizon, s.seasonLength));
  const seconds = (performance.now() - started) / 1000;
  timing.push(`| ${candidate.name} | ${seconds.toFixed(2)} | ${Math.round(series.length / seconds)} |`);
  ours.push(scoreM3Forecasts(candidate.name, series, forecasts));
}
const published = ['THETA', 'COMB_S_H_D', 'DAMPEN', 'SINGLE', 'HOLT', 'NAIVE2'].map((method) =>
  scorePublishedMethod(method, series),
);
const naive2Published = published.find((score) => score.method === 'NAIVE2')!;
console.log(`M3: ${series.length} series; ours beside the published forecasts of the same series\n`);
console.log(formatM3Tables([...ours, ...published], { naive2: naive2Published }));
console.log('\n### Speed (one thread, 3,003 series)\n');
console.log(timing.join('\n'));
