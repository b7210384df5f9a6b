import type { PackItem, PackLoad, PackPlan, PackVehicle } from './bins.js';

/**
 * Options of `reduceVehicles`.
 *
 * @example
 * const options: ReduceOptions = { maxIterations: 2000, attempts: 3 };
 */
export interface ReduceOptions {
  /** Tabu iterations per attempt to repair the overload (default 100 + 5 per item, at most 2,000). */
  maxIterations?: number;
  /** Loads tried for removal before giving up, emptiest first (default 2). */
  attempts?: number;
}

/**
 * Frees vehicles the plain local search cannot: removes one load (the emptiest first), puts its
 * items where they overload the other loads least, then repairs the overload by a tabu search of
 * relocations and swaps out of overloaded loads — the other loads keep their vehicles, so a
 * repair that reaches zero overload saves the removed trip's cost outright. Repeats while it
 * succeeds (the fixed-number-of-bins scheme of Alvim, Ribeiro, Glover & Aloise 2004, with
 * overload Σ excess weight / capacity + excess volume / capacity). Deterministic: ties go to the
 * lower index, the tabu tenure is fixed.
 *
 * @example
 * const fewer = reduceVehicles(plan, items, vehicles);
 */
export function reduceVehicles(
  start: PackPlan,
  items: readonly PackItem[],
  vehicles: readonly PackVehicle[],
  options: ReduceOptions = {},
): PackPlan {
  let plan: PackPlan = {
    loads: start.loads.map((l) => ({ ...l, items: [...l.items] })),
    alone: [...start.alone],
  };
  const itemCount = plan.loads.reduce((n, load) => n + load.items.length, 0);
  const maxIterations = options.maxIterations ?? Math.min(2_000, 100 + 5 * itemCount);
  const attempts = options.attempts ?? 2;
  for (;;) {
    if (plan.loads.length < 2) return plan;
    const fill = (load: PackLoad) => {
      const v = vehicles[load.vehicle]!;
      return load.weight / v.weight + load.volume / v.volume;
    };
    const order = plan.loads
      .map((load, index) => ({ index, fill: fill(load) }))
      .sort((a, b) => a.fill - b.fill || a.index - b.index)
      .slice(0, attempts);
    let improved: PackPlan | null = null;
    for (const candidate of order) {
      improved = withoutLoad(plan, candidate.index, items, vehicles, maxIterations);
      if (improved) break;
    }
    if (!improved) return plan;
    plan = improved;
  }
}

/** The plan with load `removed` dissolved into the others at zero overload, or `null`. */
function withoutLoad(
  plan: PackPlan,
  removed: number,
  items: readonly PackItem[],
  vehicles: readonly PackVehicle[],
  maxIterations: number,
): PackPlan | null {
  const loads = plan.loads.filter((_, index) => index !== removed);
  const capW = loads.map((load) => vehicles[load.vehicle]!.weight);
  const capV = loads.map((load) => vehicles[load.vehicle]!.volume);
  const members = loads.map((load) => [...load.items]);
  const w = loads.map((load) => load.weight);
  const v = loads.map((load) => load.volume);
  const where = new Map<number, number>();
  members.forEach((list, j) => {
    for (const i of list) where.set(i, j);
  });
  const over = (j: number, weight: number, volume: number) =>
    Math.max(0, weight - capW[j]!) / capW[j]! + Math.max(0, volume - capV[j]!) / capV[j]!;
  const move = (i: number, from: number, to: number) => {
    const item = items[i]!;
    const list = members[from]!;
    list.splice(list.indexOf(i), 1);
    w[from] = w[from]! - item.weight;
    v[from] = v[from]! - item.volume;
    members[to]!.push(i);
    w[to] = w[to]! + item.weight;
    v[to] = v[to]! + item.volume;
    where.set(i, to);
  };

  // Insert the removed load's items, largest first, where they add the least overload.
  const freed = [...plan.loads[removed]!.items].sort(
    (a, b) => items[b]!.weight - items[a]!.weight || items[b]!.volume - items[a]!.volume || a - b,
  );
  for (const i of freed) {
    const item = items[i]!;
    let best = -1;
    let bestCost = Number.POSITIVE_INFINITY;
    let bestSlack = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < loads.length; j += 1) {
      const cost = over(j, w[j]! + item.weight, v[j]! + item.volume) - over(j, w[j]!, v[j]!);
      const slack = (capW[j]! - w[j]!) / capW[j]! + (capV[j]! - v[j]!) / capV[j]!;
      if (cost < bestCost - 1e-15 || (Math.abs(cost - bestCost) <= 1e-15 && slack > bestSlack)) {
        best = j;
        bestCost = cost;
        bestSlack = slack;
      }
    }
    members[best]!.push(i);
    w[best] = w[best]! + item.weight;
    v[best] = v[best]! + item.volume;
    where.set(i, best);
  }

  const total = () => loads.reduce((sum, _, j) => sum + over(j, w[j]!, v[j]!), 0);
  let current = total();
  let bestSeen = current;
  const tabuUntil = new Map<number, number>();
  const tenure = 7 + Math.floor(items.length / 20);
  for (let iteration = 0; iteration < maxIterations && current > 0; iteration += 1) {
    // Steepest move: relocate one item of the most overloaded load, or swap it with one elsewhere.
    let bestDelta = Number.POSITIVE_INFINITY;
    let chosen: { i: number; from: number; to: number; j?: number } | null = null;
    // The best tabu move too, taken when every move is tabu (so the search never stalls).
    let fallbackDelta = Number.POSITIVE_INFINITY;
    let fallback: { i: number; from: number; to: number; j?: number } | null = null;
    // Moves out of the most overloaded load (the first on ties): O(its items × all items) each.
    let worst = -1;
    let worstOver = 0;
    for (let j = 0; j < loads.length; j += 1) {
      const o = over(j, w[j]!, v[j]!);
      if (o > worstOver) {
        worst = j;
        worstOver = o;
      }
    }
    for (const from of worst === -1 ? [] : [worst]) {
      const before = worstOver;
      for (const i of members[from]!) {
        const a = items[i]!;
        const tabuI = (tabuUntil.get(i) ?? -1) >= iteration;
        for (let to = 0; to < loads.length; to += 1) {
          if (to === from) continue;
          const relocate =
            over(from, w[from]! - a.weight, v[from]! - a.volume) -
            before +
            over(to, w[to]! + a.weight, v[to]! + a.volume) -
            over(to, w[to]!, v[to]!);
          const aspire = current + relocate < bestSeen - 1e-12;
          if ((!tabuI || aspire) && relocate < bestDelta - 1e-15) {
            bestDelta = relocate;
            chosen = { i, from, to };
          }
          if (relocate < fallbackDelta - 1e-15) {
            fallbackDelta = relocate;
            fallback = { i, from, to };
          }
          for (const j of members[to]!) {
            const b = items[j]!;
            if (b.weight === a.weight && b.volume === a.volume) continue;
            const tabu = tabuI || (tabuUntil.get(j) ?? -1) >= iteration;
            const delta =
              over(from, w[from]! - a.weight + b.weight, v[from]! - a.volume + b.volume) -
              before +
              over(to, w[to]! - b.weight + a.weight, v[to]! - b.volume + a.volume) -
              over(to, w[to]!, v[to]!);
            if ((!tabu || current + delta < bestSeen - 1e-12) && delta < bestDelta - 1e-15) {
              bestDelta = delta;
              chosen = { i, from, to, j };
            }
            if (delta < fallbackDelta - 1e-15) {
              fallbackDelta = delta;
              fallback = { i, from, to, j };
            }
          }
        }
      }
    }
    chosen ??= fallback;
    if (!chosen) break;
    move(chosen.i, chosen.from, chosen.to);
    tabuUntil.set(chosen.i, iteration + tenure);
    if (chosen.j !== undefined) {
      move(chosen.j, chosen.to, chosen.from);
      tabuUntil.set(chosen.j, iteration + tenure);
    }
    current = total();
    if (current < bestSeen) bestSeen = current;
  }
  if (current > 0) return null;
  return {
    loads: loads.map((load, j) => ({
      items: members[j]!,
      weight: w[j]!,
      volume: v[j]!,
      vehicle: load.vehicle,
    })),
    alone: [...plan.alone],
  };
}
