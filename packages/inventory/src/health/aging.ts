import { parseInput, ValidationError } from '@s2b2b/core';
import { z } from 'zod';
import { agingEdgesSchema, type Instant, instantSchema } from './schemas.js';
import { instantMs, wholeDaysBetween } from './time.js';

/**
 * Default aging bucket edges in days: 0–30, 31–60, 61–90 (ERPNext Stock Ageing's defaults),
 * then 91–180 and 181+.
 *
 * @example
 * DEFAULT_AGING_EDGES // [30, 60, 90, 180]
 */
export const DEFAULT_AGING_EDGES: readonly number[] = Object.freeze([30, 60, 90, 180]);

/**
 * One aging bucket: stock whose age in whole days lies in `[fromDays, toDays]`
 * (`toDays` `null` for the open last bucket).
 *
 * @example
 * const b: AgingBucket = { label: '31-60', fromDays: 31, toDays: 60, quantity: 12 }
 */
export interface AgingBucket {
  label: string;
  fromDays: number;
  toDays: number | null;
  quantity: number;
}

/**
 * A lot to age: when it was received and how much of it is on hand.
 *
 * @example
 * const lot: AgingLot = { receivedAt: '2026-01-02', quantity: 10 }
 */
export interface AgingLot {
  receivedAt: Instant;
  quantity: number;
}

const agingLotsSchema = z.array(z.object({ receivedAt: instantSchema, quantity: z.number().nonnegative() }));

/**
 * Sorts on-hand lots into aging buckets by age in whole UTC days at `asOf` (floored). With edges
 * `[30, 60, 90, 180]` the buckets are `0-30`, `31-60`, `61-90`, `91-180`, `181+` (an age equal to an
 * edge falls in the bucket that edge closes, as in ERPNext). Every bucket is returned, empty or
 * not; the quantities sum to the lots' total.
 *
 * Throws `ValidationError` on `lots` (negative quantity, bad instant), `lots.i.receivedAt`
 * (after `asOf`, code `after_as_of`), `asOf` or `edges` (not positive, increasing integers).
 *
 * @example
 * ageBuckets([{ receivedAt: '2026-01-02', quantity: 10 }], '2026-03-01').map((b) => b.quantity)
 * // [0, 1, 0, 0, 0]: 58 days old → 31-60
 */
export function ageBuckets(
  lots: readonly AgingLot[],
  asOf: Instant,
  edges: readonly number[] = DEFAULT_AGING_EDGES,
): AgingBucket[] {
  const parsed = parseInput(agingLotsSchema, lots, 'lots');
  const asOfMs = instantMs(asOf, 'asOf');
  const checkedEdges = parseInput(agingEdgesSchema, edges, 'edges');
  const ages = parsed.map((lot, i) => {
    if (lot.receivedAt > asOfMs) {
      throw ValidationError.field(['lots', i, 'receivedAt'], 'Received after asOf', 'after_as_of');
    }
    return { ageDays: wholeDaysBetween(lot.receivedAt, asOfMs), quantity: lot.quantity };
  });
  return bucketByAge(ages, checkedEdges);
}

/** Buckets already-computed ages (validated edges). Internal. */
export function bucketByAge(
  ages: readonly { ageDays: number; quantity: number }[],
  edges: readonly number[],
): AgingBucket[] {
  const buckets = emptyBuckets(edges);
  for (const { ageDays, quantity } of ages) {
    let k = edges.findIndex((edge) => ageDays <= edge);
    if (k === -1) k = edges.length;
    (buckets[k] as AgingBucket).quantity += quantity;
  }
  return buckets;
}

function emptyBuckets(edges: readonly number[]): AgingBucket[] {
  const buckets: AgingBucket[] = [];
  let from = 0;
  for (const edge of edges) {
    buckets.push({ label: `${from}-${edge}`, fromDays: from, toDays: edge, quantity: 0 });
    from = edge + 1;
  }
  buckets.push({ label: `${from}+`, fromDays: from, toDays: null, quantity: 0 });
  return buckets;
}
