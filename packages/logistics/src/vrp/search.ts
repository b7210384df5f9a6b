import type { Rng } from '@s2b2b/core';
import { vehicleLowerBound } from './fleet.js';
import { runHgs, type SeedSolution } from './hgs.js';
import type { Individual } from './individual.js';
import type { Instance } from './instance.js';
import type { LocalSearch } from './local-search.js';
import { RuinRecreate } from './ruin-recreate.js';

/** Budget of a whole solve: iterations and/or a clock deadline (ms). */
export interface SolveBudget {
  iterations: number;
  deadline: number;
  clock: () => number;
  signal?: AbortSignal | undefined;
}

/** What the search hands back. */
export interface SearchOutcome {
  /** Best complete feasible plan. */
  best: Individual | null;
  /** Otherwise the best plan found with customers left out (or an infeasible one to repair). */
  fallback: { routes: Int32Array[]; types: number[] } | null;
  iterations: number;
  stoppedBy: 'iterations' | 'time' | 'signal';
}

/** Share of the budget after which a search still without a complete plan calls the genetic search. */
const RESCUE_AT = 0.25;
/** Share of the budget the genetic rescue may use. */
const RESCUE_SHARE = 0.35;
/** Share of the budget spent removing vehicles (`vehicles-then-distance`). */
const FLEET_SHARE = 0.85;

/**
 * The improvement phase of `solveVrp`: ruin and recreate (SISR) with the local search from the
 * start plan. When it holds no complete plan after a quarter of the budget (a tight fleet), the
 * penalised hybrid genetic search looks for one and the ruin and recreate resumes from it. With
 * `vehiclesFirst`, the first 85 % of the budget removes routes — a route goes each time every
 * customer is served again — and the rest minimises distance with the fewest routes reached.
 */
export function searchRoutes(
  instance: Instance,
  ls: LocalSearch,
  rng: Rng,
  adjacency: Int32Array[],
  start: SeedSolution,
  budget: SolveBudget,
  vehiclesFirst: boolean,
): SearchOutcome {
  const useClock = Number.isFinite(budget.deadline);
  const limitedIts = Number.isFinite(budget.iterations);
  const t0 = useClock ? budget.clock() : 0;
  let used = 0;
  const rr = new RuinRecreate(instance, ls, rng, adjacency);
  rr.vehiclesFirst = vehiclesFirst;
  const fleet = ls.fleetSize;
  rr.start(start, fleet);

  /** Budget up to a share of the whole, and the progress within [from, to] of it. */
  const upTo = (to: number) => ({
    maxIterations: limitedIts
      ? Math.max(0, Math.floor(budget.iterations * to) - used)
      : Number.POSITIVE_INFINITY,
    deadline: useClock ? t0 + (budget.deadline - t0) * to : Number.POSITIVE_INFINITY,
    clock: budget.clock,
    signal: budget.signal,
  });
  /** Share of the whole budget spent, `extra` iterations of a running phase included. */
  const spent = (extra: number) => {
    const a = limitedIts ? (used + extra) / budget.iterations : 0;
    const b = useClock ? (budget.clock() - t0) / (budget.deadline - t0) : 0;
    return Math.max(a, b);
  };
  const runRr = (to: number, from: number, untilComplete = false) => {
    const before = rr.iterations;
    const end = rr.run(
      upTo(to),
      () => (spent(rr.iterations - before) - from) / Math.max(1e-9, to - from),
      untilComplete,
    );
    used += rr.iterations - before;
    return end;
  };
  const exhausted = () =>
    budget.signal?.aborted === true ||
    (limitedIts && used >= budget.iterations) ||
    (useClock && budget.clock() >= budget.deadline);

  let infeasible: Individual | null = null;
  // Rescue: no complete plan yet.
  if (rr.absent.length > 0) {
    runRr(RESCUE_AT, 0, true);
    if (rr.absent.length > 0 && !exhausted()) {
      const seed = rr.partial ?? { ...rr.snapshotSolution(), absent: rr.absent.slice() };
      const withAbsent: SeedSolution = {
        routes: [...seed.routes, Int32Array.from(seed.absent)],
        types: [...seed.types, 0],
      };
      const b = upTo(RESCUE_AT + RESCUE_SHARE);
      const result = runHgs(instance, ls, rng, {
        maxIterations: b.maxIterations,
        deadline: b.deadline,
        clock: budget.clock,
        signal: budget.signal,
        maxRoutes: fleet,
        seeds: [withAbsent, start],
        stopWhenFeasible: true,
      });
      used += result.iterations;
      infeasible = result.bestInfeasible;
      // The genetic search used the same local-search state: reload the ruin-and-recreate's plan.
      if (result.best) rr.start({ routes: result.best.routes, types: result.best.routeTypes }, fleet);
      else rr.start({ routes: seed.routes, types: seed.types }, fleet);
    }
  }

  if (vehiclesFirst && rr.absent.length === 0) {
    // SISR's fleet minimisation: whenever every customer is served, drop a route and keep
    // packing; the phase ends on its budget share, then distance is minimised with the fewest
    // routes that served everyone.
    const lower = vehicleLowerBound(instance);
    rr.fleetMode = true;
    while (!exhausted()) {
      if (rr.absent.length === 0) {
        if (rr.routesUsed <= lower || !rr.dropRoute()) break;
      }
      if (runRr(FLEET_SHARE, 0, true) !== 'done') break;
    }
    rr.fleetMode = false;
    if (rr.best) rr.start({ routes: rr.best.routes, types: rr.best.routeTypes }, rr.best.routeCount);
  }

  if (!exhausted()) runRr(1, Math.min(spent(0), 0.99));
  const stoppedBy: SearchOutcome['stoppedBy'] = budget.signal?.aborted
    ? 'signal'
    : limitedIts && used >= budget.iterations
      ? 'iterations'
      : useClock && budget.clock() >= budget.deadline
        ? 'time'
        : 'iterations';

  const fallback = rr.best
    ? null
    : rr.partial
      ? { routes: rr.partial.routes, types: rr.partial.types }
      : infeasible
        ? { routes: infeasible.routes, types: infeasible.routeTypes }
        : rr.snapshotSolution();
  return { best: rr.best, fallback, iterations: used, stoppedBy };
}
