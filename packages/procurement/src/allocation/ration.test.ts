import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupEqual, rationUnits } from './ration.js';

describe('rationUnits', () => {
  it('fills everything when the units cover the demand', () => {
    expect(rationUnits([10, 20], 30, 'proportional')).toEqual([10, 20]);
    expect(rationUnits([10, 20], 0, 'proportional')).toEqual([0, 0]);
  });

  it('shares a shortfall proportionally, or first come first served', () => {
    expect(rationUnits([100, 60, 40], 180, 'proportional')).toEqual([90, 54, 36]);
    expect(rationUnits([10, 10, 5], 20, 'proportional')).toEqual([8, 8, 4]);
    expect(rationUnits([10, 10, 5], 20, 'first-come')).toEqual([10, 10, 0]);
    // 7 of 3 × 3: 2.33 each; one unit left for three equal requests goes to the first
    expect(rationUnits([3, 3, 3], 7, 'proportional')).toEqual([3, 2, 2]);
  });

  it('groups equal keys in order of first appearance', () => {
    expect(groupEqual([5, 3, 5])).toEqual([
      { key: 5, members: [0, 2] },
      { key: 3, members: [1] },
    ]);
  });

  it('never fills more than asked, adds up, and stays within one unit of the proportional share (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 20 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (requested, fraction) => {
          const demand = requested.reduce((s, q) => s + q, 0);
          const filled = Math.floor(demand * fraction);
          const fills = rationUnits(requested, filled, 'proportional');
          expect(fills.reduce((s, q) => s + q, 0)).toBe(filled);
          fills.forEach((f, i) => {
            expect(f).toBeLessThanOrEqual(requested[i]!);
            expect(Math.abs(f - (filled * requested[i]!) / demand)).toBeLessThan(1);
          });
          const firstCome = rationUnits(requested, filled, 'first-come');
          expect(firstCome.reduce((s, q) => s + q, 0)).toBe(filled);
        },
      ),
    );
  });
});
