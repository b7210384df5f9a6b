/**
 * A price list compiled for exact arithmetic: tier minimums as numbers, unit prices as bigint
 * coefficients at one scale, and (incremental) the cost of every unit below each tier. The
 * award and the allocation price thousands of quantities per SKU through it without parsing
 * decimals again.
 */
import { atScale, parseScaled, type Scaled } from '../common/scaled.js';
import type { PriceTier, PricingMode } from './schemas.js';

/**
 * A compiled price list. Costs are integers in units of `10^-scale` of the currency.
 *
 * @example
 * const curve: PriceCurve = compilePriceCurve({ pricing: 'all-units', tiers });
 */
export interface PriceCurve {
  mode: PricingMode;
  /** Tier minimum quantities, ascending, the first 1. */
  mins: readonly number[];
  /** Tier unit prices as coefficients at `scale`, never rising. */
  prices: readonly bigint[];
  /** Decimal places of `prices` (and of every cost computed from them). */
  scale: number;
  /** Incremental: the cost of units 1 to `mins[k] - 1`, at `scale`. All-units: zeros. */
  below: readonly bigint[];
}

/**
 * Compiles validated tiers (see `priceTiersSchema`) at `scale` decimals (default: the most any
 * tier price has).
 *
 * @example
 * compilePriceCurve({ pricing: 'all-units', tiers: [{ minQuantity: 1, unitPrice: '12.5' }] }).prices // [125n]
 */
export function compilePriceCurve(
  list: { pricing: PricingMode; tiers: readonly PriceTier[] },
  scale?: number,
): PriceCurve {
  const parsed: Scaled[] = list.tiers.map((tier) => parseScaled(tier.unitPrice));
  const s = scale ?? parsed.reduce((max, p) => Math.max(max, p.scale), 0);
  const prices = parsed.map((p) => atScale(p, s));
  const mins = list.tiers.map((tier) => tier.minQuantity);
  const below: bigint[] = [0n];
  for (let k = 1; k < mins.length; k++) {
    below.push(
      list.pricing === 'incremental' ? below[k - 1]! + BigInt(mins[k]! - mins[k - 1]!) * prices[k - 1]! : 0n,
    );
  }
  return { mode: list.pricing, mins, prices, scale: s, below };
}

/**
 * The tier a whole quantity (≥ 1) falls in: the last whose minimum it reaches. Total: the
 * first tier starts at 1 and the last is open-ended, so every quantity has exactly one.
 *
 * @example
 * curveTier(curve, 99) // 0 when the second tier starts at 100
 */
export function curveTier(curve: PriceCurve, quantity: number): number {
  const { mins } = curve;
  let lo = 0;
  let hi = mins.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (mins[mid]! <= quantity) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The exact cost of a whole quantity (0 costs 0), at the curve's scale.
 *
 * @example
 * curveCost(compilePriceCurve({ pricing: 'all-units', tiers }), 120) // 120 × the 100+ price
 */
export function curveCost(curve: PriceCurve, quantity: number): bigint {
  if (quantity <= 0) return 0n;
  const k = curveTier(curve, quantity);
  const q = BigInt(quantity);
  if (curve.mode === 'all-units') return q * curve.prices[k]!;
  return curve.below[k]! + (q - BigInt(curve.mins[k]! - 1)) * curve.prices[k]!;
}

/**
 * The exact cost of a notional quantity `numerator / denominator` (> 0), as a fraction with
 * the same denominator, at the curve's scale: all-units prices it at the tier it reaches (below
 * 1, the first); incremental interpolates linearly between whole units. Used for the
 * stand-alone cost of a share of a supplier's units.
 *
 * @example
 * curveCostFraction(curve, 3n, 2n) // cost of 1.5 units: { numerator: 3n × price, denominator: 2n }
 */
export function curveCostFraction(
  curve: PriceCurve,
  numerator: bigint,
  denominator: bigint,
): { numerator: bigint; denominator: bigint } {
  if (numerator <= 0n) return { numerator: 0n, denominator };
  const { mins, prices, below } = curve;
  if (curve.mode === 'all-units') {
    // the last tier whose minimum y reaches: mins[k] ≤ y ⟺ mins[k] ≤ ⌊y⌋ (minimums are whole)
    const k = curveTier(curve, Number(numerator / denominator));
    return { numerator: numerator * prices[k]!, denominator };
  }
  // incremental: the last k with mins[k] − 1 < y ⟺ mins[k] ≤ ⌈y⌉
  const k = curveTier(curve, Number((numerator + denominator - 1n) / denominator));
  const offset = numerator - BigInt(mins[k]! - 1) * denominator;
  return { numerator: below[k]! * denominator + offset * prices[k]!, denominator };
}
