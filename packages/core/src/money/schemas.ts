import { z } from 'zod';
import { ROUNDING_MODES } from './rounding.js';

/**
 * A plain decimal string as money JSON carries it: optional minus, digits, optional fraction.
 * No exponent, no plus sign, no spaces (`'1234.50'`, `'-0.5'`, `'12'`).
 *
 * @example
 * decimalStringSchema.parse('1234.50') // '1234.50'
 */
export const decimalStringSchema = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/, 'Expected a plain decimal string such as "1234.50"');

/**
 * An ISO 4217-style currency code: three uppercase letters.
 *
 * @example
 * currencyCodeSchema.parse('CNY') // 'CNY'
 */
export const currencyCodeSchema = z
  .string()
  .regex(/^[A-Z]{3}$/, 'Expected a currency code of three uppercase letters');

/**
 * The JSON form of a `Money`: `{ amount: '1234.50', currency: 'CNY' }`.
 *
 * @example
 * moneyJsonSchema.parse({ amount: '12.00', currency: 'USD' })
 */
export const moneyJsonSchema = z.object({
  amount: decimalStringSchema,
  currency: currencyCodeSchema,
});

/**
 * The JSON form of a `Money`.
 *
 * @example
 * const json: MoneyJson = { amount: '12.00', currency: 'USD' }
 */
export type MoneyJson = z.infer<typeof moneyJsonSchema>;

/**
 * One of the `RoundingMode` strings.
 *
 * @example
 * roundingModeSchema.parse('half-up') // 'half-up'
 */
export const roundingModeSchema = z.enum(ROUNDING_MODES);

/**
 * A currency a host registers: code (three letters, upper-cased on registration), minor digits
 * (0–18), a display symbol and a name.
 *
 * @example
 * currencySchema.parse({ code: 'TWD', minorDigits: 2, symbol: 'NT$', name: 'New Taiwan Dollar' })
 */
export const currencySchema = z.object({
  code: z.string().regex(/^[A-Za-z]{3}$/, 'Expected a currency code of three letters'),
  minorDigits: z.int().min(0).max(18),
  symbol: z.string().min(1).max(8),
  name: z.string().min(1).max(100),
});
