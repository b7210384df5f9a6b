import { ceilDiv, pow10 } from '../common/scaled.js';
import { curveCostFraction, type PriceCurve } from '../pricing/price-curve.js';

/**
 * One awarded supplier line of a SKU, as the stand-alone cost needs it.
 *
 * @example
 * const line: StandaloneLine = { quantity: 600, curve: compilePriceCurve(agreement, 2) };
 */
export interface StandaloneLine {
  quantity: number;
  /** The agreement's price list, compiled at a scale of at least the currency's minor digits. */
  curve: PriceCurve;
}

/**
 * The stand-alone cost of `filled` units of a SKU that the award bought `total` of through
 * `lines`: what the request's own units would cost on their own — its share of each supplier's
 * units (`filled × line quantity / total`, the award's split), each priced at the tier that
 * share alone reaches on that supplier's price list, rounded up to a whole minor unit. With one
 * supplier it is simply `filled` units at the tier `filled` reaches.
 *
 * Because a tier price (all-units) or an average price (incremental) never rises with the
 * quantity, a share of a line never costs less per unit alone than the whole line did: the
 * stand-alone costs of all requests together cover every supplier invoice. That is what lets
 * `shareCost` promise that nobody pays more than alone.
 *
 * @param minorDigits - the currency's minor digits (the curves' scale is at least that)
 * @example
 * // 10 of 600 units from a list of 12.50 (1-99) and 11.80 (100+): 10 × 12.50
 * standaloneCost(10, 600, [{ quantity: 600, curve }], 2) // 12500n (¥125.00)
 */
export function standaloneCost(
  filled: number,
  total: number,
  lines: readonly StandaloneLine[],
  minorDigits: number,
): bigint {
  if (filled <= 0 || total <= 0) return 0n;
  let cost = 0n;
  const f = BigInt(filled);
  const t = BigInt(total);
  for (const line of lines) {
    if (line.quantity <= 0) continue;
    const share = curveCostFraction(line.curve, f * BigInt(line.quantity), t);
    cost += ceilDiv(share.numerator, share.denominator * pow10(line.curve.scale - minorDigits));
  }
  return cost;
}
