/**
 * Largest-remainder rounding that keeps equal shares equal.
 *
 * Core `allocate` floors every exact share and hands the units left over, one each, to the
 * largest remainders (ties: the larger share, then the lower index). Equal shares have equal
 * remainders, so when the units left are fewer than the equal shares, `allocate` must give some
 * of them one unit more than the others. `roundInBlocks` runs the same rule over blocks of equal
 * shares: walking the blocks in `allocate`'s order, a block receives a unit for every member
 * when the units left cover it, and is passed over otherwise; the units still left at the end
 * (fewer than the members of every block passed over) go to the first members of the first
 * block passed over. So:
 *
 * - the parts sum to the total, and each is its exact share rounded down or up;
 * - equal shares get equal parts, except in one block at most, and only when the units left
 *   are too few to give its members one each — then no rule can keep them equal (two equal
 *   shares of an odd total);
 * - when every block has one member it is exactly core `allocate`.
 */

/**
 * A block of equal exact shares: `size` members, each owed `numerator / denominator` units.
 *
 * @example
 * const block: ShareBlock = { size: 3, numerator: 100n }; // with denominator 3n: 33⅓ each
 */
export interface ShareBlock {
  size: number;
  numerator: bigint;
}

/**
 * How one block was rounded: every member gets `base`, and its first `extra` members one more.
 *
 * @example
 * const rounded: RoundedBlock = { base: 33n, extra: 1 };
 */
export interface RoundedBlock {
  base: bigint;
  extra: number;
}

/**
 * Rounds blocks of exact shares to whole units summing to `Σ size × numerator / denominator`
 * (which must be a whole number). Blocks are given in member order (a block's position is its
 * first member's), shares non-negative.
 *
 * @example
 * // exact shares 2.5, 2.5 (a block of two) and 1: one unit is left for two equal members
 * roundInBlocks([{ size: 2, numerator: 5n }, { size: 1, numerator: 2n }], 2n)
 * // [{ base: 2n, extra: 1 }, { base: 1n, extra: 0 }]: parts 3, 2, 1
 */
export function roundInBlocks(blocks: readonly ShareBlock[], denominator: bigint): RoundedBlock[] {
  const rounded: RoundedBlock[] = new Array(blocks.length);
  const remainders: bigint[] = new Array(blocks.length);
  let left = 0n;
  for (let i = 0; i < blocks.length; i++) {
    const { size, numerator } = blocks[i]!;
    const base = numerator / denominator;
    const remainder = numerator - base * denominator;
    rounded[i] = { base, extra: 0 };
    remainders[i] = remainder;
    left += BigInt(size) * remainder;
  }
  if (left % denominator !== 0n) throw new RangeError('The shares do not add up to a whole number of units');
  let units = left / denominator;
  if (units === 0n) return rounded;
  const order: number[] = [];
  for (let i = 0; i < blocks.length; i++) if (remainders[i] !== 0n) order.push(i);
  order.sort((a, b) => {
    const ra = remainders[a]!;
    const rb = remainders[b]!;
    if (ra !== rb) return ra > rb ? -1 : 1;
    const wa = blocks[a]!.numerator;
    const wb = blocks[b]!.numerator;
    if (wa !== wb) return wa > wb ? -1 : 1;
    return a - b;
  });
  let firstPassed = -1;
  for (const index of order) {
    if (units === 0n) break;
    const size = BigInt(blocks[index]!.size);
    if (size <= units) {
      rounded[index]!.extra = blocks[index]!.size;
      units -= size;
    } else if (firstPassed < 0) {
      firstPassed = index;
    }
  }
  if (units > 0n) rounded[firstPassed]!.extra = Number(units);
  return rounded;
}
