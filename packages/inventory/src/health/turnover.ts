import { assertQuantity, ValidationError } from '@s2b2b/core';

/**
 * Average inventory as the mean of level snapshots taken at equal intervals (e.g. opening and
 * closing: `[opening, closing]`). Throws `ValidationError` on `levels` (empty) or
 * `levels[i]` (negative, not finite).
 *
 * @example
 * averageInventory([100, 300]) // 200
 */
export function averageInventory(levels: readonly number[]): number {
  if (levels.length === 0) throw ValidationError.field('levels', 'Expected at least one level', 'too_small');
  let total = 0;
  levels.forEach((level, i) => {
    total += assertQuantity(level, `levels.${i}`, { allowZero: true });
  });
  return total / levels.length;
}

/**
 * Inventory turnover over a period: `flow / averageInventory`, where `flow` is the cost of goods
 * sold (in minor units) with inventory valued at cost, or units sold with inventory in units.
 * `null` when the average inventory is 0. Throws `ValidationError` on a negative or non-finite
 * argument.
 *
 * @example
 * inventoryTurnover(1_200_000, 200_000) // 6 turns
 */
export function inventoryTurnover(flow: number, averageInventoryLevel: number): number | null {
  assertQuantity(flow, 'flow', { allowZero: true });
  assertQuantity(averageInventoryLevel, 'averageInventory', { allowZero: true });
  return averageInventoryLevel === 0 ? null : flow / averageInventoryLevel;
}

/**
 * Days of inventory (DIO): `averageInventory / flow × periodDays` — with a yearly COGS and
 * `periodDays` 365, the reference formula. `Infinity` when nothing flowed out but stock was held,
 * 0 when no stock was held. Throws `ValidationError` on a negative or non-finite argument, or a
 * `periodDays` that is not positive.
 *
 * @example
 * daysOfInventory(200_000, 1_200_000) // 60.833… (365 / 6)
 * daysOfInventory(50, 150, 90) // 30
 */
export function daysOfInventory(averageInventoryLevel: number, flow: number, periodDays = 365): number {
  assertQuantity(averageInventoryLevel, 'averageInventory', { allowZero: true });
  assertQuantity(flow, 'flow', { allowZero: true });
  assertQuantity(periodDays, 'periodDays');
  if (averageInventoryLevel === 0) return 0;
  if (flow === 0) return Number.POSITIVE_INFINITY;
  return (averageInventoryLevel / flow) * periodDays;
}
