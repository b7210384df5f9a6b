import { cheapestVehicle, type PackItem, type PackLoad, type PackPlan, type PackVehicle } from './bins.js';

/**
 * Options of `improvePlan`.
 *
 * @example
 * const options: ImproveOptions = { maxSweeps: 500, swapLimit: 400 };
 */
export interface ImproveOptions {
  /** Sweeps over every move before stopping (default 1,000). */
  maxSweeps?: number;
  /** Swaps (O(n²) a sweep) are tried only in groups of at most this many items (default 400). */
  swapLimit?: number;
}

interface Load extends PackLoad {
  cost: number;
}

/** A move must raise the fill objective by more than this to count when the cost stays. */
const EPS = 1e-12;

/**
 * Improves a plan by local search until no move helps. A move is taken when it lowers the
 * plan's cost, or — for moves between loads — keeps the cost and raises Σ fill² over the loads
 * (fill = load / the largest capacity, in weight and in volume). Fuller loads and emptier loads
 * are how a vehicle is freed on a plateau where every load costs the same (the tie-break of
 * Fleszar & Hindi's and Alvim et al.'s bin-packing searches). Each move improves (cost, −Σ fill²)
 * lexicographically, so the search ends, is never worse than its start and, with one vehicle
 * type, never adds a vehicle. Moves, in sweeps:
 *
 * 1. **retype** — each load onto the cheapest vehicle type that carries it;
 * 2. **release** — a load dearer than its items shipped alone is dissolved (they ship alone);
 * 3. **empty** — a load's items (largest first) are moved into the other loads, first fit,
 *    when that costs no more; afterwards no two loads could share one vehicle;
 * 4. **relocate** — one item to another load, to a vehicle of its own, or alone (and back);
 * 5. **swap** — two items of different loads trade places.
 *
 * Deterministic: loads and items are scanned in a fixed order, the first improvement is taken.
 *
 * @example
 * const better = improvePlan(firstFitDecreasing(indices, items, vehicles, 0), items, vehicles);
 */
export function improvePlan(
  start: PackPlan,
  items: readonly PackItem[],
  vehicles: readonly PackVehicle[],
  options: ImproveOptions = {},
): PackPlan {
  const maxSweeps = options.maxSweeps ?? 1_000;
  const swapLimit = options.swapLimit ?? 400;
  const maxWeight = Math.max(...vehicles.map((v) => v.weight));
  const maxVolume = Math.max(...vehicles.map((v) => v.volume));
  const loads: Load[] = start.loads.map((load) => ({
    ...load,
    items: [...load.items],
    cost: vehicles[load.vehicle]!.cost,
  }));
  const alone = new Set(start.alone);
  const itemCount = loads.reduce((n, load) => n + load.items.length, 0) + alone.size;

  const fill = (weight: number, volume: number) => (weight / maxWeight) ** 2 + (volume / maxVolume) ** 2;
  /** Cost of a load holding `weight` and `volume`, 0 when empty, Infinity when nothing carries it. */
  const costFor = (weight: number, volume: number, empty: boolean) => {
    if (empty) return 0;
    const vehicle = cheapestVehicle(vehicles, weight, volume);
    return vehicle === -1 ? Number.POSITIVE_INFINITY : vehicles[vehicle]!.cost;
  };
  const refit = (load: Load) => {
    if (load.items.length === 0) {
      load.cost = 0;
      return;
    }
    const vehicle = cheapestVehicle(vehicles, load.weight, load.volume);
    load.vehicle = vehicle;
    load.cost = vehicles[vehicle]!.cost;
  };
  const take = (load: Load, index: number) => {
    load.items.splice(load.items.indexOf(index), 1);
    load.weight -= items[index]!.weight;
    load.volume -= items[index]!.volume;
    refit(load);
  };
  const put = (load: Load, index: number) => {
    load.items.push(index);
    load.weight += items[index]!.weight;
    load.volume += items[index]!.volume;
    refit(load);
  };
  const open = (index: number) => {
    const load: Load = { items: [], weight: 0, volume: 0, vehicle: -1, cost: 0 };
    loads.push(load);
    put(load, index);
  };
  const prune = () => {
    for (let i = loads.length - 1; i >= 0; i -= 1) if (loads[i]!.items.length === 0) loads.splice(i, 1);
  };

  const retype = (): boolean => {
    let changed = false;
    for (const load of loads) {
      const before = load.cost;
      refit(load);
      if (load.cost < before) changed = true;
    }
    return changed;
  };

  const release = (): boolean => {
    let changed = false;
    for (const load of loads) {
      const aloneCost = load.items.reduce((sum, index) => sum + items[index]!.alone, 0);
      if (load.items.length > 0 && load.cost > aloneCost) {
        for (const index of load.items) alone.add(index);
        load.items = [];
        load.weight = 0;
        load.volume = 0;
        refit(load);
        changed = true;
      }
    }
    prune();
    return changed;
  };

  const empty = (): boolean => {
    const order = loads
      .map((load, position) => ({ load, position }))
      .sort(
        (a, b) =>
          a.load.items.length - b.load.items.length ||
          a.load.weight - b.load.weight ||
          a.position - b.position,
      );
    for (const { load: source } of order) {
      const moving = [...source.items].sort(
        (a, b) => items[b]!.weight - items[a]!.weight || items[b]!.volume - items[a]!.volume || a - b,
      );
      const extra = new Map<Load, { weight: number; volume: number }>();
      const targets: Load[] = [];
      let delta = -source.cost;
      for (const index of moving) {
        const item = items[index]!;
        const target = loads.find((candidate) => {
          if (candidate === source) return false;
          const added = extra.get(candidate) ?? { weight: 0, volume: 0 };
          return (
            costFor(
              candidate.weight + added.weight + item.weight,
              candidate.volume + added.volume + item.volume,
              false,
            ) < Number.POSITIVE_INFINITY
          );
        });
        if (!target) {
          delta = Number.POSITIVE_INFINITY;
          break;
        }
        const added = extra.get(target) ?? { weight: 0, volume: 0 };
        delta +=
          costFor(
            target.weight + added.weight + item.weight,
            target.volume + added.volume + item.volume,
            false,
          ) - costFor(target.weight + added.weight, target.volume + added.volume, false);
        extra.set(target, { weight: added.weight + item.weight, volume: added.volume + item.volume });
        targets.push(target);
      }
      if (delta > 0) continue;
      moving.forEach((index, k) => {
        take(source, index);
        put(targets[k]!, index);
      });
      prune();
      return true;
    }
    return false;
  };

  const relocate = (): boolean => {
    let changed = false;
    for (const source of [...loads]) {
      for (const index of [...source.items]) {
        if (!source.items.includes(index)) continue;
        const item = items[index]!;
        const last = source.items.length === 1;
        const sourceAfter = costFor(source.weight - item.weight, source.volume - item.volume, last);
        const sourceFill =
          fill(source.weight - item.weight, source.volume - item.volume) - fill(source.weight, source.volume);
        let moved = false;
        for (const target of loads) {
          if (target === source || target.items.length === 0) continue;
          const targetAfter = costFor(target.weight + item.weight, target.volume + item.volume, false);
          if (targetAfter === Number.POSITIVE_INFINITY) continue;
          const delta = sourceAfter - source.cost + (targetAfter - target.cost);
          const gain =
            sourceFill +
            fill(target.weight + item.weight, target.volume + item.volume) -
            fill(target.weight, target.volume);
          if (delta < 0 || (delta === 0 && gain > EPS)) {
            take(source, index);
            put(target, index);
            moved = true;
            break;
          }
        }
        if (!moved && !last && costFor(item.weight, item.volume, false) + sourceAfter < source.cost) {
          take(source, index);
          open(index);
          moved = true;
        }
        if (!moved && item.alone + sourceAfter < source.cost) {
          take(source, index);
          alone.add(index);
          moved = true;
        }
        changed ||= moved;
      }
    }
    for (const index of [...alone].sort((a, b) => a - b)) {
      const item = items[index]!;
      const target = loads.find((candidate) => {
        if (candidate.items.length === 0) return false;
        const after = costFor(candidate.weight + item.weight, candidate.volume + item.volume, false);
        return after - candidate.cost < item.alone;
      });
      if (target) {
        alone.delete(index);
        put(target, index);
        changed = true;
      } else if (costFor(item.weight, item.volume, false) < item.alone) {
        alone.delete(index);
        open(index);
        changed = true;
      }
    }
    prune();
    return changed;
  };

  const swap = (): boolean => {
    if (itemCount > swapLimit) return false;
    let changed = false;
    for (let a = 0; a < loads.length; a += 1) {
      for (let b = a + 1; b < loads.length; b += 1) {
        const first = loads[a]!;
        const second = loads[b]!;
        for (const i of [...first.items]) {
          for (const j of [...second.items]) {
            if (!first.items.includes(i) || !second.items.includes(j)) continue;
            const x = items[i]!;
            const y = items[j]!;
            if (x.weight === y.weight && x.volume === y.volume) continue;
            const w1 = first.weight - x.weight + y.weight;
            const v1 = first.volume - x.volume + y.volume;
            const w2 = second.weight - y.weight + x.weight;
            const v2 = second.volume - y.volume + x.volume;
            const after = costFor(w1, v1, false) + costFor(w2, v2, false);
            if (after === Number.POSITIVE_INFINITY) continue;
            const delta = after - first.cost - second.cost;
            const gain =
              fill(w1, v1) +
              fill(w2, v2) -
              fill(first.weight, first.volume) -
              fill(second.weight, second.volume);
            if (delta < 0 || (delta === 0 && gain > EPS)) {
              take(first, i);
              take(second, j);
              put(first, j);
              put(second, i);
              changed = true;
            }
          }
        }
      }
    }
    return changed;
  };

  for (let sweep = 0; sweep < maxSweeps; sweep += 1) {
    const retyped = retype();
    const released = release();
    const emptied = empty();
    const relocated = relocate();
    const swapped = swap();
    if (!retyped && !released && !emptied && !relocated && !swapped) break;
  }
  prune();
  return {
    loads: loads.map(({ cost: _cost, ...load }) => ({
      ...load,
      items: [...load.items].sort((a, b) => a - b),
    })),
    alone: [...alone].sort((a, b) => a - b),
  };
}
