import { getCurrency, Money, type RoundingMode, ValidationError } from '@s2b2b/core';

/**
 * A decimal string as an integer number of the currency's minor units (`'19.9'` → `1990n` in
 * CNY). Throws `ValidationError` on `path` when the amount has digits below the minor unit.
 *
 * @example
 * toMinorUnits('19.9', 2, ['lines', 0, 'unitPrice']) // 1990n
 */
export function toMinorUnits(amount: string, minorDigits: number, path: (string | number)[]): bigint {
  const [whole = '0', fraction = ''] = amount.split('.');
  const trimmed = fraction.replace(/0+$/, '');
  if (trimmed.length > minorDigits) {
    throw ValidationError.field(
      path,
      `Expected at most ${minorDigits} decimal places (whole minor units), got ${JSON.stringify(amount)}`,
      'not_minor_units',
    );
  }
  return BigInt(whole + trimmed.padEnd(minorDigits, '0'));
}

/**
 * Minor units back to `Money`.
 *
 * @example
 * fromMinorUnits(1990n, 'CNY').toString() // '19.90 CNY'
 */
export function fromMinorUnits(units: bigint, currency: string): Money {
  return Money.fromMinor(units, currency);
}

/**
 * Minor units as a plain decimal string with the currency's minor digits — what
 * `fromMinorUnits(units, currency).toDecimalString()` gives, without building `Money` (reasons
 * format amounts on every stack a best-deal search tries).
 *
 * @example
 * formatMinorUnits(2720n, 2) // '27.20'
 * formatMinorUnits(-5n, 2) // '-0.05'
 * formatMinorUnits(1200n, 0) // '1200'
 */
export function formatMinorUnits(units: bigint, minorDigits: number): string {
  const negative = units < 0n;
  const text = (negative ? -units : units).toString().padStart(minorDigits + 1, '0');
  const whole = minorDigits === 0 ? text : `${text.slice(0, -minorDigits)}.${text.slice(-minorDigits)}`;
  return negative ? `-${whole}` : whole;
}

/**
 * The minor digits of a registered currency (`CURRENCY` errors come from core).
 *
 * @example
 * minorDigitsOf('JPY') // 0
 */
export function minorDigitsOf(currency: string): number {
  return getCurrency(currency).minorDigits;
}

/**
 * `numerator / denominator` rounded to an integer with a rounding mode, exactly (denominator > 0).
 *
 * @example
 * roundDiv(7n, 2n, 'half-even') // 4n
 * roundDiv(5n, 2n, 'half-even') // 2n
 * roundDiv(5n, 2n, 'down') // 2n
 */
export function roundDiv(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  const q = numerator / denominator;
  const r = numerator % denominator;
  if (r === 0n) return q;
  const negative = numerator < 0n;
  const away = negative ? q - 1n : q + 1n;
  const twice = 2n * (r < 0n ? -r : r);
  switch (mode) {
    case 'down':
      return q;
    case 'up':
      return away;
    case 'ceil':
      return negative ? q : away;
    case 'floor':
      return negative ? away : q;
    case 'half-up':
      return twice >= denominator ? away : q;
    case 'half-down':
      return twice > denominator ? away : q;
    case 'half-even':
      if (twice !== denominator) return twice > denominator ? away : q;
      return q % 2n === 0n ? q : away;
  }
}

/**
 * An exact rate `numerator / denominator` (both non-negative, denominator > 0).
 *
 * @example
 * const twentyPercent: Fraction = { numerator: 1n, denominator: 5n };
 */
export interface Fraction {
  numerator: bigint;
  denominator: bigint;
}

/**
 * A plain decimal string (`'0.125'`) as an exact fraction (`125 / 1000`).
 *
 * @example
 * decimalToFraction('0.125') // { numerator: 125n, denominator: 1000n }
 */
export function decimalToFraction(text: string): Fraction {
  const [whole = '0', fraction = ''] = text.split('.');
  return { numerator: BigInt(whole + fraction), denominator: 10n ** BigInt(fraction.length) };
}

/**
 * The smaller of two bigints.
 *
 * @example
 * minBig(3n, 5n) // 3n
 */
export function minBig(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

/**
 * The larger of two bigints.
 *
 * @example
 * maxBig(3n, 5n) // 5n
 */
export function maxBig(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}
