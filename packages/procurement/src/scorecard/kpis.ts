import { parseInput } from '@s2b2b/core';
import { z } from 'zod';
import { instantSchema, procurementIdSchema, unitPriceSchema } from '../common/schemas.js';
import {
  type DeliveryRecord,
  deliveryRecordSchema,
  type ReturnRecord,
  returnRecordSchema,
} from './schemas.js';

const DAY_MS = 86_400_000;

/**
 * Delivery and quality measures of a set of records. Percentages are 0-100; a measure without
 * data is `null`.
 *
 * @example
 * const { otif, ppm, leadTime }: DeliveryKpis = deliveryKpis(input);
 */
export interface DeliveryKpis {
  /** Deliveries due (promised by `asOf`). */
  deliveries: number;
  onTime: number | null;
  inFull: number | null;
  otif: number | null;
  /** Σ min(delivered, ordered) / Σ ordered × 100. */
  fillRate: number | null;
  /** Units delivered by `asOf`, and units of them returned for quality. */
  deliveredUnits: number;
  defectiveUnits: number;
  /** defective / delivered × 100. */
  defectRate: number | null;
  /** defective / delivered × 1,000,000. */
  ppm: number | null;
  /** Lead time (order to delivery) of the delivered records, in days: mean, sample variance, sd, CV. */
  leadTime: { count: number; mean: number; variance: number; sd: number; cv: number } | null;
  /** 100 × Σ paid × delivered / Σ benchmark × delivered, over records with a price and a benchmark. */
  priceIndex: number | null;
}

const deliveryKpisSchema = z.object({
  asOf: instantSchema,
  deliveries: z.array(deliveryRecordSchema).max(1_000_000),
  returns: z.array(returnRecordSchema).max(1_000_000).default([]),
  onTimeToleranceHours: z.number().min(0).max(720).default(0),
  benchmarks: z.record(procurementIdSchema, unitPriceSchema).default({}),
});

/**
 * Input of `deliveryKpis`.
 *
 * @example
 * const input: DeliveryKpisInput = { asOf: new Date(), deliveries, returns };
 */
export type DeliveryKpisInput = z.input<typeof deliveryKpisSchema>;

/**
 * Measures deliveries as of `asOf`: a delivery counts once due (`promisedAt ≤ asOf`); it is on
 * time when delivered by `promisedAt` + the tolerance (and by `asOf`), in full when at least the
 * ordered quantity arrived. Quality returns (`cause: 'quality'`) at or before `asOf` count as
 * defective units against the units delivered. Lead times are of deliveries made by `asOf`;
 * their variance is the sample variance (n − 1), 0 for a single delivery.
 *
 * @throws ValidationError on the input
 * @example
 * const kpis = deliveryKpis({
 *   asOf: '2026-03-01T00:00:00Z',
 *   deliveries: [
 *     { deliveryId: 'd1', sku: 'A', orderedQuantity: 100, deliveredQuantity: 100, orderedAt: '2026-02-01T00:00:00Z', promisedAt: '2026-02-05T00:00:00Z', deliveredAt: '2026-02-04T00:00:00Z' },
 *     { deliveryId: 'd2', sku: 'A', orderedQuantity: 100, deliveredQuantity: 90, orderedAt: '2026-02-01T00:00:00Z', promisedAt: '2026-02-05T00:00:00Z', deliveredAt: '2026-02-07T00:00:00Z' },
 *   ],
 *   returns: [{ returnId: 'r1', sku: 'A', quantity: 1, at: '2026-02-10T00:00:00Z', cause: 'quality' }],
 * });
 * [kpis.onTime, kpis.otif, kpis.fillRate, kpis.ppm] // [50, 50, 95, 5263.157894736842]
 */
export function deliveryKpis(input: DeliveryKpisInput): DeliveryKpis {
  const parsed = parseInput(deliveryKpisSchema, input);
  return measure(
    parsed.deliveries,
    parsed.returns,
    parsed.asOf,
    parsed.onTimeToleranceHours,
    parsed.benchmarks,
  );
}

/**
 * {@link deliveryKpis} on validated records.
 *
 * @example
 * measure(deliveries, returns, asOf, 0, {})
 */
export function measure(
  deliveries: readonly DeliveryRecord[],
  returns: readonly ReturnRecord[],
  asOf: Date,
  toleranceHours: number,
  benchmarks: Readonly<Record<string, string>>,
): DeliveryKpis {
  const now = asOf.getTime();
  const tolerance = toleranceHours * 3_600_000;
  let due = 0;
  let onTime = 0;
  let inFull = 0;
  let otif = 0;
  let ordered = 0;
  let received = 0;
  let deliveredUnits = 0;
  let paid = 0;
  let benchmark = 0;
  const leadTimes: number[] = [];
  for (const record of deliveries) {
    if (record.promisedAt.getTime() > now) continue;
    due++;
    const arrived = record.deliveredAt !== null && record.deliveredAt.getTime() <= now;
    const delivered = arrived ? record.deliveredQuantity : 0;
    const timely = arrived && record.deliveredAt!.getTime() <= record.promisedAt.getTime() + tolerance;
    const full = delivered >= record.orderedQuantity;
    if (timely) onTime++;
    if (full) inFull++;
    if (timely && full) otif++;
    ordered += record.orderedQuantity;
    received += Math.min(delivered, record.orderedQuantity);
    deliveredUnits += delivered;
    if (arrived) {
      leadTimes.push((record.deliveredAt!.getTime() - record.orderedAt.getTime()) / DAY_MS);
      const reference = benchmarks[record.sku];
      if (record.unitPrice !== null && reference !== undefined && delivered > 0) {
        paid += Number(record.unitPrice) * delivered;
        benchmark += Number(reference) * delivered;
      }
    }
  }
  let defectiveUnits = 0;
  for (const r of returns) if (r.cause === 'quality' && r.at.getTime() <= now) defectiveUnits += r.quantity;
  const percent = (count: number) => (due === 0 ? null : (100 * count) / due);
  return {
    deliveries: due,
    onTime: percent(onTime),
    inFull: percent(inFull),
    otif: percent(otif),
    fillRate: ordered === 0 ? null : (100 * received) / ordered,
    deliveredUnits,
    defectiveUnits,
    defectRate: deliveredUnits === 0 ? null : (100 * defectiveUnits) / deliveredUnits,
    ppm: deliveredUnits === 0 ? null : (1_000_000 * defectiveUnits) / deliveredUnits,
    leadTime: leadTimeStats(leadTimes),
    priceIndex: benchmark > 0 ? (100 * paid) / benchmark : null,
  };
}

/**
 * Mean, sample variance (n − 1; 0 for one value), standard deviation and coefficient of
 * variation (sd / mean; 0 when the mean is 0) of lead times in days; `null` for none.
 *
 * @example
 * leadTimeStats([3, 5, 4]) // { count: 3, mean: 4, variance: 1, sd: 1, cv: 0.25 }
 */
export function leadTimeStats(days: readonly number[]): DeliveryKpis['leadTime'] {
  const count = days.length;
  if (count === 0) return null;
  let mean = 0;
  for (const d of days) mean += d;
  mean /= count;
  let squares = 0;
  for (const d of days) squares += (d - mean) ** 2;
  const variance = count > 1 ? squares / (count - 1) : 0;
  const sd = Math.sqrt(variance);
  return { count, mean, variance, sd, cv: mean === 0 ? 0 : sd / mean };
}
