import type { Rng } from '@s2b2b/core';
import { type HgsOptions, type HgsResult, runHgs, type SeedSolution } from './hgs.js';
import type { Individual } from './individual.js';
import type { Instance } from './instance.js';
import type { LocalSearch } from './local-search.js';

/** A budget in iterations and/or clock time (both may be unbounded, not both). */
export interface Budget {
  iterations: number;
  deadline: number;
  clock: () => number;
  signal?: AbortSignal | undefined;
}

/** Fewest vehicles that could carry the total demand (largest vehicles first). */
export function vehicleLowerBound(instance: Instance): number {
  const caps: number[] = [];
  for (let t = 0; t < instance.types; t++) {
    for (let k = 0; k < instance.count[t]!; k++) caps.push(instance.capacity[t]!);
  }
  caps.sort((a, b) => b - a);
  let sum = 0;
  for (let k = 0; k < caps.length; k++) {
    sum += caps[k]!;
    if (sum >= instance.totalDemand - instance.loadTolerance) return k + 1;
  }
  return Math.max(1, caps.length);
}

function seedOf(ind: Individual): SeedSolution {
  return { routes: ind.routes.map((r) => r.slice()), types: ind.routeTypes.slice() };
}

/**
 * Minimises the number of vehicles, then distance: a distance-objective search on a fifth of the
 * budget, then repeated searches with one vehicle fewer than the best feasible solution (each
 * seeded with it and stopped at its first feasible solution) until one fails, the lower bound is
 * reached or 70 % of the budget is spent, then a distance search at the smallest fleet found with
 * what is left.
 */
export function minimiseFleet(
  instance: Instance,
  ls: LocalSearch,
  rng: Rng,
  budget: Budget,
  seeds: SeedSolution[],
  base: Partial<HgsOptions> = {},
): HgsResult {
  const useClock = Number.isFinite(budget.deadline);
  const t0 = useClock ? budget.clock() : 0;
  const span = useClock ? budget.deadline - t0 : 0;
  const at = (share: number) => (useClock ? t0 + span * share : Number.POSITIVE_INFINITY);
  const its = (share: number) =>
    Number.isFinite(budget.iterations)
      ? Math.max(1, Math.floor(budget.iterations * share))
      : Number.POSITIVE_INFINITY;
  let used = 0;
  const run = (
    options: Partial<HgsOptions> & { maxRoutes: number; maxIterations: number; deadline: number },
  ) => {
    const result = runHgs(instance, ls, rng, {
      clock: budget.clock,
      signal: budget.signal,
      ...base,
      ...options,
    });
    used += result.iterations;
    return result;
  };

  const first = run({ maxRoutes: ls.fleetSize, maxIterations: its(0.2), deadline: at(0.2), seeds });
  let best = first.best;
  let bestInfeasible = first.bestInfeasible;
  let stoppedBy = first.stoppedBy;
  const lower = vehicleLowerBound(instance);
  const phaseEndIts = its(0.7);
  while (best && best.routeCount > lower && !budget.signal?.aborted) {
    const left = phaseEndIts - used;
    if (left <= 0 || (useClock && budget.clock() >= at(0.7))) break;
    const attempt = run({
      maxRoutes: best.routeCount - 1,
      maxIterations: left,
      deadline: at(0.7),
      seeds: [seedOf(best)],
      stopWhenFeasible: true,
      initialSize: base.population?.mu ?? 25,
    });
    stoppedBy = attempt.stoppedBy;
    if (!attempt.best) break;
    best = attempt.best;
  }
  if (budget.signal?.aborted) return { best, bestInfeasible, iterations: used, stoppedBy: 'signal' };
  const finalIts = Number.isFinite(budget.iterations)
    ? Math.max(1, budget.iterations - used)
    : Number.POSITIVE_INFINITY;
  const final = run({
    maxRoutes: best ? best.routeCount : ls.fleetSize,
    maxIterations: finalIts,
    deadline: budget.deadline,
    seeds: best ? [seedOf(best)] : seeds,
  });
  stoppedBy = final.stoppedBy;
  if (final.best && (!best || final.best.routeCount < best.routeCount || final.best.cost < best.cost)) {
    if (!best || final.best.routeCount <= best.routeCount) best = final.best;
  }
  if (!best && final.bestInfeasible) bestInfeasible = final.bestInfeasible;
  return { best, bestInfeasible, iterations: used, stoppedBy };
}
