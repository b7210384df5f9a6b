import { parseInput } from '@s2b2b/core';
import { z } from 'zod';
import type { ItemAssociation } from './associations.js';

/**
 * The input of {@link recommendForCustomer}: the association rules, the customer's purchase
 * history as (order, item) lines, how many distinct orders make an item a regular (default 2:
 * bought in two orders or more), the most suggestions (default 5) and the least lift (default 1).
 *
 * @example
 * recommendInputSchema.parse({ associations, history: [{ orderId: 'SO-1', item: 'TEA' }] })
 */
export const recommendInputSchema = z
  .object({
    associations: z.array(
      z.object({
        antecedent: z.string().min(1),
        consequent: z.string().min(1),
        count: z.number().int().min(1),
        support: z.number().min(0).max(1),
        confidence: z.number().min(0).max(1),
        lift: z.number().min(0),
      }),
    ),
    history: z.array(z.object({ orderId: z.string().min(1), item: z.string().min(1) })),
    regularMinOrders: z.number().int().min(1).optional(),
    limit: z.number().int().min(1).max(1000).optional(),
    minLift: z.number().min(0).optional(),
  })
  .strict();

/**
 * A suggestion: the item, its score (the sum of confidence × lift of the rules that lead to it
 * from the customer's items) and those items.
 *
 * @example
 * const s: Recommendation = { item: 'CUP', score: 1.4, because: ['TEA'] };
 */
export interface Recommendation {
  item: string;
  score: number;
  because: string[];
}

/**
 * Suggestions for one customer: items reached by association rules from what the customer has
 * bought, skipping what they already buy regularly (in `regularMinOrders` distinct orders or
 * more) — those need a reminder, not a recommendation. An item bought once stays a candidate.
 * Score = Σ confidence × lift over the rules from the customer's items with lift ≥ `minLift`;
 * sorted by score, then item.
 *
 * @example
 * recommendForCustomer({ associations: itemAssociations(baskets), history: [{ orderId: 'SO-9', item: 'TEA' }] })
 */
export function recommendForCustomer(input: {
  associations: readonly ItemAssociation[];
  history: readonly { orderId: string; item: string }[];
  regularMinOrders?: number;
  limit?: number;
  minLift?: number;
}): Recommendation[] {
  const checked = parseInput(recommendInputSchema, input, 'input');
  const regularMinOrders = checked.regularMinOrders ?? 2;
  const minLift = checked.minLift ?? 1;
  const orders = new Map<string, Set<string>>();
  for (const line of checked.history) {
    const set = orders.get(line.item) ?? new Set<string>();
    set.add(line.orderId);
    orders.set(line.item, set);
  }
  const regular = new Set(
    [...orders].filter(([, set]) => set.size >= regularMinOrders).map(([item]) => item),
  );
  const scores = new Map<string, Recommendation>();
  for (const rule of checked.associations) {
    if (!orders.has(rule.antecedent) || regular.has(rule.consequent) || rule.lift < minLift) continue;
    const entry = scores.get(rule.consequent) ?? { item: rule.consequent, score: 0, because: [] };
    entry.score += rule.confidence * rule.lift;
    entry.because.push(rule.antecedent);
    scores.set(rule.consequent, entry);
  }
  return [...scores.values()]
    .map((entry) => ({ ...entry, because: [...new Set(entry.because)].sort() }))
    .sort((a, b) => b.score - a.score || (a.item < b.item ? -1 : a.item > b.item ? 1 : 0))
    .slice(0, checked.limit ?? 5);
}
