/**
 * Quantity helpers (plain numbers, never money): validation, pack-size rounding, minimum order
 * quantities and compensated sums.
 *
 * Pack rounding works on scaled integers: a number stands for the decimal of its shortest
 * round-trip text (`0.3` is 3/10, not the binary double just below it); beyond
 * {@link QUANTITY_DECIMALS} decimal places it is rounded to that many, which absorbs float noise
 * like `0.1 + 0.2`. Quantity and pack are scaled to integers from that text (no multiplication
 * error), divided exactly, and the result is the double nearest the exact decimal multiple
 * (`3 × 0.25` is `0.75`, `roundToPack(0.3, 0.1)` is `0.3`, never `0.30000000000000004`).
 */
import { DomainError, ValidationError } from './errors.js';

/**
 * The most decimal places pack rounding keeps (9: nano-units); more are rounded off.
 *
 * @example
 * roundToPack(0.1 + 0.2, 0.1) // 0.3: 0.30000000000000004 is taken as 0.300000000
 */
export const QUANTITY_DECIMALS = 9;

/**
 * Options of `assertQuantity`.
 *
 * @example
 * const cartLine: QuantityRules = { integer: true, max: 9999 }
 */
export interface QuantityRules {
  /** Require a (safe) integer. Default `false`. */
  integer?: boolean;
  /** Smallest allowed value. Default 0: quantities are never negative. */
  min?: number;
  /** Largest allowed value. Default none. */
  max?: number;
  /** Whether 0 is allowed. Default `false`: a quantity must be positive unless this is set. */
  allowZero?: boolean;
}

/**
 * Checks that `value` is a usable quantity and returns it: a finite number, at least
 * `min` (default 0, never negative unless `min` is negative), at most `max`, an integer when
 * `integer` is set, and not 0 unless `allowZero` is set. Otherwise throws `ValidationError`
 * naming `field` (codes `invalid_type`, `not_integer`, `too_small`, `too_big`).
 *
 * @example
 * assertQuantity(12, 'lines.0.quantity', { integer: true }) // 12
 * assertQuantity(0, 'quantity') // throws ValidationError at path ['quantity']
 */
export function assertQuantity(value: number, field: string, options: QuantityRules = {}): number {
  const { integer = false, min = 0, max, allowZero = false } = options;
  if (typeof min !== 'number' || Number.isNaN(min)) {
    throw ValidationError.field(['options', 'min'], 'Expected a number', 'invalid_type');
  }
  if (max !== undefined && (typeof max !== 'number' || Number.isNaN(max))) {
    throw ValidationError.field(['options', 'max'], 'Expected a number', 'invalid_type');
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw ValidationError.field(field, `Expected a finite number, got ${String(value)}`, 'invalid_type');
  }
  if (integer && !Number.isSafeInteger(value)) {
    throw ValidationError.field(field, `Expected a whole number, got ${value}`, 'not_integer');
  }
  if (value === 0 && !allowZero)
    throw ValidationError.field(field, 'Expected a positive quantity', 'too_small');
  if (value < min) throw ValidationError.field(field, `Expected at least ${min}, got ${value}`, 'too_small');
  if (max !== undefined && value > max) {
    throw ValidationError.field(field, `Expected at most ${max}, got ${value}`, 'too_big');
  }
  return value === 0 ? 0 : value; // normalises -0
}

/**
 * How `roundToPack` rounds to a whole number of packs.
 *
 * @example
 * const mode: PackRounding = 'down' // what fits on the shelf
 */
export type PackRounding = 'up' | 'down' | 'nearest';

/**
 * Rounds a quantity to a whole number of packs: `up` (default; what an order must buy),
 * `down` (what fits), or `nearest` (halves round up). Exact decimal arithmetic for quantities
 * and pack sizes with up to {@link QUANTITY_DECIMALS} decimals, such as 0.25 or 0.1. Throws
 * `ValidationError` when the pack size has more decimals (1/3), or when quantity and pack do not
 * fit a safe integer at the pack's precision.
 *
 * @param quantity - a finite number >= 0
 * @param packSize - a finite number > 0 with at most 9 decimal places
 * @example
 * roundToPack(13, 6) // 18
 * roundToPack(1.3, 0.25, 'down') // 1.25
 * roundToPack(0.7, 0.25, 'nearest') // 0.75
 */
export function roundToPack(quantity: number, packSize: number, mode: PackRounding = 'up'): number {
  assertQuantity(quantity, 'quantity', { allowZero: true });
  assertQuantity(packSize, 'packSize');
  if (mode !== 'up' && mode !== 'down' && mode !== 'nearest') {
    throw ValidationError.field(
      'mode',
      `Expected 'up', 'down' or 'nearest', got ${String(mode)}`,
      'invalid_value',
    );
  }
  const q = decimalParts(quantity);
  const p = decimalParts(packSize);
  if (p.digits === '0' || Math.abs(Number(p.text) - packSize) > 1e-12 * Math.max(1, packSize)) {
    throw ValidationError.field(
      'packSize',
      `Expected at most ${QUANTITY_DECIMALS} decimal places, got ${packSize}`,
      'invalid_format',
    );
  }
  const packDecimals = Math.max(0, -p.exponent);
  let decimals = Math.max(packDecimals, -q.exponent);
  // A large quantity with many decimals may not fit in a safe integer at that scale: use fewer of
  // its decimals (never fewer than the pack's) and remember what was cut off.
  while (decimals > packDecimals && !Number.isSafeInteger(scaleTo(q, decimals).scaled)) decimals--;
  const pack = scaleTo(p, decimals).scaled;
  const { scaled, cut } = scaleTo(q, decimals);
  if (!Number.isSafeInteger(pack) || !Number.isSafeInteger(scaled + pack)) {
    throw ValidationError.field(
      Number.isSafeInteger(pack) ? 'quantity' : 'packSize',
      'Too large to round exactly at the pack size precision',
      'too_big',
    );
  }
  const remainder = scaled % pack;
  const lower = (scaled - remainder) / pack;
  let packs = lower;
  if (mode === 'up') packs = remainder === 0 && cut === 'none' ? lower : lower + 1;
  else if (mode === 'nearest')
    packs = 2 * remainder + (cut === 'half-or-more' ? 1 : 0) >= pack ? lower + 1 : lower;
  return (packs * pack) / 10 ** decimals;
}

/**
 * Options of `applyMoqAndPack`.
 *
 * @example
 * const supplierRules: MoqAndPackRules = { moq: 10, packSize: 6, max: 600 }
 */
export interface MoqAndPackRules {
  /** Minimum order quantity. */
  moq?: number;
  /** Orders are whole multiples of this. */
  packSize?: number;
  /** Largest quantity allowed; more throws `DomainError('QUANTITY_ABOVE_MAXIMUM')`. */
  max?: number;
  /** Turn a requested 0 into the minimum orderable quantity instead of keeping it 0. */
  forceMinimum?: boolean;
}

/**
 * The quantity to actually order: the smallest value >= max(quantity, moq) that is a whole
 * number of packs. A requested 0 stays 0 (nothing ordered) unless `forceMinimum` is set, in which
 * case it becomes the minimum orderable quantity: the moq rounded up to a pack, or one pack
 * (or 0 when there is neither a moq nor a pack size). Throws `DomainError` with code
 * `QUANTITY_ABOVE_MAXIMUM` (details: `quantity`, `required`, `max`) when the result exceeds
 * `max`; `ValidationError` on a negative or non-finite input.
 *
 * @example
 * applyMoqAndPack(7, { moq: 10, packSize: 6 }) // 12
 * applyMoqAndPack(0, { moq: 10, packSize: 6 }) // 0
 * applyMoqAndPack(0, { moq: 10, packSize: 6, forceMinimum: true }) // 12
 * applyMoqAndPack(50, { packSize: 12, max: 48 }) // throws DomainError QUANTITY_ABOVE_MAXIMUM
 */
export function applyMoqAndPack(quantity: number, rules: MoqAndPackRules = {}): number {
  assertQuantity(quantity, 'quantity', { allowZero: true });
  if (typeof rules !== 'object' || rules === null) {
    throw ValidationError.field('rules', 'Expected an object', 'invalid_type');
  }
  const { moq, packSize, max, forceMinimum = false } = rules;
  if (moq !== undefined) assertQuantity(moq, 'moq', { allowZero: true });
  if (packSize !== undefined) assertQuantity(packSize, 'packSize');
  if (max !== undefined) assertQuantity(max, 'max', { allowZero: true });

  let required: number;
  if (quantity === 0 && !forceMinimum) required = 0;
  else {
    const target = Math.max(quantity, moq ?? 0);
    if (packSize === undefined) required = target;
    else {
      required = roundToPack(target, packSize, 'up');
      if (required === 0) required = roundToPack(packSize, packSize, 'up'); // forceMinimum: one pack
    }
  }
  if (max !== undefined && required > max) {
    throw new DomainError(
      'QUANTITY_ABOVE_MAXIMUM',
      `Quantity ${quantity} needs ${required} after MOQ and pack rounding, above the maximum ${max}`,
      { quantity, required, max },
    );
  }
  return required;
}

/**
 * Sums quantities with Neumaier's compensated summation (an improved Kahan sum), so long
 * columns of fractional quantities do not drift: `sumQuantities(Array(10).fill(0.1))` is `1`.
 * Accepts any finite numbers (negative adjustments too); throws `ValidationError` at
 * `['values', index]` otherwise.
 *
 * @example
 * sumQuantities([0.1, 0.2, 0.3]) // 0.6
 */
export function sumQuantities(values: Iterable<number>): number {
  if (values === null || typeof (values as Iterable<number>)?.[Symbol.iterator] !== 'function') {
    throw ValidationError.field('values', 'Expected an iterable of numbers', 'invalid_type');
  }
  let sum = 0;
  let compensation = 0;
  let index = 0;
  for (const value of values) {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw ValidationError.field(
        ['values', index],
        `Expected a finite number, got ${String(value)}`,
        'invalid_type',
      );
    }
    const t = sum + value;
    if (Math.abs(sum) >= Math.abs(value)) compensation += sum - t + value;
    else compensation += value - t + sum;
    sum = t;
    index++;
  }
  const total = sum + compensation;
  if (!Number.isFinite(total)) throw ValidationError.field('values', 'The sum overflows', 'too_big');
  return total === 0 ? 0 : total;
}

/** A finite non-negative number as `digits × 10^exponent` (no leading or trailing zeros in `digits`). */
interface DecimalParts {
  /** The decimal text the parts come from. */
  text: string;
  digits: string;
  exponent: number;
}

/**
 * The exact decimal the number stands for: its shortest round-trip text, or, beyond
 * {@link QUANTITY_DECIMALS} decimals, the number rounded to that many (which absorbs float noise).
 */
function decimalParts(value: number): DecimalParts {
  let parts = parseDecimal(String(value));
  if (parts.exponent < -QUANTITY_DECIMALS) parts = parseDecimal(value.toFixed(QUANTITY_DECIMALS));
  return parts;
}

function parseDecimal(text: string): DecimalParts {
  const match = /^(\d+)(?:\.(\d*))?(?:e([+-]?\d+))?$/.exec(text);
  if (!match) throw ValidationError.field('quantity', `Cannot read ${text} as a decimal`, 'invalid_format');
  const fraction = match[2] ?? '';
  let digits = (match[1]! + fraction).replace(/^0+/, '');
  let exponent = Number(match[3] ?? 0) - fraction.length;
  const trailing = /0+$/.exec(digits);
  if (trailing) {
    digits = digits.slice(0, trailing.index);
    exponent += trailing[0].length;
  }
  return digits === '' ? { text, digits: '0', exponent: 0 } : { text, digits, exponent };
}

/**
 * `parts × 10^decimals` as an integer, truncated; `cut` says whether the dropped digits were
 * zero, below one half, or at least one half of a unit.
 */
function scaleTo(
  parts: DecimalParts,
  decimals: number,
): { scaled: number; cut: 'none' | 'below-half' | 'half-or-more' } {
  const shift = parts.exponent + decimals;
  if (shift >= 0) return { scaled: Number(parts.digits + '0'.repeat(shift)), cut: 'none' };
  const keep = parts.digits.length + shift;
  const kept = keep > 0 ? parts.digits.slice(0, keep) : '0';
  const dropped = keep >= 0 ? parts.digits.slice(keep) : '0'.repeat(-keep) + parts.digits;
  return { scaled: Number(kept), cut: dropped.charCodeAt(0) >= 53 /* '5' */ ? 'half-or-more' : 'below-half' };
}
