import { DomainError, type RoundingMode } from '@s2b2b/core';
import { divRound, pow10 } from '../common/scaled.js';
import { compilePriceCurve, curveCost, curveTier, type PriceCurve } from '../pricing/price-curve.js';
import type { EligibleOffer } from './eligibility.js';
import { planSupply, type SupplyOffer, type SupplyWorkspace, supplyPlanCells } from './supply-plan.js';

/**
 * The most cells (eligible agreements × pooled units ÷ the packs' common divisor) one SKU's
 * exact award may work through: 2 × 10^7 (80 MB of choices).
 *
 * @example
 * MAX_AWARD_CELLS // 20000000
 */
export const MAX_AWARD_CELLS = 20_000_000;

/**
 * What the award buys of one SKU from one offer, in exact integers.
 *
 * @example
 * const line: AwardedQuantity = plan.lines[0]!;
 */
export interface AwardedQuantity {
  offer: EligibleOffer;
  quantity: number;
  tier: number;
  curve: PriceCurve;
  /** The exact cost at `curve.scale`. */
  exactCost: bigint;
  /** The invoice amount in minor units. */
  amountMinor: bigint;
}

/**
 * The exact award of one SKU: the largest quantity the offers can supply up to `demand`, at
 * least cost (`planSupply`), priced line by line on the agreements and rounded to minor units
 * with `rounding`. Costs are worked in units of `10^-scale` (`scale` the most decimals any
 * offer's price has, at least the currency's), exact while below 2^53.
 *
 * @throws DomainError `AWARD_TOO_LARGE` beyond {@link MAX_AWARD_CELLS}, `AWARD_OUT_OF_RANGE`
 *   when 4 × the top tier price × the demand reaches 2^53 at that scale
 * @param workspace - `planSupply`'s scratch memory, to reuse over many SKUs (default: a fresh one)
 * @example
 * const { filled, lines } = awardSkuDemand('MILK-1L', 500, offers, 2, 'half-even');
 */
export function awardSkuDemand(
  sku: string,
  demand: number,
  offers: readonly EligibleOffer[],
  minorDigits: number,
  rounding: RoundingMode,
  workspace?: SupplyWorkspace,
): { filled: number; scale: number; lines: AwardedQuantity[] } {
  const scale = offers.reduce(
    (max, offer) =>
      offer.agreement.tiers.reduce(
        (m, tier) => Math.max(m, (tier.unitPrice.split('.')[1] ?? '').length),
        max,
      ),
    minorDigits,
  );
  const curves = offers.map((offer) => compilePriceCurve(offer.agreement, scale));
  let maxPrice = 0n;
  for (const curve of curves) if (curve.prices[0]! > maxPrice) maxPrice = curve.prices[0]!;
  if (4n * maxPrice * BigInt(demand) >= 2n ** 53n) {
    throw new DomainError(
      'AWARD_OUT_OF_RANGE',
      `${sku}: ${demand} units at prices with ${scale} decimals are beyond exact arithmetic`,
      { sku, demand, scale },
    );
  }
  const supplyOffers: SupplyOffer[] = offers.map((offer, index) => toSupplyOffer(offer, curves[index]!));
  const cells = supplyPlanCells(demand, supplyOffers);
  if (cells > MAX_AWARD_CELLS) {
    throw new DomainError(
      'AWARD_TOO_LARGE',
      `${sku}: ${offers.length} agreements over ${demand} units need ${cells} cells, above ${MAX_AWARD_CELLS}`,
      { sku, demand, agreements: offers.length, cells, max: MAX_AWARD_CELLS },
    );
  }
  const plan = planSupply(demand, supplyOffers, workspace);
  const unit = pow10(scale - minorDigits);
  const lines: AwardedQuantity[] = [];
  plan.quantities.forEach((quantity, index) => {
    if (quantity === 0) return;
    const curve = curves[index]!;
    const exactCost = curveCost(curve, quantity);
    lines.push({
      offer: offers[index]!,
      quantity,
      tier: curveTier(curve, quantity),
      curve,
      exactCost,
      amountMinor: divRound(exactCost, unit, rounding),
    });
  });
  return { filled: plan.filled, scale, lines };
}

/** An offer's cost as segments of numbers at the curve's scale. */
function toSupplyOffer(offer: EligibleOffer, curve: PriceCurve): SupplyOffer {
  const segments = curve.mins.map((from, k) => {
    const slope = Number(curve.prices[k]!);
    const intercept =
      curve.mode === 'all-units' ? 0 : Number(curve.below[k]! - BigInt(from - 1) * curve.prices[k]!);
    const to = k + 1 < curve.mins.length ? curve.mins[k + 1]! - 1 : Number.POSITIVE_INFINITY;
    return { from, to, intercept, slope };
  });
  return { min: offer.min, max: offer.max, pack: offer.agreement.packSize, segments };
}
