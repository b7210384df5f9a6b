import { DomainError, ValidationError } from '../errors.js';
import { type DecimalInput, toDecimal } from './decimal.js';
import { fromScaled, pow10, toScaled } from './exact.js';
import { isMoney, Money } from './money.js';
import { assertPlaces } from './rounding.js';

/**
 * Options of `allocate`.
 *
 * @example
 * const options: AllocateOptions = { minorDigits: 0 } // whole yuan
 */
export interface AllocateOptions {
  /** Granularity of the parts in decimal places (0–18). Default: the currency's minor digits. */
  minorDigits?: number;
}

/** Most decimal places `allocate` works in. */
const MAX_ALLOCATE_DIGITS = 18;

/**
 * Splits a total into parts proportional to weights by the largest-remainder method, in whole
 * minor units (bigint arithmetic throughout):
 *
 * - the parts sum to the total exactly, and each is within one minor unit of its exact share
 *   `total × w / Σw` (it is the share rounded down or up);
 * - the units left after rounding every share down go to the largest remainders; ties go to the
 *   larger weight, then to the lower index — so the result is deterministic, and permuting
 *   distinct weights permutes the parts exactly (equal weights get the same parts as a multiset);
 * - a zero weight gets exactly zero when some weight is positive; all-zero weights split evenly;
 * - a negative total is allocated as its absolute value with every part negated, so
 *   `allocate(-x, w)` is `allocate(x, w)` negated.
 *
 * @param total - the amount to split; must be a whole number of minor units
 * @param weights - non-negative decimals, at least one
 * @param options - `minorDigits` to split at another granularity than the currency's
 * @returns one part per weight, in the total's currency
 * @throws ValidationError on `total`, `weights`, `weights.<i>` or `minorDigits`;
 *   DomainError `NOT_ROUNDED` if the total has digits below the unit of allocation
 * @example
 * allocate(Money.of('200.00'), [500, 100]).map(String) // ['166.67 CNY', '33.33 CNY']
 * allocate(Money.of('100.00'), [1, 1, 1]).map(String) // ['33.34 CNY', '33.33 CNY', '33.33 CNY']
 * allocate(Money.of('1000', 'JPY'), [1, 1, 1]).map(String) // ['334 JPY', '333 JPY', '333 JPY']
 */
export function allocate(
  total: Money,
  weights: readonly DecimalInput[],
  options: AllocateOptions = {},
): Money[] {
  if (!isMoney(total)) throw ValidationError.field('total', 'Expected a Money value', 'invalid_type');
  if (!Array.isArray(weights))
    throw ValidationError.field('weights', 'Expected an array of weights', 'invalid_type');
  if (weights.length === 0)
    throw ValidationError.field('weights', 'Expected at least one weight', 'too_small');
  if (typeof options !== 'object' || options === null) {
    throw ValidationError.field('options', 'Expected an options object', 'invalid_type');
  }
  const digits = options.minorDigits ?? total.currency.minorDigits;
  assertPlaces(digits, 'minorDigits', MAX_ALLOCATE_DIGITS);

  const scaledWeights = weights.map((weight, index) => {
    // Fast path for the common case: whole-number weights (quantities, minor units).
    if (typeof weight === 'number' && Number.isSafeInteger(weight) && weight >= 0) {
      return { coefficient: BigInt(weight), scale: 0 };
    }
    if (typeof weight === 'bigint' && weight >= 0n) return { coefficient: weight, scale: 0 };
    const decimal = toDecimal(weight, ['weights', index]);
    if (decimal.isNegative()) {
      throw ValidationError.field(
        ['weights', index],
        `Weight must not be negative, got ${decimal.toFixed()}`,
        'too_small',
      );
    }
    return toScaled(decimal);
  });

  const { coefficient, scale } = toScaled(total.amount());
  if (scale > digits) {
    throw new DomainError(
      'NOT_ROUNDED',
      `${total.toString()} is not a whole number of units with ${digits} decimal places; call roundToMinor(mode) first`,
      { amount: total.toDecimalString(), currency: total.currency.code, minorDigits: digits },
    );
  }
  const units = coefficient * pow10(digits - scale);
  const negative = units < 0n;
  const parts = largestRemainder(negative ? -units : units, integerWeights(scaledWeights));
  const code = total.currency.code;
  if (digits === total.currency.minorDigits) {
    return parts.map((part) => Money.fromMinor(negative ? -part : part, code));
  }
  return parts.map((part) => Money.of(fromScaled(negative ? -part : part, digits), code));
}

/**
 * {@link allocate} on plain integers: splits `units` minor units over non-negative integer
 * weights by the same largest-remainder rule (ties to the larger weight, then the lower index;
 * zero weights get nothing when some weight is positive, all-zero weights split evenly; a
 * negative total is the positive split negated), without building `Money` — for hot loops that
 * already hold minor units. `allocate(Money.fromMinor(u), w)` and `allocateMinorUnits(u, w)` give
 * the same parts.
 *
 * @throws ValidationError on `units` (not a bigint) or `weights.<i>` (not a non-negative bigint)
 * @example
 * allocateMinorUnits(20000n, [50000n, 10000n]) // [16667n, 3333n]
 * allocateMinorUnits(-100n, [1n, 1n, 1n]) // [-34n, -33n, -33n]
 */
export function allocateMinorUnits(units: bigint, weights: readonly bigint[]): bigint[] {
  if (typeof units !== 'bigint') throw ValidationError.field('units', 'Expected a bigint', 'invalid_type');
  if (!Array.isArray(weights))
    throw ValidationError.field('weights', 'Expected an array of weights', 'invalid_type');
  let positive = false;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    if (typeof w !== 'bigint' || w < 0n) {
      throw ValidationError.field(['weights', i], 'Expected a non-negative bigint weight', 'invalid_type');
    }
    if (w > 0n) positive = true;
  }
  if (weights.length === 0) return [];
  if (units === 0n) return weights.map(() => 0n);
  const ws = positive ? weights : weights.map(() => 1n);
  if (units < 0n) return largestRemainder(-units, ws).map((part) => -part);
  return largestRemainder(units, ws);
}

/** Weights as integers on a common scale; all zero becomes all one. */
function integerWeights(scaled: readonly { coefficient: bigint; scale: number }[]): bigint[] {
  const scale = scaled.reduce((max, w) => Math.max(max, w.scale), 0);
  const result = scaled.map((w) => w.coefficient * pow10(scale - w.scale));
  return result.some((w) => w > 0n) ? result : result.map(() => 1n);
}

/** Splits `units` (>= 0) over integer weights (>= 0, some positive). */
function largestRemainder(units: bigint, weights: readonly bigint[]): bigint[] {
  const sumOfWeights = weights.reduce((acc, w) => acc + w, 0n);
  const parts = weights.map((w) => (units * w) / sumOfWeights);
  const remainders = weights.map((w) => (units * w) % sumOfWeights);
  let left = units - parts.reduce((acc, p) => acc + p, 0n);
  const order = weights.map((_, index) => index);
  order.sort((a, b) => {
    const ra = remainders[a]!;
    const rb = remainders[b]!;
    if (ra !== rb) return ra > rb ? -1 : 1;
    const wa = weights[a]!;
    const wb = weights[b]!;
    if (wa !== wb) return wa > wb ? -1 : 1;
    return a - b;
  });
  // left < number of positive remainders, so zero-weight (zero-remainder) parts never get a unit.
  for (const index of order) {
    if (left === 0n) break;
    parts[index] = parts[index]! + 1n;
    left -= 1n;
  }
  return parts;
}
