import { DEFAULT_ZONE, dateInputSchema, localDayOf, parseInput, toDay, zoneSchema } from '@s2b2b/core';
import { z } from 'zod';
import { periodsOf } from '../time/periods.js';

/**
 * Options of {@link cohortRetention}: week or month cohorts, the zone (default Asia/Shanghai),
 * the last day observed (default the last purchase) and the most period offsets reported.
 *
 * @example
 * cohortOptionsSchema.parse({ grain: 'month', asOf: '2026-03-31' })
 */
export const cohortOptionsSchema = z
  .object({
    grain: z.enum(['week', 'month']),
    zone: zoneSchema.optional(),
    asOf: dateInputSchema.optional(),
    maxOffsets: z.number().int().min(1).max(520).optional(),
  })
  .strict();

/**
 * One cohort: the customers whose first purchase fell in `cohort`, and for each offset k (0 =
 * the first period) how many of them bought in period cohort + k, and that as a share. Offsets
 * after the last observed period are left out, so the table is a triangle.
 *
 * @example
 * const row: CohortRow = { cohort: '2026-01', size: 3, retained: [3, 1, 2], rates: [1, 0.3333, 0.6667] };
 */
export interface CohortRow {
  cohort: string;
  size: number;
  retained: number[];
  /** retained / size, rounded to 4 decimals. */
  rates: number[];
}

/**
 * Cohort retention table: customers grouped by the period (ISO week or month, in the zone) of
 * their first purchase; for each later period, the number of the cohort who bought again in it
 * (a customer counts once per period). Cohorts sorted by period.
 *
 * @example
 * cohortRetention([
 *   { customerId: 'a', at: '2026-01-05' }, { customerId: 'a', at: '2026-02-10' }, { customerId: 'b', at: '2026-01-20' },
 * ], { grain: 'month' }) // [{ cohort: '2026-01', size: 2, retained: [2, 1], rates: [1, 0.5] }]
 */
export function cohortRetention(
  purchases: readonly { customerId: string; at: Date | string }[],
  options: z.input<typeof cohortOptionsSchema>,
): CohortRow[] {
  const rows = parseInput(
    z.array(z.object({ customerId: z.string().min(1).max(200), at: dateInputSchema })),
    purchases,
    'purchases',
  );
  const settings = parseInput(cohortOptionsSchema, options, 'options');
  const zone = settings.zone ?? DEFAULT_ZONE;
  const dayOf = localDayOf(zone);
  const periods = periodsOf(settings.grain, zone);
  // Period index: months since year 0, or ISO weeks since day 0 (Mondays).
  const indexOf = (day: number) => {
    const first = periods.of(day).firstDay;
    if (settings.grain === 'week') return Math.floor((first - 4) / 7); // day 4 (1970-01-05) is a Monday
    const key = periods.of(day).key;
    return Number(key.slice(0, 4)) * 12 + Number(key.slice(5, 7)) - 1;
  };
  const keyOfIndex = new Map<number, string>();
  const customers = new Map<string, Set<number>>();
  let last = Number.NEGATIVE_INFINITY;
  for (const row of rows) {
    const day = toDay(row.at, dayOf);
    const index = indexOf(day);
    keyOfIndex.set(index, periods.of(day).key);
    last = Math.max(last, index);
    const set = customers.get(row.customerId) ?? new Set<number>();
    set.add(index);
    customers.set(row.customerId, set);
  }
  if (settings.asOf !== undefined) last = indexOf(toDay(settings.asOf, dayOf));
  const cohorts = new Map<number, number[][]>();
  for (const set of customers.values()) {
    const first = Math.min(...set);
    if (first > last) continue;
    const list = cohorts.get(first) ?? [];
    list.push([...set]);
    cohorts.set(first, list);
  }
  return [...cohorts.entries()]
    .sort(([a], [b]) => a - b)
    .map(([first, members]) => {
      const offsets = Math.min(last - first + 1, settings.maxOffsets ?? Number.POSITIVE_INFINITY);
      const retained = Array.from(
        { length: offsets },
        (_, k) => members.filter((m) => m.includes(first + k)).length,
      );
      return {
        cohort: keyOfIndex.get(first)!,
        size: members.length,
        retained,
        rates: retained.map((n) => Math.round((n / members.length) * 1e4) / 1e4),
      };
    });
}
