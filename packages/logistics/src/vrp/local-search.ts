import type { Rng } from '@s2b2b/core';
import { evaluateIndividual, Individual } from './individual.js';
import type { Instance } from './instance.js';
import type { PenaltyWeights } from './penalties.js';
import { positiveAngle, Route, sectorsOverlap } from './route.js';

/** How many candidate SWAP* moves are re-checked exactly, best estimate first. */
const SWAP_STAR_CANDIDATES = 4;

/**
 * The education step of the genetic search: a first-improvement local search over granular
 * neighbourhoods (each customer against its nearest correlated customers), with
 *
 * - relocate of one visit, of two consecutive visits, and of two reversed (or-opt);
 * - swap of 1-1, 2-1 and 2-2 consecutive visits (cross-exchange of short segments);
 * - intra-route 2-opt; inter-route 2-opt* in both orientations (the reversing one only when
 *   distances are symmetric and there are no time constraints);
 * - SWAP* between routes whose circle sectors overlap (Vidal 2022);
 * - vehicle exchanges between routes of different types (heterogeneous fleets).
 *
 * Capacity, time warp (late service, excess duration) and distance limits are penalised, not
 * forbidden; every inter-route move is priced in O(1) from the routes' prefix and suffix data,
 * and intra-route moves are priced in O(1) distance first and re-timed only when promising.
 * All buffers are allocated once; the search loop allocates nothing.
 */
export class LocalSearch {
  readonly instance: Instance;
  readonly routes: Route[];
  readonly neighbours: Int32Array[];
  readonly routeOf: Int32Array;
  readonly posOf: Int32Array;
  readonly lastTested: Int32Array;
  readonly order: Int32Array;
  /** Index of the first empty route of each type, refreshed at each loop. */
  readonly emptyOfType: Int32Array;
  /** Most non-empty routes allowed (fleet-minimisation runs lower it). */
  maxRoutes: number;
  nonEmpty = 0;
  stamp = 0;
  improved = false;
  wLoad = 1;
  wTime = 1;
  wDistance = 1;
  private readonly eps: number;
  private readonly maxLoops: number;
  private readonly bufU: Int32Array;
  private readonly bufV: Int32Array;
  private readonly window: Int32Array;
  // Time-warp scratch: the running segment and its last visit.
  private sD = 0;
  private sTW = 0;
  private sE = 0;
  private sL = 0;
  private sLast = 0;
  // SWAP* caches: per route, per customer, the three cheapest insertion positions.
  private readonly insCost: (Float64Array | null)[];
  private readonly insPos: (Int32Array | null)[];
  private readonly insStamp: (Int32Array | null)[];
  private readonly removal: Float64Array;
  private readonly candCost = new Float64Array(SWAP_STAR_CANDIDATES);
  private readonly candU = new Int32Array(SWAP_STAR_CANDIDATES);
  private readonly candV = new Int32Array(SWAP_STAR_CANDIDATES);
  private readonly candPosU = new Int32Array(SWAP_STAR_CANDIDATES);
  private readonly candPosV = new Int32Array(SWAP_STAR_CANDIDATES);
  private readonly routeOrder: Int32Array;
  private readonly liveBuf: Int32Array;
  private bestPos = 0;
  // Hot arrays, copied from the instance so the move code reads one field.
  private readonly dist: Float64Array;
  private readonly size: number;
  private readonly demand: Float64Array;
  private readonly capacity: Float64Array;
  private readonly fixedCost: Float64Array;
  private readonly maxDistance: Float64Array;
  private readonly hasMaxDistance: boolean;
  private readonly loadTol: number;
  private readonly timeTol: number;
  private readonly distTol: number;
  // Removal context of u, valid while (ctxNode, ctxStamp) match: U's cost without time after
  // removing u (rem1) or u and its successor (rem2), minus U's current cost.
  private ctxNode = -1;
  private ctxStamp = -1;
  private rem1 = 0;
  private rem2 = 0;

  constructor(instance: Instance, neighbours: Int32Array[]) {
    this.instance = instance;
    this.dist = instance.dist;
    this.size = instance.size;
    this.demand = instance.demand;
    this.capacity = instance.capacity;
    this.fixedCost = instance.fixedCost;
    this.maxDistance = instance.maxDistance;
    this.hasMaxDistance = instance.hasMaxDistance;
    this.loadTol = instance.loadTolerance;
    this.timeTol = instance.timeTolerance;
    this.distTol = instance.distanceTolerance;
    this.neighbours = neighbours;
    const size = instance.size;
    this.routeOf = new Int32Array(size).fill(-1);
    this.posOf = new Int32Array(size);
    this.lastTested = new Int32Array(size).fill(-1);
    this.order = new Int32Array(instance.n);
    for (let i = 0; i < instance.n; i++) this.order[i] = i + 1;
    this.routes = [];
    for (let t = 0; t < instance.types; t++) {
      for (let k = 0; k < instance.count[t]!; k++) this.routes.push(new Route(this.routes.length, t));
    }
    this.maxRoutes = this.routes.length;
    this.emptyOfType = new Int32Array(instance.types);
    this.eps = 1e-10 * Math.max(1, instance.maxArc);
    this.maxLoops = 50 + 2 * instance.n;
    this.bufU = new Int32Array(size + 2);
    this.bufV = new Int32Array(size + 2);
    this.window = new Int32Array(size + 2);
    this.insCost = new Array(this.routes.length).fill(null);
    this.insPos = new Array(this.routes.length).fill(null);
    this.insStamp = new Array(this.routes.length).fill(null);
    this.removal = new Float64Array(size);
    this.routeOrder = new Int32Array(this.routes.length);
    this.liveBuf = new Int32Array(this.routes.length);
    this.candidates = new Int32Array(size);
    this.candidateMark = new Int32Array(size);
  }

  /** Number of vehicles the search can use. */
  get fleetSize(): number {
    return this.routes.length;
  }

  /** Sets the penalty weights and re-prices the loaded routes under them. */
  setPenalties(w: PenaltyWeights): void {
    this.wLoad = w.load;
    this.wTime = w.time;
    this.wDistance = w.distance;
    for (const r of this.routes) r.cost = this.costAs(r, r.type);
    this.stamp++; // the removal context depends on the weights
  }

  // ---------------------------------------------------------------- loading and exporting

  /**
   * Loads routes (each with its vehicle type). Routes beyond the fleet of a type are placed on any
   * free vehicle; the caller guarantees there are at most `fleetSize` routes.
   */
  load(routes: readonly ArrayLike<number>[], types: readonly number[]): void {
    for (const r of this.routes) {
      r.len = 0;
    }
    this.routeOf.fill(-1);
    // Restore each vehicle's original type (exchanges may have moved them).
    let k = 0;
    for (let t = 0; t < this.instance.types; t++) {
      for (let c = 0; c < this.instance.count[t]!; c++) this.routes[k++]!.type = t;
    }
    const used = new Uint8Array(this.routes.length);
    for (let i = 0; i < routes.length; i++) {
      const seq = routes[i]!;
      if (seq.length === 0) continue;
      let target = -1;
      for (let r = 0; r < this.routes.length; r++) {
        if (!used[r] && this.routes[r]!.type === types[i]) {
          target = r;
          break;
        }
      }
      if (target < 0) target = used.indexOf(0);
      if (target < 0) throw new Error('more routes than vehicles');
      used[target] = 1;
      const route = this.routes[target]!;
      route.reserve(seq.length);
      for (let p = 0; p < seq.length; p++) route.nodes[p + 1] = seq[p]!;
      route.len = seq.length;
    }
    this.stamp++;
    this.nonEmpty = 0;
    for (const r of this.routes) {
      r.counted = false;
      this.updateRoute(r);
      r.lastTestedSwapStar = -1;
    }
    this.lastTested.fill(-1);
  }

  /** Writes the current routes into an individual (sorted by polar angle when known) and evaluates it. */
  exportTo(ind: Individual): void {
    const live = this.routes.filter((r) => r.len > 0);
    if (this.instance.angle) live.sort((a, b) => a.barycentreAngle - b.barycentreAngle);
    ind.routes = live.map((r) => this.routeNodes(r));
    ind.routeTypes = live.map((r) => r.type);
    evaluateIndividual(this.instance, ind);
  }

  /** The customers of a route, in order. */
  routeNodes(r: Route): Int32Array {
    return r.nodes.slice(1, r.len + 1);
  }

  /** Total penalised cost of the current routes. */
  totalCost(): number {
    let c = 0;
    for (const r of this.routes) c += r.cost;
    return c;
  }

  // ---------------------------------------------------------------- the search

  /** Educates an individual in place: loads it, descends to a local optimum, exports it. */
  educate(ind: Individual, w: PenaltyWeights, rng: Rng): void {
    this.setPenalties(w);
    this.load(ind.routes, ind.routeTypes);
    this.search(rng);
    this.exportTo(ind);
  }

  /**
   * Runs the descent on the loaded routes until no move improves. `focused`: only pairs that
   * involve a route changed since the last descent are tried (after a ruin and recreate).
   */
  search(rng: Rng, focused = false): void {
    const inst = this.instance;
    const n = inst.n;
    const order = this.order;
    if (!focused) {
      for (let i = n - 1; i > 0; i--) {
        const j = Math.floor(rng.next() * (i + 1));
        const t = order[i]!;
        order[i] = order[j]!;
        order[j] = t;
      }
      // Occasionally reshuffle a neighbour list so ties are broken differently (HGS-CVRP).
      const gran = this.neighbours[1]?.length ?? 1;
      for (let c = 1; c <= n; c++) {
        if (Math.floor(rng.next() * Math.max(1, gran)) === 0) {
          const list = this.neighbours[c]!;
          for (let i = list.length - 1; i > 0; i--) {
            const j = Math.floor(rng.next() * (i + 1));
            const t = list[i]!;
            list[i] = list[j]!;
            list[j] = t;
          }
        }
      }
    }
    const R = this.routes.length;
    const routeOrder = this.routeOrder;
    for (let r = 0; r < R; r++) routeOrder[r] = r;
    for (let i = R - 1; i > 0; i--) {
      const j = Math.floor(rng.next() * (i + 1));
      const t = routeOrder[i]!;
      routeOrder[i] = routeOrder[j]!;
      routeOrder[j] = t;
    }

    // Focused: only customers of routes changed since `since`.
    let since = this.searchEnd;
    for (let loop = focused ? 1 : 0; ; loop++) {
      this.improved = false;
      const loopStart = this.stamp;
      const list0 = focused ? this.collectCandidates(since, rng) : order;
      const count = focused ? this.candidateCount : n;
      for (let k = 0; k < count; k++) {
        const u = list0[k]!;
        if (this.routeOf[u]! < 0) continue; // not on a route (ruined)
        const lastTestU = this.lastTested[u]!;
        this.lastTested[u] = this.stamp;
        const list = this.neighbours[u]!;
        for (let q = 0; q < list.length; q++) {
          const v = list[q]!;
          if (this.routeOf[v]! < 0) continue;
          const U = this.routes[this.routeOf[u]!]!;
          const V = this.routes[this.routeOf[v]!]!;
          if (loop > 0 && Math.max(U.lastModified, V.lastModified) <= lastTestU) continue;
          this.tryPair(u, v, U, V);
        }
        if (loop > 0 && this.nonEmpty < this.maxRoutes) this.tryEmptyRoutes(u);
      }
      if (inst.angle !== null || this.nonEmpty <= 64) this.swapStarLoop(loop);
      if (inst.types > 1) this.vehicleExchanges();
      since = loopStart;
      // Moves into empty routes start at the second loop: always run it.
      if (!this.improved && loop > 0) break;
      // Rounding in very large penalised costs could in principle make two moves undo each
      // other; a generous cap on the loops guarantees the descent ends.
      if (loop >= this.maxLoops) break;
    }
    this.searchEnd = this.stamp;
  }

  /** Stamp at the end of the last descent. */
  private searchEnd = -1;
  private readonly candidates: Int32Array = new Int32Array(0);
  private readonly candidateMark: Int32Array = new Int32Array(0);
  private candidateCount = 0;
  private candidateGeneration = 0;

  /**
   * Customers of the routes modified after `since`, shuffled. (Their neighbours in unchanged
   * routes are reached as the `v` of these pairs; adding them as `u` too cost 40 % more time for
   * no better plans in the ruin-and-recreate loop.)
   */
  private collectCandidates(since: number, rng: Rng): Int32Array {
    const list = this.candidates;
    const mark = this.candidateMark;
    const gen = ++this.candidateGeneration;
    let k = 0;
    for (const r of this.routes) {
      if (r.lastModified <= since || r.len === 0) continue;
      for (let p = 1; p <= r.len; p++) {
        const c = r.nodes[p]!;
        if (mark[c] !== gen) {
          mark[c] = gen;
          list[k++] = c;
        }
      }
    }
    for (let i = k - 1; i > 0; i--) {
      const j = Math.floor(rng.next() * (i + 1));
      const t = list[i]!;
      list[i] = list[j]!;
      list[j] = t;
    }
    this.candidateCount = k;
    return list;
  }

  private tryPair(u: number, v: number, U: Route, V: Route): boolean {
    const i = this.posOf[u]!;
    const j = this.posOf[v]!;
    if (U !== V) {
      if (this.relocate(U, i, V, j)) return true;
      if (this.relocatePair(U, i, V, j, false)) return true;
      if (this.relocatePair(U, i, V, j, true)) return true;
      if (u < v && this.swapOne(U, i, V, j)) return true;
      if (this.swapPairOne(U, i, V, j)) return true;
      if (u < v && this.swapPairs(U, i, V, j)) return true;
      if (this.twoOptStarReversing(U, i, V, j)) return true;
      if (this.twoOptStar(U, i, V, j)) return true;
      if (j === 1) {
        if (this.relocate(U, i, V, 0)) return true;
        if (this.relocatePair(U, i, V, 0, false)) return true;
        if (this.relocatePair(U, i, V, 0, true)) return true;
        if (this.twoOptStarReversing(U, i, V, 0)) return true;
        if (this.twoOptStar(U, i, V, 0)) return true;
      }
      return false;
    }
    if (this.intraRelocate(U, i, j)) return true;
    if (this.intraRelocatePair(U, i, j, false)) return true;
    if (this.intraRelocatePair(U, i, j, true)) return true;
    if (u < v && this.intraSwap(U, i, j)) return true;
    if (this.intraSwapPairOne(U, i, j)) return true;
    if (u < v && this.intraSwapPairs(U, i, j)) return true;
    if (this.intraTwoOpt(U, i, j)) return true;
    if (j === 1) {
      if (this.intraRelocate(U, i, 0)) return true;
      if (this.intraRelocatePair(U, i, 0, false)) return true;
      if (this.intraRelocatePair(U, i, 0, true)) return true;
    }
    return false;
  }

  /** `emptyOfType` is current while the stamp equals this. */
  private emptyStamp = -1;

  private tryEmptyRoutes(u: number): void {
    const inst = this.instance;
    if (this.emptyStamp !== this.stamp) {
      this.emptyOfType.fill(-1);
      for (const r of this.routes) {
        if (r.len === 0 && this.emptyOfType[r.type]! < 0) this.emptyOfType[r.type] = r.index;
      }
      this.emptyStamp = this.stamp;
    }
    for (let t = 0; t < inst.types; t++) {
      const e = this.emptyOfType[t]!;
      if (e < 0) continue;
      const U = this.routes[this.routeOf[u]!]!;
      const E = this.routes[e]!;
      if (E.len !== 0) continue;
      const i = this.posOf[u]!;
      if (this.relocate(U, i, E, 0)) return;
      if (this.relocatePair(U, i, E, 0, false)) return;
      if (this.relocatePair(U, i, E, 0, true)) return;
      if (this.twoOptStar(U, i, E, 0)) return;
    }
  }

  // ---------------------------------------------------------------- costs

  /** Penalised cost of a route without its time penalty (a lower bound on its full cost). */
  private costNoTime(type: number, len: number, dist: number, load: number): number {
    if (len === 0) return 0;
    let c = dist + this.fixedCost[type]!;
    const el = load - this.capacity[type]!;
    if (el > this.loadTol) c += this.wLoad * el;
    if (this.hasMaxDistance) {
      const ed = dist - this.maxDistance[type]!;
      if (ed > this.distTol) c += this.wDistance * ed;
    }
    return c;
  }

  /** Time excess of the running segment for a vehicle type: time warp + duration over the limit. */
  private segmentExcess(type: number): number {
    const over = this.sD - this.instance.maxDuration[type]!;
    const ex = this.sTW + Math.max(over, 0);
    return ex > this.timeTol ? ex : 0;
  }

  /** Starts the running segment with the prefix depot..p of route r. */
  private tPrefix(r: Route, p: number): void {
    this.sD = r.fD[p]!;
    this.sTW = r.fTW[p]!;
    this.sE = r.fE[p]!;
    this.sL = r.fL[p]!;
    this.sLast = r.nodes[p]!;
  }

  /** Appends one visit to the running segment. */
  private tVisit(c: number): void {
    const inst = this.instance;
    const t = inst.time[this.sLast * inst.size + c]!;
    const delta = this.sD - this.sTW + t;
    const e2 = inst.ready[c]!;
    const l2 = inst.due[c]!;
    const w = Math.max(e2 - delta - this.sL, 0);
    const tw = Math.max(this.sE + delta - l2, 0);
    this.sD = this.sD + inst.service[c]! + t + w;
    this.sTW = this.sTW + tw;
    this.sE = Math.max(e2 - delta, this.sE) - w;
    this.sL = Math.min(l2 - delta, this.sL) + tw;
    this.sLast = c;
  }

  /** Appends the suffix p..depot of route r and returns the time excess for `type`. */
  private tSuffix(r: Route, p: number, type: number): number {
    const inst = this.instance;
    const first = r.nodes[p]!;
    const t = inst.time[this.sLast * inst.size + first]!;
    const delta = this.sD - this.sTW + t;
    const w = Math.max(r.bE[p]! - delta - this.sL, 0);
    const tw = Math.max(this.sE + delta - r.bL[p]!, 0);
    this.sD = this.sD + r.bD[p]! + t + w;
    this.sTW = this.sTW + r.bTW[p]! + tw;
    return this.segmentExcess(type);
  }

  /** Time excess of route r when positions lo..hi are replaced by `window[0..k)`. */
  private tWindow(r: Route, lo: number, hi: number, k: number): number {
    this.tPrefix(r, lo - 1);
    const w = this.window;
    for (let q = 0; q < k; q++) this.tVisit(w[q]!);
    return this.tSuffix(r, hi + 1, r.type);
  }

  private d(a: number, b: number): number {
    return this.dist[a * this.size + b]!;
  }

  /** Computes the removal context of u (see `rem1`, `rem2`) unless it is current. */
  private context(U: Route, i: number): void {
    const u = U.nodes[i]!;
    if (u === this.ctxNode && this.stamp === this.ctxStamp) return;
    this.ctxNode = u;
    this.ctxStamp = this.stamp;
    const nu = U.nodes;
    const a = nu[i - 1]!;
    const x = nu[i + 1]!;
    const dau = this.d(a, u);
    const dux = this.d(u, x);
    const qu = this.demand[u]!;
    this.rem1 =
      this.costNoTime(U.type, U.len - 1, U.distance + this.d(a, x) - dau - dux, U.load - qu) - U.cost;
    if (i < U.len) {
      const z = nu[i + 2]!;
      this.rem2 =
        this.costNoTime(
          U.type,
          U.len - 2,
          U.distance + this.d(a, z) - dau - dux - this.d(x, z),
          U.load - qu - this.demand[x]!,
        ) - U.cost;
    } else this.rem2 = Number.POSITIVE_INFINITY;
  }

  // ---------------------------------------------------------------- inter-route moves

  /** Moves u (U at i) after position j of V. */
  private relocate(U: Route, i: number, V: Route, j: number): boolean {
    const inst = this.instance;
    const nu = U.nodes;
    const nv = V.nodes;
    const u = nu[i]!;
    const v = nv[j]!;
    const y = nv[j + 1]!;
    const q = this.demand[u]!;
    if (V.len === 0 && U.len > 1 && this.nonEmpty >= this.maxRoutes) return false;
    this.context(U, i);
    const distV = V.distance + this.d(v, u) + this.d(u, y) - this.d(v, y);
    let delta = this.rem1 + this.costNoTime(V.type, V.len + 1, distV, V.load + q) - V.cost;
    if (delta > -this.eps) return false;
    if (inst.hasTime) {
      let ex = 0;
      if (U.len > 1) {
        this.tPrefix(U, i - 1);
        ex += this.tSuffix(U, i + 1, U.type);
      }
      this.tPrefix(V, j);
      this.tVisit(u);
      ex += this.tSuffix(V, j + 1, V.type);
      delta += this.wTime * ex;
      if (delta > -this.eps) return false;
    }
    // Apply.
    let ku = 0;
    for (let p = 1; p <= U.len; p++) if (p !== i) this.bufU[ku++] = nu[p]!;
    let kv = 0;
    for (let p = 1; p <= j; p++) this.bufV[kv++] = nv[p]!;
    this.bufV[kv++] = u;
    for (let p = j + 1; p <= V.len; p++) this.bufV[kv++] = nv[p]!;
    this.commit(U, ku, V, kv);
    return true;
  }

  /** Moves (u, x) — or (x, u) when `reversed` — after position j of V. */
  private relocatePair(U: Route, i: number, V: Route, j: number, reversed: boolean): boolean {
    if (i >= U.len) return false; // x is the depot
    const inst = this.instance;
    const nu = U.nodes;
    const nv = V.nodes;
    const u = nu[i]!;
    const x = nu[i + 1]!;
    const v = nv[j]!;
    const y = nv[j + 1]!;
    const q = this.demand[u]! + this.demand[x]!;
    if (V.len === 0 && U.len > 2 && this.nonEmpty >= this.maxRoutes) return false;
    this.context(U, i);
    const distV = reversed
      ? V.distance + this.d(v, x) + this.d(x, u) + this.d(u, y) - this.d(v, y)
      : V.distance + this.d(v, u) + this.d(u, x) + this.d(x, y) - this.d(v, y);
    let delta = this.rem2 + this.costNoTime(V.type, V.len + 2, distV, V.load + q) - V.cost;
    if (delta > -this.eps) return false;
    if (inst.hasTime) {
      let ex = 0;
      if (U.len > 2) {
        this.tPrefix(U, i - 1);
        ex += this.tSuffix(U, i + 2, U.type);
      }
      this.tPrefix(V, j);
      if (reversed) {
        this.tVisit(x);
        this.tVisit(u);
      } else {
        this.tVisit(u);
        this.tVisit(x);
      }
      ex += this.tSuffix(V, j + 1, V.type);
      delta += this.wTime * ex;
      if (delta > -this.eps) return false;
    }
    let ku = 0;
    for (let p = 1; p <= U.len; p++) if (p !== i && p !== i + 1) this.bufU[ku++] = nu[p]!;
    let kv = 0;
    for (let p = 1; p <= j; p++) this.bufV[kv++] = nv[p]!;
    this.bufV[kv++] = reversed ? x : u;
    this.bufV[kv++] = reversed ? u : x;
    for (let p = j + 1; p <= V.len; p++) this.bufV[kv++] = nv[p]!;
    this.commit(U, ku, V, kv);
    return true;
  }

  /** Swaps u (U at i) and v (V at j). */
  private swapOne(U: Route, i: number, V: Route, j: number): boolean {
    if (j === 0) return false;
    const inst = this.instance;
    const nu = U.nodes;
    const nv = V.nodes;
    const u = nu[i]!;
    const a = nu[i - 1]!;
    const x = nu[i + 1]!;
    const v = nv[j]!;
    const b = nv[j - 1]!;
    const y = nv[j + 1]!;
    const qu = inst.demand[u]!;
    const qv = inst.demand[v]!;
    const distU = U.distance + this.d(a, v) + this.d(v, x) - this.d(a, u) - this.d(u, x);
    const distV = V.distance + this.d(b, u) + this.d(u, y) - this.d(b, v) - this.d(v, y);
    let delta =
      this.costNoTime(U.type, U.len, distU, U.load - qu + qv) +
      this.costNoTime(V.type, V.len, distV, V.load + qu - qv) -
      U.cost -
      V.cost;
    if (delta > -this.eps) return false;
    if (inst.hasTime) {
      this.tPrefix(U, i - 1);
      this.tVisit(v);
      let ex = this.tSuffix(U, i + 1, U.type);
      this.tPrefix(V, j - 1);
      this.tVisit(u);
      ex += this.tSuffix(V, j + 1, V.type);
      delta += this.wTime * ex;
      if (delta > -this.eps) return false;
    }
    let ku = 0;
    for (let p = 1; p <= U.len; p++) this.bufU[ku++] = p === i ? v : nu[p]!;
    let kv = 0;
    for (let p = 1; p <= V.len; p++) this.bufV[kv++] = p === j ? u : nv[p]!;
    this.commit(U, ku, V, kv);
    return true;
  }

  /** Swaps (u, x) of U with v of V. */
  private swapPairOne(U: Route, i: number, V: Route, j: number): boolean {
    if (j === 0 || i >= U.len) return false;
    const inst = this.instance;
    const nu = U.nodes;
    const nv = V.nodes;
    const u = nu[i]!;
    const x = nu[i + 1]!;
    const a = nu[i - 1]!;
    const z = nu[i + 2]!;
    const v = nv[j]!;
    const b = nv[j - 1]!;
    const y = nv[j + 1]!;
    const qux = inst.demand[u]! + inst.demand[x]!;
    const qv = inst.demand[v]!;
    const distU = U.distance + this.d(a, v) + this.d(v, z) - this.d(a, u) - this.d(u, x) - this.d(x, z);
    const distV = V.distance + this.d(b, u) + this.d(u, x) + this.d(x, y) - this.d(b, v) - this.d(v, y);
    let delta =
      this.costNoTime(U.type, U.len - 1, distU, U.load - qux + qv) +
      this.costNoTime(V.type, V.len + 1, distV, V.load + qux - qv) -
      U.cost -
      V.cost;
    if (delta > -this.eps) return false;
    if (inst.hasTime) {
      this.tPrefix(U, i - 1);
      this.tVisit(v);
      let ex = this.tSuffix(U, i + 2, U.type);
      this.tPrefix(V, j - 1);
      this.tVisit(u);
      this.tVisit(x);
      ex += this.tSuffix(V, j + 1, V.type);
      delta += this.wTime * ex;
      if (delta > -this.eps) return false;
    }
    let ku = 0;
    for (let p = 1; p <= U.len; p++) {
      if (p === i) this.bufU[ku++] = v;
      else if (p !== i + 1) this.bufU[ku++] = nu[p]!;
    }
    let kv = 0;
    for (let p = 1; p <= V.len; p++) {
      if (p === j) {
        this.bufV[kv++] = u;
        this.bufV[kv++] = x;
      } else this.bufV[kv++] = nv[p]!;
    }
    this.commit(U, ku, V, kv);
    return true;
  }

  /** Swaps (u, x) of U with (v, y) of V. */
  private swapPairs(U: Route, i: number, V: Route, j: number): boolean {
    if (j === 0 || i >= U.len || j >= V.len) return false;
    const inst = this.instance;
    const nu = U.nodes;
    const nv = V.nodes;
    const u = nu[i]!;
    const x = nu[i + 1]!;
    const a = nu[i - 1]!;
    const z = nu[i + 2]!;
    const v = nv[j]!;
    const y = nv[j + 1]!;
    const b = nv[j - 1]!;
    const w = nv[j + 2]!;
    const qux = inst.demand[u]! + inst.demand[x]!;
    const qvy = inst.demand[v]! + inst.demand[y]!;
    const distU =
      U.distance + this.d(a, v) + this.d(v, y) + this.d(y, z) - this.d(a, u) - this.d(u, x) - this.d(x, z);
    const distV =
      V.distance + this.d(b, u) + this.d(u, x) + this.d(x, w) - this.d(b, v) - this.d(v, y) - this.d(y, w);
    let delta =
      this.costNoTime(U.type, U.len, distU, U.load - qux + qvy) +
      this.costNoTime(V.type, V.len, distV, V.load + qux - qvy) -
      U.cost -
      V.cost;
    if (delta > -this.eps) return false;
    if (inst.hasTime) {
      this.tPrefix(U, i - 1);
      this.tVisit(v);
      this.tVisit(y);
      let ex = this.tSuffix(U, i + 2, U.type);
      this.tPrefix(V, j - 1);
      this.tVisit(u);
      this.tVisit(x);
      ex += this.tSuffix(V, j + 2, V.type);
      delta += this.wTime * ex;
      if (delta > -this.eps) return false;
    }
    let ku = 0;
    for (let p = 1; p <= U.len; p++) {
      if (p === i) this.bufU[ku++] = v;
      else if (p === i + 1) this.bufU[ku++] = y;
      else this.bufU[ku++] = nu[p]!;
    }
    let kv = 0;
    for (let p = 1; p <= V.len; p++) {
      if (p === j) this.bufV[kv++] = u;
      else if (p === j + 1) this.bufV[kv++] = x;
      else this.bufV[kv++] = nv[p]!;
    }
    this.commit(U, ku, V, kv);
    return true;
  }

  /** 2-opt*: U keeps depot..u then V's tail after v; V keeps depot..v then U's tail after u. */
  private twoOptStar(U: Route, i: number, V: Route, j: number): boolean {
    const inst = this.instance;
    const nu = U.nodes;
    const nv = V.nodes;
    const u = nu[i]!;
    const x = nu[i + 1]!;
    const v = nv[j]!;
    const y = nv[j + 1]!;
    const lenU = i + (V.len - j);
    const lenV = j + (U.len - i);
    if (V.len === 0 && lenV > 0 && lenU > 0 && this.nonEmpty >= this.maxRoutes) return false;
    const distU = U.cumDist[i]! + this.d(u, y) + (V.distance - V.cumDist[j + 1]!);
    const distV = V.cumDist[j]! + this.d(v, x) + (U.distance - U.cumDist[i + 1]!);
    const loadU = U.cumLoad[i]! + V.load - V.cumLoad[j]!;
    const loadV = V.cumLoad[j]! + U.load - U.cumLoad[i]!;
    let delta =
      this.costNoTime(U.type, lenU, distU, loadU) +
      this.costNoTime(V.type, lenV, distV, loadV) -
      U.cost -
      V.cost;
    if (delta > -this.eps) return false;
    if (inst.hasTime) {
      let ex = 0;
      if (lenU > 0) {
        this.tPrefix(U, i);
        ex += this.tSuffix(V, j + 1, U.type);
      }
      if (lenV > 0) {
        this.tPrefix(V, j);
        ex += this.tSuffix(U, i + 1, V.type);
      }
      delta += this.wTime * ex;
      if (delta > -this.eps) return false;
    }
    let ku = 0;
    for (let p = 1; p <= i; p++) this.bufU[ku++] = nu[p]!;
    for (let p = j + 1; p <= V.len; p++) this.bufU[ku++] = nv[p]!;
    let kv = 0;
    for (let p = 1; p <= j; p++) this.bufV[kv++] = nv[p]!;
    for (let p = i + 1; p <= U.len; p++) this.bufV[kv++] = nu[p]!;
    this.commit(U, ku, V, kv);
    return true;
  }

  /**
   * The reversing 2-opt*: U becomes depot..u, v..(V's start reversed); V becomes (U's tail after u
   * reversed), then V's tail after v. Only with symmetric distances and no time constraints.
   */
  private twoOptStarReversing(U: Route, i: number, V: Route, j: number): boolean {
    const inst = this.instance;
    if (inst.hasTime || !inst.symmetric) return false;
    const nu = U.nodes;
    const nv = V.nodes;
    const u = nu[i]!;
    const x = nu[i + 1]!;
    const v = nv[j]!;
    const y = nv[j + 1]!;
    const lenU = i + j;
    const lenV = U.len - i + (V.len - j);
    const distU = U.cumDist[i]! + this.d(u, v) + V.cumDist[j]!;
    const distV = U.distance - U.cumDist[i + 1]! + this.d(x, y) + (V.distance - V.cumDist[j + 1]!);
    const loadU = U.cumLoad[i]! + V.cumLoad[j]!;
    const loadV = U.load - U.cumLoad[i]! + V.load - V.cumLoad[j]!;
    const delta =
      this.costNoTime(U.type, lenU, distU, loadU) +
      this.costNoTime(V.type, lenV, distV, loadV) -
      U.cost -
      V.cost;
    if (delta > -this.eps) return false;
    let ku = 0;
    for (let p = 1; p <= i; p++) this.bufU[ku++] = nu[p]!;
    for (let p = j; p >= 1; p--) this.bufU[ku++] = nv[p]!;
    let kv = 0;
    for (let p = U.len; p >= i + 1; p--) this.bufV[kv++] = nu[p]!;
    for (let p = j + 1; p <= V.len; p++) this.bufV[kv++] = nv[p]!;
    this.commit(U, ku, V, kv);
    return true;
  }

  // ---------------------------------------------------------------- intra-route moves

  /** Penalised cost of route r with a new distance, after an intra move (load unchanged). */
  private intraDelta(r: Route, newDist: number): number {
    return this.costNoTime(r.type, r.len, newDist, r.load) - r.cost;
  }

  /** Finishes an intra move: prices the time of the new window, applies it if it improves. */
  private intraFinish(r: Route, lo: number, hi: number, delta: number): boolean {
    if (delta > -this.eps) return false;
    const k = hi - lo + 1;
    if (this.instance.hasTime) {
      const total = delta + this.wTime * this.tWindow(r, lo, hi, k);
      if (total > -this.eps) return false;
    }
    for (let q = 0; q < k; q++) r.nodes[lo + q] = this.window[q]!;
    this.stamp++;
    this.improved = true;
    this.updateRoute(r);
    return true;
  }

  private intraRelocate(r: Route, i: number, j: number): boolean {
    if (j === i - 1 || j === i) return false;
    const nd = r.nodes;
    const u = nd[i]!;
    const a = nd[i - 1]!;
    const x = nd[i + 1]!;
    const v = nd[j]!;
    const y = nd[j + 1]!;
    const dist =
      r.distance + this.d(a, x) - this.d(a, u) - this.d(u, x) + this.d(v, u) + this.d(u, y) - this.d(v, y);
    const delta = this.intraDelta(r, dist);
    if (delta > -this.eps) return false;
    const w = this.window;
    let k = 0;
    if (j > i) {
      for (let p = i + 1; p <= j; p++) w[k++] = nd[p]!;
      w[k++] = u;
      return this.intraFinish(r, i, j, delta);
    }
    w[k++] = u;
    for (let p = j + 1; p <= i - 1; p++) w[k++] = nd[p]!;
    return this.intraFinish(r, j + 1, i, delta);
  }

  private intraRelocatePair(r: Route, i: number, j: number, reversed: boolean): boolean {
    if (i >= r.len || j === i - 1 || j === i || j === i + 1) return false;
    const nd = r.nodes;
    const u = nd[i]!;
    const x = nd[i + 1]!;
    const a = nd[i - 1]!;
    const z = nd[i + 2]!;
    const v = nd[j]!;
    const y = nd[j + 1]!;
    let dist = r.distance + this.d(a, z) - this.d(a, u) - this.d(u, x) - this.d(x, z) - this.d(v, y);
    dist += reversed
      ? this.d(v, x) + this.d(x, u) + this.d(u, y)
      : this.d(v, u) + this.d(u, x) + this.d(x, y);
    const delta = this.intraDelta(r, dist);
    if (delta > -this.eps) return false;
    const w = this.window;
    const first = reversed ? x : u;
    const second = reversed ? u : x;
    let k = 0;
    if (j > i + 1) {
      for (let p = i + 2; p <= j; p++) w[k++] = nd[p]!;
      w[k++] = first;
      w[k++] = second;
      return this.intraFinish(r, i, j, delta);
    }
    w[k++] = first;
    w[k++] = second;
    for (let p = j + 1; p <= i - 1; p++) w[k++] = nd[p]!;
    return this.intraFinish(r, j + 1, i + 1, delta);
  }

  private intraSwap(r: Route, i: number, j: number): boolean {
    if (j === 0 || Math.abs(i - j) < 2) return false;
    const nd = r.nodes;
    const u = nd[i]!;
    const v = nd[j]!;
    const dist =
      r.distance +
      this.d(nd[i - 1]!, v) +
      this.d(v, nd[i + 1]!) -
      this.d(nd[i - 1]!, u) -
      this.d(u, nd[i + 1]!) +
      this.d(nd[j - 1]!, u) +
      this.d(u, nd[j + 1]!) -
      this.d(nd[j - 1]!, v) -
      this.d(v, nd[j + 1]!);
    const delta = this.intraDelta(r, dist);
    if (delta > -this.eps) return false;
    const lo = Math.min(i, j);
    const hi = Math.max(i, j);
    const w = this.window;
    let k = 0;
    for (let p = lo; p <= hi; p++) w[k++] = p === i ? v : p === j ? u : nd[p]!;
    return this.intraFinish(r, lo, hi, delta);
  }

  private intraSwapPairOne(r: Route, i: number, j: number): boolean {
    if (j === 0 || i >= r.len || (j >= i - 1 && j <= i + 2)) return false;
    const nd = r.nodes;
    const u = nd[i]!;
    const x = nd[i + 1]!;
    const a = nd[i - 1]!;
    const z = nd[i + 2]!;
    const v = nd[j]!;
    const b = nd[j - 1]!;
    const y = nd[j + 1]!;
    const dist =
      r.distance +
      this.d(a, v) +
      this.d(v, z) -
      this.d(a, u) -
      this.d(x, z) +
      this.d(b, u) +
      this.d(x, y) -
      this.d(b, v) -
      this.d(v, y);
    const delta = this.intraDelta(r, dist);
    if (delta > -this.eps) return false;
    const w = this.window;
    let k = 0;
    if (j > i) {
      w[k++] = v;
      for (let p = i + 2; p <= j - 1; p++) w[k++] = nd[p]!;
      w[k++] = u;
      w[k++] = x;
      return this.intraFinish(r, i, j, delta);
    }
    w[k++] = u;
    w[k++] = x;
    for (let p = j + 1; p <= i - 1; p++) w[k++] = nd[p]!;
    w[k++] = v;
    return this.intraFinish(r, j, i + 1, delta);
  }

  private intraSwapPairs(r: Route, i: number, j: number): boolean {
    if (j === 0 || i >= r.len || j >= r.len || Math.abs(i - j) < 3) return false;
    const nd = r.nodes;
    const u = nd[i]!;
    const x = nd[i + 1]!;
    const a = nd[i - 1]!;
    const z = nd[i + 2]!;
    const v = nd[j]!;
    const y = nd[j + 1]!;
    const b = nd[j - 1]!;
    const w2 = nd[j + 2]!;
    const dist =
      r.distance +
      this.d(a, v) +
      this.d(y, z) -
      this.d(a, u) -
      this.d(x, z) +
      this.d(b, u) +
      this.d(x, w2) -
      this.d(b, v) -
      this.d(y, w2);
    const delta = this.intraDelta(r, dist);
    if (delta > -this.eps) return false;
    const w = this.window;
    let k = 0;
    if (j > i) {
      w[k++] = v;
      w[k++] = y;
      for (let p = i + 2; p <= j - 1; p++) w[k++] = nd[p]!;
      w[k++] = u;
      w[k++] = x;
      return this.intraFinish(r, i, j + 1, delta);
    }
    w[k++] = u;
    w[k++] = x;
    for (let p = j + 2; p <= i - 1; p++) w[k++] = nd[p]!;
    w[k++] = v;
    w[k++] = y;
    return this.intraFinish(r, j, i + 1, delta);
  }

  /** 2-opt inside one route: reverses the visits between x (after u) and v. */
  private intraTwoOpt(r: Route, i: number, j: number): boolean {
    if (j < i + 2) return false;
    const nd = r.nodes;
    const u = nd[i]!;
    const x = nd[i + 1]!;
    const v = nd[j]!;
    const y = nd[j + 1]!;
    const inner = r.cumRev[j]! - r.cumRev[i + 1]! - (r.cumDist[j]! - r.cumDist[i + 1]!);
    const dist = r.distance + this.d(u, v) + this.d(x, y) - this.d(u, x) - this.d(v, y) + inner;
    const delta = this.intraDelta(r, dist);
    if (delta > -this.eps) return false;
    const w = this.window;
    let k = 0;
    for (let p = j; p >= i + 1; p--) w[k++] = nd[p]!;
    return this.intraFinish(r, i + 1, j, delta);
  }

  // ---------------------------------------------------------------- SWAP*

  private swapStarLoop(loop: number): void {
    const live = this.liveRoutes();
    const order = this.liveBuf;
    const useSectors = this.instance.angle !== null;
    for (let a = 0; a < live; a++) {
      const U = this.routes[order[a]!]!;
      if (U.len === 0) continue;
      const lastTest = U.lastTestedSwapStar;
      U.lastTestedSwapStar = this.stamp;
      for (let b = 0; b < live; b++) {
        const V = this.routes[order[b]!]!;
        if (V.len === 0 || U.index >= V.index) continue;
        if (loop > 0 && Math.max(U.lastModified, V.lastModified) <= lastTest) continue;
        if (useSectors && !sectorsOverlap(U.sectorStart, U.sectorSpan, V.sectorStart, V.sectorSpan)) continue;
        this.swapStar(U, V);
      }
    }
  }

  /** Fills `liveBuf` with the non-empty routes in the shuffled route order; returns their number. */
  private liveRoutes(): number {
    let k = 0;
    for (let a = 0; a < this.routeOrder.length; a++) {
      const r = this.routeOrder[a]!;
      if (this.routes[r]!.len > 0) this.liveBuf[k++] = r;
    }
    return k;
  }

  private insertionCache(r: Route): void {
    if (this.insCost[r.index] === null) {
      const size = this.instance.size;
      this.insCost[r.index] = new Float64Array(size * 3);
      this.insPos[r.index] = new Int32Array(size * 3);
      this.insStamp[r.index] = new Int32Array(size).fill(-1);
    }
  }

  /** Computes the three cheapest insertions of every customer of `from` into `into`. */
  private preprocessInsertions(from: Route, into: Route): void {
    this.insertionCache(into);
    const inst = this.instance;
    const costs = this.insCost[into.index]!;
    const pos = this.insPos[into.index]!;
    const stamps = this.insStamp[into.index]!;
    const nf = from.nodes;
    const ni = into.nodes;
    const baseEx = inst.hasTime
      ? into.timeWarp + Math.max(0, into.duration - inst.maxDuration[into.type]!)
      : 0;
    for (let p = 1; p <= from.len; p++) {
      const u = nf[p]!;
      if (inst.hasTime) {
        this.tPrefix(from, p - 1);
        const ex = this.tSuffix(from, p + 1, from.type);
        const exFull = from.timeWarp + Math.max(0, from.duration - inst.maxDuration[from.type]!);
        this.removal[u] =
          this.d(nf[p - 1]!, nf[p + 1]!) -
          this.d(nf[p - 1]!, u) -
          this.d(u, nf[p + 1]!) +
          this.wTime * (ex - exFull);
      } else {
        this.removal[u] = this.d(nf[p - 1]!, nf[p + 1]!) - this.d(nf[p - 1]!, u) - this.d(u, nf[p + 1]!);
      }
      if (stamps[u]! >= into.lastModified) continue;
      stamps[u] = this.stamp;
      const o = u * 3;
      costs[o] = costs[o + 1] = costs[o + 2] = Number.POSITIVE_INFINITY;
      pos[o] = pos[o + 1] = pos[o + 2] = -1;
      for (let q = 0; q <= into.len; q++) {
        let c = this.d(ni[q]!, u) + this.d(u, ni[q + 1]!) - this.d(ni[q]!, ni[q + 1]!);
        if (inst.hasTime) {
          this.tPrefix(into, q);
          this.tVisit(u);
          c += this.wTime * (this.tSuffix(into, q + 1, into.type) - baseEx);
        }
        if (c < costs[o + 2]!) {
          if (c < costs[o + 1]!) {
            costs[o + 2] = costs[o + 1]!;
            pos[o + 2] = pos[o + 1]!;
            if (c < costs[o]!) {
              costs[o + 1] = costs[o]!;
              pos[o + 1] = pos[o]!;
              costs[o] = c;
              pos[o] = q;
            } else {
              costs[o + 1] = c;
              pos[o + 1] = q;
            }
          } else {
            costs[o + 2] = c;
            pos[o + 2] = q;
          }
        }
      }
    }
  }

  /**
   * Cheapest estimated insertion of u into route R (with v, at position pv, removed): the best
   * cached position not adjacent to v, or v's own place. Sets `bestPos` (insert after that position).
   */
  private cheapestWithout(u: number, R: Route, pv: number): number {
    const costs = this.insCost[R.index]!;
    const pos = this.insPos[R.index]!;
    const o = u * 3;
    let best = Number.POSITIVE_INFINITY;
    let where = -1;
    for (let k = 0; k < 3; k++) {
      const q = pos[o + k]!;
      if (q < 0) break;
      if (q !== pv && q !== pv - 1) {
        best = costs[o + k]!;
        where = q;
        break;
      }
    }
    const nr = R.nodes;
    const inPlace = this.d(nr[pv - 1]!, u) + this.d(u, nr[pv + 1]!) - this.d(nr[pv - 1]!, nr[pv + 1]!);
    if (where < 0 || inPlace < best) {
      best = inPlace;
      where = pv - 1;
    }
    this.bestPos = where;
    return best;
  }

  private swapStar(U: Route, V: Route): void {
    const inst = this.instance;
    this.preprocessInsertions(U, V);
    this.preprocessInsertions(V, U);
    const cc = this.candCost;
    cc.fill(Number.POSITIVE_INFINITY);
    const nu = U.nodes;
    const nv = V.nodes;
    const capU = inst.capacity[U.type]!;
    const capV = inst.capacity[V.type]!;
    const penU = this.wLoad * Math.max(0, U.load - capU);
    const penV = this.wLoad * Math.max(0, V.load - capV);
    for (let i = 1; i <= U.len; i++) {
      const u = nu[i]!;
      const qu = inst.demand[u]!;
      for (let j = 1; j <= V.len; j++) {
        const v = nv[j]!;
        const qv = inst.demand[v]!;
        const dPenU = this.wLoad * Math.max(0, U.load + qv - qu - capU) - penU;
        const dPenV = this.wLoad * Math.max(0, V.load + qu - qv - capV) - penV;
        const base = dPenU + this.removal[u]! + dPenV + this.removal[v]!;
        if (base > cc[SWAP_STAR_CANDIDATES - 1]!) continue;
        const extraV = this.cheapestWithout(u, V, j);
        const posU = this.bestPos; // where u goes in V
        const extraU = this.cheapestWithout(v, U, i);
        const posV = this.bestPos; // where v goes in U
        const cost = base + extraU + extraV;
        this.pushCandidate(cost, u, v, posU, posV);
      }
    }
    if (!(cc[0]! < -this.eps)) return;
    for (let k = 0; k < SWAP_STAR_CANDIDATES; k++) {
      if (!(cc[k]! < -this.eps)) break;
      if (this.applySwapStar(U, V, this.candU[k]!, this.candV[k]!, this.candPosU[k]!, this.candPosV[k]!))
        return;
    }
  }

  private pushCandidate(cost: number, u: number, v: number, posU: number, posV: number): void {
    const cc = this.candCost;
    let k = SWAP_STAR_CANDIDATES - 1;
    if (!(cost < cc[k]!)) return;
    while (k > 0 && cost < cc[k - 1]!) {
      cc[k] = cc[k - 1]!;
      this.candU[k] = this.candU[k - 1]!;
      this.candV[k] = this.candV[k - 1]!;
      this.candPosU[k] = this.candPosU[k - 1]!;
      this.candPosV[k] = this.candPosV[k - 1]!;
      k--;
    }
    cc[k] = cost;
    this.candU[k] = u;
    this.candV[k] = v;
    this.candPosU[k] = posU;
    this.candPosV[k] = posV;
  }

  /**
   * Builds the two routes of a SWAP* candidate — u moved into V after position `posU` (V's own
   * numbering, v removed), v moved into U after `posV` — prices them exactly and applies them if
   * they improve.
   */
  private applySwapStar(U: Route, V: Route, u: number, v: number, posU: number, posV: number): boolean {
    const nu = U.nodes;
    const nv = V.nodes;
    const i = this.posOf[u]!;
    const j = this.posOf[v]!;
    // New U: U without u, v inserted after old position posV (posV is never i).
    let ku = 0;
    if (posV === 0) this.bufU[ku++] = v;
    for (let p = 1; p <= U.len; p++) {
      if (p !== i) this.bufU[ku++] = nu[p]!;
      if (p === posV) this.bufU[ku++] = v;
    }
    let kv = 0;
    if (posU === 0) this.bufV[kv++] = u;
    for (let p = 1; p <= V.len; p++) {
      if (p !== j) this.bufV[kv++] = nv[p]!;
      if (p === posU) this.bufV[kv++] = u;
    }
    const costU = this.exactCost(U.type, this.bufU, ku);
    const costV = this.exactCost(V.type, this.bufV, kv);
    if (costU + costV - U.cost - V.cost > -this.eps - 1e-12 * (U.cost + V.cost)) return false;
    this.commit(U, ku, V, kv);
    return true;
  }

  /** Exact penalised cost of a route given as `buf[0..k)` for a vehicle type. */
  private exactCost(type: number, buf: Int32Array, k: number): number {
    if (k === 0) return 0;
    const inst = this.instance;
    let dist = 0;
    let load = 0;
    let last = 0;
    for (let q = 0; q < k; q++) {
      const c = buf[q]!;
      dist += this.d(last, c);
      load += inst.demand[c]!;
      last = c;
    }
    dist += this.d(last, 0);
    let cost = this.costNoTime(type, k, dist, load);
    if (inst.hasTime) {
      this.sD = 0;
      this.sTW = 0;
      this.sE = inst.ready[0]!;
      this.sL = inst.due[0]!;
      this.sLast = 0;
      for (let q = 0; q < k; q++) this.tVisit(buf[q]!);
      this.tVisit(0);
      cost += this.wTime * this.segmentExcess(type);
    }
    return cost;
  }

  // ---------------------------------------------------------------- heterogeneous fleet

  /** Exchanges the vehicles of two routes of different types when that lowers the cost. */
  private vehicleExchanges(): void {
    const R = this.routes.length;
    this.emptyStamp = -1;
    this.emptyOfType.fill(-1);
    for (const r of this.routes)
      if (r.len === 0 && this.emptyOfType[r.type]! < 0) this.emptyOfType[r.type] = r.index;
    for (let a = 0; a < R; a++) {
      const A = this.routes[a]!;
      if (A.len === 0) continue;
      for (let b = 0; b < R; b++) {
        const B = this.routes[b]!;
        if (a === b || A.type === B.type) continue;
        if (B.len === 0 && this.emptyOfType[B.type] !== b) continue;
        const before = A.cost + B.cost;
        const after = this.costAs(A, B.type) + this.costAs(B, A.type);
        if (after - before < -this.eps - 1e-12 * before) {
          const t = A.type;
          A.type = B.type;
          B.type = t;
          this.stamp++;
          this.improved = true;
          this.updateRoute(A);
          this.updateRoute(B);
          if (A.len === 0 || B.len === 0) {
            this.emptyOfType.fill(-1);
            for (const r of this.routes) {
              if (r.len === 0 && this.emptyOfType[r.type]! < 0) this.emptyOfType[r.type] = r.index;
            }
          }
        }
      }
    }
  }

  /** Penalised cost of route r if it were driven by a vehicle of `type`. */
  private costAs(r: Route, type: number): number {
    if (r.len === 0) return 0;
    const inst = this.instance;
    let c = this.costNoTime(type, r.len, r.distance, r.load);
    if (inst.hasTime) {
      const ex = r.timeWarp + Math.max(r.duration - inst.maxDuration[type]!, 0);
      if (ex > this.timeTol) c += this.wTime * ex;
    }
    return c;
  }

  // ---------------------------------------------------------------- ruin and recreate primitives

  /** Removes `count` consecutive visits of route r starting at position `from`. */
  removeRange(r: Route, from: number, count: number): void {
    const nd = r.nodes;
    for (let p = from; p < from + count; p++) this.routeOf[nd[p]!] = -1;
    for (let p = from; p + count <= r.len; p++) nd[p] = nd[p + count]!;
    r.len -= count;
    this.stamp++;
    this.updateRoute(r);
  }

  /** Inserts customer c after position p of route r. */
  insertAt(c: number, r: Route, p: number): void {
    r.reserve(r.len + 1);
    const nd = r.nodes;
    for (let q = r.len; q > p; q--) nd[q + 1] = nd[q]!;
    nd[p + 1] = c;
    r.len++;
    this.stamp++;
    this.updateRoute(r);
  }

  private snapNodes: Int32Array[] = [];
  private snapLen: Int32Array = new Int32Array(0);
  private snapType: Int32Array = new Int32Array(0);
  private snapModified: Int32Array = new Int32Array(0);
  private snapStamp = 0;

  /** Saves every route, so that {@link restore} can undo what follows. */
  snapshot(): void {
    const R = this.routes.length;
    if (this.snapNodes.length !== R) {
      this.snapNodes = this.routes.map(() => new Int32Array(8));
      this.snapLen = new Int32Array(R);
      this.snapType = new Int32Array(R);
      this.snapModified = new Int32Array(R);
    }
    for (let k = 0; k < R; k++) {
      const r = this.routes[k]!;
      if (this.snapNodes[k]!.length < r.len) this.snapNodes[k] = new Int32Array(Math.max(8, 2 * r.len));
      this.snapNodes[k]!.set(r.nodes.subarray(1, r.len + 1));
      this.snapLen[k] = r.len;
      this.snapType[k] = r.type;
      this.snapModified[k] = r.lastModified;
    }
    this.snapStamp = this.stamp;
  }

  /** Puts back the routes saved by the last {@link snapshot} (only those changed since). */
  restore(): void {
    const R = this.routes.length;
    for (let k = 0; k < R; k++) {
      const r = this.routes[k]!;
      if (r.lastModified <= this.snapStamp) continue;
      for (let p = 1; p <= r.len; p++) this.routeOf[r.nodes[p]!] = -1;
    }
    for (let k = 0; k < R; k++) {
      const r = this.routes[k]!;
      if (r.lastModified <= this.snapStamp) continue;
      const len = this.snapLen[k]!;
      r.reserve(len);
      r.nodes.set(this.snapNodes[k]!.subarray(0, len), 1);
      r.len = len;
      r.type = this.snapType[k]!;
      this.updateRoute(r);
      // Back to its old state: what was tested against it then still holds, but SWAP*
      // insertions computed meanwhile describe the discarded content.
      r.lastModified = this.snapModified[k]!;
      this.insStamp[k]?.fill(-1);
    }
    this.stamp++; // invalidates the removal context
  }

  /** Whether route r keeps every limit of its vehicle (within the instance tolerances). */
  routeFeasible(r: Route): boolean {
    if (r.len === 0) return true;
    const inst = this.instance;
    if (r.load > this.capacity[r.type]! + this.loadTol) return false;
    if (this.hasMaxDistance && r.distance > this.maxDistance[r.type]! + this.distTol) return false;
    if (inst.hasTime && r.timeWarp + Math.max(0, r.duration - inst.maxDuration[r.type]!) > this.timeTol)
      return false;
    return true;
  }

  /** Route and position (insert after) of the last {@link cheapestFeasibleInsertion}. */
  insRoute = -1;
  insAfter = 0;

  /**
   * Cheapest insertion of customer c that keeps its route feasible (capacity, windows, duration,
   * distance), skipping each position with probability `blink` (SISR's blinks); also tries one
   * empty vehicle of each type when the fleet limit allows. Returns the added cost (Infinity when
   * no position fits) and leaves the place in `insRoute` / `insAfter`.
   */
  cheapestFeasibleInsertion(c: number, blink: number, rng: Rng): number {
    const inst = this.instance;
    const q = this.demand[c]!;
    let best = Number.POSITIVE_INFINITY;
    this.insRoute = -1;
    const loadTol = inst.loadTolerance;
    const timeTol = inst.timeTolerance;
    const distTol = inst.distanceTolerance;
    const canOpen = this.nonEmpty < this.maxRoutes;
    this.emptyStamp = -1;
    this.emptyOfType.fill(-1);
    for (let k = 0; k < this.routes.length; k++) {
      const r = this.routes[k]!;
      if (r.len === 0) {
        if (!canOpen || this.emptyOfType[r.type]! >= 0) continue;
        this.emptyOfType[r.type] = k;
      }
      if (r.load + q > this.capacity[r.type]! + loadTol) continue;
      const nd = r.nodes;
      const open = r.len === 0 ? this.fixedCost[r.type]! : 0;
      // On a feasible route without a duration limit, windows are checked from the earliest
      // departures and latest starts; with metric travel times the arrival at c only gets
      // later along the route, so a missed due time ends the scan of this route.
      const quick = inst.hasTime && !inst.hasMaxDuration && r.timeWarp <= timeTol;
      const time = inst.time;
      const size = this.size;
      const dueC = inst.due[c]! + timeTol;
      for (let p = 0; p <= r.len; p++) {
        const a = nd[p]!;
        const b = nd[p + 1]!;
        if (quick) {
          const arrival = r.eDep[p]! + time[a * size + c]!;
          if (arrival > dueC) {
            if (inst.metricTimes) break;
            continue;
          }
        }
        const delta = open + this.d(a, c) + this.d(c, b) - this.d(a, b);
        if (delta >= best) continue;
        if (blink > 0 && rng.next() < blink) continue;
        if (this.hasMaxDistance && r.distance + delta - open > this.maxDistance[r.type]! + distTol) continue;
        if (quick) {
          const arrival = r.eDep[p]! + time[a * size + c]!;
          const leave = Math.max(arrival, inst.ready[c]!) + inst.service[c]!;
          if (leave + time[c * size + b]! > r.lStart[p + 1]! + timeTol) continue;
        } else if (inst.hasTime) {
          this.tPrefix(r, p);
          this.tVisit(c);
          if (this.tSuffix(r, p + 1, r.type) > timeTol) continue;
        }
        best = delta;
        this.insRoute = k;
        this.insAfter = p;
      }
    }
    return best;
  }

  // ---------------------------------------------------------------- bookkeeping

  /** Copies the buffers into U and V and refreshes both. */
  private commit(U: Route, ku: number, V: Route, kv: number): void {
    U.reserve(ku);
    for (let p = 0; p < ku; p++) U.nodes[p + 1] = this.bufU[p]!;
    U.len = ku;
    V.reserve(kv);
    for (let p = 0; p < kv; p++) V.nodes[p + 1] = this.bufV[p]!;
    V.len = kv;
    this.stamp++;
    this.improved = true;
    this.updateRoute(U);
    this.updateRoute(V);
  }

  /** Recomputes every prefix/suffix array and total of a route. */
  updateRoute(r: Route): void {
    const inst = this.instance;
    const size = inst.size;
    const dist = inst.dist;
    const demand = inst.demand;
    const len = r.len;
    const nd = r.nodes;
    nd[0] = 0;
    nd[len + 1] = 0;
    r.cumDist[0] = 0;
    r.cumRev[0] = 0;
    r.cumLoad[0] = 0;
    for (let p = 1; p <= len + 1; p++) {
      const a = nd[p - 1]!;
      const b = nd[p]!;
      r.cumDist[p] = r.cumDist[p - 1]! + dist[a * size + b]!;
      r.cumRev[p] = r.cumRev[p - 1]! + dist[b * size + a]!;
      r.cumLoad[p] = r.cumLoad[p - 1]! + demand[b]!;
      if (p <= len) {
        this.routeOf[b] = r.index;
        this.posOf[b] = p;
      }
    }
    r.distance = r.cumDist[len + 1]!;
    r.load = r.cumLoad[len + 1]!;
    if (inst.hasTime) {
      const time = inst.time;
      const ready = inst.ready;
      const due = inst.due;
      const service = inst.service;
      r.fD[0] = 0;
      r.fTW[0] = 0;
      r.fE[0] = ready[0]!;
      r.fL[0] = due[0]!;
      for (let p = 1; p <= len + 1; p++) {
        const a = nd[p - 1]!;
        const c = nd[p]!;
        const t = time[a * size + c]!;
        const D1 = r.fD[p - 1]!;
        const TW1 = r.fTW[p - 1]!;
        const E1 = r.fE[p - 1]!;
        const L1 = r.fL[p - 1]!;
        const delta = D1 - TW1 + t;
        const w = Math.max(ready[c]! - delta - L1, 0);
        const tw = Math.max(E1 + delta - due[c]!, 0);
        r.fD[p] = D1 + service[c]! + t + w;
        r.fTW[p] = TW1 + tw;
        r.fE[p] = Math.max(ready[c]! - delta, E1) - w;
        r.fL[p] = Math.min(due[c]! - delta, L1) + tw;
      }
      r.bD[len + 1] = 0;
      r.bTW[len + 1] = 0;
      r.bE[len + 1] = ready[0]!;
      r.bL[len + 1] = due[0]!;
      for (let p = len; p >= 0; p--) {
        const c = nd[p]!;
        const b = nd[p + 1]!;
        const t = time[c * size + b]!;
        // Visit c, then the suffix starting at b.
        const D1 = service[c]!;
        const E1 = ready[c]!;
        const L1 = due[c]!;
        const delta = D1 + t;
        const w = Math.max(r.bE[p + 1]! - delta - L1, 0);
        const tw = Math.max(E1 + delta - r.bL[p + 1]!, 0);
        r.bD[p] = D1 + r.bD[p + 1]! + t + w;
        r.bTW[p] = r.bTW[p + 1]! + tw;
        r.bE[p] = Math.max(r.bE[p + 1]! - delta, E1) - w;
        r.bL[p] = Math.min(r.bL[p + 1]! - delta, L1) + tw;
      }
      r.timeWarp = r.fTW[len + 1]!;
      r.duration = r.fD[len + 1]!;
      // Schedule bounds for the O(1) insertion test of feasible routes.
      r.eDep[0] = ready[0]!;
      for (let p = 1; p <= len; p++) {
        const c = nd[p]!;
        r.eDep[p] = Math.max(r.eDep[p - 1]! + time[nd[p - 1]! * size + c]!, ready[c]!) + service[c]!;
      }
      r.lStart[len + 1] = due[0]!;
      for (let p = len; p >= 1; p--) {
        const c = nd[p]!;
        r.lStart[p] = Math.min(due[c]!, r.lStart[p + 1]! - time[c * size + nd[p + 1]!]! - service[c]!);
      }
    } else {
      r.timeWarp = 0;
      r.duration = 0;
    }
    r.cost = this.costAs(r, r.type);
    r.lastModified = this.stamp;
    if (len > 0 !== r.counted) {
      this.nonEmpty += len > 0 ? 1 : -1;
      r.counted = len > 0;
    }
    const angle = inst.angle;
    if (angle !== null && len > 0) {
      let start = angle[nd[1]!]!;
      let span = 0;
      let sin = 0;
      let cos = 0;
      for (let p = 1; p <= len; p++) {
        const a = angle[nd[p]!]!;
        sin += Math.sin(a);
        cos += Math.cos(a);
        const fwd = positiveAngle(start, a);
        if (fwd <= span) continue;
        const back = positiveAngle(a, start);
        if (fwd - span <= back) span = fwd;
        else {
          start = a;
          span += back;
        }
      }
      r.sectorStart = start;
      r.sectorSpan = span;
      r.barycentreAngle = Math.atan2(sin, cos);
    } else if (len === 0) {
      r.barycentreAngle = Number.POSITIVE_INFINITY;
    }
  }
}

export { Individual };
