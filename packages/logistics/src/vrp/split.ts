import type { Instance } from './instance.js';
import type { PenaltyWeights } from './penalties.js';

/** Routes produced by {@link split}: customers per route and the vehicle type of each. */
export interface SplitResult {
  routes: Int32Array[];
  types: number[];
}

/**
 * Splits a giant tour into routes optimally for the penalised cost (Prins 2004; Vidal 2016 for the
 * limited fleet): a shortest path over the tour where the arc i→j is the route serving tour
 * positions i+1..j on its best vehicle type, priced as distance + fixed cost + penalties for
 * excess load, time warp and excess distance. Routes are cut off once their load passes twice the
 * largest capacity. When the unlimited split needs more routes than `maxRoutes`, a Bellman
 * recursion over the number of routes finds the best split into at most `maxRoutes`. Vehicle types
 * are then assigned respecting each type's count.
 */
export function split(
  instance: Instance,
  tour: ArrayLike<number>,
  w: PenaltyWeights,
  maxRoutes: number,
): SplitResult {
  const n = tour.length;
  if (n === 0) return { routes: [], types: [] };
  const { dist, time, size, demand, ready, due, service, types: T } = instance;
  const { capacity, fixedCost, maxDistance, maxDuration } = instance;
  let maxCap = 0;
  for (let t = 0; t < T; t++) maxCap = Math.max(maxCap, capacity[t]!);
  const loadLimit = 2 * maxCap;

  // Arc costs: cost[i][k] for the route tour[i..i+k] (0-based, inclusive), k < width[i].
  const width = new Int32Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    let load = 0;
    let k = 0;
    while (i + k < n) {
      load += demand[tour[i + k]!]!;
      k++;
      if (load > loadLimit && k > 1) {
        k--;
        break;
      }
    }
    width[i] = Math.max(1, k);
    total += width[i]!;
  }
  const offset = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offset[i + 1] = offset[i]! + width[i]!;
  const cost = new Float64Array(total);
  const bestType = new Int32Array(total);
  for (let i = 0; i < n; i++) {
    let distance = 0;
    let load = 0;
    let D = 0;
    let TW = 0;
    let E = ready[0]!;
    let L = due[0]!;
    let last = 0;
    for (let k = 0; k < width[i]!; k++) {
      const c = tour[i + k]!;
      distance += dist[last * size + c]!;
      load += demand[c]!;
      if (instance.hasTime) {
        const t = time[last * size + c]!;
        const delta = D - TW + t;
        const wait = Math.max(ready[c]! - delta - L, 0);
        const warp = Math.max(E + delta - due[c]!, 0);
        D = D + service[c]! + t + wait;
        TW += warp;
        E = Math.max(ready[c]! - delta, E) - wait;
        L = Math.min(due[c]! - delta, L) + warp;
      }
      last = c;
      // Close the route at the depot.
      const routeDist = distance + dist[c * size]!;
      let routeD = 0;
      let routeTW = 0;
      if (instance.hasTime) {
        const t = time[c * size]!;
        const delta = D - TW + t;
        const wait = Math.max(ready[0]! - delta - L, 0);
        const warp = Math.max(E + delta - due[0]!, 0);
        routeD = D + t + wait;
        routeTW = TW + warp;
      }
      let best = Number.POSITIVE_INFINITY;
      let bt = 0;
      for (let t = 0; t < T; t++) {
        let v = routeDist + fixedCost[t]!;
        const el = load - capacity[t]!;
        if (el > 0) v += w.load * el;
        if (instance.hasTime) {
          const over = routeD - maxDuration[t]!;
          v += w.time * (routeTW + Math.max(over, 0));
        }
        const ed = routeDist - maxDistance[t]!;
        if (ed > 0) v += w.distance * ed;
        if (v < best) {
          best = v;
          bt = t;
        }
      }
      cost[offset[i]! + k] = best;
      bestType[offset[i]! + k] = bt;
    }
  }

  // Unlimited split.
  const pot = new Float64Array(n + 1).fill(Number.POSITIVE_INFINITY);
  const pred = new Int32Array(n + 1).fill(-1);
  pot[0] = 0;
  for (let i = 0; i < n; i++) {
    const base = pot[i]!;
    if (base === Number.POSITIVE_INFINITY) continue;
    const o = offset[i]!;
    for (let k = 0; k < width[i]!; k++) {
      const v = base + cost[o + k]!;
      if (v < pot[i + k + 1]!) {
        pot[i + k + 1] = v;
        pred[i + k + 1] = i;
      }
    }
  }
  let cuts: number[] = [];
  for (let j = n; j > 0; j = pred[j]!) cuts.push(j);
  if (pred[n] === -1 || cuts.length > maxRoutes) cuts = limitedSplit(n, maxRoutes, width, offset, cost);
  cuts.sort((a, b) => a - b);

  const routes: Int32Array[] = [];
  const wanted: number[] = [];
  let start = 0;
  for (const end of cuts) {
    const seq = new Int32Array(end - start);
    for (let q = start; q < end; q++) seq[q - start] = tour[q]!;
    routes.push(seq);
    const k = end - start - 1;
    wanted.push(k < width[start]! ? bestType[offset[start]! + k]! : 0);
    start = end;
  }
  return { routes, types: assignTypes(instance, routes, wanted) };
}

/** Bellman recursion over the number of routes: the best split into at most `maxRoutes` routes. */
function limitedSplit(
  n: number,
  maxRoutes: number,
  width: Int32Array,
  offset: Int32Array,
  cost: Float64Array,
): number[] {
  const K = Math.max(1, Math.min(maxRoutes, n));
  const INF = Number.POSITIVE_INFINITY;
  const pot = new Float64Array((K + 1) * (n + 1)).fill(INF);
  const pred = new Int32Array((K + 1) * (n + 1)).fill(-1);
  pot[0] = 0;
  for (let k = 0; k < K; k++) {
    for (let i = 0; i < n; i++) {
      const base = pot[k * (n + 1) + i]!;
      if (base === INF) continue;
      const o = offset[i]!;
      for (let q = 0; q < width[i]!; q++) {
        const j = i + q + 1;
        const v = base + cost[o + q]!;
        const at = (k + 1) * (n + 1) + j;
        if (v < pot[at]!) {
          pot[at] = v;
          pred[at] = i;
        }
      }
    }
  }
  let bestK = 1;
  let best = INF;
  for (let k = 1; k <= K; k++) {
    const v = pot[k * (n + 1) + n]!;
    if (v < best) {
      best = v;
      bestK = k;
    }
  }
  const cuts: number[] = [];
  if (best === INF) {
    // Not even K routes of twice the largest capacity hold the tour: cut it into K equal runs.
    for (let k = 1; k <= K; k++) cuts.push(Math.round((k * n) / K));
    return [...new Set(cuts)].filter((c) => c > 0);
  }
  let j = n;
  for (let k = bestK; k > 0 && j > 0; k--) {
    cuts.push(j);
    j = pred[k * (n + 1) + j]!;
  }
  return cuts;
}

/**
 * Gives each route a vehicle type within the fleet counts: heaviest routes first, each to its
 * preferred type while one is left, else to the free type with the most capacity.
 */
export function assignTypes(instance: Instance, routes: Int32Array[], wanted: number[]): number[] {
  const T = instance.types;
  if (T === 1) return routes.map(() => 0);
  const left = Int32Array.from(instance.count);
  const load = routes.map((r) => {
    let s = 0;
    for (let q = 0; q < r.length; q++) s += instance.demand[r[q]!]!;
    return s;
  });
  const order = routes.map((_, i) => i).sort((a, b) => load[b]! - load[a]! || a - b);
  const types = new Array<number>(routes.length).fill(0);
  for (const r of order) {
    let t = wanted[r]!;
    if (left[t]! <= 0) {
      t = -1;
      for (let s = 0; s < T; s++) {
        if (left[s]! > 0 && (t < 0 || instance.capacity[s]! > instance.capacity[t]!)) t = s;
      }
      if (t < 0) t = wanted[r]!;
    }
    left[t]!--;
    types[r] = t;
  }
  return types;
}
