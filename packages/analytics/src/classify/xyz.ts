import { parseInput } from '@s2b2b/core';
import { z } from 'zod';

/**
 * Options of {@link xyzClassify}: the coefficient-of-variation cut-offs (default 0.5 and 1.0).
 *
 * @example
 * xyzOptionsSchema.parse({ x: 0.25, y: 0.5 })
 */
export const xyzOptionsSchema = z
  .object({ x: z.number().gt(0).optional(), y: z.number().gt(0).optional() })
  .strict()
  .refine((o) => (o.x ?? 0.5) < (o.y ?? 1), { message: 'Expected x < y', path: ['y'] });

/**
 * A SKU's XYZ class: mean and population standard deviation of its per-period demand, their
 * ratio (CV, `null` when the mean is 0) and the class.
 *
 * @example
 * const row: XyzRow = { sku: 'TEA', periods: 12, mean: 10, sd: 2, cv: 0.2, class: 'X' };
 */
export interface XyzRow {
  sku: string;
  periods: number;
  mean: number;
  sd: number;
  cv: number | null;
  class: 'X' | 'Y' | 'Z';
}

/**
 * XYZ analysis by demand variability: CV = σ / μ of the per-period demand (population σ, every
 * period counted, zeros included); X when CV < `x` (steady), Y when CV ≤ `y`, Z above (erratic);
 * a SKU with no demand at all is Z with CV `null`.
 *
 * @example
 * xyzClassify([{ sku: 'A', demand: [10, 12, 8, 10] }, { sku: 'B', demand: [0, 0, 9, 0] }]).map((r) => r.class) // ['X', 'Z']
 */
export function xyzClassify(
  series: readonly { sku: string; demand: readonly number[] }[],
  options: z.input<typeof xyzOptionsSchema> = {},
): XyzRow[] {
  const rows = parseInput(
    z.array(
      z.object({ sku: z.string().min(1).max(200), demand: z.array(z.number().finite().min(0)).min(1) }),
    ),
    series,
    'series',
  );
  const { x = 0.5, y = 1 } = parseInput(xyzOptionsSchema, options, 'options');
  return rows.map((row) => {
    const n = row.demand.length;
    const mean = row.demand.reduce((s, v) => s + v, 0) / n;
    const sd = Math.sqrt(row.demand.reduce((s, v) => s + (v - mean) ** 2, 0) / n);
    const cv = mean === 0 ? null : sd / mean;
    const cls: XyzRow['class'] = cv === null ? 'Z' : cv < x ? 'X' : cv <= y ? 'Y' : 'Z';
    return { sku: row.sku, periods: n, mean, sd, cv, class: cls };
  });
}

/**
 * The 3 × 3 ABC-XYZ matrix: SKU counts per combined class (`AX` … `CZ`) and each SKU's class, for
 * SKUs classified both ways.
 *
 * @example
 * abcXyzMatrix(abcClassify(values), xyzClassify(demand)).counts.AX
 */
export function abcXyzMatrix(
  abc: readonly { sku: string; class: 'A' | 'B' | 'C' }[],
  xyz: readonly { sku: string; class: 'X' | 'Y' | 'Z' }[],
): { counts: Record<string, number>; skus: { sku: string; class: string }[] } {
  parseInput(z.array(z.object({ sku: z.string().min(1), class: z.enum(['A', 'B', 'C']) })), abc, 'abc');
  parseInput(z.array(z.object({ sku: z.string().min(1), class: z.enum(['X', 'Y', 'Z']) })), xyz, 'xyz');
  const variability = new Map(xyz.map((row) => [row.sku, row.class]));
  const counts: Record<string, number> = {};
  for (const a of ['A', 'B', 'C']) for (const b of ['X', 'Y', 'Z']) counts[a + b] = 0;
  const skus: { sku: string; class: string }[] = [];
  for (const row of abc) {
    const other = variability.get(row.sku);
    if (!other) continue;
    const combined = row.class + other;
    counts[combined] = (counts[combined] ?? 0) + 1;
    skus.push({ sku: row.sku, class: combined });
  }
  return { counts, skus };
}
