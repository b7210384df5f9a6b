import type { Instance } from './instance.js';

/** Above this many customers, savings are only computed between granular neighbours. */
const ALL_PAIRS_LIMIT = 400;

/**
 * Clarke & Wright's parallel savings construction (1964): start with one route per customer,
 * then join route ends in decreasing order of the saving d(i,0) + d(0,j) − d(i,j), as long as some
 * vehicle type can still drive the joined route within its capacity, distance and duration limits
 * and every time window holds (checked in O(1) per join with the time-warp segments). With
 * symmetric distances and no time constraints either end of a route may be joined (routes are
 * reversed as needed); otherwise only the end of one route to the start of another.
 *
 * The fleet size is not enforced here: the genetic search starts from these routes and repairs.
 *
 * @returns the routes as customer sequences (internal numbering)
 */
export function savingsRoutes(instance: Instance, neighbours?: Int32Array[]): Int32Array[] {
  const { n, size, dist, time, demand, ready, due, service, types } = instance;
  if (n === 0) return [];
  const undirected = instance.symmetric && !instance.hasTime;
  const next = new Int32Array(n + 1);
  const prev = new Int32Array(n + 1);
  const routeOf = new Int32Array(n + 1);
  const first = new Int32Array(n + 1);
  const last = new Int32Array(n + 1);
  const load = new Float64Array(n + 1);
  const length = new Float64Array(n + 1);
  const members = new Int32Array(n + 1);
  // Time segment of each route's customer sequence (no depots).
  const sD = new Float64Array(n + 1);
  const sTW = new Float64Array(n + 1);
  const sE = new Float64Array(n + 1);
  const sL = new Float64Array(n + 1);
  for (let c = 1; c <= n; c++) {
    routeOf[c] = c;
    first[c] = c;
    last[c] = c;
    load[c] = demand[c]!;
    length[c] = dist[c]! + dist[c * size]!;
    members[c] = 1;
    sD[c] = service[c]!;
    sTW[c] = 0;
    sE[c] = ready[c]!;
    sL[c] = due[c]!;
  }

  // Candidate joins i -> j with a positive saving.
  const pairI: number[] = [];
  const pairJ: number[] = [];
  const value: number[] = [];
  const consider = (i: number, j: number) => {
    const s = dist[i * size]! + dist[j]! - dist[i * size + j]!;
    if (s > 0) {
      pairI.push(i);
      pairJ.push(j);
      value.push(s);
    }
  };
  if (n <= ALL_PAIRS_LIMIT || !neighbours) {
    for (let i = 1; i <= n; i++) {
      for (let j = undirected ? i + 1 : 1; j <= n; j++) if (i !== j) consider(i, j);
    }
  } else {
    for (let i = 1; i <= n; i++) {
      for (const j of neighbours[i]!) if (undirected ? i < j : i !== j) consider(i, j);
    }
  }
  const order = value.map((_, k) => k).sort((a, b) => value[b]! - value[a]! || a - b);

  const reverse = (r: number) => {
    let c = first[r]!;
    while (c !== 0) {
      const nx = next[c]!;
      next[c] = prev[c]!;
      prev[c] = nx;
      c = nx;
    }
    const f = first[r]!;
    first[r] = last[r]!;
    last[r] = f;
  };

  // Scratch for the O(1) time check.
  const feasibleJoin = (ra: number, rb: number, i: number, j: number): boolean => {
    const q = load[ra]! + load[rb]!;
    const d = length[ra]! + length[rb]! - dist[i * size]! - dist[j]! + dist[i * size + j]!;
    let dur = 0;
    if (instance.hasTime) {
      // depot ⊕ A ⊕ B ⊕ depot
      let D = 0;
      let TW = 0;
      let E = ready[0]!;
      let L = due[0]!;
      const cat = (D2: number, TW2: number, E2: number, L2: number, t: number) => {
        const delta = D - TW + t;
        const w = Math.max(E2 - delta - L, 0);
        const tw = Math.max(E + delta - L2, 0);
        D = D + D2 + t + w;
        TW = TW + TW2 + tw;
        E = Math.max(E2 - delta, E) - w;
        L = Math.min(L2 - delta, L) + tw;
      };
      cat(sD[ra]!, sTW[ra]!, sE[ra]!, sL[ra]!, time[first[ra]!]!);
      cat(sD[rb]!, sTW[rb]!, sE[rb]!, sL[rb]!, time[i * size + j]!);
      cat(0, 0, ready[0]!, due[0]!, time[last[rb]! * size]!);
      if (TW > instance.timeTolerance) return false;
      dur = D;
    }
    for (let t = 0; t < types; t++) {
      if (q > instance.capacity[t]! + instance.loadTolerance) continue;
      if (d > instance.maxDistance[t]! + instance.distanceTolerance) continue;
      if (dur > instance.maxDuration[t]! + instance.timeTolerance) continue;
      return true;
    }
    return false;
  };

  for (const k of order) {
    const i = pairI[k]!;
    const j = pairJ[k]!;
    const ra = routeOf[i]!;
    const rb = routeOf[j]!;
    if (ra === rb) continue;
    const a = i;
    const b = j;
    if (undirected) {
      // Orient so that a ends its route and b starts its route.
      const aEnd = last[ra] === a;
      const aStart = first[ra] === a;
      const bEnd = last[rb] === b;
      const bStart = first[rb] === b;
      if (!(aEnd || aStart) || !(bEnd || bStart)) continue;
      if (!aEnd) reverse(ra);
      if (!bStart) reverse(rb);
    } else if (last[ra] !== a || first[rb] !== b) continue;
    if (!feasibleJoin(ra, rb, a, b)) continue;
    // Join: rb's customers move into ra.
    next[a] = b;
    prev[b] = a;
    if (instance.hasTime) {
      const delta = sD[ra]! - sTW[ra]! + time[a * size + b]!;
      const w = Math.max(sE[rb]! - delta - sL[ra]!, 0);
      const tw = Math.max(sE[ra]! + delta - sL[rb]!, 0);
      const D = sD[ra]! + sD[rb]! + time[a * size + b]! + w;
      const TW = sTW[ra]! + sTW[rb]! + tw;
      const E = Math.max(sE[rb]! - delta, sE[ra]!) - w;
      const L = Math.min(sL[rb]! - delta, sL[ra]!) + tw;
      sD[ra] = D;
      sTW[ra] = TW;
      sE[ra] = E;
      sL[ra] = L;
    }
    last[ra] = last[rb]!;
    load[ra] = load[ra]! + load[rb]!;
    members[ra] = members[ra]! + members[rb]!;
    for (let c = b; c !== 0; c = next[c]!) routeOf[c] = ra;
    members[rb] = 0;
    // Exact length of the joined route.
    let len = 0;
    let p = 0;
    for (let c = first[ra]!; c !== 0; c = next[c]!) {
      len += dist[p * size + c]!;
      p = c;
    }
    length[ra] = len + dist[p * size]!;
  }

  const routes: Int32Array[] = [];
  for (let r = 1; r <= n; r++) {
    if (members[r] === 0 || routeOf[first[r]!] !== r) continue;
    const seq = new Int32Array(members[r]!);
    let k = 0;
    for (let c = first[r]!; c !== 0; c = next[c]!) seq[k++] = c;
    routes.push(seq);
  }
  return routes;
}
