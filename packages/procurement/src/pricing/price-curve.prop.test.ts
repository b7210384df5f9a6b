import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePriceCurve, curveCost, curveCostFraction, curveTier } from './price-curve.js';
import type { PricingMode } from './schemas.js';
import { priceTiersSchema } from './schemas.js';

/** Valid price lists: minimums rising from 1, prices (up to 4 decimals) never rising. */
const tiersArb = fc
  .tuple(
    fc.uniqueArray(fc.integer({ min: 2, max: 5000 }), { maxLength: 6 }),
    fc.array(fc.integer({ min: 0, max: 2_000_000 }), { minLength: 7, maxLength: 7 }),
  )
  .map(([mins, prices]) => {
    const sortedMins = [1, ...mins.sort((a, b) => a - b)];
    const sortedPrices = [...prices].sort((a, b) => b - a);
    return sortedMins.map((minQuantity, i) => ({
      minQuantity,
      unitPrice: (sortedPrices[i]! / 10_000).toFixed(4),
    }));
  });
const modeArb = fc.constantFrom<PricingMode>('all-units', 'incremental');

describe('price curves (properties)', () => {
  it('generated lists are valid, and tier lookup is total: exactly one range holds each quantity', () => {
    fc.assert(
      fc.property(tiersArb, fc.integer({ min: 1, max: 100_000 }), (tiers, q) => {
        priceTiersSchema.parse(tiers);
        const holding = tiers.filter(
          (tier, i) => q >= tier.minQuantity && (i + 1 === tiers.length || q < tiers[i + 1]!.minQuantity),
        );
        expect(holding).toHaveLength(1);
        const curve = compilePriceCurve({ pricing: 'all-units', tiers });
        expect(curveTier(curve, q)).toBe(tiers.indexOf(holding[0]!));
      }),
    );
  });

  it('adding demand never raises the unit price (all-units) or the average price (incremental)', () => {
    fc.assert(
      fc.property(
        tiersArb,
        modeArb,
        fc.integer({ min: 1, max: 20_000 }),
        fc.integer({ min: 1, max: 20_000 }),
        (tiers, pricing, q, extra) => {
          const curve = compilePriceCurve({ pricing, tiers });
          const a = curveCost(curve, q);
          const b = curveCost(curve, q + extra);
          // cost(q + extra) / (q + extra) <= cost(q) / q, cross-multiplied exactly
          expect(b * BigInt(q) <= a * BigInt(q + extra)).toBe(true);
          if (pricing === 'incremental') expect(b >= a).toBe(true); // incremental cost never falls
        },
      ),
    );
  });

  it('notional costs agree with whole-unit costs and are never cheaper per unit than a larger quantity', () => {
    fc.assert(
      fc.property(
        tiersArb,
        modeArb,
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 7 }),
        (tiers, pricing, q, d) => {
          const curve = compilePriceCurve({ pricing, tiers });
          const whole = curveCostFraction(curve, BigInt(q) * BigInt(d), BigInt(d));
          expect(whole.numerator).toBe(curveCost(curve, q) * BigInt(d));
          // y = q / (d + 1) < q: cost(y) / y >= cost(q) / q
          const part = curveCostFraction(curve, BigInt(q), BigInt(d + 1));
          // cost(y) = part.numerator / (d + 1); y = q / (d + 1)  =>  cost(y)/y = part.numerator / q
          expect(part.numerator * BigInt(q) >= curveCost(curve, q) * BigInt(q)).toBe(true);
        },
      ),
    );
  });
});
