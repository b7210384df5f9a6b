import { DomainError, Money, parseInput, sum } from '@s2b2b/core';
import { z } from 'zod';
import { MAX_QUANTITY, procurementIdSchema, quantitySchema } from '../common/schemas.js';
import { type PriceListInput, priceListSchema, priceQuantity } from './price-quantity.js';
import { type Bundle, bundleSchema } from './schemas.js';

/**
 * Input of `expandBundle` and `priceBundle`: a bundle and how many of it.
 *
 * @example
 * const input: BundleQuantityInput = { bundle: { bundleId: 'B', components: [{ sku: 'TEA', quantity: 2 }] }, quantity: 5 };
 */
export type BundleQuantityInput = z.input<typeof bundleQuantitySchema>;

const bundleQuantitySchema = z.object({ bundle: bundleSchema, quantity: quantitySchema });

/**
 * The SKU lines `quantity` bundles stand for: each component's quantity times `quantity`.
 *
 * @throws ValidationError on the bundle or quantity; DomainError `QUANTITY_TOO_LARGE` when a line passes 10^9
 * @example
 * expandBundle({ bundle: { bundleId: 'B', components: [{ sku: 'TEA', quantity: 2 }, { sku: 'CUP', quantity: 6 }] }, quantity: 5 })
 * // [{ sku: 'TEA', quantity: 10 }, { sku: 'CUP', quantity: 30 }]
 */
export function expandBundle(input: BundleQuantityInput): { sku: string; quantity: number }[] {
  const { bundle, quantity } = parseInput(bundleQuantitySchema, input);
  return expandParsedBundle(bundle, quantity);
}

/**
 * {@link expandBundle} on an already validated bundle.
 *
 * @example
 * expandParsedBundle(bundleSchema.parse(raw), 3)
 */
export function expandParsedBundle(bundle: Bundle, quantity: number): { sku: string; quantity: number }[] {
  return bundle.components.map((component) => {
    const units = component.quantity * quantity;
    if (units > MAX_QUANTITY) {
      throw new DomainError(
        'QUANTITY_TOO_LARGE',
        `${quantity} × bundle ${JSON.stringify(bundle.bundleId)} needs ${units} of ${component.sku}, above ${MAX_QUANTITY}`,
        { bundleId: bundle.bundleId, sku: component.sku, quantity: units, max: MAX_QUANTITY },
      );
    }
    return { sku: component.sku, quantity: units };
  });
}

const priceBundleSchema = bundleQuantitySchema.extend({
  priceLists: z.record(procurementIdSchema, priceListSchema),
});

/**
 * Input of `priceBundle`: a bundle, how many, and a price list per component SKU.
 *
 * @example
 * const input: PriceBundleInput = { bundle, quantity: 10, priceLists: { TEA: teaList, CUP: cupList } };
 */
export type PriceBundleInput = z.input<typeof priceBundleSchema>;

/**
 * What `quantity` bundles cost: each component priced on its own list at the quantity the
 * bundles need of it (so a component reaches the tier of `quantity × component quantity`).
 *
 * @example
 * const { amount, unitPrice, components }: BundlePrice = priceBundle(input);
 */
export interface BundlePrice {
  bundleId: string;
  quantity: number;
  /** The exact cost of all `quantity` bundles. */
  amount: Money;
  /** `amount / quantity`, to 6 decimals (half-even) when it does not terminate sooner. */
  unitPrice: Money;
  components: { sku: string; quantity: number; tier: number; unitPrice: Money; amount: Money }[];
}

/**
 * Prices bundles from their components' price lists. All lists must be in one currency.
 *
 * @throws ValidationError on the input; DomainError `MISSING_PRICE_LIST` (details `sku`),
 *   `CURRENCY_MISMATCH`
 * @example
 * priceBundle({
 *   bundle: { bundleId: 'B', components: [{ sku: 'TEA', quantity: 1 }, { sku: 'CUP', quantity: 2 }] },
 *   quantity: 60,
 *   priceLists: {
 *     TEA: { tiers: [{ minQuantity: 1, unitPrice: '12.50' }, { minQuantity: 50, unitPrice: '11.80' }] },
 *     CUP: { tiers: [{ minQuantity: 1, unitPrice: '1.20' }, { minQuantity: 100, unitPrice: '0.95' }] },
 *   },
 * }).unitPrice.toString() // '13.70 CNY' (11.80 + 2 × 0.95)
 */
export function priceBundle(input: PriceBundleInput): BundlePrice {
  const { bundle, quantity, priceLists } = parseInput(priceBundleSchema, input);
  const components = expandParsedBundle(bundle, quantity).map((line) => {
    const list = priceLists[line.sku];
    if (!list) {
      throw new DomainError('MISSING_PRICE_LIST', `No price list for component ${JSON.stringify(line.sku)}`, {
        bundleId: bundle.bundleId,
        sku: line.sku,
      });
    }
    const price = priceQuantity(list as PriceListInput, line.quantity);
    return {
      sku: line.sku,
      quantity: line.quantity,
      tier: price.tier,
      unitPrice: price.unitPrice,
      amount: price.amount,
    };
  });
  const amount = sum(components.map((component) => component.amount));
  const unit = amount.amount().dividedBy(quantity).toDecimalPlaces(6);
  return {
    bundleId: bundle.bundleId,
    quantity,
    amount,
    unitPrice: Money.of(unit.toFixed(), amount.currency.code),
    components,
  };
}
