import { createRng } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { compiled, cvrplibInstance, solomonInstance } from '../../test/instances.js';
import { measureRoute } from './individual.js';
import type { Instance } from './instance.js';
import { LocalSearch } from './local-search.js';
import { granularNeighbours } from './neighbours.js';
import { distanceAdjacency, RuinRecreate } from './ruin-recreate.js';
import { savingsRoutes } from './savings.js';

function setUp(instance: Instance, seed: number, localSearch = true) {
  const ls = new LocalSearch(instance, granularNeighbours(instance, 20));
  const rr = new RuinRecreate(instance, ls, createRng(seed), distanceAdjacency(instance, 100), {
    localSearch,
  });
  const cw = savingsRoutes(instance);
  rr.start({ routes: cw, types: cw.map(() => 0) }, ls.fleetSize);
  return { ls, rr };
}

/** Each customer exactly once, on a route or unserved, and every route within its limits. */
function expectSound(instance: Instance, ls: LocalSearch, absent: number[]) {
  const count = new Int32Array(instance.size);
  for (const r of ls.routes) {
    for (const c of ls.routeNodes(r)) count[c]!++;
    expect(ls.routeFeasible(r)).toBe(true);
  }
  for (const c of absent) count[c]!++;
  for (let c = 1; c <= instance.n; c++) expect(count[c], `customer ${c}`).toBe(1);
}

const budget = (iterations: number) => ({
  maxIterations: iterations,
  deadline: Number.POSITIVE_INFINITY,
  clock: () => 0,
});

describe('RuinRecreate', () => {
  it('keeps every plan feasible and complete while improving (R102)', () => {
    const instance = solomonInstance('R102');
    const { ls, rr } = setUp(instance, 3);
    const first = rr.bestCost;
    for (let k = 0; k < 20; k++) {
      rr.run(budget(10), () => k / 20);
      expectSound(instance, ls, rr.absent);
    }
    expect(rr.best).not.toBeNull();
    expect(rr.bestCost).toBeLessThan(first);
    const best = rr.best!;
    expect(best.feasible).toBe(true);
    expect(best.cost).toBeCloseTo(
      best.routes.reduce((a, r) => a + measureRoute(instance, r).distance, 0),
      6,
    );
  });

  it('is reproducible for a seed and a number of iterations', () => {
    const instance = cvrplibInstance('B', 'B-n45-k5');
    const a = setUp(instance, 11, false);
    const b = setUp(instance, 11, false);
    a.rr.run(budget(300), () => 0.5);
    b.rr.run(budget(300), () => 0.5);
    expect(a.rr.bestCost).toBe(b.rr.bestCost);
    expect(a.rr.best!.routes.map((r) => Array.from(r))).toEqual(b.rr.best!.routes.map((r) => Array.from(r)));
  });

  it('packs unserved customers back after a route is dropped', () => {
    // Ten customers of demand 1 around the depot, capacity 5: three routes become two.
    const instance = compiled({
      depot: { x: 0, y: 0 },
      customers: Array.from({ length: 10 }, (_, i) => ({
        id: i,
        x: Math.round(20 * Math.cos(i)),
        y: Math.round(20 * Math.sin(i)),
        demand: 1,
      })),
      vehicles: { capacity: 5 },
    });
    const { ls, rr } = setUp(instance, 5);
    rr.vehiclesFirst = true;
    while (rr.routesUsed > 2) {
      expect(rr.dropRoute()).toBe(true);
      expect(rr.run(budget(2000), () => 0.5, true)).toBe('done');
      expectSound(instance, ls, rr.absent);
    }
    expect(rr.best!.routeCount).toBe(2);
    // A plan with one route cannot exist: the packing never completes.
    expect(rr.dropRoute()).toBe(true);
    expect(rr.run(budget(200), () => 0.5, true)).toBe('iterations');
    expect(rr.absent.length).toBeGreaterThan(0);
    expectSound(instance, ls, rr.absent);
    expect(rr.best!.routeCount).toBe(2);
  });
});
