import { measureRoute } from './individual.js';
import type { Instance } from './instance.js';

/** Routes (internal customer numbers) with a vehicle type each. */
export interface RoutePlan {
  routes: number[][];
  types: number[];
}

/** How far a route is from feasible for a vehicle type (0 when feasible), in scaled units. */
export function routeViolation(instance: Instance, type: number, route: readonly number[]): number {
  if (route.length === 0) return 0;
  const m = measureRoute(instance, route);
  let v = 0;
  const el = m.load - instance.capacity[type]!;
  if (el > instance.loadTolerance) v += el / Math.max(1e-9, instance.capacity[type]!);
  if (instance.hasTime) {
    const et = m.timeWarp + Math.max(0, m.duration - instance.maxDuration[type]!);
    if (et > instance.timeTolerance) v += et / Math.max(1, instance.maxArc);
  }
  const ed = m.distance - instance.maxDistance[type]!;
  if (ed > instance.distanceTolerance) v += ed / Math.max(1, instance.maxArc);
  return v;
}

/**
 * Turns a plan that breaks some limit into a feasible one by dropping customers: from each
 * infeasible route, repeatedly removes the customer whose removal leaves the smallest violation
 * (then the shortest route), then tries to put every dropped customer back at its cheapest
 * feasible position — in any route, or on a free vehicle when `maxRoutes` allows — together with
 * the `pending` customers no route holds yet. Customers that still fit nowhere are returned in
 * `dropped`.
 */
export function dropUntilFeasible(
  instance: Instance,
  plan: RoutePlan,
  maxRoutes: number,
  pending: readonly number[] = [],
): RoutePlan & { dropped: number[] } {
  const routes = plan.routes.map((r) => r.slice());
  const types = plan.types.slice();
  const dropped: number[] = [...pending];
  for (let r = 0; r < routes.length; r++) {
    const route = routes[r]!;
    while (route.length > 0 && routeViolation(instance, types[r]!, route) > 0) {
      let bestAt = 0;
      let bestV = Number.POSITIVE_INFINITY;
      let bestD = Number.POSITIVE_INFINITY;
      for (let k = 0; k < route.length; k++) {
        const trial = route.slice(0, k).concat(route.slice(k + 1));
        const v = routeViolation(instance, types[r]!, trial);
        const d = measureRoute(instance, trial).distance;
        if (v < bestV - 1e-12 || (Math.abs(v - bestV) <= 1e-12 && d < bestD)) {
          bestV = v;
          bestD = d;
          bestAt = k;
        }
      }
      dropped.push(route[bestAt]!);
      route.splice(bestAt, 1);
    }
  }
  // Put dropped customers back where they fit, largest demand first.
  dropped.sort((a, b) => instance.demand[b]! - instance.demand[a]! || a - b);
  const left: number[] = [];
  for (const c of dropped) {
    if (!insertCheapest(instance, routes, types, c, maxRoutes)) left.push(c);
  }
  const keep = routes.map((r, i) => ({ r, t: types[i]! })).filter((x) => x.r.length > 0);
  return { routes: keep.map((x) => x.r), types: keep.map((x) => x.t), dropped: left };
}

/** Inserts customer c at its cheapest feasible position; false when there is none. */
function insertCheapest(
  instance: Instance,
  routes: number[][],
  types: number[],
  c: number,
  maxRoutes: number,
): boolean {
  const { dist, size } = instance;
  let best = Number.POSITIVE_INFINITY;
  let bestRoute = -1;
  let bestPos = 0;
  for (let r = 0; r < routes.length; r++) {
    const route = routes[r]!;
    if (route.length === 0) continue;
    for (let p = 0; p <= route.length; p++) {
      const a = p === 0 ? 0 : route[p - 1]!;
      const b = p === route.length ? 0 : route[p]!;
      const delta = dist[a * size + c]! + dist[c * size + b]! - dist[a * size + b]!;
      if (delta >= best) continue;
      const trial = route.slice(0, p).concat([c], route.slice(p));
      if (routeViolation(instance, types[r]!, trial) > 0) continue;
      best = delta;
      bestRoute = r;
      bestPos = p;
    }
  }
  if (bestRoute >= 0) {
    routes[bestRoute]!.splice(bestPos, 0, c);
    return true;
  }
  const used = routes.filter((r) => r.length > 0).length;
  if (used >= maxRoutes) return false;
  // A free vehicle: the cheapest type with one left that can serve c alone.
  const usedOfType = new Int32Array(instance.types);
  routes.forEach((r, i) => {
    if (r.length > 0) usedOfType[types[i]!]!++;
  });
  let bestType = -1;
  for (let t = 0; t < instance.types; t++) {
    if (usedOfType[t]! >= instance.count[t]!) continue;
    if (routeViolation(instance, t, [c]) > 0) continue;
    if (bestType < 0 || instance.fixedCost[t]! < instance.fixedCost[bestType]!) bestType = t;
  }
  if (bestType < 0) return false;
  routes.push([c]);
  types.push(bestType);
  return true;
}
