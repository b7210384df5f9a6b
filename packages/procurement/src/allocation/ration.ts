import { z } from 'zod';
import { roundInBlocks } from './round-in-blocks.js';

/**
 * How a SKU's unmet units are shared when the award fills less than the pooled demand:
 * `proportional` (each request gets the same fraction of what it asked, rounded by largest
 * remainder with equal requests as a block) or `first-come` (requests in submission order are
 * filled in full until the units run out).
 *
 * @example
 * rationingSchema.parse('first-come')
 */
export const rationingSchema = z.enum(['proportional', 'first-come']);

/**
 * A {@link rationingSchema} value.
 *
 * @example
 * const rule: Rationing = 'proportional';
 */
export type Rationing = z.infer<typeof rationingSchema>;

/**
 * Groups positions by an equal key, in order of first appearance.
 *
 * @example
 * groupEqual([5, 3, 5]) // [{ key: 5, members: [0, 2] }, { key: 3, members: [1] }]
 */
export function groupEqual<K>(keys: readonly K[]): { key: K; members: number[] }[] {
  const groups = new Map<K, number[]>();
  keys.forEach((key, index) => {
    const members = groups.get(key);
    if (members) members.push(index);
    else groups.set(key, [index]);
  });
  const out: { key: K; members: number[] }[] = [];
  groups.forEach((members, key) => {
    out.push({ key, members });
  });
  return out;
}

/**
 * How much of each request (whole units, in submission order) `filled` units cover. When
 * `filled` covers the demand every request is filled in full. Each fill is at most its request.
 *
 * @example
 * rationUnits([10, 10, 5], 20, 'proportional') // [8, 8, 4]
 * rationUnits([10, 10, 5], 20, 'first-come') // [10, 10, 0]
 */
export function rationUnits(requested: readonly number[], filled: number, rule: Rationing): number[] {
  const demand = requested.reduce((sum, q) => sum + q, 0);
  if (filled >= demand) return [...requested];
  if (filled <= 0) return requested.map(() => 0);
  if (rule === 'first-come') {
    let left = filled;
    return requested.map((q) => {
      const take = Math.min(q, left);
      left -= take;
      return take;
    });
  }
  const groups = groupEqual(requested);
  const blocks = groups.map((group) => ({
    size: group.members.length,
    numerator: BigInt(filled) * BigInt(group.key),
  }));
  const rounded = roundInBlocks(blocks, BigInt(demand));
  const fills = new Array<number>(requested.length).fill(0);
  groups.forEach((group, g) => {
    const { base, extra } = rounded[g]!;
    group.members.forEach((member, i) => {
      fills[member] = Number(base) + (i < extra ? 1 : 0);
    });
  });
  return fills;
}
