import { parseInput } from '@s2b2b/core';
import { type SummaryRow, summaryRowsSchema } from './schemas.js';

/**
 * Identical customers collapsed into one row with a weight: the columns of a grouped table.
 *
 * @example
 * const { frequency, recency, T, weight, size } = groupSummaryRows(rows);
 */
export interface GroupedRows {
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  weight: Float64Array;
  /** Distinct rows. */
  size: number;
  /** Σ weight: the customers the rows stand for. */
  customers: number;
}

/**
 * Collapses rows with the same (frequency, recency, T) into one, adding their weights (1 each by
 * default). The likelihood of identical customers is the same, so a fitter evaluates each
 * distinct row once: on the CDNOW summary 2,357 customers become 1,126 rows, and on data with
 * whole-day times the count of distinct rows stops growing with the customer count. Rows keep
 * the order of their first appearance.
 *
 * @example
 * groupSummaryRows([{ frequency: 0, recency: 0, T: 10 }, { frequency: 0, recency: 0, T: 10 }]).weight // Float64Array [2]
 */
export function groupSummaryRows(rows: readonly SummaryRow[]): GroupedRows {
  return groupCheckedRows(parseInput(summaryRowsSchema, rows, 'rows'));
}

/**
 * {@link groupSummaryRows} on rows already checked (the fitters parse once).
 *
 * @example
 * groupCheckedRows(parseInput(summaryRowsSchema, rows)).size
 */
export function groupCheckedRows(
  rows: readonly { frequency: number; recency: number; T: number; weight?: number | undefined }[],
): GroupedRows {
  const index = new Map<string, number>();
  const frequency: number[] = [];
  const recency: number[] = [];
  const T: number[] = [];
  const weight: number[] = [];
  let customers = 0;
  for (const row of rows) {
    const w = row.weight ?? 1;
    customers += w;
    const key = `${row.frequency}|${row.recency}|${row.T}`;
    const at = index.get(key);
    if (at !== undefined) {
      weight[at]! += w;
      continue;
    }
    index.set(key, frequency.length);
    frequency.push(row.frequency);
    recency.push(row.recency);
    T.push(row.T);
    weight.push(w);
  }
  return {
    frequency: Float64Array.from(frequency),
    recency: Float64Array.from(recency),
    T: Float64Array.from(T),
    weight: Float64Array.from(weight),
    size: frequency.length,
    customers,
  };
}
