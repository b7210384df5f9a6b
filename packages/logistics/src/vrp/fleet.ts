import type { Instance } from './instance.js';

/**
 * Fewest vehicles that could carry the total demand: the largest vehicles of the fleet taken
 * first until their capacity covers it (a lower bound for `vehicles-then-distance`).
 */
export function vehicleLowerBound(instance: Instance): number {
  const caps: number[] = [];
  for (let t = 0; t < instance.types; t++) {
    for (let k = 0; k < instance.count[t]!; k++) caps.push(instance.capacity[t]!);
  }
  caps.sort((a, b) => b - a);
  let sum = 0;
  for (let k = 0; k < caps.length; k++) {
    sum += caps[k]!;
    if (sum >= instance.totalDemand - instance.loadTolerance) return k + 1;
  }
  return Math.max(1, caps.length);
}
