/**
 * A point in the plane.
 *
 * @example
 * const depot: XY = { x: 40, y: 50 };
 */
export interface XY {
  x: number;
  y: number;
}

/**
 * How a planar distance is turned into the number a benchmark or a tariff uses:
 * - `exact`: √(dx² + dy²) in double precision (CMT and the Solomon literature tables);
 * - `nint`: rounded to the nearest integer, floor(d + 0.5) (TSPLIB `EUC_2D`, CVRPLIB A/B/P/E/X);
 * - `trunc1`: truncated to one decimal, floor(10·d) / 10 (CVRPLIB's Solomon solution files, DIMACS 2021).
 *
 * @example
 * const convention: EuclideanConvention = 'nint';
 */
export type EuclideanConvention = 'exact' | 'nint' | 'trunc1';

/**
 * Straight-line distance between two points.
 *
 * @example
 * euclidean({ x: 0, y: 0 }, { x: 3, y: 4 }); // 5
 */
export function euclidean(a: XY, b: XY): number {
  const dx = a.x - b.x;
  const dy = a.y - b.y;
  return Math.sqrt(dx * dx + dy * dy);
}

/**
 * Applies a distance convention to an exact Euclidean distance.
 *
 * @param d - the exact distance
 * @param convention - see {@link EuclideanConvention}
 * @example
 * applyConvention(Math.sqrt(2), 'nint'); // 1
 * applyConvention(Math.sqrt(2), 'trunc1'); // 1.4
 */
export function applyConvention(d: number, convention: EuclideanConvention): number {
  if (convention === 'nint') return Math.floor(d + 0.5);
  if (convention === 'trunc1') return Math.floor(d * 10) / 10;
  return d;
}
