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
  const score = new Float64Array(n + 1);
  const scratch = new Int32Array(n);
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= n; j++) {
      score[j] =
        j === i ? Number.POSITIVE_INFINITY : Math.min(proximity(instance, i, j), proximity(instance, j, i));
    }
    for (const j of nearestIndices(score, n, i, k, scratch)) {
      sets[i]!.add(j);
      sets[j]!.add(i);
    }
  }
  return sets.map((s) => Int32Array.from([...s].sort((a, b) => a - b)));
}

/**
 * The `k` customers (1..n, excluding `self`) with the lowest `score`, in increasing order of score
 * (ties by index): a quickselect partition then a sort of the k, O(n + k log k).
 */
export function nearestIndices(
  score: Float64Array,
  n: number,
  self: number,
  k: number,
  scratch: Int32Array,
): Int32Array {
  let m = 0;
  for (let j = 1; j <= n; j++) if (j !== self) scratch[m++] = j;
  const less = (a: number, b: number) => score[a]! < score[b]! || (score[a] === score[b] && a < b);
  const take = Math.min(k, m);
  // Quickselect so that scratch[0..take) holds the smallest.
  let lo = 0;
  let hi = m - 1;
  while (lo < hi && take < m) {
    const pivot = scratch[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (less(scratch[i]!, pivot)) i++;
      while (less(pivot, scratch[j]!)) j--;
      if (i <= j) {
        const t = scratch[i]!;
        scratch[i] = scratch[j]!;
        scratch[j] = t;
        i++;
        j--;
      }
    }
    if (take - 1 <= j) hi = j;
    else if (take - 1 >= i) lo = i;
    else break;
  }
  const out = Array.from(scratch.subarray(0, take)).sort((a, b) => (less(a, b) ? -1 : less(b, a) ? 1 : 0));
  return Int32Array.from(out);
}
