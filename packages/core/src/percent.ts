/**
 * Percentages as exact decimals. Throughout the kit a rate is a **fraction**: 0.125 means 12.5 %,
 * 0.8 means "pay 80 %" (八折). Only text with a unit (`%`, `折`) is read as a percentage or a
 * discount; `formatPercent` turns a fraction back into text.
 */
import { Decimal as DecimalJs } from 'decimal.js';
import { ValidationError } from './errors.js';
import { type Decimal, type DecimalInput, toDecimal } from './money/decimal.js';

const PERCENT = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*[%％]$/;
const ZHE = /^打?\s*([0-9零〇一二三四五六七八九]+(?:[.点][0-9零〇一二三四五六七八九]+)?)\s*折$/;
const CHINESE_DIGITS: Readonly<Record<string, string>> = {
  零: '0',
  〇: '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
  点: '.',
};

/**
 * Reads a rate and returns it as a fraction.
 *
 * - A number, or a string without a unit, is **already a fraction**: `0.125` and `'0.125'` give
 *   0.125 (and `'12.5'` gives 12.5, i.e. 1250 %).
 * - A string ending in `%` (or full-width `％`) is a percentage: `'12.5%'` gives 0.125,
 *   `'-3 %'` gives -0.03.
 * - A string ending in `折` is the Chinese discount notation, the fraction of the price paid:
 *   one integer digit counts tenths (`'8折'` 0.8, `'8.5折'` 0.85, `'0.5折'` 0.05), two integer
 *   digits count hundredths (`'95折'` 0.95, `'75折'` 0.75). Chinese digits and `点` work too
 *   (`'八折'`, `'九五折'`, `'八点五折'`), as does a leading `打` (`'打八折'`). The result must lie
 *   strictly between 0 and 1.
 *
 * Surrounding whitespace is ignored. Anything else throws `ValidationError` on field `input`.
 *
 * @example
 * parsePercent('12.5%').toString() // '0.125'
 * parsePercent('95折').toString() // '0.95'
 * parsePercent(0.2).toString() // '0.2'
 */
export function parsePercent(input: string | number): Decimal {
  if (typeof input === 'number') return toDecimal(input, 'input');
  if (typeof input !== 'string') {
    throw ValidationError.field('input', 'Expected a string or a number', 'invalid_type');
  }
  const text = input.trim();
  const percent = PERCENT.exec(text);
  if (percent) return toDecimal(percent[1]!, 'input').div(100);
  const zhe = ZHE.exec(text);
  if (zhe) return parseZhe(zhe[1]!, input);
  if (/[%％折]/.test(text)) throw invalid(input);
  return toDecimal(text, 'input');
}

/**
 * Formats a fraction as a percentage with a fixed number of decimals, rounding half away from
 * zero: `0.125` → `'12.50%'`. Never prints `-0.00%`.
 *
 * @param fraction - the rate as a fraction (0.125 for 12.5 %)
 * @param digits - decimals after the point, an integer from 0 to 20 (default 2)
 * @example
 * formatPercent(0.125) // '12.50%'
 * formatPercent('0.0005', 1) // '0.1%'
 * formatPercent(parsePercent('85折'), 0) // '85%'
 */
export function formatPercent(fraction: DecimalInput, digits = 2): string {
  if (!Number.isInteger(digits) || digits < 0 || digits > 20) {
    throw ValidationError.field(
      'digits',
      `Expected an integer from 0 to 20, got ${String(digits)}`,
      'invalid_value',
    );
  }
  const text = toDecimal(fraction, 'fraction').times(100).toFixed(digits, DecimalJs.ROUND_HALF_UP);
  return `${/^-0(\.0*)?$/.test(text) ? text.slice(1) : text}%`;
}

/**
 * Basis points to a fraction: 1 bp = 0.0001 (0.01 %).
 *
 * @example
 * basisPointsToFraction(125).toString() // '0.0125'
 */
export function basisPointsToFraction(bp: DecimalInput): Decimal {
  return toDecimal(bp, 'bp').div(10_000);
}

/**
 * A fraction to basis points, exactly (not rounded to a whole number of bp).
 *
 * @example
 * fractionToBasisPoints('0.0125').toString() // '125'
 * fractionToBasisPoints(parsePercent('0.05%')).toNumber() // 5
 */
export function fractionToBasisPoints(fraction: DecimalInput): Decimal {
  return toDecimal(fraction, 'fraction').times(10_000);
}

/**
 * The relative change from `from` to `to` as a fraction (`0.25` is +25 %), measured against
 * `|from|` so that a rise is positive even from a negative base. `null` when `from` is 0, where
 * a relative change is undefined. Plain floating point, for statistics and reports; use
 * `formatPercent` to show it.
 *
 * @example
 * percentChange(80, 100) // 0.25
 * percentChange(100, 80) // -0.2
 * percentChange(0, 5) // null
 */
export function percentChange(from: number, to: number): number | null {
  for (const [field, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw ValidationError.field(field, `Expected a finite number, got ${String(value)}`, 'invalid_type');
    }
  }
  if (from === 0) return null;
  const change = (to - from) / Math.abs(from);
  if (!Number.isFinite(change)) throw ValidationError.field('to', 'The change overflows', 'too_big');
  return change === 0 ? 0 : change;
}

function parseZhe(raw: string, input: string): Decimal {
  const digits = [...raw].map((char) => CHINESE_DIGITS[char] ?? char).join('');
  const [integer = '', fraction] = digits.split('.');
  let value: Decimal;
  if (integer.length === 1) value = toDecimal(digits, 'input').div(10);
  else if (integer.length === 2 && fraction === undefined && integer[0] !== '0') {
    value = toDecimal(integer, 'input').div(100);
  } else throw invalid(input);
  if (value.isZero()) {
    throw ValidationError.field('input', `${JSON.stringify(input)} would make the price zero`, 'too_small');
  }
  return value;
}

function invalid(input: string): ValidationError {
  return ValidationError.field(
    'input',
    "Expected a fraction ('0.125'), a percentage ('12.5%') or a discount ('8折', '8.5折', '95折'), " +
      `got ${JSON.stringify(input)}`,
    'invalid_format',
  );
}
