import { parseInput } from '@s2b2b/core';
import { applyConvention } from '../geo/euclidean.js';
import { buildMatrices, vehicleTypesOf } from './instance.js';
import type { VrpStop } from './result.js';
import {
  type CustomerId,
  type VrpProblem,
  type VrpSolutionInput,
  vrpProblemSchema,
  vrpSolutionSchema,
} from './schemas.js';

/**
 * One broken rule found by {@link evaluateVrpSolution}.
 *
 * @example
 * const v: VrpViolation = { code: 'CAPACITY_EXCEEDED', route: 0, amount: 12, message: 'Route 0 carries 18, over the capacity 6' };
 */
export interface VrpViolation {
  /**
   * `UNKNOWN_CUSTOMER`, `DUPLICATE_VISIT`, `CUSTOMER_NOT_SERVED`, `UNKNOWN_VEHICLE`,
   * `FLEET_EXCEEDED`, `CAPACITY_EXCEEDED`, `TIME_WINDOW_MISSED`, `DEPOT_CLOSED`,
   * `MAX_DURATION_EXCEEDED` or `MAX_DISTANCE_EXCEEDED`.
   */
  code: string;
  /** Index of the route in the solution, when the rule concerns one. */
  route?: number;
  /** The customer concerned, when there is one. */
  id?: CustomerId;
  /** By how much the limit is exceeded (load, time or distance units). */
  amount?: number;
  message: string;
}

/**
 * A route as re-measured by the evaluator.
 *
 * @example
 * evaluateVrpSolution(problem, plan).routes[0]; // { vehicle: 0, stops, load: 98, distance: 211.3, duration: 540, start: 0, end: 540 }
 */
export interface EvaluatedRoute {
  vehicle: number;
  stops: VrpStop[];
  load: number;
  /** Under the problem's distance. */
  distance: number;
  /** Minimum duration: departure as late as possible without delaying the return. */
  duration: number;
  start: number;
  end: number;
}

/**
 * Totals of a solution under the three planar distance conventions, arc by arc.
 *
 * @example
 * evaluateVrpSolution(c101, c101Routes).conventions; // { exact: 828.94…, rounded: …, truncated: 827.3 }
 */
export interface ConventionCosts {
  /** Real Euclidean distances (CMT, the Solomon literature tables). */
  exact: number;
  /** Each arc rounded to the nearest integer (CVRPLIB A/B/P/X). */
  rounded: number;
  /** Each arc truncated to one decimal (DIMACS, CVRPLIB's Solomon files). */
  truncated: number;
}

/**
 * What {@link evaluateVrpSolution} finds.
 *
 * @example
 * const { feasible, violations } = evaluateVrpSolution(problem, plan);
 * if (!feasible) console.table(violations);
 */
export interface VrpEvaluation {
  /** No violation at all. */
  feasible: boolean;
  /** Every customer is on a route. */
  complete: boolean;
  violations: VrpViolation[];
  routes: EvaluatedRoute[];
  /** Under the problem's distance. */
  totalDistance: number;
  /** Total distance plus fixed costs of the vehicles used. */
  totalCost: number;
  vehiclesUsed: number;
  /** Customers the solution declares unassigned (and does not visit). */
  unserved: CustomerId[];
  /** The same routes priced under each convention; only for planar `{ x, y }` coordinates. */
  conventions?: ConventionCosts;
}

/**
 * Re-checks any solution against a problem, independently of the solver: every customer visited
 * at most once and either visited or declared unassigned, vehicle types known and within their
 * counts, loads within capacity, and — simulating each route from the depot's opening, waiting
 * when early — service starting by each due time, return before the depot closes, duration and
 * distance within the vehicle's limits. The cost is recomputed under the problem's distance and,
 * for planar coordinates, under the three benchmark conventions (exact, rounded, truncated).
 * Limits are checked with a relative tolerance of 1e-9 of the problem's magnitudes.
 *
 * @param problemInput - the problem (as for `solveVrp`)
 * @param solutionInput - routes of customer ids (or stops with `id`), each with its `vehicle` type index
 * @throws ValidationError when either input does not match its schema
 * @example
 * const check = evaluateVrpSolution(problem, { routes: [{ stops: [21, 31, 19, 17, 13, 7, 26] }, ...] });
 * check.feasible; // true
 * check.conventions?.rounded; // 784 for the A-n32-k5 optimum
 */
export function evaluateVrpSolution(
  problemInput: VrpProblem,
  solutionInput: VrpSolutionInput,
): VrpEvaluation {
  const problem = parseInput(vrpProblemSchema, problemInput);
  const solution = parseInput(vrpSolutionSchema, solutionInput, 'solution');
  const { size, dist, time } = buildMatrices(problem);
  const types = vehicleTypesOf(problem);
  const index = new Map<string, number>();
  problem.customers.forEach((c, i) => {
    index.set(key(c.id), i + 1);
  });
  const violations: VrpViolation[] = [];
  const visits = new Int32Array(size);
  const depotOpen = problem.depot.timeWindow?.[0] ?? 0;
  const depotClose = problem.depot.timeWindow?.[1] ?? Number.POSITIVE_INFINITY;
  let scale = Math.abs(depotOpen) + (Number.isFinite(depotClose) ? Math.abs(depotClose) : 0);
  for (const c of problem.customers) if (c.timeWindow) scale = Math.max(scale, Math.abs(c.timeWindow[1]));
  let maxArc = 0;
  for (let k = 0; k < dist.length; k++) maxArc = Math.max(maxArc, dist[k]!, time[k]!);
  const timeTol = 1e-9 * Math.max(1, scale, maxArc * size);
  const distTol = 1e-9 * Math.max(1, maxArc * size);
  const loadTol = 1e-9 * Math.max(1, ...types.map((t) => t.capacity));
  const planar = [problem.depot, ...problem.customers].every((p) => p.x !== undefined && p.y !== undefined);
  const conventions: ConventionCosts = { exact: 0, rounded: 0, truncated: 0 };
  const points = [problem.depot, ...problem.customers];
  const usedOfType = new Int32Array(types.length);
  const routes: EvaluatedRoute[] = [];
  let totalDistance = 0;
  let totalCost = 0;

  solution.routes.forEach((route, r) => {
    const nodes: number[] = [];
    for (const stop of route.stops) {
      const id = typeof stop === 'object' ? stop.id : stop;
      const node = index.get(key(id));
      if (node === undefined) {
        violations.push({
          code: 'UNKNOWN_CUSTOMER',
          route: r,
          id,
          message: `Route ${r} visits unknown customer ${String(id)}`,
        });
        continue;
      }
      visits[node]!++;
      if (visits[node] === 2) {
        violations.push({
          code: 'DUPLICATE_VISIT',
          route: r,
          id,
          message: `Customer ${String(id)} is visited more than once`,
        });
      }
      nodes.push(node);
    }
    if (nodes.length === 0) return;
    const type = types[route.vehicle];
    if (!type) {
      violations.push({
        code: 'UNKNOWN_VEHICLE',
        route: r,
        message: `Route ${r} uses vehicle type ${route.vehicle}; there are ${types.length}`,
      });
      return;
    }
    usedOfType[route.vehicle]!++;
    // Distance, load, and the forward schedule from the depot's opening.
    let distance = 0;
    let load = 0;
    let clock = depotOpen;
    let last = 0;
    const arrival: number[] = [];
    const start: number[] = [];
    for (const node of nodes) {
      distance += dist[last * size + node]!;
      if (planar) addConventions(conventions, points[last]!, points[node]!);
      const c = problem.customers[node - 1]!;
      load += c.demand;
      const a = clock + time[last * size + node]!;
      const s = Math.max(a, c.timeWindow?.[0] ?? Number.NEGATIVE_INFINITY);
      const due = c.timeWindow?.[1] ?? Number.POSITIVE_INFINITY;
      if (s > due + timeTol) {
        violations.push({
          code: 'TIME_WINDOW_MISSED',
          route: r,
          id: c.id,
          amount: s - due,
          message: `Service at ${String(c.id)} cannot start before ${s}, after its due time ${due}`,
        });
      }
      arrival.push(a);
      start.push(s);
      clock = s + c.serviceTime;
      last = node;
    }
    distance += dist[last * size]!;
    if (planar) addConventions(conventions, points[last]!, points[0]!);
    const back = clock + time[last * size]!;
    if (back > depotClose + timeTol) {
      violations.push({
        code: 'DEPOT_CLOSED',
        route: r,
        amount: back - depotClose,
        message: `Route ${r} returns at ${back}, after the depot closes at ${depotClose}`,
      });
    }
    // Latest departure that keeps this return time: latest service starts, backwards.
    let latest = back;
    let next = 0;
    for (let k = nodes.length - 1; k >= 0; k--) {
      const node = nodes[k]!;
      const c = problem.customers[node - 1]!;
      latest = Math.min(
        c.timeWindow?.[1] ?? Number.POSITIVE_INFINITY,
        latest - time[node * size + next]! - c.serviceTime,
      );
      next = node;
    }
    const departure = Math.max(depotOpen, latest - time[next]!);
    const duration = back - departure;
    if (load > type.capacity + loadTol) {
      violations.push({
        code: 'CAPACITY_EXCEEDED',
        route: r,
        amount: load - type.capacity,
        message: `Route ${r} carries ${load}, over the capacity ${type.capacity}`,
      });
    }
    if (type.maxDuration !== undefined && duration > type.maxDuration + timeTol) {
      violations.push({
        code: 'MAX_DURATION_EXCEEDED',
        route: r,
        amount: duration - type.maxDuration,
        message: `Route ${r} lasts ${duration}, over the limit ${type.maxDuration}`,
      });
    }
    if (type.maxDistance !== undefined && distance > type.maxDistance + distTol) {
      violations.push({
        code: 'MAX_DISTANCE_EXCEEDED',
        route: r,
        amount: distance - type.maxDistance,
        message: `Route ${r} is ${distance} long, over the limit ${type.maxDistance}`,
      });
    }
    // The stops as driven from that departure.
    const stops: VrpStop[] = [];
    let t = departure;
    let prev = 0;
    for (const node of nodes) {
      const c = problem.customers[node - 1]!;
      const a = t + time[prev * size + node]!;
      const s = Math.max(a, c.timeWindow?.[0] ?? Number.NEGATIVE_INFINITY);
      stops.push({ id: c.id, arrival: a, serviceStart: s, departure: s + c.serviceTime });
      t = s + c.serviceTime;
      prev = node;
    }
    routes.push({ vehicle: route.vehicle, stops, load, distance, duration, start: departure, end: back });
    totalDistance += distance;
    totalCost += distance + type.fixedCost;
  });

  types.forEach((t, k) => {
    if (t.count !== undefined && usedOfType[k]! > t.count) {
      violations.push({
        code: 'FLEET_EXCEEDED',
        amount: usedOfType[k]! - t.count,
        message: `${usedOfType[k]} routes use vehicle type ${k}; only ${t.count} exist`,
      });
    }
  });

  const declared = new Set(solution.unassigned.map((u) => key(typeof u === 'object' ? u.id : u)));
  const unserved: CustomerId[] = [];
  problem.customers.forEach((c, i) => {
    if (visits[i + 1]! > 0) {
      if (declared.has(key(c.id))) {
        violations.push({
          code: 'DUPLICATE_VISIT',
          id: c.id,
          message: `Customer ${String(c.id)} is visited and declared unassigned`,
        });
      }
      return;
    }
    if (declared.has(key(c.id))) unserved.push(c.id);
    else
      violations.push({
        code: 'CUSTOMER_NOT_SERVED',
        id: c.id,
        message: `Customer ${String(c.id)} is not served`,
      });
  });

  const evaluation: VrpEvaluation = {
    feasible: violations.length === 0,
    complete: unserved.length === 0 && !violations.some((v) => v.code === 'CUSTOMER_NOT_SERVED'),
    violations,
    routes,
    totalDistance,
    totalCost,
    vehiclesUsed: routes.length,
    unserved,
  };
  if (planar) evaluation.conventions = conventions;
  return evaluation;
}

function key(id: CustomerId): string {
  return `${typeof id}:${id}`;
}

function addConventions(
  sum: ConventionCosts,
  a: { x?: number | undefined; y?: number | undefined },
  b: { x?: number | undefined; y?: number | undefined },
): void {
  const dx = a.x! - b.x!;
  const dy = a.y! - b.y!;
  const d = Math.sqrt(dx * dx + dy * dy);
  sum.exact += d;
  sum.rounded += applyConvention(d, 'nint');
  sum.truncated += applyConvention(d, 'trunc1');
}
