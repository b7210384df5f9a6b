import { DomainError } from '@s2b2b/core';
import type { CartInput } from '@s2b2b/promotions';
import type { Catalog } from '../catalog.js';
import type { CheckoutRequest } from './checkout-request.js';

/**
 * The promotions engine's cart for a checkout request: line `L<n>` per requested SKU at the
 * catalogue's price, with its categories, and the coupon codes.
 *
 * @throws DomainError `UNKNOWN_SKU` when a SKU is not in the catalogue
 * @example
 * cartOf(catalog, request).lines[0] // { id: 'L1', sku: 'RICE-5KG', quantity: 2, unitPrice: '100.00', categories: ['grain'] }
 */
export function cartOf(catalog: Catalog, request: CheckoutRequest): CartInput {
  return {
    currency: catalog.currency,
    lines: request.lines.map((line, index) => {
      const product = catalog.product(line.sku);
      if (!product) {
        throw new DomainError('UNKNOWN_SKU', `SKU ${JSON.stringify(line.sku)} is not in the catalogue`, {
          sku: line.sku,
          field: `lines.${index}.sku`,
        });
      }
      return {
        id: `L${index + 1}`,
        sku: line.sku,
        quantity: line.quantity,
        unitPrice: product.unitPrice,
        categories: product.categories,
      };
    }),
    couponCodes: request.couponCodes,
  };
}
