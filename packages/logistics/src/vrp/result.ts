import type { Instance, UnassignedReason } from './instance.js';
import type { CustomerId, ParsedVrpProblem } from './schemas.js';

/**
 * One visit of a route with its schedule.
 *
 * @example
 * const stop: VrpStop = { id: 'M-101', arrival: 531.2, serviceStart: 540, departure: 555 };
 */
export interface VrpStop {
  id: CustomerId;
  /** Arrival time at the customer. */
  arrival: number;
  /** Start of service: arrival, or the window's ready time when early. */
  serviceStart: number;
  /** Departure: service start plus service time. */
  departure: number;
}

/**
 * One vehicle's route.
 *
 * @example
 * for (const route of solveVrp(problem).routes) console.log(route.vehicleId, route.stops.map((s) => s.id));
 */
export interface VrpRoute {
  /** Index of the vehicle type in `vehicles` (0 for a single type). */
  vehicle: number;
  /** The vehicle type's `id`, when given. */
  vehicleId?: string;
  stops: VrpStop[];
  /** Total demand served. */
  load: number;
  /** Route length under the problem's distance. */
  distance: number;
  /**
   * Time from leaving the depot to returning (travel, service and unavoidable waiting), with the
   * departure chosen as late as possible without delaying the return.
   */
  duration: number;
  /** Departure from the depot. */
  start: number;
  /** Return to the depot. */
  end: number;
  /** Distance plus the vehicle's fixed cost. */
  cost: number;
}

/**
 * A customer left out of every route, and why.
 *
 * @example
 * const u: VrpUnassigned = { id: 'M-117', reason: 'DEMAND_EXCEEDS_CAPACITY' };
 */
export interface VrpUnassigned {
  id: CustomerId;
  /**
   * `DEMAND_EXCEEDS_CAPACITY` (no vehicle type can carry it), `TIME_WINDOW_UNREACHABLE` (no vehicle
   * can reach it within its window and return before the depot closes), `MAX_DISTANCE_EXCEEDED` /
   * `MAX_DURATION_EXCEEDED` (even a route serving it alone is too long), `FLEET_EXHAUSTED` (it
   * could be served alone, but the fleet could not fit it together with the others).
   */
  reason: UnassignedReason;
}

/**
 * What `solveVrp` returns.
 *
 * @example
 * const { routes, totalDistance, unassigned } = solveVrp(problem);
 */
export interface VrpResult {
  routes: VrpRoute[];
  totalDistance: number;
  /** Sum of route durations. */
  totalDuration: number;
  /** Total distance plus fixed costs of the vehicles used: the `distance` objective. */
  totalCost: number;
  vehiclesUsed: number;
  unassigned: VrpUnassigned[];
  /** Genetic-search iterations done (initial population included). */
  iterations: number;
  /** What ended the search. */
  stoppedBy: 'iterations' | 'time' | 'signal';
}

/**
 * Schedules one route: leaves the depot as late as possible without delaying the return (the
 * earliest start of the minimum-duration schedule), then serves each stop at the earliest
 * moment its window allows.
 */
export function scheduleRoute(
  instance: Instance,
  route: readonly number[],
): { start: number; end: number; arrival: number[]; serviceStart: number[]; departure: number[] } {
  const { time, size, ready, due, service } = instance;
  // Earliest start E of the whole route's minimum-duration schedule (time-warp segments).
  let D = 0;
  let TW = 0;
  let E = ready[0]!;
  let L = due[0]!;
  let last = 0;
  for (let k = 0; k <= route.length; k++) {
    const c = k < route.length ? route[k]! : 0;
    const t = time[last * size + c]!;
    const delta = D - TW + t;
    const wait = Math.max(ready[c]! - delta - L, 0);
    const warp = Math.max(E + delta - due[c]!, 0);
    D = D + service[c]! + t + wait;
    TW += warp;
    E = Math.max(ready[c]! - delta, E) - wait;
    L = Math.min(due[c]! - delta, L) + warp;
    last = c;
  }
  const start = Number.isFinite(E) ? E : 0;
  const arrival: number[] = [];
  const serviceStart: number[] = [];
  const departure: number[] = [];
  let clock = start;
  last = 0;
  for (const c of route) {
    const a = clock + time[last * size + c]!;
    const s = Math.max(a, ready[c]!);
    arrival.push(a);
    serviceStart.push(s);
    departure.push(s + service[c]!);
    clock = s + service[c]!;
    last = c;
  }
  const end = clock + time[last * size]!;
  return { start, end, arrival, serviceStart, departure };
}

/** Builds the public result from internal routes. */
export function buildResult(
  problem: ParsedVrpProblem,
  instance: Instance,
  routes: number[][],
  types: number[],
  unassigned: VrpUnassigned[],
  iterations: number,
  stoppedBy: VrpResult['stoppedBy'],
): VrpResult {
  const { dist, size, demand } = instance;
  const out: VrpRoute[] = [];
  routes.forEach((route, r) => {
    if (route.length === 0) return;
    const type = types[r]!;
    let distance = 0;
    let load = 0;
    let last = 0;
    for (const c of route) {
      distance += dist[last * size + c]!;
      load += demand[c]!;
      last = c;
    }
    distance += dist[last * size]!;
    const s = scheduleRoute(instance, route);
    const stops: VrpStop[] = route.map((c, k) => ({
      id: problem.customers[instance.inputIndex[c]!]!.id,
      arrival: s.arrival[k]!,
      serviceStart: s.serviceStart[k]!,
      departure: s.departure[k]!,
    }));
    const built: VrpRoute = {
      vehicle: type,
      stops,
      load,
      distance,
      duration: s.end - s.start,
      start: s.start,
      end: s.end,
      cost: distance + instance.fixedCost[type]!,
    };
    const id = instance.typeIds[type];
    if (id !== undefined) built.vehicleId = id;
    out.push(built);
  });
  const totalDistance = out.reduce((a, r) => a + r.distance, 0);
  return {
    routes: out,
    totalDistance,
    totalDuration: out.reduce((a, r) => a + r.duration, 0),
    totalCost: out.reduce((a, r) => a + r.cost, 0),
    vehiclesUsed: out.length,
    unassigned,
    iterations,
    stoppedBy,
  };
}
