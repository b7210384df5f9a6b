import { parseInput } from '@s2b2b/core';
import { z } from 'zod';
import { TIME_UNIT_DAYS, type TimeUnit, timeUnitSchema } from '../summary/schemas.js';
import { conditionalExpected } from './bg-nbd.js';
import { paretoConditionalExpected } from './pareto-nbd.js';
import { bgNbdParamsSchema, paretoNbdParamsSchema, summaryRowSchema } from './schemas.js';

/**
 * A fitted purchase-count model for {@link customerLifetimeValue}.
 *
 * @example
 * const model: PurchaseModel = { kind: 'bg-nbd', params: fit.params };
 */
export const purchaseModelSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('bg-nbd'), params: bgNbdParamsSchema }).strict(),
  z.object({ kind: z.literal('pareto-nbd'), params: paretoNbdParamsSchema }).strict(),
]);

/**
 * A value of {@link purchaseModelSchema}.
 *
 * @example
 * const model: PurchaseModel = { kind: 'pareto-nbd', params: { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 } };
 */
export type PurchaseModel = z.infer<typeof purchaseModelSchema>;

/**
 * The input of {@link customerLifetimeValue}. `spendPerPurchase` is the expected value of one
 * purchase (the Gamma-Gamma expectation, or a margin); `discountRate` is per month (default 0.01);
 * `months` the horizon (default 12); `timeUnit` the unit the model was fitted in, which sets the
 * periods per month (30.4375 days, 30.4375 / 7 weeks, 1 month) unless `periodsPerMonth` says
 * otherwise (lifetimes uses 30 and 4.345).
 *
 * @example
 * clvInputSchema.parse({ model, customer: { frequency: 2, recency: 30.43, T: 38.86 }, spendPerPurchase: 24.66, timeUnit: 'week' })
 */
export const clvInputSchema = z
  .object({
    model: purchaseModelSchema,
    customer: summaryRowSchema,
    spendPerPurchase: z.number().finite().min(0),
    timeUnit: timeUnitSchema,
    months: z.number().int().min(1).max(1200).optional(),
    discountRate: z.number().finite().min(0).max(1).optional(),
    periodsPerMonth: z.number().finite().positive().optional(),
  })
  .strict();

/**
 * The input of {@link customerLifetimeValue}.
 *
 * @example
 * const input: ClvInput = { model, customer, spendPerPurchase: 24.66, timeUnit: 'week', months: 12, discountRate: 0.01 };
 */
export type ClvInput = z.input<typeof clvInputSchema>;

/**
 * What {@link customerLifetimeValue} returns: the discounted value, the undiscounted expected
 * purchases over the horizon, and the value of each month.
 *
 * @example
 * const { value, purchases, monthly }: ClvResult = customerLifetimeValue(input);
 */
export interface ClvResult {
  value: number;
  purchases: number;
  monthly: number[];
}

/**
 * Customer lifetime value over a horizon, discounted monthly (the lifetimes convention):
 * Σᵢ₌₁..months m · (E[Y(i·f)] − E[Y((i−1)·f)]) / (1 + d)^i, with E[Y(t)] the model's conditional
 * expected purchases, m the spend per purchase, f the periods per month and d the monthly
 * discount rate. An estimate in the spend's currency, not a settlement amount: round it with
 * `money()` when it is shown.
 *
 * @example
 * customerLifetimeValue({
 *   model: { kind: 'bg-nbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } },
 *   customer: { frequency: 2, recency: 30.43, T: 38.86 },
 *   spendPerPurchase: 24.66, timeUnit: 'week', months: 12, discountRate: 0.01,
 * }).value
 */
export function customerLifetimeValue(input: ClvInput): ClvResult {
  const checked = parseInput(clvInputSchema, input, 'input');
  const months = checked.months ?? 12;
  const rate = checked.discountRate ?? 0.01;
  const perMonth = checked.periodsPerMonth ?? periodsPerMonth(checked.timeUnit);
  const { frequency: x, recency: tx, T } = checked.customer;
  const expected = (t: number) =>
    checked.model.kind === 'bg-nbd'
      ? conditionalExpected(checked.model.params, x, tx, T, t)
      : paretoConditionalExpected(checked.model.params, x, tx, T, t);
  const monthly: number[] = [];
  let value = 0;
  let previous = 0;
  for (let i = 1; i <= months; i++) {
    const cumulative = expected(i * perMonth);
    const month = (checked.spendPerPurchase * (cumulative - previous)) / (1 + rate) ** i;
    monthly.push(month);
    value += month;
    previous = cumulative;
  }
  return { value, purchases: previous, monthly };
}

function periodsPerMonth(unit: TimeUnit): number {
  return TIME_UNIT_DAYS.month / TIME_UNIT_DAYS[unit];
}
