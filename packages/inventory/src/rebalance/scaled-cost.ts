import { Money, toDecimal } from '@s2b2b/core';

/**
 * An exact decimal as `coefficient / 10^places`.
 *
 * @example
 * const c: ScaledDecimal = { coefficient: 120n, places: 2 } // 1.20
 */
export interface ScaledDecimal {
  coefficient: bigint;
  places: number;
}

/**
 * A decimal string or number as an exact scaled decimal (numbers through their shortest text,
 * so `1.2` is 12/10). Internal to the rebalancing module.
 *
 * @example
 * scaledDecimal('1.20') // { coefficient: 12n, places: 1 }
 */
export function scaledDecimal(value: string | number, field: (string | number)[]): ScaledDecimal {
  const text = toDecimal(value, field).toFixed();
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  const dot = body.indexOf('.');
  let digits = dot < 0 ? body : body.slice(0, dot) + body.slice(dot + 1);
  let places = dot < 0 ? 0 : body.length - dot - 1;
  while (places > 0 && digits.endsWith('0')) {
    digits = digits.slice(0, -1);
    places--;
  }
  const coefficient = BigInt(digits === '' ? '0' : digits);
  return { coefficient: negative ? -coefficient : coefficient, places };
}

/**
 * The product of two scaled decimals, exact.
 *
 * @example
 * multiplyScaled({ coefficient: 12n, places: 1 }, { coefficient: 5n, places: 1 }) // 0.60 → { 60n, 2 }
 */
export function multiplyScaled(a: ScaledDecimal, b: ScaledDecimal): ScaledDecimal {
  return { coefficient: a.coefficient * b.coefficient, places: a.places + b.places };
}

/**
 * The value in units of 10^−places (which must be at least the value's own places), exact.
 *
 * @example
 * toUnitsOf({ coefficient: 12n, places: 1 }, 3) // 1200n
 */
export function toUnitsOf(value: ScaledDecimal, places: number): bigint {
  return value.coefficient * 10n ** BigInt(places - value.places);
}

/**
 * `units / 10^places` as Money, exactly.
 *
 * @example
 * moneyFromUnits(1234n, 2, 'CNY').toString() // '12.34 CNY'
 */
export function moneyFromUnits(units: bigint, places: number, currency: string): Money {
  if (places === 0) return Money.of(units.toString(), currency);
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(places + 1, '0');
  const text = `${digits.slice(0, digits.length - places)}.${digits.slice(digits.length - places)}`;
  return Money.of(negative ? `-${text}` : text, currency);
}
