import { formatMoney, getCurrency, Money, type MoneyJson } from '@s2b2b/core';
import { formatTick } from '../svg/format-tick.js';

/**
 * Display text of a money value from the report's JSON, with `formatMoney` (symbol, grouped
 * digits, the currency's minor digits).
 *
 * @param json - `{ amount, currency }`
 * @throws ValidationError when the JSON is not money
 * @example
 * moneyText({ amount: '12345.5', currency: 'CNY' }) // '¥12,345.50'
 */
export function moneyText(json: MoneyJson): string {
  return formatMoney(Money.fromJSON(json));
}

/**
 * A money amount as a plain number, for chart geometry only (bar lengths, line widths); amounts
 * shown as text go through `moneyText`.
 *
 * @param json - `{ amount, currency }`
 * @example
 * moneyValue({ amount: '-12.50', currency: 'CNY' }) // -12.5
 */
export function moneyValue(json: MoneyJson): number {
  return Number(Money.fromJSON(json).toDecimalString());
}

/**
 * Axis labels for money: the currency's symbol before a tick label (`¥40k`, `¥2,500`).
 *
 * @param currency - the axis' currency code
 * @param step - the step between ticks
 * @example
 * moneyTickFormat('CNY', 10000)(40000) // '¥40k'
 */
export function moneyTickFormat(currency: string, step: number): (value: number) => string {
  const symbol = getCurrency(currency).symbol;
  return (value) => {
    const text = formatTick(value, step);
    return text.startsWith('-') ? `-${symbol}${text.slice(1)}` : `${symbol}${text}`;
  };
}
