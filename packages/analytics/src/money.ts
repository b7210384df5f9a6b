import { type Decimal, toDecimal } from '@s2b2b/core';
import { z } from 'zod';

/**
 * An amount as a decimal string (`'1290.50'`, negative allowed for returns) or a finite number
 * (read as the decimal it prints as).
 *
 * @example
 * amountSchema.parse('1290.50')
 */
export const amountSchema = z.union([
  z.number().finite(),
  z.string().regex(/^-?\d+(\.\d+)?$/, 'Expected a decimal amount such as "1290.50"'),
]);

/**
 * A value of {@link amountSchema}.
 *
 * @example
 * const amount: Amount = '1290.50';
 */
export type Amount = z.infer<typeof amountSchema>;

/**
 * An exact decimal of an amount (through core's decimal, never float arithmetic).
 *
 * @example
 * decimal('0.1').plus(decimal('0.2')).toString() // '0.3'
 */
export function decimal(amount: Amount): Decimal {
  return toDecimal(typeof amount === 'number' ? String(amount) : amount);
}

/**
 * A decimal with `places` digits (half-even), as a string.
 *
 * @example
 * fixed(decimal('2.345'), 2) // '2.34'
 */
export function fixed(value: Decimal, places = 2): string {
  return value.toFixed(places, 6);
}

/**
 * (current − previous) / previous × 100 rounded to 2 decimals (half-even), or `null` when the
 * previous value is 0.
 *
 * @example
 * percentChange(decimal('120'), decimal('100')) // 20
 */
export function percentChange(current: Decimal, previous: Decimal): number | null {
  if (previous.isZero()) return null;
  return Number(current.minus(previous).div(previous.abs()).times(100).toFixed(2, 6));
}
