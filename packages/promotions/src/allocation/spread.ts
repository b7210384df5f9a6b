import { allocate, Money } from '@s2b2b/core';

/**
 * Spreads a discount (minor units, ≥ 0) over lines in proportion to their weights with core's
 * largest-remainder `allocate`: the parts sum to the discount exactly, each is its exact share
 * rounded down or up, and ties go to the larger weight, then the earlier line. When the
 * discount is at most Σ weights, no part exceeds its weight (so no line goes below zero).
 *
 * @example
 * spreadMinorUnits(20000n, [50000n, 10000n], 'CNY') // [16667n, 3333n]
 */
export function spreadMinorUnits(total: bigint, weights: readonly bigint[], currency: string): bigint[] {
  if (weights.length === 0) return [];
  if (total === 0n) return weights.map(() => 0n);
  if (weights.length === 1) return [total];
  return allocate(Money.fromMinor(total, currency), weights).map((part) => part.toMinorUnits());
}
