/**
 * Exact solver for tiny problems, for tests: the cheapest feasible route over every subset of
 * customers (all visiting orders tried), then the best partition of all customers into at most
 * `count` such routes. Single vehicle type, planar Euclidean or a matrix; windows, depot hours,
 * service, maxDuration (minimum duration) and maxDistance checked by forward simulation.
 */
export interface TinyProblem {
  depot: { x: number; y: number; timeWindow?: [number, number] };
  customers: {
    id: string | number;
    x: number;
    y: number;
    demand: number;
    timeWindow?: [number, number];
    serviceTime?: number;
  }[];
  vehicles: {
    capacity: number;
    count?: number;
    maxDuration?: number;
    maxDistance?: number;
    fixedCost?: number;
  };
  distance?: 'euclidean' | 'euclidean-rounded';
}

export function bruteForce(p: TinyProblem): { cost: number; routes: number } | null {
  const n = p.customers.length;
  const pts = [p.depot, ...p.customers];
  const round = p.distance === 'euclidean-rounded';
  const d = (i: number, j: number) => {
    const e = Math.sqrt((pts[i]!.x - pts[j]!.x) ** 2 + (pts[i]!.y - pts[j]!.y) ** 2);
    return round ? Math.floor(e + 0.5) : e;
  };
  const open = p.depot.timeWindow?.[0] ?? 0;
  const close = p.depot.timeWindow?.[1] ?? Number.POSITIVE_INFINITY;
  const fixed = p.vehicles.fixedCost ?? 0;
  const routeCost = (order: number[]): number => {
    let load = 0;
    let dist = 0;
    let clock = open;
    let last = 0;
    for (const c of order) {
      const cu = p.customers[c - 1]!;
      load += cu.demand;
      dist += d(last, c);
      const s = Math.max(clock + d(last, c), cu.timeWindow?.[0] ?? Number.NEGATIVE_INFINITY);
      if (s > (cu.timeWindow?.[1] ?? Number.POSITIVE_INFINITY) + 1e-9) return Number.POSITIVE_INFINITY;
      clock = s + (cu.serviceTime ?? 0);
      last = c;
    }
    dist += d(last, 0);
    const back = clock + d(last, 0);
    if (load > p.vehicles.capacity + 1e-9 || back > close + 1e-9) return Number.POSITIVE_INFINITY;
    if (p.vehicles.maxDistance !== undefined && dist > p.vehicles.maxDistance + 1e-9)
      return Number.POSITIVE_INFINITY;
    if (p.vehicles.maxDuration !== undefined) {
      let latest = back;
      let next = 0;
      for (let k = order.length - 1; k >= 0; k--) {
        const cu = p.customers[order[k]! - 1]!;
        latest = Math.min(
          cu.timeWindow?.[1] ?? Number.POSITIVE_INFINITY,
          latest - d(order[k]!, next) - (cu.serviceTime ?? 0),
        );
        next = order[k]!;
      }
      const departure = Math.max(open, latest - d(0, next));
      if (back - departure > p.vehicles.maxDuration + 1e-9) return Number.POSITIVE_INFINITY;
    }
    return dist + fixed;
  };
  const full = (1 << n) - 1;
  const best = new Float64Array(full + 1).fill(Number.POSITIVE_INFINITY);
  const permute = (items: number[], prefix: number[], mask: number) => {
    if (items.length === 0) {
      best[mask] = Math.min(best[mask]!, routeCost(prefix));
      return;
    }
    for (let k = 0; k < items.length; k++) {
      permute([...items.slice(0, k), ...items.slice(k + 1)], [...prefix, items[k]!], mask);
    }
  };
  for (let mask = 1; mask <= full; mask++) {
    const items: number[] = [];
    for (let c = 0; c < n; c++) if (mask & (1 << c)) items.push(c + 1);
    permute(items, [], mask);
  }
  const K = Math.min(p.vehicles.count ?? n, n);
  // f[k][mask]: cheapest cover of mask with exactly k routes.
  let prev = new Float64Array(full + 1).fill(Number.POSITIVE_INFINITY);
  prev[0] = 0;
  let answer: { cost: number; routes: number } | null = null;
  for (let k = 1; k <= K; k++) {
    const cur = new Float64Array(full + 1).fill(Number.POSITIVE_INFINITY);
    for (let mask = 1; mask <= full; mask++) {
      const low = mask & -mask;
      for (let sub = mask; sub > 0; sub = (sub - 1) & mask) {
        if (!(sub & low)) continue;
        const v = best[sub]! + prev[mask ^ sub]!;
        if (v < cur[mask]!) cur[mask] = v;
      }
    }
    if (cur[full]! < (answer?.cost ?? Number.POSITIVE_INFINITY) - 1e-9)
      answer = { cost: cur[full]!, routes: k };
    prev = cur;
  }
  return answer && Number.isFinite(answer.cost) ? answer : null;
}
