import { currencyCodeSchema, decimalStringSchema, roundingModeSchema } from '@s2b2b/core';
import { z } from 'zod';

/** Strings without NUL (PostgreSQL text cannot hold it). A regex check: cheaper than a refinement on millions of ids. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what it refuses
const WITHOUT_NUL = /^[^\u0000]*$/;

/**
 * The largest quantity one line may carry, and the largest pooled quantity of one SKU in a
 * round: 10^9 units.
 *
 * @example
 * MAX_QUANTITY // 1000000000
 */
export const MAX_QUANTITY = 1_000_000_000;

/**
 * The most decimal places a unit price may have (6: a millionth of a yuan).
 *
 * @example
 * UNIT_PRICE_DECIMALS // 6
 */
export const UNIT_PRICE_DECIMALS = 6;

/**
 * An id (supplier, agreement, round, request, merchant, SKU, region, bundle, document kind):
 * 1-200 characters, no NUL.
 *
 * @example
 * procurementIdSchema.parse('SUP-1') // 'SUP-1'
 */
export const procurementIdSchema = z
  .string()
  .min(1, 'Expected at least 1 character')
  .max(200, 'Expected at most 200 characters')
  .regex(WITHOUT_NUL, 'Must not contain NUL (U+0000)');

/**
 * A caller-chosen idempotency key: 1-200 characters, no NUL.
 *
 * @example
 * idempotencyKeySchema.parse('submit-M1-r7') // 'submit-M1-r7'
 */
export const idempotencyKeySchema = procurementIdSchema;

/**
 * A free text of 1-500 characters without NUL (names, reasons, notes).
 *
 * @example
 * procurementTextSchema.parse('春季集采') // '春季集采'
 */
export const procurementTextSchema = z
  .string()
  .min(1, 'Expected at least 1 character')
  .max(500, 'Expected at most 500 characters')
  .regex(WITHOUT_NUL, 'Must not contain NUL (U+0000)');

/**
 * A quantity: a whole number of a SKU's base unit from 1 to {@link MAX_QUANTITY}.
 *
 * @example
 * quantitySchema.parse(24) // 24
 */
export const quantitySchema = z
  .number({ error: 'Expected a quantity (a whole number)' })
  .int('Expected a whole number of units')
  .positive('Expected a positive quantity')
  .max(MAX_QUANTITY, `Expected at most ${MAX_QUANTITY}`);

/**
 * A unit price as a plain decimal string (`'12.50'`, `'0.1234'`): 0 or more, at most
 * {@link UNIT_PRICE_DECIMALS} decimals and 10^12. Kept exact; never a JS number.
 *
 * @example
 * unitPriceSchema.parse('11.80') // '11.80'
 */
export const unitPriceSchema = decimalStringSchema
  .refine((value) => !value.startsWith('-'), 'Expected a unit price of 0 or more')
  .refine(
    (value) => (value.split('.')[1]?.length ?? 0) <= UNIT_PRICE_DECIMALS,
    `Expected at most ${UNIT_PRICE_DECIMALS} decimal places`,
  )
  .refine((value) => (value.split('.')[0]?.replace(/^0+/, '').length ?? 0) <= 12, 'Expected at most 10^12');

/**
 * An instant: a `Date` or an ISO 8601 date-time string with an offset
 * (`'2026-03-02T09:00:00+08:00'`), read as a `Date`.
 *
 * @example
 * instantSchema.parse('2026-03-02T01:00:00Z').toISOString() // '2026-03-02T01:00:00.000Z'
 */
export const instantSchema = z
  .union([z.date(), z.iso.datetime({ offset: true })], { error: 'Expected a Date or an ISO date-time' })
  .transform((value) => (value instanceof Date ? new Date(value.getTime()) : new Date(value)))
  .refine((value) => !Number.isNaN(value.getTime()), 'Expected a valid instant');

/**
 * An IANA time zone name (`'Asia/Shanghai'`), checked against the runtime's zone database.
 *
 * @example
 * zoneSchema.parse('Asia/Shanghai') // 'Asia/Shanghai'
 */
export const zoneSchema = z
  .string()
  .min(1)
  .max(100)
  .refine((value) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: value });
      return true;
    } catch {
      return false;
    }
  }, 'Expected an IANA time zone such as "Asia/Shanghai"');

/**
 * The default zone of calendar periods (capacity periods, scorecard periods).
 *
 * @example
 * DEFAULT_ZONE // 'Asia/Shanghai'
 */
export const DEFAULT_ZONE = 'Asia/Shanghai';

/**
 * A currency code (three uppercase letters) of a currency the core registry knows.
 *
 * @example
 * procurementCurrencySchema.parse('CNY') // 'CNY'
 */
export const procurementCurrencySchema = currencyCodeSchema;

/**
 * How settlement amounts (supplier invoice lines) are rounded to minor units; default
 * `'half-even'`.
 *
 * @example
 * invoiceRoundingSchema.parse(undefined) // 'half-even'
 */
export const invoiceRoundingSchema = roundingModeSchema.default('half-even');

/**
 * A list of unique ids.
 *
 * @example
 * uniqueIdsSchema(10).parse(['a', 'b']) // ['a', 'b']
 */
export function uniqueIdsSchema(max: number) {
  return z
    .array(procurementIdSchema)
    .max(max, `Expected at most ${max} entries`)
    .superRefine((values, ctx) => {
      const seen = new Set<string>();
      values.forEach((value, index) => {
        if (seen.has(value)) {
          ctx.addIssue({ code: 'custom', path: [index], message: `Duplicate ${JSON.stringify(value)}` });
        }
        seen.add(value);
      });
    });
}
