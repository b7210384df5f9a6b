import type { Instance } from './instance.js';

/** Weights of waiting time and time warp in the time-window proximity (Vidal et al. 2013). */
const WAIT_WEIGHT = 0.2;
const WARP_WEIGHT = 1;

/**
 * Proximity of customer j as a successor of i: their distance, plus the waiting and the time warp
 * that serving j right after i would at least cause (Vidal et al. 2013). Without time windows it is
 * the distance.
 */
export function proximity(instance: Instance, i: number, j: number): number {
  const { size, dist, time, ready, due, service } = instance;
  const d = dist[i * size + j]!;
  if (!instance.hasTime) return d;
  const t = time[i * size + j]!;
  const earliestArrival = ready[i]! + service[i]! + t;
  const latestArrival = due[i]! + service[i]! + t;
  const wait = Math.max(ready[j]! - latestArrival, 0);
  const warp = Math.max(earliestArrival - due[j]!, 0);
  return (
    d + WAIT_WEIGHT * (Number.isFinite(wait) ? wait : 0) + WARP_WEIGHT * (Number.isFinite(warp) ? warp : 0)
  );
}

/**
 * Granular neighbourhoods: for each customer, its `granularity` most correlated customers by
 * {@link proximity} (in either direction), made symmetric — j is a neighbour of i whenever i is one
 * of j's.
 */
export function granularNeighbours(instance: Instance, granularity: number): Int32Array[] {
  const n = instance.n;
  const k = Math.min(granularity, n - 1);
  const sets: Set<number>[] = [];
  for (let i = 0; i <= n; i++) sets.push(new Set());
  const others = new Int32Array(Math.max(0, n - 1));
  const score = new Float64Array(n + 1);
  for (let i = 1; i <= n; i++) {
    let m = 0;
    for (let j = 1; j <= n; j++) {
      if (j === i) continue;
      others[m++] = j;
      score[j] = Math.min(proximity(instance, i, j), proximity(instance, j, i));
    }
    const sorted = Array.from(others.subarray(0, m)).sort((a, b) => score[a]! - score[b]! || a - b);
    for (let q = 0; q < k; q++) {
      const j = sorted[q]!;
      sets[i]!.add(j);
      sets[j]!.add(i);
    }
  }
  return sets.map((s) => Int32Array.from([...s].sort((a, b) => a - b)));
}
