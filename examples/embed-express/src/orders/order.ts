/**
 * One priced line of an order: what the catalogue charged and what the promotions took off
 * (yuan strings, to the cent).
 *
 * @example
 * const line: PricedLine = { lineId: 'L1', sku: 'RICE-5KG', name: '五常大米 5 kg', supplierId: 'SUP-WC', categories: ['grain'], quantity: 2, unitPrice: '100.00', subtotal: '200.00', discount: '22.00', total: '178.00', adjustments: [{ promotionId: 'flash-rice', amount: '22.00' }] };
 */
export interface PricedLine {
  lineId: string;
  sku: string;
  name: string;
  supplierId: string;
  categories: string[];
  quantity: number;
  unitPrice: string;
  subtotal: string;
  discount: string;
  total: string;
  adjustments: { promotionId: string; amount: string }[];
}

/**
 * A promotion that applied to an order, as its cap claim needs it.
 *
 * @example
 * const applied: AppliedOffer = { promotionId: 'flash-rice', name: '秒杀', type: 'flash-sale', total: '22.00', units: 2, code: null };
 */
export interface AppliedOffer {
  promotionId: string;
  name: string | null;
  type: string;
  total: string;
  units: number;
  code: string | null;
}

/**
 * What a checkout charged: lines, totals (`total = subtotal − discount`, the amount drawn on
 * credit), the promotions applied, and those dropped because their cap ran out meanwhile.
 *
 * @example
 * const pricing: Pricing = order.pricing;
 * pricing.total // '178.00'
 */
export interface Pricing {
  currency: string;
  subtotal: string;
  discount: string;
  total: string;
  lines: PricedLine[];
  applied: AppliedOffer[];
  dropped: string[];
}

/**
 * An order the shop placed. Its stock reservation, its purchase loan (a held drawing) and its
 * promotion-cap claim all carry the order's id.
 *
 * @example
 * const order: Order = { id: '0197…', merchantId: 'M-1', creditLineId: 'L-1', warehouseId: 'WH-SH', status: 'placed', pricing, placedAt: '2026-03-02T02:00:00.000Z', cancelledAt: null };
 */
export interface Order {
  id: string;
  merchantId: string;
  creditLineId: string;
  warehouseId: string;
  status: 'placed' | 'cancelled';
  pricing: Pricing;
  placedAt: string;
  cancelledAt: string | null;
}
