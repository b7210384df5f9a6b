import { cheapestVehicle, type PackItem, type PackLoad, type PackPlan, type PackVehicle } from './bins.js';

/**
 * First-fit decreasing with vehicles of a reference type: items by decreasing size relative to
 * that type (the larger of weight / capacity and volume / capacity; ties by weight, volume,
 * index), each into the first open load it fits, else a new load. An item the reference type
 * cannot carry opens a load on the cheapest type that can. Every item must fit some type.
 *
 * Bounds (identical vehicles): with one binding dimension FFD uses at most 11/9·OPT + 6/9
 * vehicles (Dósa 2007, tight); in two dimensions first fit in any order — FFD included — uses
 * at most (2 + 7/10)·OPT + O(1) (Garey, Graham, Johnson & Yao 1976).
 *
 * @example
 * firstFitDecreasing([0, 1, 2], items, vehicles, 0).loads.length
 */
export function firstFitDecreasing(
  indices: readonly number[],
  items: readonly PackItem[],
  vehicles: readonly PackVehicle[],
  reference: number,
): PackPlan {
  const ref = vehicles[reference]!;
  const size = (index: number) => {
    const item = items[index]!;
    if (item.weight > ref.weight || item.volume > ref.volume) return Number.POSITIVE_INFINITY;
    return Math.max(item.weight / ref.weight, item.volume / ref.volume);
  };
  const sizes = new Map(indices.map((index) => [index, size(index)]));
  const order = [...indices].sort(
    (a, b) =>
      sizes.get(b)! - sizes.get(a)! ||
      items[b]!.weight - items[a]!.weight ||
      items[b]!.volume - items[a]!.volume ||
      a - b,
  );
  const loads: PackLoad[] = [];
  for (const index of order) {
    const item = items[index]!;
    const target = loads.find((load) => {
      const vehicle = vehicles[load.vehicle]!;
      return load.weight + item.weight <= vehicle.weight && load.volume + item.volume <= vehicle.volume;
    });
    if (target) {
      target.items.push(index);
      target.weight += item.weight;
      target.volume += item.volume;
      continue;
    }
    const fitsReference = item.weight <= ref.weight && item.volume <= ref.volume;
    const vehicle = fitsReference ? reference : cheapestVehicle(vehicles, item.weight, item.volume);
    if (vehicle === -1) throw new RangeError(`item ${index} fits no vehicle type`);
    loads.push({ items: [index], weight: item.weight, volume: item.volume, vehicle });
  }
  return { loads, alone: [] };
}
