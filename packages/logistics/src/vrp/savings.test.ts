import { describe, expect, it } from 'vitest';
import { compiled } from '../../test/instances.js';
import { measureRoute } from './individual.js';
import { savingsRoutes } from './savings.js';

describe('savingsRoutes (Clarke–Wright)', () => {
  it('joins by largest saving while capacity allows', () => {
    // Depot at 0 on a line; customers at 10, 11 (saving 20) and -10, -12 (saving 20), 2 each;
    // capacity 4: two routes of two. Joining across the depot saves nothing.
    const instance = compiled({
      depot: { x: 0, y: 0 },
      customers: [
        { id: 'a', x: 10, y: 0, demand: 2 },
        { id: 'b', x: 11, y: 0, demand: 2 },
        { id: 'c', x: -10, y: 0, demand: 2 },
        { id: 'd', x: -12, y: 0, demand: 2 },
      ],
      vehicles: { capacity: 4 },
    });
    const routes = savingsRoutes(instance).map((r) => Array.from(r).sort());
    expect(routes.sort()).toEqual([
      [1, 2],
      [3, 4],
    ]);
    const total = savingsRoutes(instance).reduce((a, r) => a + measureRoute(instance, r).distance, 0);
    expect(total).toBe(22 + 24);
  });

  it('never joins routes that break a time window', () => {
    // b opens late, a closes early: a then b is feasible, b then a is not; c is far from both.
    const instance = compiled({
      depot: { x: 0, y: 0, timeWindow: [0, 200] },
      customers: [
        { id: 'a', x: 10, y: 0, demand: 1, timeWindow: [0, 15] },
        { id: 'b', x: 12, y: 0, demand: 1, timeWindow: [50, 60] },
        { id: 'c', x: 0, y: 50, demand: 1, timeWindow: [0, 52] },
      ],
      vehicles: { capacity: 10 },
    });
    const routes = savingsRoutes(instance).map((r) => Array.from(r));
    expect(routes).toContainEqual([1, 2]);
    for (const r of savingsRoutes(instance)) expect(measureRoute(instance, r).timeWarp).toBe(0);
  });
});
