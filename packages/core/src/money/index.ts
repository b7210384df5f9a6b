/**
 * Money for `@s2b2b`: exact decimals through one private decimal.js clone, currencies, rounding
 * modes, largest-remainder allocation, sums and deterministic formatting.
 */
export { type AllocateOptions, allocate, allocateMinorUnits } from './allocate.js';
export {
  type Currency,
  DEFAULT_CURRENCY,
  getCurrency,
  listCurrencies,
  registerCurrency,
} from './currency.js';
export { type Decimal, type DecimalInput, isDecimalInput, toDecimal } from './decimal.js';
export { type FormatMoneyOptions, formatMoney } from './format.js';
export { currencyMismatch, isMoney, Money, money } from './money.js';
export {
  assertRoundingMode,
  isRoundingMode,
  ROUNDING_MODES,
  type RoundingMode,
  roundDecimal,
} from './rounding.js';
export {
  currencyCodeSchema,
  currencySchema,
  decimalStringSchema,
  type MoneyJson,
  moneyJsonSchema,
  roundingModeSchema,
} from './schemas.js';
export { maxMoney, minMoney, sum } from './sum.js';
