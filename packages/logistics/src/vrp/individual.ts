import type { Instance } from './instance.js';
import type { PenaltyWeights } from './penalties.js';

/**
 * One solution of the genetic search: its routes (each with a vehicle type), the giant tour
 * (routes concatenated, for crossover), successor/predecessor arrays (for the broken-pairs
 * distance) and its cost split into distance, fixed costs and the three constraint excesses.
 */
export class Individual {
  routes: Int32Array[] = [];
  routeTypes: number[] = [];
  readonly tour: Int32Array;
  readonly succ: Int32Array;
  readonly pred: Int32Array;
  distance = 0;
  fixed = 0;
  excessLoad = 0;
  excessTime = 0;
  excessDistance = 0;
  loadFeasible = true;
  timeFeasible = true;
  distanceFeasible = true;
  penalisedCost = 0;
  biasedFitness = 0;
  /** Other members of the sub-population, nearest first (broken-pairs distance). */
  proximity: { d: number; other: Individual }[] = [];

  constructor(n: number) {
    this.tour = new Int32Array(n);
    this.succ = new Int32Array(n + 1);
    this.pred = new Int32Array(n + 1);
  }

  get feasible(): boolean {
    return this.loadFeasible && this.timeFeasible && this.distanceFeasible;
  }

  /** Distance plus fixed vehicle costs: the objective of a feasible solution. */
  get cost(): number {
    return this.distance + this.fixed;
  }

  get routeCount(): number {
    return this.routes.length;
  }

  /** Recomputes the penalised cost under the given weights. */
  penalise(w: PenaltyWeights): void {
    this.penalisedCost =
      this.distance +
      this.fixed +
      w.load * this.excessLoad +
      w.time * this.excessTime +
      w.distance * this.excessDistance;
  }

  /** Rebuilds tour, successors and predecessors from `routes`. */
  index(): void {
    let pos = 0;
    this.succ.fill(0);
    this.pred.fill(0);
    for (const route of this.routes) {
      for (let k = 0; k < route.length; k++) {
        const c = route[k]!;
        this.tour[pos++] = c;
        this.pred[c] = k === 0 ? 0 : route[k - 1]!;
        this.succ[c] = k === route.length - 1 ? 0 : route[k + 1]!;
      }
    }
  }

  /**
   * Broken-pairs distance (Prins 2009, as in HGS-CVRP): the share of customers whose neighbours
   * differ between the two solutions, in [0, 1].
   */
  brokenPairs(other: Individual): number {
    const n = this.tour.length;
    if (n === 0) return 0;
    let diff = 0;
    const s1 = this.succ;
    const p1 = this.pred;
    const s2 = other.succ;
    const p2 = other.pred;
    for (let j = 1; j <= n; j++) {
      if (s1[j] !== s2[j] && s1[j] !== p2[j]) diff++;
      if (p1[j] === 0 && p2[j] !== 0 && s2[j] !== 0) diff++;
    }
    return diff / n;
  }

  /** Mean distance to the `k` nearest others (1 when alone). */
  meanDistanceToClosest(k: number): number {
    const m = Math.min(k, this.proximity.length);
    if (m === 0) return 1;
    let sum = 0;
    for (let i = 0; i < m; i++) sum += this.proximity[i]!.d;
    return sum / m;
  }
}

/** Route totals of one route, as measured by {@link measureRoute}. */
export interface RouteMeasure {
  distance: number;
  load: number;
  timeWarp: number;
  duration: number;
}

/**
 * Measures one route (customers in order, depot implied at both ends) with the time-warp
 * arithmetic of `time-warp.ts`.
 */
export function measureRoute(instance: Instance, route: ArrayLike<number>): RouteMeasure {
  const { dist, time, size, demand, ready, due, service } = instance;
  let distance = 0;
  let load = 0;
  let D = 0;
  let TW = 0;
  let E = ready[0]!;
  let L = due[0]!;
  let last = 0;
  const len = route.length;
  for (let k = 0; k <= len; k++) {
    const c = k < len ? route[k]! : 0;
    distance += dist[last * size + c]!;
    load += demand[c]!;
    const t = time[last * size + c]!;
    const delta = D - TW + t;
    const wait = Math.max(ready[c]! - delta - L, 0);
    const warp = Math.max(E + delta - due[c]!, 0);
    D = D + service[c]! + t + wait;
    TW = TW + warp;
    E = Math.max(ready[c]! - delta, E) - wait;
    L = Math.min(due[c]! - delta, L) + warp;
    last = c;
  }
  return { distance, load, timeWarp: TW, duration: D };
}

/**
 * Sets an individual's cost components from its routes and types (measuring every route).
 */
export function evaluateIndividual(instance: Instance, ind: Individual): void {
  let distance = 0;
  let fixed = 0;
  let excessLoad = 0;
  let excessTime = 0;
  let excessDistance = 0;
  let loadOk = true;
  let timeOk = true;
  let distanceOk = true;
  for (let r = 0; r < ind.routes.length; r++) {
    const type = ind.routeTypes[r]!;
    const m = measureRoute(instance, ind.routes[r]!);
    distance += m.distance;
    fixed += instance.fixedCost[type]!;
    const el = Math.max(0, m.load - instance.capacity[type]!);
    const et = instance.hasTime ? m.timeWarp + Math.max(0, m.duration - instance.maxDuration[type]!) : 0;
    const ed = Math.max(0, m.distance - instance.maxDistance[type]!);
    excessLoad += el;
    excessTime += et;
    excessDistance += ed;
    if (el > instance.loadTolerance) loadOk = false;
    if (et > instance.timeTolerance) timeOk = false;
    if (ed > instance.distanceTolerance) distanceOk = false;
  }
  ind.distance = distance;
  ind.fixed = fixed;
  ind.excessLoad = excessLoad;
  ind.excessTime = excessTime;
  ind.excessDistance = excessDistance;
  ind.loadFeasible = loadOk;
  ind.timeFeasible = timeOk;
  ind.distanceFeasible = distanceOk;
  ind.index();
}
