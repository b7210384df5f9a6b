import { parseInput } from '@s2b2b/core';
import { z } from 'zod';
import { amountSchema, decimal, fixed } from '../money.js';

/**
 * The input of {@link inventoryTurnover}: cost of goods sold in the period (or revenue, with
 * `basis: 'revenue'`), inventory value at the start and the end, and the days in the period
 * (365 a year, 91 a quarter, 30 a month).
 *
 * @example
 * turnoverInputSchema.parse({ cogs: '600000', beginningInventory: '100000', endingInventory: '140000', days: 365 })
 */
export const turnoverInputSchema = z
  .object({
    cogs: amountSchema,
    beginningInventory: amountSchema,
    endingInventory: amountSchema,
    days: z.number().int().min(1).max(3660),
    basis: z.enum(['cogs', 'revenue']).optional(),
  })
  .strict();

/**
 * What {@link inventoryTurnover} returns: the average inventory (exact), the turnover and days of
 * inventory (rounded to 4 decimals; `null` when the average inventory is 0), and the basis.
 *
 * @example
 * const t: InventoryTurnover = { basis: 'cogs', averageInventory: '120000.00', turnover: 5, daysOfInventory: 73 };
 */
export interface InventoryTurnover {
  basis: 'cogs' | 'revenue';
  averageInventory: string;
  turnover: number | null;
  daysOfInventory: number | null;
}

/**
 * Inventory turnover = COGS / average inventory, average = (beginning + ending) / 2, and days of
 * inventory = days in the period / turnover. COGS 600,000 over an average of 120,000 turns 5
 * times a year: 73 days of inventory. Computed in exact decimals.
 *
 * @example
 * inventoryTurnover({ cogs: 600000, beginningInventory: 100000, endingInventory: 140000, days: 365 }) // { turnover: 5, daysOfInventory: 73, ... }
 */
export function inventoryTurnover(input: z.input<typeof turnoverInputSchema>): InventoryTurnover {
  const checked = parseInput(turnoverInputSchema, input, 'input');
  const average = decimal(checked.beginningInventory).plus(decimal(checked.endingInventory)).div(2);
  const basis = checked.basis ?? 'cogs';
  if (average.isZero())
    return { basis, averageInventory: fixed(average), turnover: null, daysOfInventory: null };
  const turnover = decimal(checked.cogs).div(average);
  return {
    basis,
    averageInventory: fixed(average),
    turnover: Number(turnover.toFixed(4, 6)),
    daysOfInventory: turnover.isZero() ? null : Number(decimal(checked.days).div(turnover).toFixed(4, 6)),
  };
}
