import { ValidationError } from '../errors.js';
import type { Money } from './money.js';
import { assertPlaces, assertRoundingMode, type RoundingMode, roundDecimal } from './rounding.js';

/**
 * Options of `formatMoney`.
 *
 * @example
 * const options: FormatMoneyOptions = { code: true, grouping: false }
 */
export interface FormatMoneyOptions {
  /** Prefix the currency symbol (`¥`). Default: `true`, unless `code` is `true`. */
  symbol?: boolean;
  /** Suffix the currency code (` CNY`). Default: `false`. */
  code?: boolean;
  /** Decimal places to show (0–40). Default: the currency's minor digits. */
  minorDigits?: number;
  /** How to round to those places. Default: `'half-even'`. */
  rounding?: RoundingMode;
  /** Group the integer digits in threes with `,`. Default: `true`. */
  grouping?: boolean;
}

/** Most decimal places `formatMoney` shows. */
const MAX_FORMAT_DIGITS = 40;

/**
 * Display text for an amount, the same on every machine (no `Intl`, no locale data): minus sign
 * first, then the symbol, the digits grouped by `,` with `.` as the decimal point, then the code if
 * asked. The amount is rounded (half-even by default) to the currency's minor digits; an amount
 * that rounds to zero shows no minus sign.
 *
 * @param m - the money
 * @param options - symbol, code, minorDigits, rounding, grouping
 * @throws ValidationError on field `money` or the bad option's name
 * @example
 * formatMoney(Money.of('-1234.5')) // '-¥1,234.50'
 * formatMoney(Money.of('1234.5', 'JPY')) // '¥1,234' (half-even)
 * formatMoney(Money.of('12', 'HKD')) // 'HK$12.00'
 * formatMoney(Money.of('1234.5'), { code: true }) // '1,234.50 CNY'
 */
export function formatMoney(m: Money, options: FormatMoneyOptions = {}): string {
  if (
    typeof m !== 'object' ||
    m === null ||
    typeof m.amount !== 'function' ||
    typeof m.currency !== 'object'
  ) {
    throw ValidationError.field('money', 'Expected a Money value', 'invalid_type');
  }
  if (typeof options !== 'object' || options === null) {
    throw ValidationError.field('options', 'Expected an options object', 'invalid_type');
  }
  const showCode = booleanOption(options.code, 'code', false);
  const showSymbol = booleanOption(options.symbol, 'symbol', !showCode);
  const grouping = booleanOption(options.grouping, 'grouping', true);
  const digits = options.minorDigits ?? m.currency.minorDigits;
  assertPlaces(digits, 'minorDigits', MAX_FORMAT_DIGITS);
  const mode = assertRoundingMode(options.rounding ?? 'half-even', 'rounding');

  const rounded = roundDecimal(m.amount(), digits, mode);
  const negative = rounded.isNegative() && !rounded.isZero();
  const [integer = '0', fraction] = rounded.abs().toFixed(digits).split('.');
  const grouped = grouping ? integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : integer;
  const number = fraction === undefined ? grouped : `${grouped}.${fraction}`;
  return `${negative ? '-' : ''}${showSymbol ? m.currency.symbol : ''}${number}${showCode ? ` ${m.currency.code}` : ''}`;
}

function booleanOption(value: unknown, field: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') {
    throw ValidationError.field(field, `Expected true or false, got ${typeof value}`, 'invalid_type');
  }
  return value;
}
