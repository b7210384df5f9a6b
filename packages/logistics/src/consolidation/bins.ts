/**
 * The integer model the packers work on: weights in grams, volumes in cm³, money in minor units
 * (all exact as JavaScript numbers at the sizes the schema allows).
 */

/**
 * An order to pack: its weight (g), volume (cm³) and stand-alone cost (minor units).
 *
 * @example
 * const item: PackItem = { weight: 120_000, volume: 800_000, alone: 18_000 };
 */
export interface PackItem {
  weight: number;
  volume: number;
  alone: number;
}

/**
 * A vehicle type: capacities (g, cm³) and the cost of one trip (minor units).
 *
 * @example
 * const truck: PackVehicle = { weight: 2_000_000, volume: 16_000_000, cost: 65_000 };
 */
export interface PackVehicle {
  weight: number;
  volume: number;
  cost: number;
}

/**
 * A load: the items in it (indices into the items), their totals, and the vehicle type carrying it.
 *
 * @example
 * const load: PackLoad = { items: [0, 3], weight: 240_000, volume: 1_300_000, vehicle: 0 };
 */
export interface PackLoad {
  items: number[];
  weight: number;
  volume: number;
  vehicle: number;
}

/**
 * A packing of some items: loads, and the items shipped alone.
 *
 * @example
 * const plan: PackPlan = { loads: [load], alone: [5] };
 */
export interface PackPlan {
  loads: PackLoad[];
  alone: number[];
}

/**
 * The cheapest vehicle type that carries `weight` and `volume` (the first listed on ties), or -1.
 *
 * @example
 * cheapestVehicle([{ weight: 10, volume: 10, cost: 5 }, { weight: 20, volume: 20, cost: 8 }], 15, 3) // 1
 */
export function cheapestVehicle(vehicles: readonly PackVehicle[], weight: number, volume: number): number {
  let best = -1;
  for (let index = 0; index < vehicles.length; index += 1) {
    const vehicle = vehicles[index]!;
    if (weight > vehicle.weight || volume > vehicle.volume) continue;
    if (best === -1 || vehicle.cost < vehicles[best]!.cost) best = index;
  }
  return best;
}

/**
 * What a plan costs: every load's vehicle plus every stand-alone item.
 *
 * @example
 * planCost(plan, items, vehicles) // minor units
 */
export function planCost(
  plan: PackPlan,
  items: readonly PackItem[],
  vehicles: readonly PackVehicle[],
): number {
  let total = 0;
  for (const load of plan.loads) total += vehicles[load.vehicle]!.cost;
  for (const index of plan.alone) total += items[index]!.alone;
  return total;
}

/**
 * A load of the given items on the cheapest vehicle that carries them, or `null` when none does.
 *
 * @example
 * loadOf([0, 1], items, vehicles)?.vehicle
 */
export function loadOf(
  indices: readonly number[],
  items: readonly PackItem[],
  vehicles: readonly PackVehicle[],
): PackLoad | null {
  let weight = 0;
  let volume = 0;
  for (const index of indices) {
    weight += items[index]!.weight;
    volume += items[index]!.volume;
  }
  const vehicle = cheapestVehicle(vehicles, weight, volume);
  return vehicle === -1 ? null : { items: [...indices], weight, volume, vehicle };
}
