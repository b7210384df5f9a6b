import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bruteForceSupply, offerCost } from '../../test/brute-force.js';
import { createSupplyWorkspace, planSupply, type SupplyOffer } from './supply-plan.js';

/** A random offer: all-units or incremental tiers (prices never rising), MOQ, pack, capacity. */
const offerArb: fc.Arbitrary<SupplyOffer> = fc
  .record({
    incremental: fc.boolean(),
    breaks: fc.uniqueArray(fc.integer({ min: 2, max: 25 }), { maxLength: 3 }),
    prices: fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 4, maxLength: 4 }),
    moq: fc.integer({ min: 1, max: 12 }),
    pack: fc.integer({ min: 1, max: 5 }),
    capacity: fc.integer({ min: 0, max: 40 }),
  })
  .map(({ incremental, breaks, prices, moq, pack, capacity }) => {
    const mins = [1, ...breaks.sort((a, b) => a - b)];
    const slopes = [...prices].sort((a, b) => b - a).slice(0, mins.length);
    let below = 0;
    const segments = mins.map((from, k) => {
      const to = k + 1 < mins.length ? mins[k + 1]! - 1 : Number.POSITIVE_INFINITY;
      const slope = slopes[k]!;
      const intercept = incremental ? below - (from - 1) * slope : 0;
      if (incremental && k + 1 < mins.length) below += (mins[k + 1]! - from) * slope;
      return { from, to, intercept, slope };
    });
    const min = Math.ceil(moq / pack) * pack;
    const max = Math.floor(capacity / pack) * pack;
    return { min, max, pack, segments };
  });

describe('planSupply against brute force (properties)', () => {
  it('finds the largest fill, its least cost and the documented tie-break on small random cases', () => {
    fc.assert(
      fc.property(
        fc.array(offerArb, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 45 }),
        (offers, demand) => {
          const plan = planSupply(demand, offers);
          const reference = bruteForceSupply(demand, offers);
          expect(plan).toEqual(reference);
          // the plan is feasible and costs what it says
          const filled = plan.quantities.reduce((s, q) => s + q, 0);
          expect(filled).toBe(plan.filled);
          expect(plan.quantities.reduce((s, q, j) => s + offerCost(offers[j]!, q), 0)).toBe(plan.cost);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('gives the same plans with one workspace reused over many calls, large and small', () => {
    const workspace = createSupplyWorkspace();
    fc.assert(
      fc.property(
        fc.array(offerArb, { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 0, max: 45 }),
        (offers, demand) => {
          // a large call first leaves stale entries behind the small one that follows
          planSupply(demand * 3, offers, workspace);
          expect(planSupply(demand, offers, workspace)).toEqual(bruteForceSupply(demand, offers));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('stays exact with more offers (5-7) than a greedy could get right', () => {
    fc.assert(
      fc.property(
        fc.array(offerArb, { minLength: 5, maxLength: 7 }),
        fc.integer({ min: 10, max: 30 }),
        (offers, demand) => {
          expect(planSupply(demand, offers)).toEqual(bruteForceSupply(demand, offers));
        },
      ),
      { numRuns: 60 },
    );
  });
});
