import { Money } from '@s2b2b/core';
import { z } from 'zod';

/**
 * A carrier's declared-value (保价) rules: an insured shipment is compensated up to its declared
 * value — in proportion to the declared share of the goods' value for a partial loss — and an
 * uninsured one up to `uninsuredFreightMultiple` times the freight. These are carrier terms,
 * so they are parameters; the default multiple of 3 is the PRC Postal Law's rule for uninsured
 * registered mail (Art. 47). Set your carriers' own.
 *
 * @example
 * carrierTermsSchema.parse({ uninsuredFreightMultiple: 5 })
 */
export const carrierTermsSchema = z
  .object({
    uninsuredFreightMultiple: z.number().finite().min(0).max(1000).default(3),
    /** An absolute cap per shipment, if the carrier has one (decimal string). */
    maxPerShipment: z
      .string()
      .regex(/^\d+(\.\d+)?$/)
      .optional(),
  })
  .strict();

/**
 * A carrier's declared-value rules, as written.
 *
 * @example
 * const terms: CarrierTerms = { uninsuredFreightMultiple: 3 };
 */
export type CarrierTerms = z.input<typeof carrierTermsSchema>;

/**
 * What the carrier claim is about: the freight paid, the declared (insured) value if any, and
 * the goods' full value (to scale a partial loss of an under-insured shipment).
 *
 * @example
 * const shipment: ClaimShipment = { freight: Money.of('18.00'), declaredValue: Money.of('500.00'), goodsValue: Money.of('800.00') };
 */
export interface ClaimShipment {
  freight: Money;
  declaredValue: Money | null;
  goodsValue: Money;
}

/**
 * How much a carrier pays on a claim for `loss`:
 * insured — `min(loss × min(1, declared / goods value), declared)`; uninsured —
 * `min(loss, multiple × freight)`; then at most `maxPerShipment`. Rounded half-even to the cent.
 *
 * @example
 * carrierClaimCap({ uninsuredFreightMultiple: 3 }, { freight: Money.of('15.00'), declaredValue: null, goodsValue: Money.of('300.00') }, Money.of('300.00'))
 * // 45.00
 */
export function carrierClaimCap(
  terms: z.output<typeof carrierTermsSchema>,
  shipment: ClaimShipment,
  loss: Money,
): Money {
  let payable: Money;
  const declared = shipment.declaredValue;
  if (declared?.isPositive()) {
    const share =
      shipment.goodsValue.isPositive() && declared.lessThan(shipment.goodsValue)
        ? declared.amount().div(shipment.goodsValue.amount())
        : 1;
    payable = loss.multiply(share, 'half-even');
    if (payable.greaterThan(declared)) payable = declared;
  } else {
    const cap = shipment.freight.multiply(terms.uninsuredFreightMultiple, 'half-even');
    payable = loss.lessThan(cap) ? loss : cap;
  }
  if (terms.maxPerShipment !== undefined) {
    const max = Money.of(terms.maxPerShipment, loss.currency.code);
    if (payable.greaterThan(max)) payable = max;
  }
  return payable.isNegative() ? Money.zero(loss.currency.code) : payable;
}
