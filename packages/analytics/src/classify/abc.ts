import { parseInput } from '@s2b2b/core';
import { z } from 'zod';
import { amountSchema, decimal } from '../money.js';

/**
 * Options of {@link abcClassify}: the cumulative-value cut-offs of A and B (default 0.8 and 0.95).
 *
 * @example
 * abcOptionsSchema.parse({ a: 0.7, b: 0.9 })
 */
export const abcOptionsSchema = z
  .object({ a: z.number().gt(0).lt(1).optional(), b: z.number().gt(0).lte(1).optional() })
  .strict()
  .refine((o) => (o.a ?? 0.8) < (o.b ?? 0.95), { message: 'Expected a < b', path: ['b'] });

/**
 * A SKU's ABC class with its value, share and the cumulative share up to and including it.
 *
 * @example
 * const row: AbcRow = { sku: 'TEA', value: 5000, share: 0.5, cumulativeShare: 0.5, rank: 1, class: 'A' };
 */
export interface AbcRow {
  sku: string;
  value: number;
  share: number;
  cumulativeShare: number;
  rank: number;
  class: 'A' | 'B' | 'C';
}

/**
 * ABC analysis by cumulative value (Pareto): SKUs ranked by value (volume × cost, or revenue)
 * descending, ties by SKU; a SKU is A while the cumulative share *before* it is below `a` (so the
 * SKU that crosses 80 % is still A), B while it is below `b`, else C. Value 0 is always C.
 *
 * @throws ValidationError for negative values or duplicate SKUs
 * @example
 * abcClassify([{ sku: 'A', value: 70 }, { sku: 'B', value: 20 }, { sku: 'C', value: 6 }, { sku: 'D', value: 4 }]).map((r) => r.class) // ['A', 'B', 'B', 'C']
 */
export function abcClassify(
  items: readonly { sku: string; value: number | string }[],
  options: z.input<typeof abcOptionsSchema> = {},
): AbcRow[] {
  const rows = parseInput(
    z
      .array(
        z.object({
          sku: z.string().min(1).max(200),
          value: amountSchema.refine((v) => Number(v) >= 0, 'Expected a value ≥ 0'),
        }),
      )
      .superRefine((list, ctx) => {
        const seen = new Set<string>();
        list.forEach((row, i) => {
          if (seen.has(row.sku)) ctx.addIssue({ code: 'custom', path: [i, 'sku'], message: 'Duplicate SKU' });
          seen.add(row.sku);
        });
      }),
    items,
    'items',
  );
  const { a = 0.8, b = 0.95 } = parseInput(abcOptionsSchema, options, 'options');
  const values = rows.map((row) => ({ sku: row.sku, exact: decimal(row.value) }));
  const total = values.reduce((sum, v) => sum.plus(v.exact), decimal(0));
  values.sort((x, y) => y.exact.comparedTo(x.exact) || (x.sku < y.sku ? -1 : x.sku > y.sku ? 1 : 0));
  let before = decimal(0);
  return values.map((v, i) => {
    const shareBefore = total.isZero() ? 1 : Number(before.div(total));
    before = before.plus(v.exact);
    const cumulative = total.isZero() ? 0 : Number(before.div(total));
    const cls: AbcRow['class'] = v.exact.isZero() ? 'C' : shareBefore < a ? 'A' : shareBefore < b ? 'B' : 'C';
    return {
      sku: v.sku,
      value: Number(v.exact),
      share: total.isZero() ? 0 : Number(v.exact.div(total)),
      cumulativeShare: cumulative,
      rank: i + 1,
      class: cls,
    };
  });
}
