import { groupEqual } from './ration.js';
import { roundInBlocks } from './round-in-blocks.js';

/**
 * Splits what a SKU cost (the sum of its supplier invoice lines, in minor units) over the
 * requests that received it — **the uniform pooled price, capped at each request's stand-alone
 * cost**:
 *
 * 1. every request owes `λ × filled` for one price `λ` per unit, except that none owes more than
 *    its stand-alone cost `A`: the exact shares are `min(A, λ × filled)`, with `λ` the level at
 *    which they add up to the total (water-filling; with no cap binding, `λ = total / units`);
 * 2. the shares are rounded to minor units by largest remainder with equal requests as a block
 *    (`roundInBlocks`).
 *
 * Given `Σ A ≥ total` (the award's stand-alone costs guarantee it) this yields: the amounts sum
 * to the total; each is at most its stand-alone cost (an exact share ≤ A rounds to ≤ A, A being
 * whole); equal fills — which have equal stand-alone costs — pay equal amounts (but for the one
 * block `roundInBlocks` may have to split); and each amount is within one minor unit of its
 * exact share.
 *
 * @param total - minor units, ≥ 0
 * @param filled - each request's units (0: owes nothing)
 * @param standaloneOf - the stand-alone cost (minor units) of a fill, the same for equal fills
 * @example
 * shareCost(1000n, [30, 30, 40], (f) => BigInt(f) * 12n) // [300n, 300n, 400n]
 * // a cap binds: 10 units cost 500 but one of them costs 40 alone
 * shareCost(500n, [1, 9], (f) => (f === 1 ? 40n : 1000n)) // [40n, 460n]
 */
export function shareCost(
  total: bigint,
  filled: readonly number[],
  standaloneOf: (filled: number) => bigint,
): bigint[] {
  const amounts = new Array<bigint>(filled.length).fill(0n);
  for (const block of shareCostBlocks(total, filled, standaloneOf)) {
    block.members.forEach((member, i) => {
      amounts[member] = block.base + (i < block.extra ? 1n : 0n);
    });
  }
  return amounts;
}

/**
 * A block of equal fills and what each member pays: `base`, and one minor unit more for the
 * first `extra` members (in request order).
 *
 * @example
 * const { units, members, base, extra, standalone }: CostBlock = shareCostBlocks(total, fills, standaloneOf)[0]!;
 */
export interface CostBlock {
  /** The fill shared by the members. */
  units: number;
  /** Positions of the members, in request order. */
  members: number[];
  base: bigint;
  extra: number;
  /** The stand-alone cost of the fill. */
  standalone: bigint;
}

/**
 * {@link shareCost} by block of equal fills (fills of 0 are left out: they pay nothing), so a
 * caller can build one value per block instead of one per request.
 *
 * @example
 * shareCostBlocks(1000n, [30, 30, 40], (f) => BigInt(f) * 12n)
 * // [{ units: 30, members: [0, 1], base: 300n, extra: 0, standalone: 360n }, { units: 40, members: [2], base: 400n, extra: 0, standalone: 480n }]
 */
export function shareCostBlocks(
  total: bigint,
  filled: readonly number[],
  standaloneOf: (filled: number) => bigint,
): CostBlock[] {
  const groups = groupEqual(filled).filter((group) => group.key > 0);
  const classes = groups.map((group) => ({
    units: BigInt(group.key),
    size: BigInt(group.members.length),
    standalone: standaloneOf(group.key),
  }));
  if (total === 0n) {
    return groups.map((group, g) => ({
      units: group.key,
      members: group.members,
      base: 0n,
      extra: 0,
      standalone: classes[g]!.standalone,
    }));
  }
  // water-filling: cap the classes whose stand-alone price per unit is below the level
  let rest = total;
  let units = 0n;
  for (const c of classes) units += c.size * c.units;
  const capped = new Set<number>();
  if (classes.length > 0 && binds(classes[cheapestPerUnit(classes)]!, rest, units)) {
    const byRatio = classes
      .map((_, index) => index)
      .sort((a, b) => {
        const left = classes[a]!.standalone * classes[b]!.units;
        const right = classes[b]!.standalone * classes[a]!.units;
        return left < right ? -1 : left > right ? 1 : a - b;
      });
    for (const index of byRatio) {
      const c = classes[index]!;
      if (!binds(c, rest, units)) break;
      capped.add(index);
      rest -= c.size * c.standalone;
      units -= c.size * c.units;
    }
  }
  if (units === 0n || rest < 0n) {
    throw new RangeError('The stand-alone costs do not cover the total: the award broke its guarantee');
  }
  const rounded = roundInBlocks(
    classes.map((c, index) => ({
      size: Number(c.size),
      numerator: capped.has(index) ? c.standalone * units : rest * c.units,
    })),
    units,
  );
  return groups.map((group, g) => ({
    units: group.key,
    members: group.members,
    base: rounded[g]!.base,
    extra: rounded[g]!.extra,
    standalone: classes[g]!.standalone,
  }));
}

interface CostClass {
  units: bigint;
  size: bigint;
  standalone: bigint;
}

/** Whether a class's stand-alone price per unit is below the level `rest / units` (its cap binds). */
function binds(c: CostClass, rest: bigint, units: bigint): boolean {
  return c.standalone * units < rest * c.units;
}

/** The class with the lowest stand-alone price per unit (the first of equals): if its cap does not bind, none does. */
function cheapestPerUnit(classes: readonly CostClass[]): number {
  let best = 0;
  for (let i = 1; i < classes.length; i++) {
    if (classes[i]!.standalone * classes[best]!.units < classes[best]!.standalone * classes[i]!.units)
      best = i;
  }
  return best;
}
