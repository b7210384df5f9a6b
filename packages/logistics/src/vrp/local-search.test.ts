import { createRng } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { cvrplibInstance, solomonInstance } from '../../test/instances.js';
import { Individual, measureRoute } from './individual.js';
import type { Instance } from './instance.js';
import { LocalSearch } from './local-search.js';
import { granularNeighbours } from './neighbours.js';
import { split } from './split.js';

function randomStart(
  instance: Instance,
  ls: LocalSearch,
  seed: number,
  w = { load: 10, time: 10, distance: 10 },
) {
  const rng = createRng(seed);
  const tour = Int32Array.from({ length: instance.n }, (_, i) => i + 1);
  for (let i = tour.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [tour[i], tour[j]] = [tour[j]!, tour[i]!];
  }
  const s = split(instance, tour, w, ls.fleetSize);
  ls.setPenalties(w);
  ls.load(s.routes, s.types);
  return rng;
}

/** Every route's cached data equals a fresh measurement, and every customer is on one route. */
function expectConsistent(instance: Instance, ls: LocalSearch) {
  const seen = new Int32Array(instance.size);
  for (const r of ls.routes) {
    const nodes = ls.routeNodes(r);
    for (let p = 0; p < nodes.length; p++) {
      seen[nodes[p]!]!++;
      expect(ls.routeOf[nodes[p]!]).toBe(r.index);
      expect(ls.posOf[nodes[p]!]).toBe(p + 1);
    }
    const m = measureRoute(instance, nodes);
    expect(r.distance).toBeCloseTo(m.distance, 6);
    expect(r.load).toBeCloseTo(m.load, 9);
    if (instance.hasTime) {
      expect(r.timeWarp).toBeCloseTo(m.timeWarp, 6);
      expect(r.duration).toBeCloseTo(m.duration, 6);
      // The backward data of the whole route equals the forward data.
      expect(r.bTW[0]).toBeCloseTo(r.fTW[r.len + 1]!, 6);
      expect(r.bD[0]).toBeCloseTo(r.fD[r.len + 1]!, 6);
    }
  }
  return seen;
}

describe('LocalSearch', () => {
  for (const [label, make] of [
    ['CVRP (A-n45-k7)', () => cvrplibInstance('A', 'A-n45-k7')],
    ['VRPTW (R101)', () => solomonInstance('R101')],
    ['VRPTW (RC201)', () => solomonInstance('RC201')],
  ] as const) {
    it(`descends to a local optimum and keeps its route data exact — ${label}`, () => {
      const instance = make();
      const ls = new LocalSearch(instance, granularNeighbours(instance, 20));
      for (let seed = 1; seed <= 3; seed++) {
        const rng = randomStart(instance, ls, seed);
        const before = ls.totalCost();
        ls.search(rng);
        const after = ls.totalCost();
        expect(after).toBeLessThan(before);
        const seen = expectConsistent(instance, ls);
        for (let c = 1; c <= instance.n; c++) expect(seen[c]).toBe(1);
        // A second descent from the optimum finds nothing.
        ls.search(rng);
        expect(ls.totalCost()).toBeCloseTo(after, 9);
      }
    });
  }

  it('exports an individual whose costs match its routes', () => {
    const instance = solomonInstance('C101');
    const ls = new LocalSearch(instance, granularNeighbours(instance, 20));
    const rng = randomStart(instance, ls, 4, { load: 1000, time: 1000, distance: 1 });
    ls.search(rng);
    const ind = new Individual(instance.n);
    ls.exportTo(ind);
    expect(ind.distance).toBeCloseTo(
      ind.routes.reduce((a, r) => a + measureRoute(instance, r).distance, 0),
      9,
    );
    expect(Array.from(ind.tour).sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });

  it('inserts only where the route stays feasible, and restores a snapshot exactly', () => {
    const instance = solomonInstance('R105');
    const ls = new LocalSearch(instance, granularNeighbours(instance, 20));
    const strict = { load: 1e6, time: 1e6, distance: 1e6 };
    const rng = randomStart(instance, ls, 5, strict);
    ls.search(rng);
    const saved = ls.routes.map((r) => Array.from(ls.routeNodes(r)));
    const cost = ls.totalCost();
    ls.snapshot();
    // Remove a string from three routes, then put every customer back at its cheapest feasible place.
    const removed: number[] = [];
    for (const r of ls.routes.filter((x) => x.len >= 3).slice(0, 3)) {
      removed.push(...Array.from(r.nodes.subarray(1, 3)));
      ls.removeRange(r, 1, 2);
    }
    for (const c of removed) {
      const added = ls.cheapestFeasibleInsertion(c, 0, rng);
      if (added === Number.POSITIVE_INFINITY) continue;
      const r = ls.routes[ls.insRoute]!;
      ls.insertAt(c, r, ls.insAfter);
      expect(ls.routeFeasible(r)).toBe(true);
      expect(r.timeWarp).toBeLessThanOrEqual(instance.timeTolerance);
    }
    ls.search(rng, true);
    expectConsistent(instance, ls);
    ls.restore();
    expect(ls.routes.map((r) => Array.from(ls.routeNodes(r)))).toEqual(saved);
    expect(ls.totalCost()).toBeCloseTo(cost, 9);
    expectConsistent(instance, ls);
  });
});
