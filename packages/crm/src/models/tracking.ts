import { parseInput } from '@s2b2b/core';
import { z } from 'zod';
import { bgNbdExpectedPurchases } from './bg-nbd.js';
import { type PurchaseModel, purchaseModelSchema } from './clv.js';
import { paretoNbdExpectedPurchases } from './pareto-nbd.js';

/**
 * The input of {@link expectedCumulativePurchases}: a fitted model, when each customer (or group
 * of customers, by `count`) made the first purchase — in the model's time unit from the origin
 * of the tracking chart — and the times to evaluate at.
 *
 * @example
 * trackingInputSchema.parse({ model, firstPurchases: [{ time: 0, count: 12 }, { time: 0.43, count: 9 }], times: [1, 2, 3] })
 */
export const trackingInputSchema = z
  .object({
    model: purchaseModelSchema,
    firstPurchases: z
      .array(z.object({ time: z.number().finite().min(0), count: z.number().finite().positive() }).strict())
      .max(10_000_000),
    times: z.array(z.number().finite().min(0)).max(100_000),
  })
  .strict();

/**
 * The tracking chart of the BTYD papers: the repeat purchases the model expects the whole
 * customer base to have made by each time — Σ over customers first seen before t of
 * E[X(t − first purchase)] (Fader, Hardie & Lee 2005, note 008's tracking plot). Compare it with
 * the actual cumulative repeat purchases to see whether a fit holds out of sample. On CDNOW
 * (Pareto/NBD fitted on the weekly summary) it gives 1,309, 1,385, 1,460, 1,533, 1,604 and 1,674
 * at weeks 20–25, as the BTYD walkthrough does.
 *
 * @example
 * expectedCumulativePurchases({
 *   model: { kind: 'pareto-nbd', params: { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 } },
 *   firstPurchases: [{ time: 0, count: 100 }],
 *   times: [13, 26, 39],
 * })
 */
export function expectedCumulativePurchases(input: {
  model: PurchaseModel;
  firstPurchases: readonly { time: number; count: number }[];
  times: readonly number[];
}): number[] {
  const { model, firstPurchases, times } = parseInput(trackingInputSchema, input, 'input');
  const expected = (t: number) =>
    model.kind === 'bg-nbd'
      ? bgNbdExpectedPurchases(model.params, t)
      : paretoNbdExpectedPurchases(model.params, t);
  // Group the customers by first-purchase time: E[X] is evaluated once per (time, first purchase).
  const counts = new Map<number, number>();
  for (const first of firstPurchases) counts.set(first.time, (counts.get(first.time) ?? 0) + first.count);
  return times.map((t) => {
    let total = 0;
    for (const [start, count] of counts) if (start < t) total += count * expected(t - start);
    return total;
  });
}
