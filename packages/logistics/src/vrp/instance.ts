import type { z } from 'zod';
import { applyConvention, type EuclideanConvention } from '../geo/euclidean.js';
import { haversineKm } from '../geo/haversine.js';
import type { ParsedVrpProblem, vehicleTypeSchema } from './schemas.js';

/**
 * Why a customer is left out of every route (see `VrpUnassigned`).
 *
 * @example
 * const reason: UnassignedReason = 'FLEET_EXHAUSTED';
 */
export type UnassignedReason =
  | 'DEMAND_EXCEEDS_CAPACITY'
  | 'TIME_WINDOW_UNREACHABLE'
  | 'MAX_DISTANCE_EXCEEDED'
  | 'MAX_DURATION_EXCEEDED'
  | 'FLEET_EXHAUSTED';

/**
 * The problem compiled for the search: customers that some vehicle can serve on its own, renumbered
 * 1..n (0 is the depot), with dense distance and travel-time matrices and typed arrays for every
 * attribute. Internal to the solver.
 */
export interface Instance {
  /** Customers in the search (excluding those no vehicle can serve alone). */
  n: number;
  /** n + 1: matrix side. */
  size: number;
  dist: Float64Array;
  time: Float64Array;
  demand: Float64Array;
  ready: Float64Array;
  due: Float64Array;
  service: Float64Array;
  /** Input index (into `problem.customers`) of each internal customer; entry 0 is -1. */
  inputIndex: Int32Array;
  /** Polar angle of each customer around the depot, or null without coordinates. */
  angle: Float64Array | null;
  /** Time windows, depot hours or a route duration limit exist. */
  hasTime: boolean;
  /** Some vehicle type has a route duration limit. */
  hasMaxDuration: boolean;
  /**
   * Travel times are exact Euclidean or haversine distances (possibly scaled by a speed), so they
   * obey the triangle inequality (rounded or truncated ones may not).
   */
  metricTimes: boolean;
  /** Some vehicle type has a distance limit. */
  hasMaxDistance: boolean;
  /** dist[i][j] = dist[j][i] for all pairs. */
  symmetric: boolean;
  types: number;
  capacity: Float64Array;
  fixedCost: Float64Array;
  maxDistance: Float64Array;
  maxDuration: Float64Array;
  /** Vehicles of each type the search may use (bounded by n). */
  count: Int32Array;
  /** Vehicle type ids from the input (may be undefined). */
  typeIds: (string | undefined)[];
  totalDemand: number;
  maxDemand: number;
  /** Largest matrix entry: the scale of costs. */
  maxArc: number;
  /** Tolerances for feasibility checks, relative to the magnitudes in the problem. */
  timeTolerance: number;
  loadTolerance: number;
  distanceTolerance: number;
}

/** A customer no vehicle can serve, even on a route of its own. */
export interface Excluded {
  inputIndex: number;
  reason: UnassignedReason;
}

/** The full matrices over the depot and every input customer, before any exclusion. */
export interface FullMatrices {
  size: number;
  dist: Float64Array;
  time: Float64Array;
}

const CONVENTION: Record<string, EuclideanConvention> = {
  euclidean: 'exact',
  'euclidean-rounded': 'nint',
  'euclidean-truncated': 'trunc1',
};

/** Builds the distance and travel-time matrices of a validated problem over all its points. */
export function buildMatrices(problem: ParsedVrpProblem): FullMatrices {
  const size = problem.customers.length + 1;
  const points = [problem.depot, ...problem.customers];
  const dist = new Float64Array(size * size);
  if (Array.isArray(problem.distance)) {
    const rows = problem.distance as number[][];
    for (let i = 0; i < size; i++) {
      const row = rows[i]!;
      for (let j = 0; j < size; j++) dist[i * size + j] = row[j]!;
    }
  } else if (problem.distance === 'haversine') {
    for (let i = 0; i < size; i++) {
      const a = points[i]! as { lat: number; lng: number };
      for (let j = i + 1; j < size; j++) {
        const d = haversineKm(a, points[j]! as { lat: number; lng: number });
        dist[i * size + j] = d;
        dist[j * size + i] = d;
      }
    }
  } else {
    const convention = CONVENTION[problem.distance]!;
    for (let i = 0; i < size; i++) {
      const a = points[i]!;
      for (let j = i + 1; j < size; j++) {
        const b = points[j]!;
        const dx = a.x! - b.x!;
        const dy = a.y! - b.y!;
        const d = applyConvention(Math.sqrt(dx * dx + dy * dy), convention);
        dist[i * size + j] = d;
        dist[j * size + i] = d;
      }
    }
  }
  let time = dist;
  if (problem.travelTime) {
    time = new Float64Array(size * size);
    for (let i = 0; i < size; i++) {
      const row = problem.travelTime[i]!;
      for (let j = 0; j < size; j++) time[i * size + j] = row[j]!;
    }
  } else if (problem.speed !== undefined) {
    time = new Float64Array(size * size);
    for (let k = 0; k < size * size; k++) time[k] = dist[k]! / problem.speed;
  }
  return { size, dist, time };
}

/** A vehicle type with its defaults filled in. */
export type ParsedVehicleType = z.output<typeof vehicleTypeSchema>;

/** The vehicle types of a problem as a list (a single object becomes a list of one). */
export function vehicleTypesOf(problem: ParsedVrpProblem): ParsedVehicleType[] {
  return Array.isArray(problem.vehicles) ? problem.vehicles : [problem.vehicles];
}

/**
 * Compiles a validated problem: builds the matrices, sets aside the customers that no vehicle type
 * can serve even alone (with the reason), and packs the rest into typed arrays.
 */
export function compileInstance(
  problem: ParsedVrpProblem,
  matrices: FullMatrices = buildMatrices(problem),
): { instance: Instance; excluded: Excluded[] } {
  const types = vehicleTypesOf(problem);
  const full = matrices.size;
  const fd = matrices.dist;
  const ft = matrices.time;
  const depotReady = problem.depot.timeWindow?.[0] ?? 0;
  const depotDue = problem.depot.timeWindow?.[1] ?? Number.POSITIVE_INFINITY;
  const hasTime =
    problem.depot.timeWindow !== undefined ||
    problem.customers.some((c) => c.timeWindow !== undefined) ||
    types.some((t) => t.maxDuration !== undefined);
  let timeScale = Math.abs(depotReady) + (Number.isFinite(depotDue) ? Math.abs(depotDue) : 0);
  for (const c of problem.customers) {
    if (c.timeWindow) timeScale = Math.max(timeScale, Math.abs(c.timeWindow[0]), Math.abs(c.timeWindow[1]));
  }
  let maxArc = 0;
  for (let k = 0; k < fd.length; k++) if (fd[k]! > maxArc) maxArc = fd[k]!;
  let maxTime = 0;
  for (let k = 0; k < ft.length; k++) if (ft[k]! > maxTime) maxTime = ft[k]!;
  const timeTolerance = 1e-9 * Math.max(1, timeScale, maxTime * full);
  const distanceTolerance = 1e-9 * Math.max(1, maxArc * full);
  const maxCapacity = Math.max(...types.map((t) => t.capacity));
  const loadTolerance = 1e-9 * Math.max(1, maxCapacity);

  const kept: number[] = [];
  const excluded: Excluded[] = [];
  problem.customers.forEach((c, index) => {
    const node = index + 1;
    const ready = c.timeWindow?.[0] ?? Number.NEGATIVE_INFINITY;
    const due = c.timeWindow?.[1] ?? Number.POSITIVE_INFINITY;
    // Alone: leave at the depot opening, wait if early, serve, return.
    const arrival = depotReady + ft[node]!;
    const start = Math.max(arrival, ready);
    const back = start + c.serviceTime + ft[node * full]!;
    const windowOk = start <= due + timeTolerance && back <= depotDue + timeTolerance;
    // Shortest duration alone: leaving later avoids any wait, so it is travel plus service.
    const aloneDuration = ft[node]! + c.serviceTime + ft[node * full]!;
    const roundTrip = fd[node]! + fd[node * full]!;
    let capacityOk = false;
    let distanceOk = false;
    let durationOk = false;
    for (const t of types) {
      if (c.demand > t.capacity + loadTolerance) continue;
      capacityOk = true;
      const dOk = t.maxDistance === undefined || roundTrip <= t.maxDistance + distanceTolerance;
      const tOk = t.maxDuration === undefined || aloneDuration <= t.maxDuration + timeTolerance;
      if (dOk) distanceOk = true;
      if (dOk && tOk) durationOk = true;
    }
    let reason: UnassignedReason | null = null;
    if (!capacityOk) reason = 'DEMAND_EXCEEDS_CAPACITY';
    else if (!windowOk) reason = 'TIME_WINDOW_UNREACHABLE';
    else if (!distanceOk) reason = 'MAX_DISTANCE_EXCEEDED';
    else if (!durationOk) reason = 'MAX_DURATION_EXCEEDED';
    if (reason) excluded.push({ inputIndex: index, reason });
    else kept.push(index);
  });

  const n = kept.length;
  const size = n + 1;
  const map = new Int32Array(size);
  map[0] = 0;
  for (let i = 0; i < n; i++) map[i + 1] = kept[i]! + 1;
  let dist: Float64Array;
  let time: Float64Array;
  if (n + 1 === full) {
    dist = fd;
    time = ft;
  } else {
    dist = new Float64Array(size * size);
    time = ft === fd ? dist : new Float64Array(size * size);
    for (let i = 0; i < size; i++) {
      const row = map[i]! * full;
      for (let j = 0; j < size; j++) {
        dist[i * size + j] = fd[row + map[j]!]!;
        if (time !== dist) time[i * size + j] = ft[row + map[j]!]!;
      }
    }
  }
  let symmetric = true;
  for (let i = 0; i < size && symmetric; i++) {
    for (let j = i + 1; j < size; j++) {
      if (dist[i * size + j] !== dist[j * size + i] || time[i * size + j] !== time[j * size + i]) {
        symmetric = false;
        break;
      }
    }
  }

  const demand = new Float64Array(size);
  const ready = new Float64Array(size);
  const due = new Float64Array(size);
  const service = new Float64Array(size);
  const inputIndex = new Int32Array(size);
  inputIndex[0] = -1;
  ready[0] = depotReady;
  due[0] = depotDue;
  let totalDemand = 0;
  let maxDemand = 0;
  for (let i = 1; i <= n; i++) {
    const c = problem.customers[kept[i - 1]!]!;
    inputIndex[i] = kept[i - 1]!;
    demand[i] = c.demand;
    totalDemand += c.demand;
    if (c.demand > maxDemand) maxDemand = c.demand;
    // Open windows become [-inf, +inf]; the depot's opening bounds them in practice.
    ready[i] = c.timeWindow?.[0] ?? Number.NEGATIVE_INFINITY;
    due[i] = c.timeWindow?.[1] ?? Number.POSITIVE_INFINITY;
    service[i] = c.serviceTime;
  }

  let angle: Float64Array | null = null;
  const pts = [problem.depot, ...kept.map((k) => problem.customers[k]!)];
  const planar = pts.every((p) => p.x !== undefined && p.y !== undefined);
  const geographic = !planar && pts.every((p) => p.lat !== undefined && p.lng !== undefined);
  if (planar || geographic) {
    angle = new Float64Array(size);
    const d = pts[0]!;
    const cosLat = geographic ? Math.cos((d.lat! * Math.PI) / 180) : 1;
    for (let i = 1; i <= n; i++) {
      const p = pts[i]!;
      angle[i] = planar
        ? Math.atan2(p.y! - d.y!, p.x! - d.x!)
        : Math.atan2(p.lat! - d.lat!, (p.lng! - d.lng!) * cosLat);
    }
  }

  const T = types.length;
  const capacity = new Float64Array(T);
  const fixedCost = new Float64Array(T);
  const maxDistance = new Float64Array(T);
  const maxDuration = new Float64Array(T);
  const count = new Int32Array(T);
  types.forEach((t, k) => {
    capacity[k] = t.capacity;
    fixedCost[k] = t.fixedCost;
    maxDistance[k] = t.maxDistance ?? Number.POSITIVE_INFINITY;
    maxDuration[k] = t.maxDuration ?? Number.POSITIVE_INFINITY;
    count[k] = Math.min(t.count ?? n, n);
  });

  return {
    instance: {
      n,
      size,
      dist,
      time,
      demand,
      ready,
      due,
      service,
      inputIndex,
      angle,
      hasTime,
      hasMaxDistance: types.some((t) => t.maxDistance !== undefined),
      hasMaxDuration: types.some((t) => t.maxDuration !== undefined),
      metricTimes:
        (problem.distance === 'euclidean' || problem.distance === 'haversine') &&
        problem.travelTime === undefined,
      symmetric,
      types: T,
      capacity,
      fixedCost,
      maxDistance,
      maxDuration,
      count,
      typeIds: types.map((t) => t.id),
      totalDemand,
      maxDemand,
      maxArc,
      timeTolerance,
      loadTolerance,
      distanceTolerance,
    },
    excluded,
  };
}
