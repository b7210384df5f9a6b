/**
 * Zod schemas for the delinquency functions: days past due, DPD buckets and the automatic
 * freeze rule, and the types inferred from them.
 */
import { z } from 'zod';
import { dateInputSchema, moneySchema, zoneSchema } from '../interest/schemas.js';

/**
 * Most days past due accepted (100 years).
 *
 * @example
 * MAX_DAYS_PAST_DUE // 36600
 */
export const MAX_DAYS_PAST_DUE = 36_600;

/**
 * Days past due: a whole number from 0.
 *
 * @example
 * daysPastDueSchema.parse(31)
 */
export const daysPastDueSchema = z.int().min(0).max(MAX_DAYS_PAST_DUE);

/**
 * Input of `daysPastDue`: what each due date still owes, and the day to measure on. A due
 * counts as overdue when its due date is before `asOf` and it still owes more than
 * `materiality` (default 0: any amount). Days past due = asOf − the oldest such due date.
 *
 * @example
 * daysPastDueInputSchema.parse({ asOf: '2024-03-15', dues: [{ dueDate: '2024-02-29', outstanding: Money.of('100') }] })
 */
export const daysPastDueInputSchema = z
  .object({
    asOf: dateInputSchema,
    dues: z
      .array(z.object({ dueDate: dateInputSchema, outstanding: moneySchema('non-negative') }).strict())
      .max(100_000),
    materiality: moneySchema('non-negative').optional(),
    zone: zoneSchema,
  })
  .strict();

/**
 * Input of `daysPastDue` as the caller writes it.
 *
 * @example
 * const input: DaysPastDueInput = { asOf: new Date(), dues: [{ dueDate: '2024-02-29', outstanding: Money.of('100') }], materiality: Money.of('1') }
 */
export type DaysPastDueInput = z.input<typeof daysPastDueInputSchema>;

/**
 * One delinquency bucket: days past due from `minDays` to `maxDays` inclusive (`null`: no upper
 * end), as Fineract's `DelinquencyRange(classification, minimumAgeDays, maximumAgeDays)`.
 *
 * @example
 * dpdBucketSchema.parse({ label: 'M1', minDays: 1, maxDays: 30 })
 */
export const dpdBucketSchema = z
  .object({
    label: z.string().min(1).max(50),
    minDays: daysPastDueSchema,
    maxDays: daysPastDueSchema.nullable(),
  })
  .strict();

/**
 * A bucket as the caller writes it.
 *
 * @example
 * const bucket: DpdBucket = { label: 'M7+', minDays: 181, maxDays: null }
 */
export type DpdBucket = z.infer<typeof dpdBucketSchema>;

/**
 * A set of buckets that classifies every number of days past due exactly once: the first starts
 * at 0, each starts the day after the previous ends, only the last is open-ended, labels are
 * unique.
 *
 * @example
 * dpdBucketsSchema.parse([{ label: 'current', minDays: 0, maxDays: 0 }, { label: 'overdue', minDays: 1, maxDays: null }])
 */
export const dpdBucketsSchema = z
  .array(dpdBucketSchema)
  .min(1)
  .max(1000)
  .superRefine((buckets, ctx) => {
    const labels = new Set<string>();
    buckets.forEach((bucket, i) => {
      const expectedMin = i === 0 ? 0 : (buckets[i - 1]!.maxDays ?? Number.NaN) + 1;
      if (bucket.minDays !== expectedMin) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'minDays'],
          message:
            i === 0
              ? 'The first bucket must start at 0 days past due'
              : `Expected ${expectedMin} (the day after the previous bucket ends): buckets must not overlap or leave gaps`,
        });
      }
      const last = i === buckets.length - 1;
      if (last && bucket.maxDays !== null) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'maxDays'],
          message: 'The last bucket must be open-ended (null)',
        });
      }
      if (!last && bucket.maxDays === null) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'maxDays'],
          message: 'Only the last bucket may be open-ended',
        });
      }
      if (bucket.maxDays !== null && bucket.maxDays < bucket.minDays) {
        ctx.addIssue({ code: 'custom', path: [i, 'maxDays'], message: 'maxDays must not be below minDays' });
      }
      if (labels.has(bucket.label)) {
        ctx.addIssue({ code: 'custom', path: [i, 'label'], message: `Duplicate label ${bucket.label}` });
      }
      labels.add(bucket.label);
    });
  });

/**
 * Options of `monthlyDpdBuckets`: `M1` … `Mn` of `daysPerMonth` days each, then `M(n+1)+`;
 * `M0` for current (0 days).
 *
 * @example
 * monthlyDpdBucketsOptionsSchema.parse({ months: 3 })
 */
export const monthlyDpdBucketsOptionsSchema = z
  .object({
    months: z.int().min(1).max(120).default(6),
    daysPerMonth: z.int().min(1).max(31).default(30),
  })
  .strict();

/**
 * Options of `monthlyDpdBuckets` as the caller writes them.
 *
 * @example
 * const options: MonthlyDpdBucketsOptions = { months: 3, daysPerMonth: 30 }
 */
export type MonthlyDpdBucketsOptions = z.input<typeof monthlyDpdBucketsOptionsSchema>;

/**
 * Input of `dpdDistribution`: accounts with their days past due and outstanding balance, and
 * the buckets (default M0 … M6, M7+).
 *
 * @example
 * dpdDistributionInputSchema.parse({ accounts: [{ daysPastDue: 12, outstanding: Money.of('5000') }] })
 */
export const dpdDistributionInputSchema = z
  .object({
    accounts: z
      .array(z.object({ daysPastDue: daysPastDueSchema, outstanding: moneySchema('non-negative') }).strict())
      .max(10_000_000),
    buckets: dpdBucketsSchema.optional(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional(),
  })
  .strict();

/**
 * Input of `dpdDistribution` as the caller writes it.
 *
 * @example
 * const input: DpdDistributionInput = { accounts: [{ daysPastDue: 0, outstanding: Money.of('5000') }] }
 */
export type DpdDistributionInput = z.input<typeof dpdDistributionInputSchema>;

/**
 * Input of `overdueFreezeDecision`: the line's days past due, the freeze threshold, the freeze
 * the line is under (null when active; `automatic: true` when the overdue rule froze it) and
 * whether an automatic freeze lifts once the line is current again (default true).
 *
 * @example
 * overdueFreezeInputSchema.parse({ daysPastDue: 31, freezeAfterDays: 30, freeze: null })
 */
export const overdueFreezeInputSchema = z
  .object({
    daysPastDue: daysPastDueSchema,
    freezeAfterDays: z.int().min(0).max(MAX_DAYS_PAST_DUE),
    freeze: z.looseObject({ automatic: z.boolean() }).nullable(),
    unfreezeWhenCured: z.boolean().default(true),
  })
  .strict();

/**
 * Input of `overdueFreezeDecision` as the caller writes it.
 *
 * @example
 * const input: OverdueFreezeInput = { daysPastDue: 0, freezeAfterDays: 30, freeze: { automatic: true } }
 */
export type OverdueFreezeInput = z.input<typeof overdueFreezeInputSchema>;
