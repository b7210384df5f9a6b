/**
 * Automatic ETS side by side, in one process, with the npm package `@bsull/augurs` (Rust
 * compiled to WebAssembly; its AutoETS has no seasonal models), on all 3,003 M3 series with both
 * restricted to non-seasonal models, and on the Yearly and Other series, which are non-seasonal.
 * Run: `pnpm bench m3-augurs`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AutoETS, initSync } from '@bsull/augurs/ets';
import { autoEts } from '../src/index.ts';
import { loadM3, type M3Series } from './m3-data.ts';
import { scoreM3Forecasts } from './m3-evaluate.ts';

const require = createRequire(import.meta.url);
// the WebAssembly module sits beside the package's `ets.js` (it is not an exported path)
initSync({ module: readFileSync(join(dirname(require.resolve('@bsull/augurs/ets')), 'ets_bg.wasm')) });

type Runner = (train: number[], horizon: number) => number[];
const runners: { name: string; run: Runner }[] = [
  {
    name: '`autoEts` (ours), non-seasonal',
    run: (y, h) => autoEts(y, h, { seasonLength: 1, level: [] }).mean,
  },
  {
    name: '`@bsull/augurs` 0.10.2 `AutoETS(1, "ZZN")`',
    run: (y, h) => {
      const model = new AutoETS(1, 'ZZN');
      model.fit(Float64Array.from(y));
      const { point } = model.predict(h);
      model.free();
      return point;
    },
  },
];

function measure(series: readonly M3Series[], run: Runner): { seconds: number; smape: number; mase: number } {
  const started = performance.now();
  const forecasts = new Map<string, number[]>();
  for (const s of series)
    forecasts.set(
      s.id,
      run(s.train, s.horizon).map((v) => Math.max(0, v)),
    );
  const seconds = (performance.now() - started) / 1000;
  const score = scoreM3Forecasts('x', series, forecasts);
  return { seconds, smape: score.overall.smape, mase: score.overall.mase };
}

const all = loadM3();
const sets: { name: string; series: M3Series[] }[] = [
  { name: 'all 3,003 (non-seasonal models only)', series: all },
  {
    name: 'Yearly + Other (819)',
    series: all.filter((s) => s.category === 'Yearly' || s.category === 'Other'),
  },
];
console.log('| series | implementation | sMAPE | MASE | seconds | series/s |');
console.log('|---|---|---:|---:|---:|---:|');
for (const set of sets) {
  for (const runner of runners) {
    const { seconds, smape, mase } = measure(set.series, runner.run);
    console.log(
      `| ${set.name} | ${runner.name} | ${smape.toFixed(2)} | ${mase.toFixed(3)} | ${seconds.toFixed(2)} | ${Math.round(set.series.length / seconds).toLocaleString('en-US')} |`,
    );
  }
}
