import { assertQuantity } from '@s2b2b/core';

/**
 * Sell-through, "sold over available" definition: `unitsSold / (unitsSold + endingOnHand)`, a
 * fraction in [0, 1] — of what was available during the period (what sold plus what is left),
 * the share that sold. `null` when nothing was available. Throws `ValidationError` on either
 * argument when negative or not finite.
 *
 * @example
 * sellThrough(650_000, 350_000) // 0.65
 * sellThrough(0, 0) // null
 */
export function sellThrough(unitsSold: number, endingOnHand: number): number | null {
  assertQuantity(unitsSold, 'unitsSold', { allowZero: true });
  assertQuantity(endingOnHand, 'endingOnHand', { allowZero: true });
  const available = unitsSold + endingOnHand;
  return available === 0 ? null : unitsSold / available;
}

/**
 * Sell-through, "sold over received" definition: `unitsSold / unitsReceived` for the same
 * period (may exceed 1 when opening stock sold too). `null` when nothing was received.
 * Throws `ValidationError` on either argument when negative or not finite.
 *
 * @example
 * sellThroughOfReceived(650_000, 1_000_000) // 0.65
 */
export function sellThroughOfReceived(unitsSold: number, unitsReceived: number): number | null {
  assertQuantity(unitsSold, 'unitsSold', { allowZero: true });
  assertQuantity(unitsReceived, 'unitsReceived', { allowZero: true });
  return unitsReceived === 0 ? null : unitsSold / unitsReceived;
}
