import type { CartEvaluation } from '@s2b2b/promotions';
import type { Catalog } from '../catalog.js';
import type { Pricing } from '../orders/order.js';

/**
 * An evaluation of `evaluateCart` as the order keeps it: amounts as yuan strings, each line with
 * its product's name and supplier, the promotions applied, and the ones `dropped` before it.
 *
 * @example
 * pricingOf(evaluateCart({ cart, promotions: catalog.set, now }), catalog, []).total // '178.00'
 */
export function pricingOf(evaluation: CartEvaluation, catalog: Catalog, dropped: readonly string[]): Pricing {
  return {
    currency: evaluation.currency,
    subtotal: evaluation.subtotal.toDecimalString(),
    discount: evaluation.discount.toDecimalString(),
    total: evaluation.total.toDecimalString(),
    lines: evaluation.lines.map((line) => {
      const product = catalog.product(line.sku);
      return {
        lineId: line.lineId,
        sku: line.sku,
        name: product?.name ?? line.sku,
        supplierId: product?.supplierId ?? '',
        categories: [...(product?.categories ?? [])],
        quantity: line.quantity,
        unitPrice: line.unitPrice.toDecimalString(),
        subtotal: line.subtotal.toDecimalString(),
        discount: line.discount.toDecimalString(),
        total: line.total.toDecimalString(),
        adjustments: line.adjustments.map((a) => ({
          promotionId: a.promotionId,
          amount: a.amount.toDecimalString(),
        })),
      };
    }),
    applied: evaluation.applied.map((a) => ({
      promotionId: a.promotionId,
      name: a.name,
      type: a.type,
      total: a.total.toDecimalString(),
      units: a.units,
      code: a.code,
    })),
    dropped: [...dropped],
  };
}
