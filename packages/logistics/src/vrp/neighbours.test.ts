import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compiled, solomonInstance } from '../../test/instances.js';
import { granularNeighbours, nearestIndices, proximity } from './neighbours.js';

describe('granularNeighbours', () => {
  it("holds each customer's nearest ones and is symmetric", () => {
    const instance = compiled({
      depot: { x: 0, y: 0 },
      customers: [0, 1, 2, 10, 11, 30].map((x, i) => ({ id: i, x, y: 0 })),
      vehicles: { capacity: 10 },
    });
    const nb = granularNeighbours(instance, 2);
    expect(Array.from(nb[1]!)).toEqual([2, 3]);
    expect(Array.from(nb[6]!)).toEqual([4, 5]);
    for (let i = 1; i <= instance.n; i++) for (const j of nb[i]!) expect(Array.from(nb[j]!)).toContain(i);
  });

  it('adds waiting and lateness to the distance under time windows', () => {
    const instance = compiled({
      depot: { x: 0, y: 0, timeWindow: [0, 1000] },
      customers: [
        { id: 'early', x: 0, y: 10, timeWindow: [0, 10] },
        { id: 'late', x: 0, y: 20, timeWindow: [500, 600] },
      ],
      vehicles: { capacity: 10 },
    });
    // early → late: the vehicle waits at least 500 − (10 + 10) = 480, weighted 0.2.
    expect(proximity(instance, 1, 2)).toBeCloseTo(10 + 0.2 * 480, 9);
    // late → early: at least 500 + 10 − 10 = 500 late, weighted 1.
    expect(proximity(instance, 2, 1)).toBeCloseTo(10 + 500, 9);
    const c101 = solomonInstance('C101');
    expect(granularNeighbours(c101, 20).every((list, i) => i === 0 || list.length >= 20)).toBe(true);
  });
});

describe('nearestIndices', () => {
  it('equals a full sort by score then index, without the customer itself', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 60 }),
        fc.nat(),
        fc.nat(),
        (values, selfRaw, kRaw) => {
          const n = values.length;
          const self = 1 + (selfRaw % n);
          const k = kRaw % (n + 2);
          const score = Float64Array.from([0, ...values]);
          const expected = Array.from({ length: n }, (_, i) => i + 1)
            .filter((j) => j !== self)
            .sort((a, b) => score[a]! - score[b]! || a - b)
            .slice(0, k);
          expect(Array.from(nearestIndices(score, n, self, k, new Int32Array(n)))).toEqual(expected);
        },
      ),
    );
  });
});
