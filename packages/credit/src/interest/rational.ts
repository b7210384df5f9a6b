import {
  assertRoundingMode,
  type DecimalInput,
  type RoundingMode,
  toDecimal,
  ValidationError,
} from '@s2b2b/core';

/**
 * A decimal as an exact fraction of bigints, `num / den` with den = 10^k.
 *
 * @example
 * const r: Rational = { num: 435n, den: 10000n } // 0.0435
 */
export interface Rational {
  num: bigint;
  den: bigint;
}

const TEN = 10n;

/**
 * A Decimal (or any decimal input) as an exact fraction: its plain digits over a power of ten.
 *
 * @example
 * rationalOf(toDecimal('0.0435')) // { num: 435n, den: 10000n }
 * rationalOf(toDecimal('-12.5')) // { num: -125n, den: 10n }
 */
export function rationalOf(value: DecimalInput): Rational {
  const text = toDecimal(value, 'rate').toFixed();
  const dot = text.indexOf('.');
  if (dot < 0) return { num: BigInt(text), den: 1n };
  const places = text.length - dot - 1;
  return { num: BigInt(text.slice(0, dot) + text.slice(dot + 1)), den: TEN ** BigInt(places) };
}

/**
 * `numerator / denominator` rounded to an integer with a rounding mode, exactly (the
 * denominator must not be zero). Modes as in core: `up` away from zero, `down` toward zero,
 * `ceil`, `floor`, and the `half-*` modes differing on exact ties only.
 *
 * @example
 * roundedDiv(5n, 2n, 'half-even') // 2n
 * roundedDiv(5n, 2n, 'half-up') // 3n
 * roundedDiv(-5n, 2n, 'floor') // -3n
 */
export function roundedDiv(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  if (typeof numerator !== 'bigint' || typeof denominator !== 'bigint' || denominator === 0n) {
    throw ValidationError.field(
      typeof numerator !== 'bigint' ? 'numerator' : 'denominator',
      'Expected bigints and a non-zero denominator',
      'invalid_type',
    );
  }
  assertRoundingMode(mode, 'mode');
  let n = numerator;
  let d = denominator;
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const q = n / d;
  const r = n % d;
  if (r === 0n) return q;
  const away = n < 0n ? q - 1n : q + 1n;
  const twice = 2n * (r < 0n ? -r : r);
  switch (mode) {
    case 'down':
      return q;
    case 'up':
      return away;
    case 'ceil':
      return n > 0n ? away : q;
    case 'floor':
      return n < 0n ? away : q;
    case 'half-up':
      return twice >= d ? away : q;
    case 'half-down':
      return twice > d ? away : q;
    default:
      if (twice !== d) return twice > d ? away : q;
      return q % 2n === 0n ? q : away;
  }
}
