import { createRng, parseInput } from '@s2b2b/core';
import type { SeedSolution } from './hgs.js';
import { compileInstance } from './instance.js';
import { LocalSearch } from './local-search.js';
import { granularNeighbours } from './neighbours.js';
import { dropUntilFeasible } from './repair.js';
import { buildResult, type VrpResult, type VrpUnassigned } from './result.js';
import { distanceAdjacency } from './ruin-recreate.js';
import { savingsRoutes } from './savings.js';
import { type VrpProblem, vrpProblemSchema } from './schemas.js';
import { searchRoutes } from './search.js';
import { assignTypes } from './split.js';

/**
 * Iterations when neither `iterations` nor `timeLimitMs` is given.
 *
 * @example
 * solveVrp({ ...problem, iterations: 2 * DEFAULT_VRP_ITERATIONS }); // search twice as long
 */
export const DEFAULT_VRP_ITERATIONS = 3000;

/** Size of the granular neighbourhoods (correlated customers per customer). */
const GRANULARITY = 20;
/** Nearest customers considered when choosing the strings to remove. */
const ADJACENCY = 100;

/**
 * Solves a capacitated vehicle-routing problem with optional time windows, depot hours, route
 * duration and distance limits, fixed vehicle costs and a heterogeneous, limited fleet.
 *
 * Clarke–Wright savings build a first solution; ruin and recreate (SISR, Christiaens & Vanden
 * Berghe 2020) improves it, each recreated plan polished by a granular local search (relocate,
 * or-opt, swap, cross-exchange, 2-opt, 2-opt*, SWAP*) with time windows priced in O(1) per move,
 * under simulated annealing; a penalised hybrid genetic search (Vidal 2012/2022) steps in when a
 * tight fleet leaves customers out. With `objective: 'vehicles-then-distance'` routes are removed
 * one at a time first. Customers no route can take come back in `unassigned` with a reason; the
 * call never throws for an infeasible problem, only for invalid input.
 *
 * Reproducible: the same problem, `seed` and `iterations` give the same routes. A `timeLimitMs`
 * stops on the clock, so its result depends on the machine.
 *
 * @param input - the problem (see {@link vrpProblemSchema})
 * @returns routes with schedules, totals and the unassigned customers
 * @throws ValidationError when the input does not match the schema (issue paths name the field)
 * @example
 * const plan = solveVrp({
 *   depot: { x: 0, y: 0, timeWindow: [0, 480] },
 *   customers: [
 *     { id: 'A', x: 10, y: 0, demand: 4, timeWindow: [30, 90], serviceTime: 10 },
 *     { id: 'B', x: 10, y: 10, demand: 3, serviceTime: 10 },
 *     { id: 'C', x: 0, y: 12, demand: 5 },
 *   ],
 *   vehicles: { capacity: 10, count: 2 },
 *   seed: 7,
 *   iterations: 500,
 * });
 * plan.routes.map((r) => r.stops.map((s) => s.id)); // e.g. [['A', 'B'], ['C']]
 */
export function solveVrp(input: VrpProblem): VrpResult {
  const problem = parseInput(vrpProblemSchema, input);
  // The time limit covers the whole call: matrices and neighbourhoods included.
  const clock = () => performance.now();
  const hasLimit = problem.timeLimitMs !== undefined;
  const started = hasLimit ? clock() : 0;
  const { instance, excluded } = compileInstance(problem);
  const unassigned: VrpUnassigned[] = excluded.map((e) => ({
    id: problem.customers[e.inputIndex]!.id,
    reason: e.reason,
  }));
  if (instance.n === 0) return buildResult(problem, instance, [], [], unassigned, 0, 'iterations');

  const iterations = problem.iterations ?? (hasLimit ? Number.POSITIVE_INFINITY : DEFAULT_VRP_ITERATIONS);
  const deadline = hasLimit ? started + problem.timeLimitMs! : Number.POSITIVE_INFINITY;
  const rng = createRng(problem.seed);
  const neighbours = granularNeighbours(instance, GRANULARITY);
  const ls = new LocalSearch(instance, neighbours);

  const cw = savingsRoutes(instance, neighbours);
  const start: SeedSolution = { routes: cw, types: assignTypes(instance, cw, cheapestTypes(instance, cw)) };

  const budget = { iterations, deadline, clock, signal: problem.signal };
  const adjacency = distanceAdjacency(instance, ADJACENCY);
  const result = searchRoutes(
    instance,
    ls,
    rng,
    adjacency,
    start,
    budget,
    problem.objective === 'vehicles-then-distance',
  );

  let routes: number[][];
  let types: number[];
  if (result.best) {
    routes = result.best.routes.map((r) => Array.from(r));
    types = result.best.routeTypes.slice();
  } else {
    // No complete feasible plan: drop customers until every route is feasible, put back what fits.
    const plan = result.fallback!;
    const seen = new Uint8Array(instance.size);
    for (const r of plan.routes) for (const c of r) seen[c] = 1;
    const missing: number[] = [];
    for (let c = 1; c <= instance.n; c++) if (!seen[c]) missing.push(c);
    const repaired = dropUntilFeasible(
      instance,
      { routes: plan.routes.map((r) => Array.from(r)), types: plan.types.slice() },
      ls.fleetSize,
      missing,
    );
    routes = repaired.routes;
    types = repaired.types;
    for (const c of repaired.dropped) {
      unassigned.push({ id: problem.customers[instance.inputIndex[c]!]!.id, reason: 'FLEET_EXHAUSTED' });
    }
  }
  return buildResult(problem, instance, routes, types, unassigned, result.iterations, result.stoppedBy);
}

/** For each route, the type with the lowest fixed cost that can carry its load (else the largest). */
function cheapestTypes(
  instance: ReturnType<typeof compileInstance>['instance'],
  routes: Int32Array[],
): number[] {
  return routes.map((r) => {
    let load = 0;
    for (let q = 0; q < r.length; q++) load += instance.demand[r[q]!]!;
    let best = -1;
    let largest = 0;
    for (let t = 0; t < instance.types; t++) {
      if (instance.capacity[t]! > instance.capacity[largest]!) largest = t;
      if (load <= instance.capacity[t]! && (best < 0 || instance.fixedCost[t]! < instance.fixedCost[best]!))
        best = t;
    }
    return best < 0 ? largest : best;
  });
}
