import type { Rng } from '@s2b2b/core';
import type { SeedSolution } from './hgs.js';
import { Individual } from './individual.js';
import type { Instance } from './instance.js';
import type { LocalSearch } from './local-search.js';
import { nearestIndices } from './neighbours.js';

/** Settings of the ruin-and-recreate search (Christiaens & Vanden Berghe 2020). */
export interface RuinRecreateSettings {
  /** Average number of customers removed per ruin (c̄). */
  averageRemoved: number;
  /** Longest string removed from one route (L^max). */
  maxString: number;
  /** Probability of the split-string removal. */
  splitRate: number;
  /** Split depth β: the preserved substring grows while a draw is at least β. */
  splitDepth: number;
  /** Probability of skipping each insertion position. */
  blinkRate: number;
  /** Start and final temperature, as multiples of the mean arc of the start solution. */
  startTemperature: number;
  finalTemperature: number;
  /** Run the local search on the changed routes after each recreate. */
  localSearch: boolean;
}

/** SISR's published values (c̄ = 10, L^max = 10, α = 0.5, β = 0.01, blinks 1 %). */
export const DEFAULT_RUIN_RECREATE: RuinRecreateSettings = {
  averageRemoved: 10,
  maxString: 10,
  splitRate: 0.5,
  splitDepth: 0.01,
  blinkRate: 0.01,
  startTemperature: 1,
  finalTemperature: 0.01,
  localSearch: true,
};

/** A step budget: iterations and/or a clock deadline. */
export interface StepBudget {
  maxIterations: number;
  deadline: number;
  clock: () => number;
  signal?: AbortSignal | undefined;
}

/** Why a phase ended. */
export type PhaseEnd = 'iterations' | 'time' | 'signal' | 'done';

/**
 * Slack Induction by String Removals (SISR; Christiaens & Vanden Berghe 2020, Transportation
 * Science 54(2)) on the local search's routes: remove a few strings of consecutive customers from
 * routes near a random seed customer (sometimes keeping a substring in the middle), reinsert the
 * removed customers greedily at their cheapest feasible position — in a random, demand or
 * distance order, with a few positions skipped ("blinks") — optionally polish the changed routes
 * with the granular local search, and accept by simulated annealing with an exponentially
 * decreasing temperature. Every solution is feasible. Customers that fit nowhere stay unserved;
 * while any are, a solution is accepted only if it leaves fewer unserved, or as many with a lower
 * sum of their absence counters (how often each has been left out), which steers the search
 * towards packing them in (SISR's fleet minimisation). The same rule removes whole routes for
 * `vehicles-then-distance`.
 */
export class RuinRecreate {
  readonly instance: Instance;
  readonly ls: LocalSearch;
  readonly rng: Rng;
  readonly adjacency: Int32Array[];
  readonly settings: RuinRecreateSettings;
  /** Customers on no route. */
  absent: number[] = [];
  /** Penalised cost of the routes (feasible: distance + fixed costs). */
  current = 0;
  iterations = 0;
  best: Individual | null = null;
  bestCost = Number.POSITIVE_INFINITY;
  /** Routes of `best`; with `vehiclesFirst`, fewer routes beat a lower cost. */
  bestRoutes = Number.POSITIVE_INFINITY;
  vehiclesFirst = false;
  /** While unserved customers remain, skip the local search (pure SISR packing). */
  fleetMode = false;
  /** Best solution with unserved customers, while no complete one exists. */
  partial: { routes: Int32Array[]; types: number[]; absent: number[] } | null = null;
  private partialKey = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
  private readonly absence: Float64Array;
  private readonly removed: number[] = [];
  private t0 = 1;
  private tf = 0.01;

  constructor(
    instance: Instance,
    ls: LocalSearch,
    rng: Rng,
    adjacency: Int32Array[],
    settings: Partial<RuinRecreateSettings> = {},
  ) {
    this.instance = instance;
    this.ls = ls;
    this.rng = rng;
    this.adjacency = adjacency;
    this.settings = { ...DEFAULT_RUIN_RECREATE, ...settings };
    this.absence = new Float64Array(instance.size);
    const strict = 1e6 * Math.max(1, instance.maxArc);
    this.strict = { load: strict / Math.max(1e-9, instance.maxDemand), time: strict, distance: strict };
  }

  /** Penalties so large that the local search never accepts an infeasible move. */
  readonly strict: { load: number; time: number; distance: number };

  /**
   * Starts from routes (those beyond `maxRoutes`, smallest first, are emptied), reinserts the
   * customers left out, and polishes with a full local search.
   */
  start(seed: SeedSolution, maxRoutes: number): void {
    const ls = this.ls;
    ls.setPenalties(this.strict);
    ls.maxRoutes = Math.max(1, Math.min(maxRoutes, ls.fleetSize));
    const order = seed.routes
      .map((_, i) => i)
      .sort((a, b) => seed.routes[b]!.length - seed.routes[a]!.length || a - b);
    const keep = order.slice(0, ls.maxRoutes);
    ls.load(
      keep.map((i) => seed.routes[i]!),
      keep.map((i) => seed.types[i]!),
    );
    // Every route must be feasible: empty the ones that are not; their customers are reinserted.
    for (const r of ls.routes) if (!ls.routeFeasible(r)) ls.removeRange(r, 1, r.len);
    this.absent = [];
    for (let c = 1; c <= this.instance.n; c++) if (ls.routeOf[c]! < 0) this.absent.push(c);
    this.absent = this.recreate(this.absent);
    if (this.settings.localSearch) ls.search(this.rng);
    this.current = ls.totalCost();
    let arcs = 0;
    for (const r of ls.routes) if (r.len > 0) arcs += r.len + 1;
    const scale = arcs > 0 ? this.current / arcs : Math.max(1, this.instance.maxArc);
    this.t0 = this.settings.startTemperature * scale;
    this.tf = this.settings.finalTemperature * scale;
    this.record();
  }

  /** Number of vehicles in use. */
  get routesUsed(): number {
    return this.ls.nonEmpty;
  }

  /**
   * Runs iterations until the budget ends (or, with `untilComplete`, until no customer is
   * unserved). `progress` maps the clock / iteration share to [0, 1] for the temperature.
   */
  run(budget: StepBudget, progress: () => number, untilComplete = false): PhaseEnd {
    const useClock = Number.isFinite(budget.deadline);
    const startIts = this.iterations;
    for (;;) {
      if (untilComplete && this.absent.length === 0) return 'done';
      if (this.iterations - startIts >= budget.maxIterations) return 'iterations';
      if (budget.signal?.aborted) return 'signal';
      if (useClock && budget.clock() >= budget.deadline) return 'time';
      const frac = Math.min(1, Math.max(0, progress()));
      this.step(this.t0 * (this.tf / this.t0) ** frac);
    }
  }

  /**
   * Removes one route — the one whose customers have been unserved least often (SISR), fewest
   * customers on ties — and lowers the fleet limit by one: its customers become unserved.
   * Returns false when no route can go.
   */
  dropRoute(): boolean {
    const ls = this.ls;
    let pick = -1;
    let lowest = Number.POSITIVE_INFINITY;
    for (const r of ls.routes) {
      if (r.len === 0) continue;
      let score = 0;
      for (let p = 1; p <= r.len; p++) score += this.absence[r.nodes[p]!]!;
      score += r.len * 1e-9;
      if (score < lowest) {
        lowest = score;
        pick = r.index;
      }
    }
    if (pick < 0 || ls.nonEmpty <= 1) return false;
    const r = ls.routes[pick]!;
    for (let p = 1; p <= r.len; p++) this.absent.push(r.nodes[p]!);
    ls.removeRange(r, 1, r.len);
    ls.maxRoutes = ls.nonEmpty;
    this.current = ls.totalCost();
    return true;
  }

  /** The current routes, as a seed. */
  snapshotSolution(): SeedSolution {
    const live = this.ls.routes.filter((r) => r.len > 0);
    return { routes: live.map((r) => this.ls.routeNodes(r)), types: live.map((r) => r.type) };
  }

  /** One ruin, recreate, polish and acceptance. */
  private step(temperature: number): void {
    const ls = this.ls;
    this.iterations++;
    ls.snapshot();
    const before = this.absent;
    const beforeCost = this.current;
    this.removed.length = 0;
    this.ruin(this.removed);
    const after = this.recreate(before.concat(this.removed));
    if (this.settings.localSearch && !(this.fleetMode && (after.length > 0 || before.length > 0))) {
      ls.search(this.rng, true);
    }
    const candidate = ls.totalCost();
    let accept: boolean;
    if (after.length > 0 || before.length > 0) {
      // SISR's fleet rule: fewer unserved, or a lower sum of absence counters.
      accept = after.length < before.length || this.absenceSum(after) < this.absenceSum(before);
    } else accept = candidate < beforeCost - temperature * Math.log(1 - this.rng.next());
    for (const c of after) this.absence[c]!++;
    if (accept) {
      this.absent = after;
      this.current = candidate;
      this.record();
    } else {
      ls.restore();
      this.absent = before;
    }
  }

  private absenceSum(list: number[]): number {
    let s = 0;
    for (const c of list) s += this.absence[c]!;
    return s;
  }

  private record(): void {
    if (this.absent.length === 0) {
      const routes = this.ls.nonEmpty;
      const fewer = this.vehiclesFirst && routes < this.bestRoutes;
      const same = !this.vehiclesFirst || routes === this.bestRoutes;
      const cheaper =
        this.best === null || this.current < this.bestCost - 1e-12 * Math.max(1, Math.abs(this.bestCost));
      if (fewer || (same && cheaper)) {
        this.bestCost = this.current;
        this.bestRoutes = routes;
        const ind = new Individual(this.instance.n);
        this.ls.exportTo(ind);
        this.best = ind;
      }
      return;
    }
    const key = [this.absent.length, this.current];
    if (key[0]! < this.partialKey[0]! || (key[0] === this.partialKey[0] && key[1]! < this.partialKey[1]!)) {
      this.partialKey = key;
      const s = this.snapshotSolution();
      this.partial = { ...s, absent: this.absent.slice() };
    }
  }

  /** SISR's adjacent string removal around a random seed customer. */
  private ruin(out: number[]): void {
    const ls = this.ls;
    const rng = this.rng;
    const s = this.settings;
    const n = this.instance.n;
    let served = 0;
    let routes = 0;
    for (const r of ls.routes) {
      if (r.len > 0) {
        served += r.len;
        routes++;
      }
    }
    if (served === 0) return;
    const lsMax = Math.min(s.maxString, served / routes);
    const ksMax = (4 * s.averageRemoved) / (1 + lsMax) - 1;
    const ks = Math.floor(rng.next() * ksMax) + 1;
    // Removing vehicles, half the ruins open room around a customer still left out: strings
    // go from the routes nearest it, where it has to fit back in.
    const aroundAbsent = this.fleetMode && this.absent.length > 0 && rng.next() < 0.5;
    let seed = aroundAbsent
      ? this.absent[Math.floor(rng.next() * this.absent.length)]!
      : 1 + Math.floor(rng.next() * n);
    if (!aroundAbsent) {
      for (let tries = 0; ls.routeOf[seed]! < 0 && tries < n; tries++) seed = (seed % n) + 1;
      if (ls.routeOf[seed]! < 0) return;
    }
    let ruined = 0;
    const marks = this.ruinedMarks;
    marks.length = 0;
    const adj = this.adjacency[seed]!;
    for (let k = -1; k < adj.length && ruined < ks; k++) {
      const c = k < 0 ? seed : adj[k]!;
      const ri = ls.routeOf[c]!;
      if (ri < 0 || marks.includes(ri)) continue;
      const r = ls.routes[ri]!;
      const ltMax = Math.min(r.len, lsMax);
      const lt = Math.floor(rng.next() * ltMax) + 1;
      const p = ls.posOf[c]!;
      if (lt >= r.len || rng.next() >= s.splitRate) {
        // A string of lt visits containing c.
        const lo = Math.max(1, p - lt + 1);
        const hi = Math.min(p, r.len - lt + 1);
        const from = lo + Math.floor(rng.next() * (hi - lo + 1));
        for (let q = from; q < from + lt; q++) out.push(r.nodes[q]!);
        ls.removeRange(r, from, lt);
      } else {
        // A string of lt + m visits containing c, keeping m consecutive ones inside it.
        let m = 1;
        while (lt + m < r.len && rng.next() >= s.splitDepth) m++;
        const span = lt + m;
        const lo = Math.max(1, p - span + 1);
        const hi = Math.min(p, r.len - span + 1);
        const from = lo + Math.floor(rng.next() * (hi - lo + 1));
        const keepFrom = from + 1 + Math.floor(rng.next() * (span - m));
        const tail = from + span - (keepFrom + m);
        for (let q = keepFrom + m; q < from + span; q++) out.push(r.nodes[q]!);
        if (tail > 0) ls.removeRange(r, keepFrom + m, tail);
        for (let q = from; q < keepFrom; q++) out.push(r.nodes[q]!);
        ls.removeRange(r, from, keepFrom - from);
      }
      marks.push(ri);
      ruined++;
    }
  }

  private readonly ruinedMarks: number[] = [];

  /** Greedy insertion with blinks; returns the customers that fit nowhere. */
  private recreate(pending: number[]): number[] {
    if (pending.length === 0) return pending;
    const inst = this.instance;
    const rng = this.rng;
    const ls = this.ls;
    // SISR's orders (random 4, demand 4, far 2, close 1) and, with time windows, narrowest
    // window first and earliest due time first (2 each).
    const roll = rng.next() * (inst.hasTime ? 15 : 11);
    if (roll < 4) {
      for (let i = pending.length - 1; i > 0; i--) {
        const j = Math.floor(rng.next() * (i + 1));
        const t = pending[i]!;
        pending[i] = pending[j]!;
        pending[j] = t;
      }
    } else if (roll < 8) pending.sort((a, b) => inst.demand[b]! - inst.demand[a]! || a - b);
    else if (roll < 10) pending.sort((a, b) => inst.dist[b]! - inst.dist[a]! || a - b);
    else if (roll < 11) pending.sort((a, b) => inst.dist[a]! - inst.dist[b]! || a - b);
    else if (roll < 13) pending.sort((a, b) => windowWidth(inst, a) - windowWidth(inst, b) || a - b);
    else pending.sort((a, b) => inst.due[a]! - inst.due[b]! || a - b);
    const left: number[] = [];
    for (const c of pending) {
      const added = ls.cheapestFeasibleInsertion(c, this.settings.blinkRate, rng);
      if (added === Number.POSITIVE_INFINITY) left.push(c);
      else ls.insertAt(c, ls.routes[ls.insRoute]!, ls.insAfter);
    }
    return left;
  }
}

/** Width of a customer's time window (infinite when open). */
function windowWidth(instance: Instance, c: number): number {
  return instance.due[c]! - instance.ready[c]!;
}

/** For each customer, the other customers by increasing distance (at most `limit`). */
export function distanceAdjacency(instance: Instance, limit: number): Int32Array[] {
  const n = instance.n;
  const out: Int32Array[] = [new Int32Array(0)];
  const k = Math.min(limit, n - 1);
  const score = new Float64Array(n + 1);
  const scratch = new Int32Array(n);
  for (let i = 1; i <= n; i++) {
    const row = i * instance.size;
    for (let j = 1; j <= n; j++) score[j] = instance.dist[row + j]!;
    out.push(nearestIndices(score, n, i, k, scratch));
  }
  return out;
}
