import type { Money } from '@s2b2b/core';
import type { ExclusionReason } from '../common/exclusions.js';
import type { Qualification } from '../qualification/qualify.js';

/**
 * An agreement (or a supplier with no usable agreement) the award left out, and why.
 *
 * @example
 * const exclusion: Exclusion = { supplierId: 'SUP-9', agreementId: 'AG-9', reasons: [{ code: 'DOCUMENT_EXPIRED', message: '…', details: {} }] };
 */
export interface Exclusion {
  supplierId: string;
  agreementId: string;
  reasons: ExclusionReason[];
}

/**
 * What the award buys of one SKU from one supplier.
 *
 * @example
 * const line: AwardLine = skuAward.lines[0]!;
 */
export interface AwardLine {
  sku: string;
  supplierId: string;
  agreementId: string;
  quantity: number;
  /** The tier the quantity reaches on the agreement. */
  tier: number;
  /** All-units: the tier price. Incremental: the average price of the line, to 6 decimals. */
  unitPrice: Money;
  /** The exact cost of the line. */
  exactAmount: Money;
  /** The invoice amount: the exact cost rounded to minor units with the round's rounding mode. */
  amount: Money;
}

/**
 * The award of one SKU.
 *
 * @example
 * const { demand, filled, unmet, cost, lines, excluded }: SkuAward = award.skus[0]!;
 */
export interface SkuAward {
  sku: string;
  /** The pooled demand: every request's quantity. */
  demand: number;
  /** What the award buys: the most the eligible agreements can supply, never more than the demand. */
  filled: number;
  /** `demand - filled`: beyond the capacity left, or not expressible in whole packs above the MOQs. */
  unmet: number;
  /** The least cost of `filled` (the sum of the lines' invoice amounts). */
  cost: Money;
  /** `cost / filled` to 6 decimals (half-even), or `null` when nothing was bought. */
  unitPrice: Money | null;
  /** What the requests would have paid on their own (sum of their stand-alone costs). */
  standalone: Money;
  /** `standalone - cost`. */
  saving: Money;
  lines: AwardLine[];
  /** Agreements for the SKU that could not win, with every reason. */
  excluded: Exclusion[];
  /** How many agreements were eligible. */
  eligible: number;
}

/**
 * What one request line receives and pays.
 *
 * @example
 * const { requestId, sku, filled, amount, saving }: LineAllocation = award.allocations[0]!;
 */
export interface LineAllocation {
  requestId: string;
  merchantId: string;
  region: string;
  sku: string;
  requested: number;
  filled: number;
  unmet: number;
  /** Its share of the SKU's invoices. */
  amount: Money;
  /** What its filled units would cost on their own (see `standaloneCost`). */
  standalone: Money;
  /** `standalone - amount`, never negative. */
  saving: Money;
}

/**
 * One merchant's totals over its requests.
 *
 * @example
 * const { merchantId, amount, saving, savingRate }: MerchantAllocation = award.merchants[0]!;
 */
export interface MerchantAllocation {
  merchantId: string;
  requested: number;
  filled: number;
  amount: Money;
  standalone: Money;
  saving: Money;
  /** `saving / standalone` as a fraction (0.08 is 8 %), for display; 0 when nothing was filled. */
  savingRate: number;
}

/**
 * A line of a purchase order, with where its units go.
 *
 * @example
 * const line: PurchaseOrderLine = po.lines[0]!;
 */
export interface PurchaseOrderLine {
  sku: string;
  agreementId: string;
  quantity: number;
  tier: number;
  unitPrice: Money;
  amount: Money;
  /** The line's units by delivery region (each region's filled units split over the SKU's suppliers). */
  deliveries: { region: string; quantity: number }[];
}

/**
 * A purchase order the round places with one supplier; its total is the supplier's invoice.
 *
 * @example
 * const { purchaseOrderId, supplierId, total }: PurchaseOrderDraft = award.purchaseOrders[0]!;
 */
export interface PurchaseOrderDraft {
  /** `<roundId>/<supplierId>`: one order per supplier per round. */
  purchaseOrderId: string;
  roundId: string;
  supplierId: string;
  currency: string;
  /** The latest delivery date the order is due by (the round's `needBy`), if any. */
  needBy: Date | null;
  lines: PurchaseOrderLine[];
  total: Money;
}

/**
 * What `awardRound` decides.
 *
 * @example
 * const { skus, allocations, merchants, purchaseOrders, totals }: RoundAward = awardRound(input);
 */
export interface RoundAward {
  roundId: string;
  currency: string;
  at: Date;
  skus: SkuAward[];
  /** One per request line, requests in submission order, lines in request order. */
  allocations: LineAllocation[];
  /** One per merchant, by merchant id. */
  merchants: MerchantAllocation[];
  /** One per awarded supplier, by supplier id. */
  purchaseOrders: PurchaseOrderDraft[];
  /** Every supplier given, qualified against the round's own requirements (SKU ones are in `excluded`). */
  qualification: Qualification[];
  /** Capacity the award commits, per agreement with a capacity limit. */
  capacity: { agreementId: string; periodStart: Date; quantity: number; limit: number }[];
  totals: {
    demand: number;
    filled: number;
    unmet: number;
    cost: Money;
    standalone: Money;
    saving: Money;
  };
}
