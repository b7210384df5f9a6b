import { ValidationError } from '../errors.js';
import { getCurrency } from './currency.js';
import { isMoney, Money } from './money.js';

/**
 * The exact sum of amounts in one currency. An empty list needs the currency to answer zero in.
 *
 * @param values - amounts, all in the same currency
 * @param currency - the expected currency; required when `values` is empty
 * @throws ValidationError on `values`, `values.<i>` or `currency`; DomainError `CURRENCY_MISMATCH`
 * @example
 * sum([Money.of('1.10'), Money.of('2.20')]).toString() // '3.30 CNY'
 * sum([], 'USD').toString() // '0.00 USD'
 */
export function sum(values: readonly Money[], currency?: string): Money {
  checkList(values);
  let total: Money;
  if (currency !== undefined) {
    total = Money.zero(getCurrency(currency).code);
  } else {
    const first = values[0];
    if (first === undefined) {
      throw ValidationError.field('currency', 'The sum of an empty list needs a currency', 'required');
    }
    total = Money.zero(first.currency.code);
  }
  for (const value of values) total = total.add(value);
  return total;
}

/**
 * The smallest amount (the first one on ties).
 *
 * @throws ValidationError on `values` (empty or not Money); DomainError `CURRENCY_MISMATCH`
 * @example
 * minMoney([Money.of('2'), Money.of('1')]).toString() // '1.00 CNY'
 */
export function minMoney(values: readonly Money[]): Money {
  return pick(values, (candidate, best) => candidate.lessThan(best));
}

/**
 * The largest amount (the first one on ties).
 *
 * @throws ValidationError on `values` (empty or not Money); DomainError `CURRENCY_MISMATCH`
 * @example
 * maxMoney([Money.of('2'), Money.of('1')]).toString() // '2.00 CNY'
 */
export function maxMoney(values: readonly Money[]): Money {
  return pick(values, (candidate, best) => candidate.greaterThan(best));
}

function pick(values: readonly Money[], better: (candidate: Money, best: Money) => boolean): Money {
  checkList(values);
  let best = values[0];
  if (best === undefined) throw ValidationError.field('values', 'Expected at least one amount', 'too_small');
  for (const value of values.slice(1)) if (better(value, best)) best = value;
  return best;
}

function checkList(values: readonly Money[]): void {
  if (!Array.isArray(values))
    throw ValidationError.field('values', 'Expected an array of Money', 'invalid_type');
  values.forEach((value, index) => {
    if (!isMoney(value))
      throw ValidationError.field(['values', index], 'Expected a Money value', 'invalid_type');
  });
}
