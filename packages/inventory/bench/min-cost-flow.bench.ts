/**
 * `minCostFlow` (network simplex) side by side with HiGHS (the `highs` npm package, HiGHS compiled
 * to WebAssembly, solving the same problem as an LP) in one process, on seeded transportation
 * instances: 200×200 dense, 1000×1000 dense (1M arcs) and 2000×2000 sparse (each receiver linked
 * to its 20 nearest donors, plus a penalty source). Times are wall-clock and include building the
 * model (HiGHS) and validating the input (ours); ours is the best of 7 runs after a warm-up,
 * HiGHS the best of 3 (one run on the 1M-arc instance, after a warm-up solve of a small one).
 * The CPU-time ratio (process user + system time, both single-threaded) is shown too, since it
 * varies less than wall time on a shared machine.
 * Run: `pnpm bench min-cost-flow`.
 */
import { minCostFlow } from '../src/index.ts';
import { highs, solveFlowWithHighs } from '../test/highs.ts';
import { transportInstance } from './transport-instances.ts';

const h = await highs();
solveFlowWithHighs(h, transportInstance(30, 30, 99).problem); // JIT / WASM warm-up

const cases = [
  { donors: 200, receivers: 200, nearest: undefined, highsRuns: 3 },
  { donors: 1000, receivers: 1000, nearest: undefined, highsRuns: 1 },
  { donors: 2000, receivers: 2000, nearest: 20, highsRuns: 3 },
] as const;

/** Wall-clock and CPU (user + system) milliseconds of one call. */
const time = <T>(fn: () => T): { value: T; ms: number; cpu: number } => {
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const value = fn();
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  return { value, ms, cpu: (cpu.user + cpu.system) / 1000 };
};

const rows: string[] = [];
let failed = false;
for (const c of cases) {
  const instance = transportInstance(c.donors, c.receivers, 1, c.nearest);
  const p = instance.problem;
  minCostFlow(p); // warm-up
  let ours = Number.POSITIVE_INFINITY;
  let oursCpu = Number.POSITIVE_INFINITY;
  let result = minCostFlow(p);
  for (let run = 0; run < 7; run++) {
    const t = time(() => minCostFlow(p));
    ours = Math.min(ours, t.ms);
    oursCpu = Math.min(oursCpu, t.cpu);
    result = t.value;
  }
  let theirs = Number.POSITIVE_INFINITY;
  let theirsCpu = Number.POSITIVE_INFINITY;
  let reference = { status: '', objective: Number.NaN };
  for (let run = 0; run < c.highsRuns; run++) {
    const t = time(() => solveFlowWithHighs(h, p));
    theirs = Math.min(theirs, t.ms);
    theirsCpu = Math.min(theirsCpu, t.cpu);
    reference = t.value;
  }
  const same =
    result.status === 'optimal' &&
    reference.status === 'optimal' &&
    result.cost === Math.round(reference.objective);
  if (!same) failed = true;
  rows.push(
    `| ${instance.name} | ${p.from.length.toLocaleString('en-US')} | ${result.cost.toLocaleString('en-US')} | ${reference.objective.toLocaleString('en-US')} | ${same ? '✓' : '✗'} | ${ours.toFixed(1)} | ${theirs.toFixed(0)} | ${(theirs / ours).toFixed(0)}× | ${(theirsCpu / oursCpu).toFixed(0)}× | ${result.pivots.toLocaleString('en-US')} |`,
  );
}

console.log(
  '| instance | arcs | minCostFlow cost | HiGHS cost | same | minCostFlow ms | HiGHS ms | speed-up (wall) | speed-up (CPU) | pivots |',
);
console.log('|---|---:|---:|---:|:---:|---:|---:|---:|---:|---:|');
for (const row of rows) console.log(row);
console.log(
  `\nNode ${process.version}, HiGHS ${h.version.string} (highs 1.15.3); goal: at least 50× on 1000×1000 with the same optimal cost.`,
);
if (failed) process.exitCode = 1;
