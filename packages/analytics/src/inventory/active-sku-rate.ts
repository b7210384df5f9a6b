import { parseInput } from '@s2b2b/core';
import { z } from 'zod';

const sku = z.string().min(1).max(200);

/**
 * The input of {@link activeSkuRate}: the SKUs stocked (经营品种) in the period and the sales lines
 * of the period (SKU and units; lines with 0 units do not make a SKU active).
 *
 * @example
 * activeSkuRateInputSchema.parse({ stockedSkus: ['A', 'B'], sales: [{ sku: 'A', quantity: 3 }] })
 */
export const activeSkuRateInputSchema = z
  .object({
    stockedSkus: z.array(sku).min(1, 'Expected at least one stocked SKU'),
    sales: z.array(z.object({ sku, quantity: z.number().finite() })),
  })
  .strict();

/**
 * What {@link activeSkuRate} returns.
 *
 * @example
 * const r: ActiveSkuRate = { definition: 'skus-with-sales / skus-stocked', stocked: 2900, active: 2850, rate: 0.98276, percent: '98.28%', inactiveSkus: [], soldNotStocked: [] };
 */
export interface ActiveSkuRate {
  definition: 'skus-with-sales / skus-stocked';
  stocked: number;
  active: number;
  /** active / stocked. */
  rate: number;
  /** The rate as a percentage with 2 decimals. */
  percent: string;
  /** Stocked SKUs without a sale (the dead assortment), sorted. */
  inactiveSkus: string[];
  /** SKUs sold but not in the stocked list (a sign the assortment list is stale), sorted. */
  soldNotStocked: string[];
}

/**
 * 动销率 (active-SKU rate): the share of the stocked SKUs that sold at least one unit in the
 * period — 有销售的商品品种数 / 经营商品总品种数. The usual retail health check, taken monthly:
 * 2,850 of 2,900 SKUs selling is 98.28 %.
 *
 * @example
 * activeSkuRate({ stockedSkus: ['A', 'B', 'C', 'D'], sales: [{ sku: 'A', quantity: 2 }, { sku: 'C', quantity: 1 }] }).percent // '50.00%'
 */
export function activeSkuRate(input: {
  stockedSkus: readonly string[];
  sales: readonly { sku: string; quantity: number }[];
}): ActiveSkuRate {
  const checked = parseInput(activeSkuRateInputSchema, input, 'input');
  const stocked = new Set(checked.stockedSkus);
  const sold = new Map<string, number>();
  for (const line of checked.sales) sold.set(line.sku, (sold.get(line.sku) ?? 0) + line.quantity);
  const selling = new Set([...sold].filter(([, units]) => units > 0).map(([name]) => name));
  const active = [...stocked].filter((name) => selling.has(name)).length;
  const rate = active / stocked.size;
  return {
    definition: 'skus-with-sales / skus-stocked',
    stocked: stocked.size,
    active,
    rate,
    percent: `${(Math.round(rate * 1e6) / 1e4).toFixed(2)}%`,
    inactiveSkus: [...stocked].filter((name) => !selling.has(name)).sort(),
    soldNotStocked: [...selling].filter((name) => !stocked.has(name)).sort(),
  };
}
