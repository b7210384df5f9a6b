import { Decimal as DecimalJs } from 'decimal.js';
import { ValidationError } from '../errors.js';
import { type Decimal, type DecimalInput, toDecimal } from './decimal.js';

/**
 * How to round when digits are dropped. `'up'` rounds away from zero, `'down'` toward zero,
 * `'ceil'` toward +∞, `'floor'` toward −∞; the `half-*` modes round to the nearest neighbour and
 * differ only on exact ties (`half-up` away from zero, `half-down` toward zero, `half-even` to the
 * even neighbour — banker's rounding, the kit's default).
 *
 * @example
 * const mode: RoundingMode = 'half-even'
 */
export type RoundingMode = 'half-even' | 'half-up' | 'half-down' | 'up' | 'down' | 'ceil' | 'floor';

/**
 * Every rounding mode, in a stable order.
 *
 * @example
 * ROUNDING_MODES.includes('half-up') // true
 */
export const ROUNDING_MODES = Object.freeze([
  'half-even',
  'half-up',
  'half-down',
  'up',
  'down',
  'ceil',
  'floor',
] as const satisfies readonly RoundingMode[]);

const DECIMAL_JS_MODES: Readonly<Record<RoundingMode, DecimalJs.Rounding>> = Object.freeze({
  'half-even': DecimalJs.ROUND_HALF_EVEN,
  'half-up': DecimalJs.ROUND_HALF_UP,
  'half-down': DecimalJs.ROUND_HALF_DOWN,
  up: DecimalJs.ROUND_UP,
  down: DecimalJs.ROUND_DOWN,
  ceil: DecimalJs.ROUND_CEIL,
  floor: DecimalJs.ROUND_FLOOR,
});

/** Most decimal places `roundDecimal` accepts (decimal.js allows up to 1e9). */
const MAX_PLACES = 1_000_000_000;

/**
 * Whether a value is one of the `RoundingMode` strings.
 *
 * @example
 * isRoundingMode('ceil') // true
 * isRoundingMode('HALF_UP') // false
 */
export function isRoundingMode(value: unknown): value is RoundingMode {
  return typeof value === 'string' && Object.hasOwn(DECIMAL_JS_MODES, value);
}

/**
 * Returns the mode if it is a `RoundingMode`, else throws a `ValidationError` on `field`.
 *
 * @param mode - untrusted input
 * @param field - field name for the error (default `'rounding'`)
 * @example
 * assertRoundingMode('half-up') // 'half-up'
 * assertRoundingMode('nearest', 'mode') // throws ValidationError on field 'mode'
 */
export function assertRoundingMode(
  mode: unknown,
  field: string | (string | number)[] = 'rounding',
): RoundingMode {
  if (isRoundingMode(mode)) return mode;
  throw ValidationError.field(
    field,
    `Expected a rounding mode (${ROUNDING_MODES.join(', ')}), got ${typeof mode === 'string' ? JSON.stringify(mode) : typeof mode}`,
    'invalid_rounding_mode',
  );
}

/**
 * Rounds a decimal to a number of decimal places with an explicit mode. Exact: the result is the
 * single correctly rounded value, whatever the number of digits.
 *
 * @param value - the decimal (any `DecimalInput`)
 * @param places - decimal places to keep, a non-negative integer
 * @param mode - the rounding mode
 * @throws ValidationError on field `value`, `places` or `mode`
 * @example
 * roundDecimal(toDecimal('2.345'), 2, 'half-even').toFixed() // '2.34'
 * roundDecimal(toDecimal('-2.345'), 2, 'half-up').toFixed() // '-2.35'
 * roundDecimal(toDecimal('-2.341'), 2, 'ceil').toFixed() // '-2.34'
 */
export function roundDecimal(value: DecimalInput, places: number, mode: RoundingMode): Decimal {
  const decimal = toDecimal(value, 'value');
  assertPlaces(places, 'places');
  const rounding = DECIMAL_JS_MODES[assertRoundingMode(mode, 'mode')];
  const result = decimal.toDecimalPlaces(places, rounding);
  return result.isZero() ? toDecimal(0) : result;
}

/**
 * Throws a `ValidationError` on `field` unless `places` is an integer in `0..max`.
 *
 * @example
 * assertPlaces(2, 'minorDigits') // ok
 * assertPlaces(-1, 'minorDigits') // throws
 */
export function assertPlaces(places: unknown, field: string, max = MAX_PLACES): asserts places is number {
  if (typeof places !== 'number' || !Number.isInteger(places) || places < 0 || places > max) {
    throw ValidationError.field(
      field,
      `Expected an integer from 0 to ${max}, got ${String(places)}`,
      'invalid_places',
    );
  }
}
