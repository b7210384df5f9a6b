import { describe, expect, it } from 'vitest';
import { planSupply, type SupplyOffer, supplyPlanCells } from './supply-plan.js';

const flat = (price: number, min = 1, max = 1_000_000, pack = 1): SupplyOffer => ({
  min,
  max,
  pack,
  segments: [{ from: 1, to: Number.POSITIVE_INFINITY, intercept: 0, slope: price }],
});

/** All-units tiers as segments. */
const allUnits = (tiers: [number, number][], min = 1, max = 1_000_000, pack = 1): SupplyOffer => ({
  min,
  max,
  pack,
  segments: tiers.map(([from, slope], i) => ({
    from,
    to: i + 1 < tiers.length ? tiers[i + 1]![0] - 1 : Number.POSITIVE_INFINITY,
    intercept: 0,
    slope,
  })),
});

describe('planSupply', () => {
  it('buys the cheapest mix, reaching a lower tier when that is cheaper (the non-convex case)', () => {
    // A: 10 each, 8 from 100 on (all-units). B: 9 each. Demand 95.
    // A 95 = 950; B 95 = 855; buying A's tier needs 100 > demand: not allowed. B wins.
    expect(
      planSupply(95, [
        allUnits([
          [1, 10],
          [100, 8],
        ]),
        flat(9),
      ]),
    ).toEqual({ filled: 95, cost: 855, quantities: [0, 95] });
    // Demand 130: A 130 at 8 = 1040 beats B 130 = 1170 and any split (A 100 + B 30 = 800 + 270 = 1070).
    expect(
      planSupply(130, [
        allUnits([
          [1, 10],
          [100, 8],
        ]),
        flat(9),
      ]),
    ).toEqual({ filled: 130, cost: 1040, quantities: [130, 0] });
    // A capped at 110: A 110 at 8 + B 20 at 9 = 1060 beats A 100 + B 30 = 1070 and B alone = 1170
    expect(
      planSupply(130, [
        allUnits(
          [
            [1, 10],
            [100, 8],
          ],
          1,
          110,
        ),
        flat(9),
      ]),
    ).toEqual({
      filled: 130,
      cost: 1060,
      quantities: [110, 20],
    });
  });

  it('respects MOQs and packs, filling as much as whole packs allow and never more than the demand', () => {
    // packs of 12 from a MOQ of 24; demand 50 -> 48 units
    expect(planSupply(50, [flat(5, 24, 600, 12)])).toEqual({ filled: 48, cost: 240, quantities: [48] });
    // below the MOQ nothing can be bought from it
    expect(planSupply(20, [flat(5, 24, 600, 12)])).toEqual({ filled: 0, cost: 0, quantities: [0] });
    // packs of 6 and 10 make 16 exactly
    expect(planSupply(16, [flat(3, 6, 600, 6), flat(2, 10, 600, 10)])).toEqual({
      filled: 16,
      cost: 38,
      quantities: [6, 10],
    });
  });

  it('reports unmet demand beyond the capacity instead of throwing', () => {
    expect(planSupply(1000, [flat(5, 1, 300), flat(6, 1, 200)])).toEqual({
      filled: 500,
      cost: 2700,
      quantities: [300, 200],
    });
    expect(planSupply(10, [])).toEqual({ filled: 0, cost: 0, quantities: [] });
    expect(planSupply(0, [flat(5)])).toEqual({ filled: 0, cost: 0, quantities: [0] });
  });

  it('prefers earlier offers between equal costs', () => {
    expect(planSupply(10, [flat(5), flat(5)]).quantities).toEqual([10, 0]);
    expect(planSupply(10, [flat(5, 1, 4), flat(5)]).quantities).toEqual([4, 6]);
  });

  it('incremental segments (concave costs)', () => {
    // 1-99 at 10, 100+ at 6: cost(q) = 10q below 100, 990 + 6(q - 99) above
    const incremental: SupplyOffer = {
      min: 1,
      max: 1000,
      pack: 1,
      segments: [
        { from: 1, to: 99, intercept: 0, slope: 10 },
        { from: 100, to: Number.POSITIVE_INFINITY, intercept: 990 - 6 * 99, slope: 6 },
      ],
    };
    // demand 200 against a flat 8: incremental 200 = 990 + 606 = 1596 = 7.98 each beats 1600
    expect(planSupply(200, [incremental, flat(8)])).toEqual({
      filled: 200,
      cost: 1596,
      quantities: [200, 0],
    });
    expect(planSupply(150, [incremental, flat(8)])).toEqual({
      filled: 150,
      cost: 1200,
      quantities: [0, 150],
    });
  });

  it('works in units of the packs’ common divisor', () => {
    expect(supplyPlanCells(1000, [flat(1, 10, 1000, 10), flat(1, 20, 1000, 20)])).toBe(2 * 101);
    expect(planSupply(1005, [flat(1, 10, 1000, 10), flat(2, 20, 1000, 20)])).toEqual({
      filled: 1000,
      cost: 1000,
      quantities: [1000, 0],
    });
  });
});
