import { parseInput } from '@s2b2b/core';
import { z } from 'zod';

/**
 * Baskets to mine: one per order, with the items (SKUs) in it; repeats within a basket count once.
 *
 * @example
 * basketsSchema.parse([{ basketId: 'SO-1', items: ['TEA', 'CUP'] }])
 */
export const basketsSchema = z.array(
  z.object({
    basketId: z.string().min(1).max(200),
    items: z.array(z.string().min(1).max(200)).max(10_000),
  }),
);

/**
 * Options of {@link itemAssociations}: pairs seen in fewer than `minCount` baskets (default 2)
 * are dropped; `minLift` (default 0) keeps only rules above it.
 *
 * @example
 * associationOptionsSchema.parse({ minCount: 3, minLift: 1 })
 */
export const associationOptionsSchema = z
  .object({ minCount: z.number().int().min(1).optional(), minLift: z.number().finite().min(0).optional() })
  .strict();

/**
 * An association rule `antecedent → consequent` from co-occurrence: in how many baskets both
 * appear, support = count / baskets, confidence = count / baskets with the antecedent, lift =
 * confidence / (share of baskets with the consequent). Lift above 1: bought together more often
 * than chance.
 *
 * @example
 * const rule: ItemAssociation = { antecedent: 'TEA', consequent: 'CUP', count: 3, support: 0.3, confidence: 0.75, lift: 1.875 };
 */
export interface ItemAssociation {
  antecedent: string;
  consequent: string;
  count: number;
  support: number;
  confidence: number;
  lift: number;
}

/**
 * Items bought together: every ordered pair of items that share at least `minCount` baskets,
 * with support, confidence and lift, sorted by lift, then count (descending), then the item
 * names. Counts pairs in one pass over the baskets (a basket of k distinct items adds k(k−1)/2
 * pairs).
 *
 * @example
 * itemAssociations([
 *   { basketId: '1', items: ['TEA', 'CUP'] }, { basketId: '2', items: ['TEA', 'CUP'] }, { basketId: '3', items: ['RICE'] },
 * ])[0] // { antecedent: 'CUP', consequent: 'TEA', count: 2, support: 0.667, confidence: 1, lift: 1.5 }
 */
export function itemAssociations(
  baskets: readonly { basketId: string; items: readonly string[] }[],
  options: z.input<typeof associationOptionsSchema> = {},
): ItemAssociation[] {
  const checked = parseInput(basketsSchema, baskets, 'baskets');
  const { minCount = 2, minLift = 0 } = parseInput(associationOptionsSchema, options, 'options');
  const itemCount = new Map<string, number>();
  const pairCount = new Map<string, number>();
  for (const basket of checked) {
    const items = [...new Set(basket.items)].sort();
    for (const item of items) itemCount.set(item, (itemCount.get(item) ?? 0) + 1);
    for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length; j++) {
        const key = `${items[i]}\u0000${items[j]}`;
        pairCount.set(key, (pairCount.get(key) ?? 0) + 1);
      }
    }
  }
  const n = checked.length;
  const rules: ItemAssociation[] = [];
  for (const [key, count] of pairCount) {
    if (count < minCount) continue;
    const [a, b] = key.split('\u0000') as [string, string];
    for (const [antecedent, consequent] of [
      [a, b],
      [b, a],
    ] as const) {
      const confidence = count / itemCount.get(antecedent)!;
      const lift = confidence / (itemCount.get(consequent)! / n);
      if (lift < minLift) continue;
      rules.push({ antecedent, consequent, count, support: count / n, confidence, lift });
    }
  }
  return rules.sort(
    (x, y) =>
      y.lift - x.lift ||
      y.count - x.count ||
      (x.antecedent < y.antecedent ? -1 : x.antecedent > y.antecedent ? 1 : 0) ||
      (x.consequent < y.consequent ? -1 : x.consequent > y.consequent ? 1 : 0),
  );
}
