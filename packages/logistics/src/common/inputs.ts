import { type Decimal, decimalStringSchema, parsePercent, toDecimal } from '@s2b2b/core';
import { z } from 'zod';

const noNul = (value: string) => !value.includes('\u0000');

/**
 * An id (carrier, zone, order, merchant, shipment, vehicle type): 1-200 characters, no NUL.
 *
 * @example
 * logisticsIdSchema.parse('SF-EXPRESS') // 'SF-EXPRESS'
 */
export const logisticsIdSchema = z
  .string()
  .min(1, 'Expected at least 1 character')
  .max(200, 'Expected at most 200 characters')
  .refine(noNul, 'Must not contain NUL (U+0000)');

/**
 * A free text of 1-500 characters without NUL (names, locations, descriptions).
 *
 * @example
 * logisticsTextSchema.parse('顺丰速运') // '顺丰速运'
 */
export const logisticsTextSchema = z
  .string()
  .min(1, 'Expected at least 1 character')
  .max(500, 'Expected at most 500 characters')
  .refine(noNul, 'Must not contain NUL (U+0000)');

const SEGMENT = /^[^/*]+$/;

/**
 * A region as a path of segments from wide to narrow, separated by `/`: `'CN'`, `'浙江'`,
 * `'浙江/杭州'`, `'新疆/阿勒泰/布尔津'`. A rule written for `'浙江'` also covers `'浙江/杭州'`.
 *
 * @example
 * regionSchema.parse('浙江/杭州') // '浙江/杭州'
 */
export const regionSchema = z
  .string()
  .min(1, 'Expected a region')
  .max(200, 'Expected at most 200 characters')
  .refine(noNul, 'Must not contain NUL (U+0000)')
  .refine(
    (value) => value.split('/').every((segment) => SEGMENT.test(segment) && segment.trim() === segment),
    'Expected segments separated by "/", none empty, without "*" or surrounding spaces',
  );

/**
 * A region in a rule: a {@link regionSchema} path, or `'*'` for every region.
 *
 * @example
 * regionPatternSchema.parse('*') // '*'
 */
export const regionPatternSchema = z.union([z.literal('*'), regionSchema]);

/**
 * A non-negative amount of money as a plain decimal string (`'12.50'`), at most 12 decimals,
 * in the currency of the record it belongs to. Money never travels as a JS number.
 *
 * @example
 * amountSchema.parse('12.50') // '12.50'
 */
export const amountSchema = decimalStringSchema
  .refine((value) => !value.startsWith('-'), 'Expected a non-negative amount')
  .refine((value) => (value.split('.')[1]?.length ?? 0) <= 12, 'Expected at most 12 decimal places')
  .refine((value) => value.length <= 40, 'Expected at most 40 characters');

/** A number or decimal string read as an exact Decimal, within `[min, max]` (`min` exclusive when `positive`). */
function decimalInput(options: { positive: boolean; max: number; places?: number; unit: string }) {
  return z
    .union([z.number(), decimalStringSchema])
    .transform((value) => toDecimal(value))
    .refine(
      (value) => (options.positive ? value.gt(0) : value.gte(0)),
      options.positive ? `Expected a positive ${options.unit}` : `Expected a ${options.unit} of 0 or more`,
    )
    .refine((value) => value.lte(options.max), `Expected at most ${options.max}`)
    .refine(
      (value) => options.places === undefined || value.decimalPlaces() <= options.places,
      `Expected at most ${options.places} decimal places`,
    );
}

/**
 * A positive weight in kilograms, as a number or a decimal string, read exactly (`2.3` is
 * 2.3, not 2.29999…); at most 10^6 kg and 6 decimals.
 *
 * @example
 * weightKgSchema.parse(2.3).toString() // '2.3'
 */
export const weightKgSchema = decimalInput({ positive: true, max: 1_000_000, places: 6, unit: 'weight' });

/**
 * A weight in kilograms that may be 0 (a weight break's lower bound), otherwise like
 * {@link weightKgSchema}.
 *
 * @example
 * weightFromKgSchema.parse(0).toString() // '0'
 */
export const weightFromKgSchema = decimalInput({
  positive: false,
  max: 1_000_000,
  places: 6,
  unit: 'weight',
});

/**
 * A length in centimetres (positive, at most 10,000 cm, 3 decimals).
 *
 * @example
 * lengthCmSchema.parse(30).toString() // '30'
 */
export const lengthCmSchema = decimalInput({ positive: true, max: 10_000, places: 3, unit: 'length' });

/**
 * A volume in cubic metres (0 or more, at most 10^4 m³, 6 decimals: whole cm³).
 *
 * @example
 * volumeM3Schema.parse('1.25').toString() // '1.25'
 */
export const volumeM3Schema = decimalInput({ positive: false, max: 10_000, places: 6, unit: 'volume' });

/**
 * A rate as a fraction (`0.12` or `'0.12'`) or a percentage text (`'12%'`), from 0 to 10
 * (1,000 %). The kit writes rates as fractions throughout.
 *
 * @example
 * rateSchema.parse('12.5%').toString() // '0.125'
 */
export const rateSchema = z
  .union([z.number(), z.string().max(40)])
  .transform((value, ctx): Decimal => {
    try {
      return parsePercent(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'Expected a fraction (0.12) or a percentage ("12%")' });
      return z.NEVER;
    }
  })
  .refine((value) => value.gte(0) && value.lte(10), 'Expected a rate from 0 to 10 (1,000%)');

/**
 * An instant: a `Date` or an ISO 8601 date-time string with an offset (`'2026-03-02T09:00:00+08:00'`).
 *
 * @example
 * instantSchema.parse('2026-03-02T01:00:00Z').toISOString() // '2026-03-02T01:00:00.000Z'
 */
export const instantSchema = z
  .union([z.date(), z.iso.datetime({ offset: true })])
  .transform((value) => (value instanceof Date ? new Date(value.getTime()) : new Date(value)))
  .refine((value) => !Number.isNaN(value.getTime()), 'Expected a valid instant')
  .refine(
    (value) => Math.abs(value.getTime()) <= 8.64e15 - 400 * 86_400_000,
    'Expected an instant within the range of Date',
  );

/**
 * A calendar date `YYYY-MM-DD` (a ship date), checked to exist.
 *
 * @example
 * calendarDateSchema.parse('2026-03-02') // '2026-03-02'
 */
export const calendarDateSchema = z.iso.date();
