import { cheapestVehicle, type PackItem, type PackLoad, type PackPlan, type PackVehicle } from './bins.js';

/**
 * The cheapest plan for a small group, exactly: over every partition of the items into blocks,
 * each block either one vehicle (the cheapest type that carries it) or, for a single item, the
 * item shipped alone. Dynamic programming over subsets — f(S) = min over the blocks B ∋ min(S)
 * of cost(B) + f(S \ B) — in O(3^n) time, so for n ≤ 12 (531,441 block checks). Ties go to the
 * fewer loads, then to the first block found.
 *
 * @example
 * exactPartition([0, 1, 2], items, vehicles).loads
 */
export function exactPartition(
  indices: readonly number[],
  items: readonly PackItem[],
  vehicles: readonly PackVehicle[],
): PackPlan {
  const n = indices.length;
  if (n > 20) throw new RangeError('exactPartition is for small groups');
  const size = 1 << n;
  const weight = new Float64Array(size);
  const volume = new Float64Array(size);
  const blockCost = new Float64Array(size).fill(Number.POSITIVE_INFINITY);
  const blockVehicle = new Int32Array(size).fill(-1);
  for (let mask = 1; mask < size; mask += 1) {
    const low = 31 - Math.clz32(mask & -mask);
    const rest = mask & (mask - 1);
    const item = items[indices[low]!]!;
    weight[mask] = weight[rest]! + item.weight;
    volume[mask] = volume[rest]! + item.volume;
    const vehicle = cheapestVehicle(vehicles, weight[mask]!, volume[mask]!);
    if (vehicle !== -1) {
      blockCost[mask] = vehicles[vehicle]!.cost;
      blockVehicle[mask] = vehicle;
    }
    // A single item may also ship alone (-2), when that is strictly cheaper.
    if (rest === 0 && item.alone < blockCost[mask]!) {
      blockCost[mask] = item.alone;
      blockVehicle[mask] = -2;
    }
  }
  const best = new Float64Array(size).fill(Number.POSITIVE_INFINITY);
  const loads = new Int32Array(size);
  const choice = new Int32Array(size);
  best[0] = 0;
  for (let mask = 1; mask < size; mask += 1) {
    const low = mask & -mask;
    const others = mask ^ low;
    // Every block containing the lowest item: low ∪ (each subset of the others).
    for (let sub = others; ; sub = (sub - 1) & others) {
      const block = sub | low;
      const cost = blockCost[block]! + best[mask ^ block]!;
      const count = (blockVehicle[block]! >= 0 ? 1 : 0) + loads[mask ^ block]!;
      if (cost < best[mask]! || (cost === best[mask]! && count < loads[mask]!)) {
        best[mask] = cost;
        loads[mask] = count;
        choice[mask] = block;
      }
      if (sub === 0) break;
    }
  }
  const plan: PackPlan = { loads: [], alone: [] };
  for (let mask = size - 1; mask !== 0; mask ^= choice[mask]!) {
    const block = choice[mask]!;
    const members = indices.filter((_, position) => (block >> position) & 1);
    const vehicle = blockVehicle[block]!;
    if (vehicle === -2) {
      plan.alone.push(members[0]!);
    } else {
      const load: PackLoad = { items: members, weight: weight[block]!, volume: volume[block]!, vehicle };
      plan.loads.push(load);
    }
  }
  return plan;
}
