/**
 * Exact decimal helpers on bigint coefficients: a decimal string such as `'11.80'` is
 * `1180n / 10^2`. Prices, costs and shares are computed this way (never through floats), and
 * turned into `Money` only at the edge.
 */
import { getCurrency, Money, type RoundingMode } from '@s2b2b/core';

/**
 * A decimal as `coefficient / 10^scale`.
 *
 * @example
 * const price: Scaled = { coefficient: 1180n, scale: 2 }; // 11.80
 */
export interface Scaled {
  coefficient: bigint;
  scale: number;
}

const POW10: bigint[] = Array.from({ length: 40 }, (_, n) => 10n ** BigInt(n));

/**
 * `10^n` as a bigint.
 *
 * @example
 * pow10(3) // 1000n
 */
export function pow10(n: number): bigint {
  return n < POW10.length ? POW10[n]! : 10n ** BigInt(n);
}

/**
 * A plain decimal string (already validated: digits, optional fraction, optional minus) as a
 * {@link Scaled}, keeping every digit given.
 *
 * @example
 * parseScaled('11.80') // { coefficient: 1180n, scale: 2 }
 */
export function parseScaled(text: string): Scaled {
  const dot = text.indexOf('.');
  if (dot < 0) return { coefficient: BigInt(text), scale: 0 };
  return { coefficient: BigInt(text.slice(0, dot) + text.slice(dot + 1)), scale: text.length - dot - 1 };
}

/**
 * The coefficient of `value` at a larger or equal `scale`.
 *
 * @example
 * atScale({ coefficient: 118n, scale: 1 }, 4) // 118000n
 */
export function atScale(value: Scaled, scale: number): bigint {
  if (scale < value.scale) throw new RangeError(`Cannot lower scale ${value.scale} to ${scale} exactly`);
  return value.coefficient * pow10(scale - value.scale);
}

/**
 * `coefficient / 10^scale` as a plain decimal string, with at least `minDigits` decimals and
 * no trailing zeros beyond them.
 *
 * @example
 * scaledToString(118000n, 4, 2) // '11.80'
 */
export function scaledToString(coefficient: bigint, scale: number, minDigits = 0): string {
  let c = coefficient;
  let s = scale;
  while (s > minDigits && c % 10n === 0n) {
    c /= 10n;
    s -= 1;
  }
  const negative = c < 0n;
  const digits = (negative ? -c : c).toString().padStart(s + 1, '0');
  const text = s === 0 ? digits : `${digits.slice(0, -s)}.${digits.slice(-s)}`;
  return negative ? `-${text}` : text;
}

/**
 * `numerator / denominator` rounded to an integer with `mode` (denominator > 0).
 *
 * @example
 * divRound(5n, 2n, 'half-even') // 2n
 * divRound(5n, 2n, 'half-up') // 3n
 * divRound(1n, 3n, 'ceil') // 1n
 */
export function divRound(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
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
 * `⌈numerator / denominator⌉` for a non-negative numerator and a positive denominator.
 *
 * @example
 * ceilDiv(7n, 2n) // 4n
 */
export function ceilDiv(numerator: bigint, denominator: bigint): bigint {
  return (numerator + denominator - 1n) / denominator;
}

/**
 * A `Money` of `coefficient / 10^scale` in `currency`, exactly.
 *
 * @example
 * moneyFromScaled(1180n, 2, 'CNY').toString() // '11.80 CNY'
 */
export function moneyFromScaled(coefficient: bigint, scale: number, currency: string): Money {
  if (scale === getCurrency(currency).minorDigits) return Money.fromMinor(coefficient, currency);
  return Money.of(scaledToString(coefficient, scale), currency);
}

/**
 * A whole number of minor units as `Money`.
 *
 * @example
 * minorToMoney(123450n, 'CNY').toString() // '1234.50 CNY'
 */
export function minorToMoney(minor: bigint, currency: string): Money {
  return Money.fromMinor(minor, currency);
}
