import { assertQuantity } from '@s2b2b/core';

/**
 * Days the stock on hand lasts at the current rate: `onHand / averageDailyDemand`.
 * Never divides by zero: with no demand the cover is `Infinity` when there is stock (flag it as
 * no-movement; `JSON.stringify` writes `Infinity` as `null`) and 0 when there is none.
 * Throws `ValidationError` on `onHand` or `averageDailyDemand` when negative or not finite.
 *
 * @example
 * daysOfCover(120, 4) // 30
 * daysOfCover(120, 0) // Infinity
 * daysOfCover(0, 0) // 0
 */
export function daysOfCover(onHand: number, averageDailyDemand: number): number {
  assertQuantity(onHand, 'onHand', { allowZero: true });
  assertQuantity(averageDailyDemand, 'averageDailyDemand', { allowZero: true });
  if (onHand === 0) return 0;
  if (averageDailyDemand === 0) return Number.POSITIVE_INFINITY;
  return onHand / averageDailyDemand;
}

/**
 * Average units sold per day over a period: `unitsSold / periodDays`. Throws `ValidationError`
 * on `unitsSold` (negative) or `periodDays` (not positive).
 *
 * @example
 * averageDailyDemand(360, 90) // 4
 */
export function averageDailyDemand(unitsSold: number, periodDays: number): number {
  assertQuantity(unitsSold, 'unitsSold', { allowZero: true });
  assertQuantity(periodDays, 'periodDays');
  return unitsSold / periodDays;
}
