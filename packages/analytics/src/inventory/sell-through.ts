import { parseInput } from '@s2b2b/core';
import { z } from 'zod';

/**
 * The sell-through definitions in use, named in every result:
 * - `sold / received` (default): units sold over units received in the period (can pass 100 %
 *   when older stock sells);
 * - `sold / (beginning + received)`: over everything available in the period;
 * - `sold / (sold + ending on hand)`: over what was there to sell, from the closing count.
 *
 * @example
 * SELL_THROUGH_DEFINITIONS.received // 'sold / received'
 */
export const SELL_THROUGH_DEFINITIONS = Object.freeze({
  received: 'sold / received',
  available: 'sold / (beginning + received)',
  'sold-plus-on-hand': 'sold / (sold + ending on hand)',
} as const);

/**
 * One of the keys of {@link SELL_THROUGH_DEFINITIONS}.
 *
 * @example
 * const definition: SellThroughDefinition = 'available';
 */
export type SellThroughDefinition = keyof typeof SELL_THROUGH_DEFINITIONS;

const units = z.number().finite().min(0);

/**
 * One SKU's units in the period: sold, received, and (for the other definitions) the beginning and
 * ending on-hand.
 *
 * @example
 * sellThroughRowSchema.parse({ sku: 'TEA', sold: 650, received: 1000 })
 */
export const sellThroughRowSchema = z
  .object({
    sku: z.string().min(1).max(200),
    sold: units,
    received: units,
    beginning: units.optional(),
    ending: units.optional(),
  })
  .strict();

/**
 * A value of {@link sellThroughRowSchema}.
 *
 * @example
 * const row: SellThroughRow = { sku: 'TEA', sold: 650, received: 1000 };
 */
export type SellThroughRow = z.infer<typeof sellThroughRowSchema>;

/**
 * One SKU's (or the total's) sell-through: the definition, numerator and denominator, the rate
 * (`null` when the denominator is 0) and the percentage.
 *
 * @example
 * const r: SellThrough = { sku: 'TEA', definition: 'sold / received', sold: 650, denominator: 1000, rate: 0.65, percent: '65.00%' };
 */
export interface SellThrough {
  sku: string;
  definition: (typeof SELL_THROUGH_DEFINITIONS)[SellThroughDefinition];
  sold: number;
  denominator: number;
  rate: number | null;
  percent: string | null;
}

/**
 * Sell-through per SKU and in total (`sku: '*'`, the ratio of the sums), by the chosen definition
 * (see {@link SELL_THROUGH_DEFINITIONS}; default `received`). 650,000 sold of 1,000,000 received is
 * 65 %.
 *
 * @throws ValidationError when the definition needs `beginning` or `ending` and a row lacks it
 * @example
 * sellThrough([{ sku: 'TEA', sold: 650, received: 1000 }]).at(-1)?.percent // '65.00%'
 */
export function sellThrough(
  rows: readonly SellThroughRow[],
  options: { definition?: SellThroughDefinition } = {},
): SellThrough[] {
  const definition = parseInput(
    z
      .enum(Object.keys(SELL_THROUGH_DEFINITIONS) as [SellThroughDefinition, ...SellThroughDefinition[]])
      .default('received'),
    options.definition,
    'definition',
  );
  const needs =
    definition === 'available' ? 'beginning' : definition === 'sold-plus-on-hand' ? 'ending' : null;
  const checked = parseInput(
    z.array(sellThroughRowSchema).superRefine((list, ctx) => {
      list.forEach((row, i) => {
        if (needs && row[needs] === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [i, needs],
            message: `The ${definition} definition needs ${needs}`,
          });
        }
      });
    }),
    rows,
    'rows',
  );
  const name = SELL_THROUGH_DEFINITIONS[definition];
  const denominatorOf = (row: SellThroughRow) =>
    definition === 'received'
      ? row.received
      : definition === 'available'
        ? (row.beginning ?? 0) + row.received
        : row.sold + (row.ending ?? 0);
  const result = (sku: string, sold: number, denominator: number): SellThrough => {
    const rate = denominator === 0 ? null : sold / denominator;
    return {
      sku,
      definition: name,
      sold,
      denominator,
      rate,
      percent: rate === null ? null : `${(Math.round(rate * 1e6) / 1e4).toFixed(2)}%`,
    };
  };
  const out = checked.map((row) => result(row.sku, row.sold, denominatorOf(row)));
  out.push(
    result(
      '*',
      checked.reduce((s, r) => s + r.sold, 0),
      checked.reduce((s, r) => s + denominatorOf(r), 0),
    ),
  );
  return out;
}
