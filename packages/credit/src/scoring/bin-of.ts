import type { Bin } from './schemas.js';

/**
 * The index of the bin a value falls in, for bins that passed `binsSchema` (numeric bins tiling
 * (−∞, +∞) in order, at most one `missing` bin): a number goes to the bin with min ≤ value < max;
 * `null`, `undefined` or NaN to the `missing` bin, or −1 when there is none.
 *
 * @example
 * binOf(12, [{ label: '<12', max: 12 }, { label: '12+', min: 12 }]) // 1
 * binOf(null, [{ label: 'all' }]) // -1
 */
export function binOf(
  value: number | null | undefined,
  bins: readonly Pick<Bin, 'min' | 'max' | 'missing'>[],
): number {
  if (value === null || value === undefined || Number.isNaN(value)) {
    return bins.findIndex((bin) => bin.missing === true);
  }
  for (let i = 0; i < bins.length; i += 1) {
    const bin = bins[i]!;
    if (bin.missing) continue;
    if ((bin.min === undefined || value >= bin.min) && (bin.max === undefined || value < bin.max)) return i;
  }
  return -1;
}
