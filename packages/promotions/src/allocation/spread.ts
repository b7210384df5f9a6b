/**
 * Spreads a discount (minor units) over lines in proportion to their weights by the largest
 * remainder method — the same parts as core's `allocate` gives for the same minor units (a
 * property test checks it), computed on bigints without building `Money`, since a best-deal
 * search spreads thousands of times per cart. The parts sum to the discount exactly, each is its
 * exact share rounded down or up, the units left go to the largest remainders, and ties go to
 * the larger weight, then the earlier line; a zero weight gets nothing when some weight is
 * positive (all-zero weights split evenly). When the discount is at most Σ weights, no part
 * exceeds its weight (so no line goes below zero).
 *
 * @example
 * spreadMinorUnits(20000n, [50000n, 10000n]) // [16667n, 3333n]
 * spreadMinorUnits(10000n, [1n, 1n, 1n]) // [3334n, 3333n, 3333n]
 */
export function spreadMinorUnits(total: bigint, weights: readonly bigint[]): bigint[] {
  if (weights.length === 0) return [];
  if (total === 0n) return weights.map(() => 0n);
  if (weights.length === 1) return [total];
  if (total < 0n) return spreadMinorUnits(-total, weights).map((part) => -part);
  const positive = weights.some((w) => w > 0n);
  const ws = positive ? weights : weights.map(() => 1n);
  let sum = 0n;
  for (const w of ws) sum += w;
  const parts: bigint[] = [];
  const remainders: bigint[] = [];
  let left = total;
  for (const w of ws) {
    const product = total * w;
    const part = product / sum;
    parts.push(part);
    remainders.push(product % sum);
    left -= part;
  }
  if (left === 0n) return parts;
  const order = ws.map((_, index) => index);
  order.sort((a, b) => {
    const ra = remainders[a]!;
    const rb = remainders[b]!;
    if (ra !== rb) return ra > rb ? -1 : 1;
    const wa = ws[a]!;
    const wb = ws[b]!;
    if (wa !== wb) return wa > wb ? -1 : 1;
    return a - b;
  });
  for (const index of order) {
    if (left === 0n) break;
    parts[index] = parts[index]! + 1n;
    left -= 1n;
  }
  return parts;
}
