import { decimalStringSchema } from '@s2b2b/core';
import { z } from 'zod';

/**
 * An instant as callers pass it: a `Date`, an ISO-8601 string (`'2026-03-01'`,
 * `'2026-03-01T08:00:00Z'`) or epoch milliseconds. Always read as UTC.
 *
 * @example
 * const asOf: Instant = '2026-03-01T00:00:00Z'
 */
export type Instant = Date | string | number;

/**
 * Parses an {@link Instant} to epoch milliseconds; an unparseable value is an issue at its path.
 *
 * @example
 * instantSchema.parse('2026-01-01T00:00:00Z') // 1767225600000
 */
export const instantSchema = z.union([z.date(), z.string(), z.number()]).transform((value, ctx) => {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) {
    ctx.addIssue({
      code: 'custom',
      message: `Expected a valid instant (Date, ISO string or epoch ms), got ${String(value)}`,
    });
    return z.NEVER;
  }
  return ms;
});

/**
 * A unit cost: a plain non-negative decimal string, kept exact (`'12.3456'`).
 *
 * @example
 * unitCostSchema.parse('8.50') // '8.50'
 */
export const unitCostSchema = decimalStringSchema.refine((value) => !value.startsWith('-'), {
  message: 'Expected a non-negative unit cost',
});

/**
 * One receipt lot: when it arrived, how many units, and optionally its own unit cost and id.
 *
 * @example
 * receiptSchema.parse({ receivedAt: '2026-01-05', quantity: 50 })
 */
export const receiptSchema = z.object({
  receivedAt: instantSchema,
  quantity: z.number().positive(),
  unitCost: unitCostSchema.optional(),
  lotId: z.string().min(1).optional(),
});

/**
 * A receipt lot as the caller writes it.
 *
 * @example
 * const lot: Receipt = { receivedAt: '2026-01-05', quantity: 50, unitCost: '8.00' }
 */
export type Receipt = z.input<typeof receiptSchema>;

/**
 * One sale (an issue of stock to a customer): when and how many units.
 *
 * @example
 * saleSchema.parse({ at: '2026-02-01T10:00:00Z', quantity: 3 })
 */
export const saleSchema = z.object({
  at: instantSchema,
  quantity: z.number().positive(),
});

/**
 * A sale as the caller writes it.
 *
 * @example
 * const sale: Sale = { at: '2026-02-01', quantity: 3 }
 */
export type Sale = z.input<typeof saleSchema>;

/**
 * Upper edges (in whole days, strictly increasing) of the aging buckets. `[30, 60, 90, 180]`
 * gives `0-30`, `31-60`, `61-90`, `91-180`, `181+`.
 *
 * @example
 * agingEdgesSchema.parse([30, 60, 90])
 */
export const agingEdgesSchema = z
  .array(z.number().int().positive())
  .min(1)
  .max(50)
  .superRefine((edges, ctx) => {
    for (let i = 1; i < edges.length; i++) {
      if ((edges[i] as number) <= (edges[i - 1] as number)) {
        ctx.addIssue({ code: 'custom', path: [i], message: 'Bucket edges must be strictly increasing' });
      }
    }
  });

/**
 * Thresholds of the movement classification (days). An item is `dead` when idle at least
 * `deadIdleDays`; `very-slow` when idle at least `verySlowIdleDays` or its cover is at least
 * `verySlowCoverDays`; `slow` likewise with the `slow*` pair; `active` otherwise.
 * Idle thresholds must satisfy slow ≤ very slow ≤ dead, cover thresholds slow ≤ very slow.
 *
 * @example
 * movementThresholdsSchema.parse({ deadIdleDays: 365 })
 */
export const movementThresholdsSchema = z
  .object({
    slowIdleDays: z.number().nonnegative().default(30),
    verySlowIdleDays: z.number().nonnegative().default(90),
    deadIdleDays: z.number().nonnegative().default(180),
    slowCoverDays: z.number().nonnegative().default(90),
    verySlowCoverDays: z.number().nonnegative().default(180),
  })
  .strict()
  .superRefine((t, ctx) => {
    if (t.verySlowIdleDays < t.slowIdleDays) {
      ctx.addIssue({ code: 'custom', path: ['verySlowIdleDays'], message: 'Must be at least slowIdleDays' });
    }
    if (t.deadIdleDays < t.verySlowIdleDays) {
      ctx.addIssue({ code: 'custom', path: ['deadIdleDays'], message: 'Must be at least verySlowIdleDays' });
    }
    if (t.verySlowCoverDays < t.slowCoverDays) {
      ctx.addIssue({
        code: 'custom',
        path: ['verySlowCoverDays'],
        message: 'Must be at least slowCoverDays',
      });
    }
  });

/**
 * Movement thresholds as the caller writes them (every field optional).
 *
 * @example
 * const t: MovementThresholdsInput = { slowIdleDays: 45 }
 */
export type MovementThresholdsInput = z.input<typeof movementThresholdsSchema>;

/**
 * Movement thresholds with every default filled in.
 *
 * @example
 * const t: MovementThresholds = DEFAULT_MOVEMENT_THRESHOLDS
 */
export type MovementThresholds = z.output<typeof movementThresholdsSchema>;

/**
 * One SKU at one warehouse: its full movement history there (an opening balance is a receipt),
 * its unit cost, and optionally a demand estimate and the supplier's return window.
 *
 * @example
 * stockItemSchema.parse({ sku: 'A', warehouseId: 'sh', unitCost: '8.00', receipts: [{ receivedAt: '2026-01-01', quantity: 10 }] })
 */
export const stockItemSchema = z.object({
  sku: z.string().min(1),
  warehouseId: z.string().min(1),
  /** Cost of one unit, used for lots that carry no cost of their own. */
  unitCost: unitCostSchema,
  receipts: z.array(receiptSchema).max(100_000),
  sales: z.array(saleSchema).max(1_000_000).default([]),
  /** Average units sold per day, e.g. a forecast's mean; otherwise measured from `sales`. */
  averageDailyDemand: z.number().nonnegative().optional(),
  /** Days after receipt during which the supplier takes a lot back; absent means no returns. */
  returnWindowDays: z.number().int().nonnegative().optional(),
});

/**
 * A stock item as the caller writes it.
 *
 * @example
 * const item: StockItem = { sku: 'A', warehouseId: 'sh', unitCost: '8.00', receipts: [] }
 */
export type StockItem = z.input<typeof stockItemSchema>;

/**
 * Options of `stockHealthReport`.
 *
 * @example
 * stockHealthReportOptionsSchema.parse({ asOf: '2026-03-01', sortBy: 'value' })
 */
export const stockHealthReportOptionsSchema = z
  .object({
    /** The instant the report describes; every receipt and sale must be at or before it. */
    asOf: instantSchema,
    /** Trailing days over which demand, sell-through and turnover are measured (default 90). */
    demandWindowDays: z.number().positive().max(3650).default(90),
    /** Aging bucket edges in days (default `[30, 60, 90, 180]`). */
    agingEdges: agingEdgesSchema.default([30, 60, 90, 180]),
    thresholds: movementThresholdsSchema.default({
      slowIdleDays: 30,
      verySlowIdleDays: 90,
      deadIdleDays: 180,
      slowCoverDays: 90,
      verySlowCoverDays: 180,
    }),
    /** `urgency` (default: movement class, then tied-up value) or `value` (tied-up value first). */
    sortBy: z.enum(['urgency', 'value']).default('urgency'),
    /** Currency of every unit cost (default `CNY`). */
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .default('CNY'),
  })
  .strict();

/**
 * Options of `stockHealthReport` as the caller writes them.
 *
 * @example
 * const options: StockHealthReportOptions = { asOf: new Date('2026-03-01T00:00:00Z') }
 */
export type StockHealthReportOptions = z.input<typeof stockHealthReportOptionsSchema>;
