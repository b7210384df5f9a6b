import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compiled } from '../../test/instances.js';
import { measureRoute } from './individual.js';
import type { Instance } from './instance.js';
import { assignTypes, split } from './split.js';

const weights = { load: 7, time: 3, distance: 2 };

/** Penalised cost of one route for its best type (what split minimises per arc). */
function routeCost(instance: Instance, route: number[]): number {
  const m = measureRoute(instance, route);
  let best = Number.POSITIVE_INFINITY;
  for (let t = 0; t < instance.types; t++) {
    const v =
      m.distance +
      instance.fixedCost[t]! +
      weights.load * Math.max(0, m.load - instance.capacity[t]!) +
      (instance.hasTime
        ? weights.time * (m.timeWarp + Math.max(0, m.duration - instance.maxDuration[t]!))
        : 0) +
      weights.distance * Math.max(0, m.distance - instance.maxDistance[t]!);
    best = Math.min(best, v);
  }
  return best;
}

/**
 * Every way of cutting the tour into at most k consecutive routes, each carrying at most twice the
 * largest capacity (split's documented cut-off; a single customer always forms a route).
 */
function bestCut(instance: Instance, tour: number[], k: number): number {
  let best = Number.POSITIVE_INFINITY;
  const n = tour.length;
  for (let mask = 0; mask < 1 << (n - 1); mask++) {
    const routes: number[][] = [[tour[0]!]];
    for (let i = 1; i < n; i++) {
      if (mask & (1 << (i - 1))) routes.push([tour[i]!]);
      else routes[routes.length - 1]!.push(tour[i]!);
    }
    if (routes.length > k) continue;
    const cap = 2 * Math.max(...instance.capacity);
    if (routes.some((r) => r.length > 1 && measureRoute(instance, r).load > cap)) continue;
    best = Math.min(
      best,
      routes.reduce((a, r) => a + routeCost(instance, r), 0),
    );
  }
  return best;
}

const arb = fc.record({
  points: fc.array(
    fc.record({
      x: fc.integer({ min: 0, max: 50 }),
      y: fc.integer({ min: 0, max: 50 }),
      q: fc.integer({ min: 1, max: 9 }),
      ready: fc.integer({ min: 0, max: 100 }),
    }),
    { minLength: 1, maxLength: 8 },
  ),
  capacity: fc.integer({ min: 8, max: 25 }),
  windows: fc.boolean(),
  k: fc.integer({ min: 1, max: 8 }),
});

describe('split', () => {
  it('cuts a giant tour optimally, with and without a fleet limit', () => {
    fc.assert(
      fc.property(arb, ({ points, capacity, windows, k }) => {
        const instance = compiled({
          depot: { x: 25, y: 25, ...(windows ? { timeWindow: [0, 400] as [number, number] } : {}) },
          customers: points.map((p, i) => ({
            id: i,
            x: p.x,
            y: p.y,
            demand: p.q,
            ...(windows ? { timeWindow: [p.ready, p.ready + 30] as [number, number], serviceTime: 5 } : {}),
          })),
          vehicles: { capacity, count: 8 },
        });
        if (instance.n === 0) return; // every customer's window was out of reach
        const tour = Array.from({ length: instance.n }, (_, i) => i + 1);
        for (const limit of [instance.n, Math.min(k, instance.n)]) {
          const s = split(instance, tour, weights, limit);
          expect(s.routes.length).toBeLessThanOrEqual(limit);
          expect(s.routes.flatMap((r) => Array.from(r))).toEqual(tour);
          const cost = s.routes.reduce((a, r) => a + routeCost(instance, Array.from(r)), 0);
          const best = bestCut(instance, tour, limit);
          // Without an admissible cut (too few routes for the demand), any valid split will do.
          if (Number.isFinite(best)) expect(cost).toBeCloseTo(best, 6);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('gives vehicle types within their counts, heaviest routes first', () => {
    const instance = compiled({
      depot: { x: 0, y: 0 },
      customers: [10, 2, 8, 3].map((q, i) => ({ id: i, x: i + 1, y: 0, demand: q })),
      vehicles: [
        { capacity: 4, count: 2 },
        { capacity: 10, count: 2 },
      ],
    });
    const routes = [Int32Array.of(1), Int32Array.of(2), Int32Array.of(3), Int32Array.of(4)];
    // All want the big type: the two heaviest get it, the others the small type.
    expect(assignTypes(instance, routes, [1, 1, 1, 1])).toEqual([1, 0, 1, 0]);
  });
});
