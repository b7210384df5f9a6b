import { z } from 'zod';
import { periodSchema } from '../common/periods.js';
import {
  DEFAULT_ZONE,
  instantSchema,
  MAX_QUANTITY,
  procurementIdSchema,
  procurementTextSchema,
  unitPriceSchema,
  zoneSchema,
} from '../common/schemas.js';

/**
 * One purchase order line's delivery, as the supplier performed it: what was ordered and
 * delivered, when it was ordered, promised and delivered (`null`: not yet), and optionally the
 * unit price paid (for the price index).
 *
 * @example
 * deliveryRecordSchema.parse({
 *   deliveryId: 'PO-7/1', sku: 'MILK-1L', orderedQuantity: 600, deliveredQuantity: 580,
 *   orderedAt: '2026-02-01T09:00:00+08:00', promisedAt: '2026-02-04T18:00:00+08:00', deliveredAt: '2026-02-04T15:00:00+08:00',
 * })
 */
export const deliveryRecordSchema = z.object({
  deliveryId: procurementIdSchema,
  sku: procurementIdSchema,
  orderedQuantity: z.number().int().positive().max(MAX_QUANTITY),
  deliveredQuantity: z.number().int().min(0).max(MAX_QUANTITY),
  orderedAt: instantSchema,
  promisedAt: instantSchema,
  deliveredAt: instantSchema.nullable().default(null),
  unitPrice: unitPriceSchema.nullable().default(null),
});

/**
 * A delivery record.
 *
 * @example
 * const record: DeliveryRecord = deliveryRecordSchema.parse(raw);
 */
export type DeliveryRecord = z.output<typeof deliveryRecordSchema>;

/**
 * Units merchants sent back after sale (from after-sales), with the cause their case settled
 * on: only `quality` returns are defects charged to the supplier (`logistics` goes to the
 * carrier, `customer` is a no-fault return).
 *
 * @example
 * returnRecordSchema.parse({ returnId: 'RMA-3', sku: 'MILK-1L', quantity: 2, at: '2026-02-10T10:00:00+08:00', cause: 'quality' })
 */
export const returnRecordSchema = z.object({
  returnId: procurementIdSchema,
  sku: procurementIdSchema,
  quantity: z.number().int().positive().max(MAX_QUANTITY),
  at: instantSchema,
  cause: z.enum(['quality', 'logistics', 'customer']),
});

/**
 * A return record.
 *
 * @example
 * const record: ReturnRecord = returnRecordSchema.parse(raw);
 */
export type ReturnRecord = z.output<typeof returnRecordSchema>;

/**
 * The measures a criterion can score:
 * - `on-time` — % of due deliveries delivered by their promise (plus the tolerance);
 * - `in-full` — % delivered in full; `otif` — % both on time and in full;
 * - `fill-rate` — % of ordered units delivered;
 * - `defect-rate` — % of delivered units returned for quality; `ppm` — the same per million;
 * - `lead-time-cv` — coefficient of variation of the lead time (sd / mean);
 * - `lead-time-variance` — its sample variance, in days²;
 * - `price-index` — 100 × what was paid / what the category benchmark prices would have cost.
 *
 * @example
 * KPIS.includes('otif') // true
 */
export const KPIS = Object.freeze([
  'on-time',
  'in-full',
  'otif',
  'fill-rate',
  'defect-rate',
  'ppm',
  'lead-time-cv',
  'lead-time-variance',
  'price-index',
] as const);

/**
 * One of {@link KPIS}.
 *
 * @example
 * const kpi: Kpi = 'ppm';
 */
export type Kpi = (typeof KPIS)[number];

/**
 * A weighted criterion: a KPI scored linearly from 0 at `worst` to 100 at `best` (clamped).
 * `best` may be below `worst` for measures where less is better (PPM, lead-time CV, price index).
 *
 * @example
 * criterionSchema.parse({ criterionId: 'quality', kpi: 'ppm', weight: 20, worst: 10000, best: 0 })
 */
export const criterionSchema = z
  .object({
    criterionId: procurementIdSchema,
    kpi: z.enum(KPIS),
    weight: z.number().positive('Expected a positive weight').max(100),
    worst: z.number().finite(),
    best: z.number().finite(),
  })
  .refine((criterion) => criterion.best !== criterion.worst, {
    path: ['best'],
    message: 'Expected best and worst to differ',
  });

/**
 * A criterion.
 *
 * @example
 * const criterion: Criterion = { criterionId: 'otif', kpi: 'otif', weight: 40, worst: 80, best: 100 };
 */
export type Criterion = z.output<typeof criterionSchema>;

/**
 * Criteria whose weights sum to exactly 100 (ERPNext's rule), ids unique.
 *
 * @example
 * criteriaSchema.parse(DEFAULT_CRITERIA)
 */
export const criteriaSchema = z
  .array(criterionSchema)
  .min(1, 'Expected at least one criterion')
  .max(50)
  .superRefine((criteria, ctx) => {
    const ids = new Set<string>();
    criteria.forEach((criterion, index) => {
      if (ids.has(criterion.criterionId)) {
        ctx.addIssue({ code: 'custom', path: [index, 'criterionId'], message: 'Duplicate criterion id' });
      }
      ids.add(criterion.criterionId);
    });
    // sum the weights in millionths, so 33.33 + 33.33 + 33.34 is exactly 100
    const total = criteria.reduce((sum, criterion) => sum + Math.round(criterion.weight * 1e6), 0);
    if (total !== 100_000_000) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: `Expected the weights to sum to 100, got ${total / 1e6}`,
      });
    }
  });

/**
 * One standing: scores from `min` (inclusive) to `max` (exclusive, but the top standing
 * includes 100). `warn` flags standings that should warn a buyer.
 *
 * @example
 * standingSchema.parse({ name: 'Poor', min: 30, max: 50, warn: true })
 */
export const standingSchema = z.object({
  name: procurementTextSchema,
  min: z.number().min(0).max(100),
  max: z.number().min(0).max(100),
  warn: z.boolean().default(false),
});

/**
 * Standings that cover 0-100 with no gap and no overlap: sorted by `min`, the first from 0,
 * each starting where the previous ends, the last ending at 100. The lowest always blocks
 * awards.
 *
 * @example
 * standingsSchema.parse(DEFAULT_STANDINGS)
 */
export const standingsSchema = z
  .array(standingSchema)
  .min(1, 'Expected at least one standing')
  .max(20)
  .superRefine((standings, ctx) => {
    standings.forEach((standing, index) => {
      if (standing.max <= standing.min) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'max'],
          message: `Expected more than min ${standing.min}`,
        });
      }
      if (index === 0 && standing.min !== 0) {
        ctx.addIssue({ code: 'custom', path: [0, 'min'], message: 'The lowest standing must start at 0' });
      }
      if (index > 0) {
        const previous = standings[index - 1]!;
        if (standing.min > previous.max) {
          ctx.addIssue({
            code: 'custom',
            path: [index, 'min'],
            message: `Gap: scores from ${previous.max} to ${standing.min} have no standing`,
          });
        } else if (standing.min < previous.max) {
          ctx.addIssue({
            code: 'custom',
            path: [index, 'min'],
            message: `Overlap: scores from ${standing.min} to ${previous.max} are in two standings`,
          });
        }
      }
      if (index === standings.length - 1 && standing.max !== 100) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'max'],
          message: 'The highest standing must end at 100',
        });
      }
    });
  });

/**
 * A standing.
 *
 * @example
 * const standing: Standing = { name: 'Excellent', min: 80, max: 100, warn: false };
 */
export type Standing = z.output<typeof standingSchema>;

/**
 * How older periods count: `none` (equally), `linear` (ERPNext's `max(0, min(1, (N − n) / N))`
 * for the period `n` back), `exponential` (halving every `halfLife` periods).
 *
 * @example
 * decaySchema.parse({ type: 'linear', periods: 12 })
 */
export const decaySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none') }),
  z.object({ type: z.literal('linear'), periods: z.number().int().positive().max(1000) }),
  z.object({ type: z.literal('exponential'), halfLife: z.number().positive().max(1000) }),
]);

/**
 * A decay rule.
 *
 * @example
 * const decay: Decay = { type: 'exponential', halfLife: 3 };
 */
export type Decay = z.output<typeof decaySchema>;

/**
 * The input of `scoreSupplier`: the supplier's deliveries and quality returns, how periods are
 * cut (`period` in `zone`, the last `periods` up to the one containing `asOf`) and weighed
 * (`decay`), the criteria, the standings, and the category benchmark unit prices per SKU for the
 * price index.
 *
 * @example
 * scoreSupplierSchema.parse({ supplierId: 'SUP-1', asOf: new Date(), deliveries: [], returns: [] })
 */
export const scoreSupplierSchema = z.object({
  supplierId: procurementIdSchema,
  asOf: instantSchema,
  period: periodSchema.default('month'),
  periods: z.number().int().positive().max(120).default(12),
  zone: zoneSchema.default(DEFAULT_ZONE),
  decay: decaySchema.default({ type: 'linear', periods: 12 }),
  onTimeToleranceHours: z
    .number()
    .min(0)
    .max(24 * 30)
    .default(0),
  deliveries: z.array(deliveryRecordSchema).max(1_000_000),
  returns: z.array(returnRecordSchema).max(1_000_000).default([]),
  benchmarks: z.record(procurementIdSchema, unitPriceSchema).default({}),
  criteria: criteriaSchema.optional(),
  standings: standingsSchema.optional(),
});

/**
 * The input of `scoreSupplier` as the caller writes it.
 *
 * @example
 * const input: ScoreSupplierInput = { supplierId: 'SUP-1', asOf: new Date(), deliveries };
 */
export type ScoreSupplierInput = z.input<typeof scoreSupplierSchema>;
