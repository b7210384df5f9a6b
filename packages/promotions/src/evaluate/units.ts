/**
 * A run of equally valued free units on one line.
 *
 * @example
 * const run: UnitRun = { line: 0, value: 334n, count: 1 };
 */
export interface UnitRun {
  line: number;
  value: bigint;
  count: number;
}

/**
 * The free units of a line as runs of equal value, pricier first. A line's current amount is
 * spread evenly over its units by largest remainder (the first `amount mod quantity` units are
 * worth one minor unit more), and units used by a buy-get or a bundle are taken from the front.
 *
 * @example
 * freeUnitRuns(0, 1000n, 3, 0) // [{ line: 0, value: 334n, count: 1 }, { line: 0, value: 333n, count: 2 }]
 * freeUnitRuns(0, 1000n, 3, 1) // [{ line: 0, value: 333n, count: 2 }]
 */
export function freeUnitRuns(line: number, amount: bigint, quantity: number, consumed: number): UnitRun[] {
  const q = BigInt(quantity);
  const base = amount / q;
  const upper = Number(amount % q); // units 0 .. upper-1 are worth base + 1
  const runs: UnitRun[] = [];
  const upperFree = Math.max(0, upper - consumed);
  const lowerFree = quantity - Math.max(consumed, upper);
  if (upperFree > 0) runs.push({ line, value: base + 1n, count: upperFree });
  if (lowerFree > 0) runs.push({ line, value: base, count: lowerFree });
  return runs;
}

/**
 * The value of a line's first `units` units (the same even split as {@link freeUnitRuns}).
 *
 * @example
 * valueOfFirstUnits(1000n, 3, 2) // 667n
 */
export function valueOfFirstUnits(amount: bigint, quantity: number, units: number): bigint {
  if (units >= quantity) return amount;
  const q = BigInt(quantity);
  const base = amount / q;
  const upper = amount % q;
  const u = BigInt(units);
  return u * base + (u < upper ? u : upper);
}

/**
 * Runs sorted for taking the most valuable units first: by value (high first), then line order.
 *
 * @example
 * runs.sort(compareRuns)
 */
export function compareRuns(a: UnitRun, b: UnitRun): number {
  if (a.value !== b.value) return a.value > b.value ? -1 : 1;
  return a.line - b.line;
}

/**
 * Takes `wanted` units from runs (in the given order, starting at `from`), lowering their counts.
 * Returns what it took, or `null` — having taken nothing — when there are not enough.
 *
 * @example
 * const took = takeUnits(runs, order, 0, 2);
 */
export function takeUnits(
  runs: UnitRun[],
  order: readonly number[],
  from: number,
  wanted: number,
): { taken: { run: number; count: number }[]; next: number } | null {
  const taken: { run: number; count: number }[] = [];
  let left = wanted;
  let position = from;
  while (left > 0 && position < order.length) {
    const index = order[position]!;
    const run = runs[index]!;
    if (run.count === 0) {
      position += 1;
      continue;
    }
    const n = Math.min(run.count, left);
    run.count -= n;
    left -= n;
    taken.push({ run: index, count: n });
    if (run.count === 0) position += 1;
  }
  if (left > 0) {
    giveBack(runs, taken);
    return null;
  }
  return { taken, next: position };
}

/**
 * Puts taken units back.
 *
 * @example
 * giveBack(runs, took.taken);
 */
export function giveBack(runs: UnitRun[], taken: readonly { run: number; count: number }[]): void {
  for (const t of taken) runs[t.run]!.count += t.count;
}
