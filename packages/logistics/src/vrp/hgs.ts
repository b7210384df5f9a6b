import type { Rng } from '@s2b2b/core';
import { orderedCrossover } from './crossover.js';
import { Individual } from './individual.js';
import type { Instance } from './instance.js';
import type { LocalSearch } from './local-search.js';
import { PenaltyManager, type PenaltyWeights } from './penalties.js';
import { DEFAULT_POPULATION, Population, type PopulationSettings } from './population.js';
import { split } from './split.js';

/** Routes and vehicle types to start the search from. */
export interface SeedSolution {
  routes: Int32Array[];
  types: number[];
}

/** When the search stops, and what it starts from. */
export interface HgsOptions {
  /** Educated individuals (initial population included) before stopping. */
  maxIterations: number;
  /** Clock reading (ms) at which to stop; `Infinity` for none. */
  deadline: number;
  /** Monotonic clock in ms (read only when a deadline is set). */
  clock: () => number;
  signal?: AbortSignal | undefined;
  /** Most routes a solution may use. */
  maxRoutes: number;
  /** Solutions to educate first (savings, a previous best). */
  seeds?: SeedSolution[];
  /** Stop as soon as a feasible solution is found (fleet minimisation). */
  stopWhenFeasible?: boolean;
  /** Iterations without improvement before the population restarts. */
  restartAfter?: number;
  population?: PopulationSettings;
  /** Size of the random initial population (default 4μ). */
  initialSize?: number;
  /** Target share of feasible children for the penalty adaptation (default 0.2). */
  targetFeasible?: number;
  /** Children between two penalty updates (default 100). */
  penaltyInterval?: number;
  /** Starting penalty weights (default: {@link initialPenalties}). */
  initialPenalties?: Partial<PenaltyWeights>;
}

/** Outcome of a run: the best feasible and the best infeasible solutions, and the work done. */
export interface HgsResult {
  best: Individual | null;
  bestInfeasible: Individual | null;
  iterations: number;
  stoppedBy: 'iterations' | 'time' | 'signal' | 'feasible';
}

/**
 * Hybrid genetic search with adaptive diversity control (Vidal, Crainic, Gendreau, Lahrichi & Rei
 * 2012; Vidal 2022, HGS-CVRP): ordered crossover of giant tours, optimal split, education by the
 * granular local search, penalised infeasible solutions in their own sub-population with penalties
 * adapted towards 20 % feasible offspring, repair of half the infeasible offspring with tenfold
 * penalties, survivor selection by biased fitness, and restarts after a long stall.
 */
export function runHgs(instance: Instance, ls: LocalSearch, rng: Rng, options: HgsOptions): HgsResult {
  const n = instance.n;
  const settings = options.population ?? DEFAULT_POPULATION;
  const restartAfter = options.restartAfter ?? 20_000;
  const initialSize = options.initialSize ?? 4 * settings.mu;
  const maxRoutes = Math.max(1, Math.min(options.maxRoutes, ls.fleetSize));
  ls.maxRoutes = maxRoutes;
  const penalties = new PenaltyManager(instance, options.targetFeasible ?? 0.2, options.initialPenalties);
  const penaltyInterval = options.penaltyInterval ?? 100;
  const population = new Population(settings);
  const useClock = Number.isFinite(options.deadline);
  let iterations = 0;
  let stoppedBy: HgsResult['stoppedBy'] = 'iterations';
  let best: Individual | null = null;
  let bestInfeasible: Individual | null = null;
  let improvedBest = false;

  const budgetLeft = (): boolean => {
    if (iterations >= options.maxIterations) {
      stoppedBy = 'iterations';
      return false;
    }
    if (options.signal?.aborted) {
      stoppedBy = 'signal';
      return false;
    }
    if (useClock && options.clock() >= options.deadline) {
      stoppedBy = 'time';
      return false;
    }
    if (options.stopWhenFeasible && best) {
      stoppedBy = 'feasible';
      return false;
    }
    return true;
  };

  const consider = (ind: Individual) => {
    if (ind.feasible) {
      if (!best || ind.cost < best.cost - 1e-9 * Math.max(1, Math.abs(best.cost))) {
        best = copyOf(ind, n);
        improvedBest = true;
      }
    } else {
      if (!bestInfeasible || strictScore(instance, ind) < strictScore(instance, bestInfeasible)) {
        bestInfeasible = copyOf(ind, n);
      }
    }
  };

  const educate = (ind: Individual) => {
    ls.educate(ind, penalties.weights, rng);
    penalties.record(ind.loadFeasible, ind.timeFeasible, ind.distanceFeasible);
    population.add(ind, penalties.weights);
    consider(ind);
    if (!ind.feasible && rng.next() < 0.5) {
      const repaired = copyOf(ind, n);
      const w = penalties.weights;
      ls.educate(repaired, { load: w.load * 10, time: w.time * 10, distance: w.distance * 10 }, rng);
      if (repaired.feasible) {
        population.add(repaired, penalties.weights);
        consider(repaired);
      }
    }
    iterations++;
    if (penalties.pending >= penaltyInterval) {
      penalties.update();
      population.repenalise(penalties.weights);
    }
  };

  const fromRoutes = (routes: Int32Array[], types: number[]): Individual => {
    const ind = new Individual(n);
    if (routes.length > maxRoutes) {
      const tour = new Int32Array(n);
      let k = 0;
      for (const r of routes) for (let q = 0; q < r.length; q++) tour[k++] = r[q]!;
      const s = split(instance, tour, penalties.weights, maxRoutes);
      ind.routes = s.routes;
      ind.routeTypes = s.types;
    } else {
      ind.routes = routes.map((r) => r.slice());
      ind.routeTypes = types.slice();
    }
    return ind;
  };

  const randomIndividual = (): Individual => {
    const tour = new Int32Array(n);
    for (let i = 0; i < n; i++) tour[i] = i + 1;
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rng.next() * (i + 1));
      const t = tour[i]!;
      tour[i] = tour[j]!;
      tour[j] = t;
    }
    const s = split(instance, tour, penalties.weights, maxRoutes);
    const ind = new Individual(n);
    ind.routes = s.routes;
    ind.routeTypes = s.types;
    return ind;
  };

  const initialise = () => {
    for (let k = 0; k < initialSize && budgetLeft(); k++) educate(randomIndividual());
  };

  for (const seed of options.seeds ?? []) {
    if (!budgetLeft()) break;
    educate(fromRoutes(seed.routes, seed.types));
  }
  initialise();

  const child = new Int32Array(n);
  const seen = new Uint8Array(n + 1);
  let sinceImprovement = 0;
  while (budgetLeft()) {
    if (population.size === 0) {
      initialise();
      continue;
    }
    const a = population.tournament(rng);
    let b = population.tournament(rng);
    for (let tries = 0; b === a && tries < 3 && population.size > 1; tries++) b = population.tournament(rng);
    orderedCrossover(a.tour, b.tour, rng, child, seen);
    const s = split(instance, child, penalties.weights, maxRoutes);
    const ind = new Individual(n);
    ind.routes = s.routes;
    ind.routeTypes = s.types;
    improvedBest = false;
    educate(ind);
    sinceImprovement = improvedBest ? 0 : sinceImprovement + 1;
    if (sinceImprovement >= restartAfter) {
      population.clear();
      sinceImprovement = 0;
      if (best) {
        const again = copyOf(best, n);
        educate(again);
      }
    }
  }
  return { best, bestInfeasible, iterations, stoppedBy };
}

/** Cost with large fixed penalties: ranks infeasible solutions by how far they are from feasibility. */
function strictScore(instance: Instance, ind: Individual): number {
  const big = 1000 * Math.max(1, instance.maxArc);
  return (
    ind.cost +
    (big / Math.max(1e-9, instance.maxDemand)) * ind.excessLoad +
    big * ind.excessTime +
    big * ind.excessDistance
  );
}

/** A deep copy of an individual (routes, tour, costs). */
export function copyOf(ind: Individual, n: number): Individual {
  const c = new Individual(n);
  c.routes = ind.routes.map((r) => r.slice());
  c.routeTypes = ind.routeTypes.slice();
  c.tour.set(ind.tour);
  c.succ.set(ind.succ);
  c.pred.set(ind.pred);
  c.distance = ind.distance;
  c.fixed = ind.fixed;
  c.excessLoad = ind.excessLoad;
  c.excessTime = ind.excessTime;
  c.excessDistance = ind.excessDistance;
  c.loadFeasible = ind.loadFeasible;
  c.timeFeasible = ind.timeFeasible;
  c.distanceFeasible = ind.distanceFeasible;
  c.penalisedCost = ind.penalisedCost;
  return c;
}
