import { ValidationError } from '@s2b2b/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregate, defineHierarchy } from './define.js';
import { reconcile, shrunkCovariance } from './reconcile.js';

// total = A + B: the smallest hierarchy, small enough to reconcile by hand.
const pair = defineHierarchy(
  [
    { id: 'A', keys: {} },
    { id: 'B', keys: {} },
  ],
  [[]],
);
const base = [[10], [3], [5]]; // total, A, B

const skus = defineHierarchy(
  [
    { id: 'tea/east', keys: { category: 'tea', region: 'east' } },
    { id: 'tea/north', keys: { category: 'tea', region: 'north' } },
    { id: 'rice/east', keys: { category: 'rice', region: 'east' } },
  ],
  [[], ['category']],
);

describe('defineHierarchy', () => {
  it('lists the total, each category, then the bottom series, with the summing matrix', () => {
    expect(skus.nodes.map((node) => node.id)).toEqual([
      'total',
      'category=rice',
      'category=tea',
      'tea/east',
      'tea/north',
      'rice/east',
    ]);
    expect(skus.summing).toEqual([
      [1, 1, 1],
      [0, 0, 1],
      [1, 1, 0],
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ]);
    expect(
      aggregate(skus, [
        [1, 2],
        [3, 4],
        [5, 6],
      ]),
    ).toEqual([
      [9, 12],
      [5, 6],
      [4, 6],
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
  });

  it('rejects duplicate ids and missing keys, naming them', () => {
    const duplicate = () =>
      defineHierarchy(
        [
          { id: 'x', keys: {} },
          { id: 'x', keys: {} },
        ],
        [[]],
      );
    expect(duplicate).toThrow(ValidationError);
    const missing = () => defineHierarchy([{ id: 'x', keys: {} }], [['region']]);
    expect(missing).toThrow(/has no region/);
  });
});

describe('reconcile', () => {
  it('bottom-up sums the bottom forecasts', () => {
    expect(reconcile(pair, base, { method: 'bottom-up' })).toEqual([[8], [3], [5]]);
  });

  it('min-trace ols by hand: A = (t + 2a − b)/3, B = (t − a + 2b)/3', () => {
    const [total, a, b] = reconcile(pair, base, { method: 'min-trace', covariance: 'ols' });
    expect(a![0]).toBeCloseTo(11 / 3, 12);
    expect(b![0]).toBeCloseTo(17 / 3, 12);
    expect(total![0]).toBe(a![0]! + b![0]!);
  });

  it('min-trace wls_struct by hand (W = diag(2, 1, 1)): A = 3.5, B = 5.5', () => {
    const [total, a, b] = reconcile(pair, base, { method: 'min-trace', covariance: 'wls_struct' });
    expect(a![0]).toBeCloseTo(3.5, 12);
    expect(b![0]).toBeCloseTo(5.5, 12);
    expect(total![0]).toBeCloseTo(9, 12);
  });

  it('top-down by each proportion rule', () => {
    expect(reconcile(pair, base, { method: 'top-down', proportions: 'forecast-proportions' })).toEqual([
      [10],
      [3.75],
      [6.25],
    ]);
    const history = [
      [1, 3],
      [1, 1],
    ]; // totals 2 and 4
    const historical = reconcile(pair, base, {
      method: 'top-down',
      proportions: 'average-historical',
      history,
    });
    expect(historical[1]![0]).toBeCloseTo(10 * 0.625, 12); // mean(1/2, 3/4)
    const averages = reconcile(pair, base, {
      method: 'top-down',
      proportions: 'proportion-of-averages',
      history,
    });
    expect(averages[1]![0]).toBeCloseTo((10 * 4) / 6, 12);
    expect(() => reconcile(pair, base, { method: 'top-down', proportions: 'average-historical' })).toThrow(
      ValidationError,
    );
  });

  it('forecast proportions walk down level by level', () => {
    // total 100; categories rice 20, tea 60 → rice 25%, tea 75%; tea/east 30 vs tea/north 10 → 3:1.
    const result = reconcile(skus, [[100], [20], [60], [30], [10], [7]], {
      method: 'top-down',
      proportions: 'forecast-proportions',
    });
    expect(result.map((row) => row[0])).toEqual([100, 25, 75, 56.25, 18.75, 25]);
  });

  it('non-negative clips negative bottom forecasts and stays coherent', () => {
    const result = reconcile(pair, [[0], [-4], [1]], {
      method: 'min-trace',
      covariance: 'ols',
      nonNegative: true,
    });
    expect(result[1]![0]).toBe(0);
    expect(result[0]![0]).toBe(result[1]![0]! + result[2]![0]!);
  });

  it('is coherent exactly for every method (property)', () => {
    const residuals = Array.from({ length: 6 }, (_, i) =>
      Array.from({ length: 12 }, (_, t) => Math.sin(i * 7 + t * 3)),
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.double({ min: -100, max: 1_000, noNaN: true }), { minLength: 3, maxLength: 3 }),
          {
            minLength: 6,
            maxLength: 6,
          },
        ),
        fc.constantFrom(
          { method: 'bottom-up' as const },
          { method: 'min-trace' as const, covariance: 'ols' as const },
          { method: 'min-trace' as const, covariance: 'wls_struct' as const },
          { method: 'min-trace' as const, covariance: 'mint_shrink' as const, residuals },
          { method: 'top-down' as const, proportions: 'forecast-proportions' as const },
        ),
        (forecasts, options) => {
          const result = reconcile(skus, forecasts, options);
          const bottom = result.slice(3);
          expect(aggregate(skus, bottom)).toEqual(result);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('shrunkCovariance', () => {
  it('keeps the variances and shrinks the covariances towards zero', () => {
    const a = [1, 2, 3, 4, 5, 6];
    const b = [2, 1, 4, 3, 6, 5];
    const w = shrunkCovariance([a, b]);
    expect(w[0]![0]).toBeCloseTo(3.5, 12); // sample variance of 1..6
    expect(w[1]![1]).toBeCloseTo(3.5, 12);
    const raw = 2.9; // sample covariance of a and b
    expect(Math.abs(w[0]![1]!)).toBeLessThanOrEqual(raw + 1e-12);
    expect(w[0]![1]).toBe(w[1]![0]);
  });
});
