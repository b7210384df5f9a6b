// Test-only reference solvers: enumerate every choice, for small instances.
import type { SupplyOffer, SupplyPlan } from '../src/award/supply-plan.ts';

/** The cost of `q` on an offer's segments. */
export function offerCost(offer: SupplyOffer, q: number): number {
  if (q === 0) return 0;
  const segment = offer.segments.find((s) => q >= s.from && q <= s.to)!;
  return segment.intercept + segment.slope * q;
}

/** Every quantity an offer allows, up to `cap`. */
export function choices(offer: SupplyOffer, cap: number): number[] {
  const out = [0];
  if (offer.max < offer.min) return out;
  for (let q = offer.min; q <= Math.min(offer.max, cap); q += offer.pack) out.push(q);
  return out;
}

/**
 * The largest fill ≤ demand, least cost, and among those the plan whose quantities read from
 * the last offer back are lexicographically smallest — the tie rule `planSupply` documents.
 */
export function bruteForceSupply(demand: number, offers: readonly SupplyOffer[]): SupplyPlan {
  let best: SupplyPlan = { filled: 0, cost: 0, quantities: offers.map(() => 0) };
  const current = offers.map(() => 0);
  const better = (filled: number, cost: number, quantities: number[]) => {
    if (filled !== best.filled) return filled > best.filled;
    if (cost !== best.cost) return cost < best.cost;
    for (let j = quantities.length - 1; j >= 0; j--) {
      if (quantities[j] !== best.quantities[j]) return quantities[j]! < best.quantities[j]!;
    }
    return false;
  };
  const walk = (j: number, filled: number, cost: number) => {
    if (filled > demand) return;
    if (j === offers.length) {
      if (better(filled, cost, current)) best = { filled, cost, quantities: [...current] };
      return;
    }
    for (const q of choices(offers[j]!, demand - filled)) {
      current[j] = q;
      walk(j + 1, filled + q, cost + offerCost(offers[j]!, q));
    }
    current[j] = 0;
  };
  walk(0, 0, 0);
  return best;
}
