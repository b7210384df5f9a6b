import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { difference, differenceSeries, integrate } from './difference.js';
import { differencingPolynomial } from './polynomial.js';

describe('differencing', () => {
  it('takes ordinary and seasonal differences', () => {
    expect(difference([1, 4, 9, 16], 1)).toEqual([3, 5, 7]);
    expect(difference([1, 4, 9, 16], 1, 2)).toEqual([2, 2]);
    expect(difference([1, 2, 3, 10, 20, 30], 3)).toEqual([9, 18, 27]);
    expect(difference([1, 2], 3)).toEqual([]);
    expect(differenceSeries([1, 2, 4, 7, 11, 16], 1, 0, 1)).toEqual([1, 2, 3, 4, 5]);
    // (1 − B)(1 − B²) on t²: lag-2 differences 4, 8, 12, 16, then 4, 4, 4
    expect(differenceSeries([0, 1, 4, 9, 16, 25], 1, 1, 2)).toEqual([4, 4, 4]);
  });

  it('integrate undoes the differencing of a continuation', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 14, maxLength: 30 }),
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 0, max: 1 }),
        fc.constantFrom(2, 4),
        (y, d, D, m) => {
          const cut = y.length - 5;
          const w = differenceSeries(y, d, D, m);
          const future = w.slice(w.length - 5);
          const delta = differencingPolynomial(d, D, m);
          expect(integrate(y.slice(0, cut), delta, future)).toEqual(y.slice(cut));
        },
      ),
    );
  });
});
