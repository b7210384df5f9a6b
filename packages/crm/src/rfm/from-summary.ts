import { parseDay, parseInput } from '@s2b2b/core';
import { z } from 'zod';
import type { CustomerSummaryTable } from '../summary/summarize-customers.js';
import type { RfmValues } from './schemas.js';

const day = z.string().refine((text) => parseDay(text) !== null, 'Expected YYYY-MM-DD');
const tableSchema = z.object({
  observationEnd: day,
  calibrationEnd: day.nullable(),
  customers: z.array(
    z.object({
      customerId: z.string(),
      frequency: z.number().int().min(0),
      lastPurchase: day,
      totalSpend: z.string(),
    }),
  ),
});

/**
 * RFM values from a customer summary: days from the last purchase to the observation end (or
 * calibration end), purchase days (frequency + 1, the first included) and total spend.
 *
 * @example
 * const scores = rfmScores(rfmValuesFromSummary(summarizeCustomers(transactions, options)));
 */
export function rfmValuesFromSummary(table: CustomerSummaryTable): RfmValues[] {
  parseInput(tableSchema, table, 'table');
  const end = parseDay(table.calibrationEnd ?? table.observationEnd)!;
  return table.customers.map((customer) => ({
    customerId: customer.customerId,
    recencyDays: end - parseDay(customer.lastPurchase)!,
    frequency: customer.frequency + 1,
    monetary: customer.totalSpend,
  }));
}
