import { type Decimal, toDecimal } from '@s2b2b/core';

const cache = new WeakMap<object, Map<string, Decimal>>();

/**
 * The Decimal of a validated amount string, parsed once per owning object (a parsed tariff, row
 * or rule) and reused: quoting the same rate card again does not parse its prices again.
 * Decimals are immutable, so sharing them is safe.
 *
 * @example
 * cachedDecimal(pricing, pricing.stepPrice).times(steps)
 */
export function cachedDecimal(owner: object, text: string): Decimal {
  let map = cache.get(owner);
  if (!map) {
    map = new Map();
    cache.set(owner, map);
  }
  let value = map.get(text);
  if (value === undefined) {
    value = toDecimal(text);
    map.set(text, value);
  }
  return value;
}
