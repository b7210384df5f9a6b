import { describe, expect, it } from 'vitest';
import { shareCost } from './share-cost.js';

describe('shareCost', () => {
  it('charges one pooled price per unit when no cap binds', () => {
    // 1260.00 over 60, 40, 150, 50 units: 4.20 each
    expect(shareCost(126_000n, [60, 40, 150, 50], (f) => BigInt(f) * 500n)).toEqual([
      25_200n,
      16_800n,
      63_000n,
      21_000n,
    ]);
  });

  it('rounds by largest remainder, equal requests as a block', () => {
    // 100.00 over three equal requests: one minor unit cannot be shared
    expect(shareCost(10_000n, [5, 5, 5], () => 4_000n)).toEqual([3_334n, 3_333n, 3_333n]);
    // 10.01 over 1, 1, 2: exact 2.5025, 2.5025, 5.005 → floors 250, 250, 500 leave 1 unit;
    // the pair (remainder .25 each) needs 2, so it goes to the single (remainder .5)
    expect(shareCost(1_001n, [1, 1, 2], (f) => BigInt(f) * 1_000n)).toEqual([250n, 250n, 501n]);
  });

  it('caps a request at its stand-alone cost and spreads the rest at one price', () => {
    expect(shareCost(500n, [1, 9], (f) => (f === 1 ? 40n : 1000n))).toEqual([40n, 460n]);
    // two capped classes
    expect(shareCost(1_000n, [1, 1, 8], (f) => (f === 1 ? 90n : 2_000n))).toEqual([90n, 90n, 820n]);
  });

  it('charges nothing for nothing', () => {
    expect(shareCost(0n, [3, 4], () => 10n)).toEqual([0n, 0n]);
    expect(shareCost(700n, [0, 7, 0], (f) => BigInt(f) * 100n)).toEqual([0n, 700n, 0n]);
  });

  it('refuses stand-alone costs that cannot cover the total (the award guarantees they do)', () => {
    expect(() => shareCost(1_000n, [1, 1], () => 400n)).toThrow(RangeError);
  });
});
