// Timing and memory for the benchmarks: wall and CPU seconds of a step, the heap it leaves
// behind and the process's peak resident set so far.
export interface Measured<T> {
  value: T;
  wallSeconds: number;
  cpuSeconds: number;
  heapMb: number;
  peakRssMb: number;
}

/** Runs `step` once (after a warm-up run when `warmUp`), measuring the measured run. */
export function measure<T>(step: () => T, warmUp = false): Measured<T> {
  if (warmUp) step();
  globalThis.gc?.();
  const started = performance.now();
  const cpu = process.cpuUsage();
  const value = step();
  const used = process.cpuUsage(cpu);
  return {
    value,
    wallSeconds: (performance.now() - started) / 1000,
    cpuSeconds: (used.user + used.system) / 1e6,
    heapMb: process.memoryUsage().heapUsed / 2 ** 20,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

/** A markdown row of a measured step. */
export function row(name: string, size: string, m: Measured<unknown>): string {
  return `| ${name} | ${size} | ${m.wallSeconds.toFixed(3)} | ${m.cpuSeconds.toFixed(3)} | ${Math.round(m.heapMb)} | ${Math.round(m.peakRssMb)} |`;
}

export const HEADER = [
  '| step | size | wall s | CPU s | heap after, MB | peak RSS, MB |',
  '|---|---|---:|---:|---:|---:|',
];
