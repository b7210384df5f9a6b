import { ValidationError } from '../errors.js';
import { parseInput } from '../validation.js';
import { currencySchema } from './schemas.js';

/**
 * A currency: ISO 4217 code, number of minor digits (2 for CNY, 0 for JPY), display symbol, name.
 * Registered currencies are frozen.
 *
 * @example
 * const cny: Currency = getCurrency('CNY') // { code: 'CNY', minorDigits: 2, symbol: '¥', name: 'Chinese Yuan' }
 */
export interface Currency {
  /** Three uppercase letters, e.g. `'CNY'`. */
  readonly code: string;
  /** Digits after the decimal point in the smallest unit (fen: 2; yen: 0). */
  readonly minorDigits: number;
  /** Display symbol, e.g. `'¥'`, `'HK$'`. */
  readonly symbol: string;
  /** English name, e.g. `'Chinese Yuan'`. */
  readonly name: string;
}

/**
 * The currency used when none is given: Chinese yuan.
 *
 * @example
 * Money.of('10').currency.code === DEFAULT_CURRENCY // true
 */
export const DEFAULT_CURRENCY = 'CNY';

const BUILT_IN: readonly Currency[] = [
  { code: 'CNY', minorDigits: 2, symbol: '¥', name: 'Chinese Yuan' },
  { code: 'USD', minorDigits: 2, symbol: '$', name: 'US Dollar' },
  { code: 'EUR', minorDigits: 2, symbol: '€', name: 'Euro' },
  { code: 'JPY', minorDigits: 0, symbol: '¥', name: 'Japanese Yen' },
  { code: 'HKD', minorDigits: 2, symbol: 'HK$', name: 'Hong Kong Dollar' },
  { code: 'GBP', minorDigits: 2, symbol: '£', name: 'British Pound' },
  { code: 'SGD', minorDigits: 2, symbol: 'S$', name: 'Singapore Dollar' },
  { code: 'KRW', minorDigits: 0, symbol: '₩', name: 'South Korean Won' },
].map((currency) => Object.freeze(currency));

const registry = new Map<string, Currency>(BUILT_IN.map((currency) => [currency.code, currency]));

/**
 * Looks a currency up by code, case-insensitively.
 *
 * @param code - e.g. `'CNY'` or `'cny'`
 * @returns the registered (frozen) currency
 * @throws ValidationError on field `currency` with issue code `UNKNOWN_CURRENCY`
 * @example
 * getCurrency('jpy').minorDigits // 0
 */
export function getCurrency(code: string): Currency {
  if (typeof code !== 'string') {
    throw ValidationError.field('currency', `Expected a currency code, got ${typeof code}`, 'invalid_type');
  }
  const found = registry.get(code.toUpperCase());
  if (found === undefined) {
    throw ValidationError.field(
      'currency',
      `Unknown currency ${JSON.stringify(code)}; register it with registerCurrency()`,
      'UNKNOWN_CURRENCY',
    );
  }
  return found;
}

/**
 * Adds a currency to the process-wide table (or updates the symbol and name of a registered one).
 * The code is stored upper-cased. Changing the minor digits of a registered currency is refused,
 * since amounts already made with it would change meaning.
 *
 * @param currency - code (3 letters), minorDigits (0–18), symbol, name
 * @returns the registered, frozen currency
 * @throws ValidationError with the zod paths for bad input, or on field `minorDigits` with code
 *   `CURRENCY_CONFLICT` when the digits differ from the registered ones
 * @example
 * registerCurrency({ code: 'TWD', minorDigits: 2, symbol: 'NT$', name: 'New Taiwan Dollar' })
 */
export function registerCurrency(currency: Currency): Currency {
  const parsed = parseInput(currencySchema, currency);
  const next: Currency = Object.freeze({
    code: parsed.code.toUpperCase(),
    minorDigits: parsed.minorDigits,
    symbol: parsed.symbol,
    name: parsed.name,
  });
  const existing = registry.get(next.code);
  if (existing !== undefined && existing.minorDigits !== next.minorDigits) {
    throw ValidationError.field(
      'minorDigits',
      `${next.code} is registered with ${existing.minorDigits} minor digits; it cannot be changed to ${next.minorDigits}`,
      'CURRENCY_CONFLICT',
    );
  }
  registry.set(next.code, next);
  return next;
}

/**
 * Every registered currency, sorted by code.
 *
 * @example
 * listCurrencies().map((c) => c.code) // ['CNY', 'EUR', 'GBP', 'HKD', 'JPY', 'KRW', 'SGD', 'USD']
 */
export function listCurrencies(): Currency[] {
  return [...registry.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
