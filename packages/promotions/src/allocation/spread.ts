import { allocateMinorUnits } from '@s2b2b/core';

/**
 * Spreads a discount (minor units) over lines in proportion to their weights by the largest
 * remainder method: core's `allocateMinorUnits`, the integer form of `allocate`, so a best-deal
 * search that spreads thousands of times per cart never builds `Money`. The parts sum to the
 * discount exactly, each is its exact share rounded down or up, the units left go to the largest
 * remainders, and ties go to the larger weight, then the earlier line; a zero weight gets nothing
 * when some weight is positive (all-zero weights split evenly). When the discount is at most
 * Σ weights, no part exceeds its weight (so no line goes below zero).
 *
 * @example
 * spreadMinorUnits(20000n, [50000n, 10000n]) // [16667n, 3333n]
 * spreadMinorUnits(10000n, [1n, 1n, 1n]) // [3334n, 3333n, 3333n]
 */
export function spreadMinorUnits(total: bigint, weights: readonly bigint[]): bigint[] {
  return allocateMinorUnits(total, weights);
}
