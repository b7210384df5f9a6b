import { Decimal as DecimalJs } from 'decimal.js';
import { ValidationError } from '../errors.js';

/**
 * The one decimal.js constructor of the kit: 40 significant digits, half-even, plain notation
 * between 1e-40 and 1e40. Private on purpose: `Decimal.set` is never called, so a host that
 * uses decimal.js keeps its own settings.
 */
const D = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_EVEN,
  toExpNeg: -40,
  toExpPos: 40,
});

/**
 * An arbitrary-precision decimal (an instance of the kit's private decimal.js clone).
 *
 * @example
 * const price: Decimal = toDecimal('12.345')
 */
export type Decimal = InstanceType<typeof D>;

/**
 * Anything `toDecimal` accepts: a decimal string, a finite number, a bigint, or a Decimal made by
 * any decimal.js constructor.
 *
 * @example
 * const inputs: DecimalInput[] = ['12.50', 3, 10n, toDecimal('0.5')]
 */
export type DecimalInput = string | number | bigint | Decimal;

/** Largest decimal exponent accepted from input (|value| < 10^1001, and no digit below 10^-1000). */
const MAX_EXPONENT = 1000;

/** Sign, digits with an optional point, optional exponent. No hex, no whitespace, no `Infinity`. */
const DECIMAL_STRING = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Turns a decimal string, finite number, bigint or Decimal into a Decimal, exactly. Numbers go
 * through their shortest string form (`0.1` becomes exactly `0.1`).
 *
 * @param value - the input
 * @param field - the field name reported in the `ValidationError` (default `'value'`)
 * @returns a Decimal of the kit's constructor (negative zero becomes zero)
 * @throws ValidationError for NaN, ±Infinity, `''`, `'abc'`, `null`, objects, or values with an
 *   exponent beyond ±1000
 * @example
 * toDecimal('12.345').toFixed() // '12.345'
 * toDecimal(0.1).plus(0.2).toFixed() // '0.3'
 * toDecimal('abc', 'price') // throws ValidationError on field 'price'
 */
export function toDecimal(value: DecimalInput, field: string | (string | number)[] = 'value'): Decimal {
  const result = parse(value);
  if (result === undefined) {
    throw ValidationError.field(
      field,
      `Expected a finite decimal (string, number, bigint or Decimal), got ${describe(value)}`,
      'invalid_decimal',
    );
  }
  if (!result.isZero() && (result.e > MAX_EXPONENT || result.e < -MAX_EXPONENT)) {
    throw ValidationError.field(
      field,
      `Decimal exponent out of range (|exponent| must be at most ${MAX_EXPONENT})`,
      'out_of_range',
    );
  }
  return result.isZero() ? ZERO : result;
}

/**
 * Whether `toDecimal` would accept the value.
 *
 * @example
 * isDecimalInput('1.5') // true
 * isDecimalInput(Number.NaN) // false
 */
export function isDecimalInput(value: unknown): value is DecimalInput {
  try {
    toDecimal(value as DecimalInput);
    return true;
  } catch {
    return false;
  }
}

const ZERO = new D(0);

/**
 * Builds a Decimal from a string the kit produced itself (plain digits, optional sign and point),
 * without the input checks and range limit of `toDecimal`. Internal to the money module.
 *
 * @example
 * decimalFromTrusted('-12.50').toFixed() // '-12.5'
 */
export function decimalFromTrusted(text: string): Decimal {
  const result = new D(text);
  return result.isZero() ? ZERO : result;
}

function parse(value: unknown): Decimal | undefined {
  let result: Decimal;
  if (typeof value === 'string') {
    if (!DECIMAL_STRING.test(value)) return undefined;
    result = new D(value);
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    result = new D(String(value));
  } else if (typeof value === 'bigint') {
    result = new D(value.toString());
  } else if (D.isDecimal(value)) {
    result = new D(value);
  } else {
    return undefined;
  }
  return result.isFinite() ? result : undefined;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number') return String(value);
  if (value === null) return 'null';
  if (D.isDecimal(value)) return `Decimal ${String(value)}`;
  return typeof value;
}
