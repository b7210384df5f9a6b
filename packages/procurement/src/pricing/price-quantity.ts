import { getCurrency, type Money, parseInput } from '@s2b2b/core';
import { z } from 'zod';
import { divRound, moneyFromScaled, pow10 } from '../common/scaled.js';
import { procurementCurrencySchema, quantitySchema, UNIT_PRICE_DECIMALS } from '../common/schemas.js';
import { compilePriceCurve, curveCost, curveTier } from './price-curve.js';
import { priceTiersSchema, pricingModeSchema } from './schemas.js';

/**
 * A price list on its own: the pricing mode, the tiers and the currency (an agreement is one).
 *
 * @example
 * priceListSchema.parse({ tiers: [{ minQuantity: 1, unitPrice: '12.50' }] }) // all-units, CNY
 */
export const priceListSchema = z.object({
  pricing: pricingModeSchema.default('all-units'),
  tiers: priceTiersSchema,
  currency: procurementCurrencySchema.default('CNY'),
});

/**
 * A price list as the caller writes it.
 *
 * @example
 * const list: PriceListInput = { pricing: 'incremental', tiers: [{ minQuantity: 1, unitPrice: '10' }] };
 */
export type PriceListInput = z.input<typeof priceListSchema>;

/**
 * One tier's quantity range: `minQuantity` to `maxQuantity` inclusive (`null`: no upper end).
 *
 * @example
 * const range: TierRange = { tier: 0, minQuantity: 1, maxQuantity: 99, unitPrice: '12.50' };
 */
export interface TierRange {
  tier: number;
  minQuantity: number;
  maxQuantity: number | null;
  unitPrice: string;
}

/**
 * The quantity range of every tier: consecutive, without gap or overlap, from 1 to an open
 * end — the proof that tier lookup is total.
 *
 * @throws ValidationError naming the bad tier
 * @example
 * tierRanges({ tiers: [{ minQuantity: 1, unitPrice: '12.50' }, { minQuantity: 100, unitPrice: '11.80' }] })
 * // [{ tier: 0, minQuantity: 1, maxQuantity: 99, unitPrice: '12.50' }, { tier: 1, minQuantity: 100, maxQuantity: null, unitPrice: '11.80' }]
 */
export function tierRanges(list: PriceListInput): TierRange[] {
  const { tiers } = parseInput(priceListSchema, list);
  return tiers.map((tier, index) => ({
    tier: index,
    minQuantity: tier.minQuantity,
    maxQuantity: index + 1 < tiers.length ? tiers[index + 1]!.minQuantity - 1 : null,
    unitPrice: tier.unitPrice,
  }));
}

/**
 * The index of the tier a quantity falls in (the last tier whose minimum it reaches).
 *
 * @throws ValidationError on the list or on `quantity` (a whole number from 1)
 * @example
 * findTier({ tiers: [{ minQuantity: 1, unitPrice: '12.50' }, { minQuantity: 100, unitPrice: '11.80' }] }, 100) // 1
 */
export function findTier(list: PriceListInput, quantity: number): number {
  const parsed = parseInput(priceListSchema, list);
  const q = parseInput(quantitySchema, quantity, 'quantity');
  return curveTier(compilePriceCurve(parsed), q);
}

/**
 * What a quantity costs on a price list.
 *
 * @example
 * const { tier, amount, unitPrice }: QuantityPrice = priceQuantity(list, 120);
 */
export interface QuantityPrice {
  quantity: number;
  /** The tier the quantity reaches. */
  tier: number;
  /** All-units: the reached tier's price. Incremental: the price of the last unit (the marginal price). */
  unitPrice: Money;
  /** The exact cost (unit prices may have more digits than the currency). */
  amount: Money;
  /** `amount / quantity`, exact when it terminates within 6 decimals, else rounded half-even to 6. */
  averageUnitPrice: Money;
  /** Incremental: the units priced in each tier up to the reached one. All-units: one band. */
  bands: { tier: number; quantity: number; unitPrice: Money; amount: Money }[];
}

/**
 * Prices a quantity: all-units charges every unit the reached tier's price; incremental charges
 * each tier's units at that tier's price. Exact (no rounding of the amount); round it to minor
 * units with `amount.roundToMinor(mode)` for an invoice. More units never cost more per unit
 * (the tiers' prices never rise).
 *
 * @throws ValidationError on the list or on `quantity`
 * @example
 * const list = { tiers: [{ minQuantity: 1, unitPrice: '12.50' }, { minQuantity: 100, unitPrice: '11.80' }] };
 * priceQuantity(list, 120).amount.toString() // '1416.00 CNY' (all 120 at 11.80)
 * priceQuantity({ ...list, pricing: 'incremental' }, 120).amount.toString() // '1485.30 CNY' (99 × 12.50 + 21 × 11.80)
 */
export function priceQuantity(list: PriceListInput, quantity: number): QuantityPrice {
  const parsed = parseInput(priceListSchema, list);
  const q = parseInput(quantitySchema, quantity, 'quantity');
  const curve = compilePriceCurve(parsed);
  const currency = parsed.currency;
  const tier = curveTier(curve, q);
  const cost = curveCost(curve, q);
  const money = (coefficient: bigint) => moneyFromScaled(coefficient, curve.scale, currency);
  const bands =
    curve.mode === 'all-units'
      ? [{ tier, quantity: q, unitPrice: money(curve.prices[tier]!), amount: money(cost) }]
      : Array.from({ length: tier + 1 }, (_, k) => {
          const from = curve.mins[k]!;
          const to = k < tier ? curve.mins[k + 1]! - 1 : q;
          const units = to - from + 1;
          return {
            tier: k,
            quantity: units,
            unitPrice: money(curve.prices[k]!),
            amount: money(BigInt(units) * curve.prices[k]!),
          };
        });
  // the average to 6 decimals: cost / q at scale s, re-expressed at 6 (or more when s > 6)
  const places = Math.max(UNIT_PRICE_DECIMALS, curve.scale, getCurrency(currency).minorDigits);
  const average = divRound(cost * pow10(places - curve.scale), BigInt(q), 'half-even');
  return {
    quantity: q,
    tier,
    unitPrice: money(curve.prices[tier]!),
    amount: money(cost),
    averageUnitPrice: moneyFromScaled(average, places, currency),
    bands,
  };
}
