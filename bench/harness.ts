/**
 * A small benchmark harness: warm up, then run a case repeatedly for a time budget and
 * report operations per second. Cases that belong together run side by side in the same
 * process, so ratios against the reference case are meaningful even on a busy machine.
 */
export interface BenchResult {
  name: string;
  opsPerSecond: number;
  meanMicros: number;
  samples: number;
}

export interface MeasureOptions {
  /** Time budget per case in ms (default 400; BENCH_TIME_MS overrides). */
  timeMs?: number;
  /** Operations per timed call, when one call does a batch (default 1). */
  opsPerCall?: number;
}

/** Measures one case. `fn` may be sync or async. */
export async function measure(
  name: string,
  fn: () => unknown | Promise<unknown>,
  options: MeasureOptions = {},
): Promise<BenchResult> {
  const budget = options.timeMs ?? Number(process.env.BENCH_TIME_MS ?? 400);
  const opsPerCall = options.opsPerCall ?? 1;
  const warmupEnd = performance.now() + Math.min(100, budget / 4);
  while (performance.now() < warmupEnd) await fn();
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < budget) {
    await fn();
    calls += 1;
    elapsed = performance.now() - start;
  }
  const ops = calls * opsPerCall;
  return { name, opsPerSecond: (ops / elapsed) * 1000, meanMicros: (elapsed * 1000) / ops, samples: ops };
}

/** Formats results as a markdown table with a ratio column against `reference` (a case name). */
export function resultsTable(results: BenchResult[], reference?: string): string {
  const base = results.find((result) => result.name === reference);
  const header = ['case', 'ops/s', 'mean (µs)', ...(base ? [`vs ${base.name}`] : [])];
  const rows = results.map((result) => [
    result.name,
    formatNumber(result.opsPerSecond),
    result.meanMicros < 10 ? result.meanMicros.toFixed(3) : result.meanMicros.toFixed(1),
    ...(base ? [`${(result.opsPerSecond / base.opsPerSecond).toFixed(2)}x`] : []),
  ]);
  return markdownTable(header, rows);
}

/** A markdown table; numeric-looking cells are right-aligned. */
export function markdownTable(header: string[], rows: string[][]): string {
  const numeric = header.map((_, column) => rows.every((row) => /^[-\d.,x%µ ]+$/.test(row[column] ?? '')));
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    line(header),
    line(header.map((_, column) => (numeric[column] ? '---:' : '---'))),
    ...rows.map((row) => line(row)),
  ].join('\n');
}

function formatNumber(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}
