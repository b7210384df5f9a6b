/**
 * Intermittent-demand methods on seeded synthetic series of each Syntetos–Boylan class
 * (200 per class, 100 periods to fit, 28 to score), with the package's RMSSE, MASE and bias.
 * Run: `pnpm bench intermittent`.
 */
import { evaluateIntermittentMethods } from '../src/index.ts';

const started = performance.now();
const rows = evaluateIntermittentMethods({ seriesPerClass: 200, seed: 1 });
const seconds = (performance.now() - started) / 1000;
console.log('| class | method | RMSSE | MASE | bias |');
console.log('|---|---|---:|---:|---:|');
for (const row of rows) {
  console.log(
    `| ${row.class} | ${row.method} | ${row.rmsse.toFixed(3)} | ${row.mase.toFixed(3)} | ${row.bias.toFixed(3)} |`,
  );
}
console.log(`\n${rows.length} rows in ${seconds.toFixed(2)} s`);
