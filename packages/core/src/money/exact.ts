/**
 * Exact decimal arithmetic on bigint coefficients: `Money` keeps its amount as
 * `coefficient / 10^scale`, so sums, products and quotients never pass through the
 * 40-significant-digit rounding of the shared decimal.js constructor. Internal to the money
 * module (not re-exported from the barrel).
 */
import { type Decimal, decimalFromTrusted } from './decimal.js';
import type { RoundingMode } from './rounding.js';

/**
 * A decimal as `coefficient / 10^scale`.
 *
 * @example
 * const x: Scaled = { coefficient: 1250n, scale: 2 } // 12.50
 */
export interface Scaled {
  /** The digits as an integer, with the sign. */
  coefficient: bigint;
  /** Decimal places (non-negative). */
  scale: number;
}

/**
 * `10^n` as a bigint.
 *
 * @example
 * pow10(3) // 1000n
 */
export function pow10(n: number): bigint {
  return n < POW10.length ? POW10[n]! : 10n ** BigInt(n);
}

const POW10: readonly bigint[] = Array.from({ length: 41 }, (_, n) => 10n ** BigInt(n));

/**
 * Splits a decimal into integer coefficient and scale, exactly.
 *
 * @example
 * toScaled(toDecimal('-12.50')) // { coefficient: -125n, scale: 1 }
 */
export function toScaled(value: Decimal): Scaled {
  const text = value.toFixed();
  const dot = text.indexOf('.');
  if (dot < 0) return { coefficient: BigInt(text), scale: 0 };
  return { coefficient: BigInt(text.slice(0, dot) + text.slice(dot + 1)), scale: text.length - dot - 1 };
}

/**
 * Builds the decimal `coefficient / 10^scale`, exactly (no rounding to precision).
 *
 * @example
 * fromScaled(-125n, 2).toFixed() // '-1.25'
 */
export function fromScaled(coefficient: bigint, scale: number): Decimal {
  const negative = coefficient < 0n;
  const digits = (negative ? -coefficient : coefficient).toString().padStart(scale + 1, '0');
  const cut = digits.length - scale;
  const text = scale === 0 ? digits : `${digits.slice(0, cut)}.${digits.slice(cut)}`;
  return decimalFromTrusted(negative ? `-${text}` : text);
}

/**
 * The integer nearest to `numerator / denominator` under a rounding mode, computed exactly.
 * The denominator must not be zero.
 *
 * @example
 * roundQuotient(5n, 2n, 'half-even') // 2n
 * roundQuotient(-5n, 2n, 'half-up') // -3n
 */
export function roundQuotient(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  let n = numerator;
  let d = denominator;
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const q = n / d;
  const r = n % d;
  if (r === 0n) return q;
  const sign = n < 0n ? -1n : 1n;
  const away = q + sign;
  const twice = 2n * (r < 0n ? -r : r);
  switch (mode) {
    case 'down':
      return q;
    case 'up':
      return away;
    case 'ceil':
      return sign > 0n ? away : q;
    case 'floor':
      return sign < 0n ? away : q;
    case 'half-up':
      return twice >= d ? away : q;
    case 'half-down':
      return twice > d ? away : q;
    case 'half-even':
      if (twice !== d) return twice > d ? away : q;
      return q % 2n === 0n ? q : away;
  }
}
