import { createRng } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { Individual } from './individual.js';
import { Population } from './population.js';

function randomIndividual(n: number, seed: number, cost: number, feasible: boolean): Individual {
  const rng = createRng(seed);
  const perm = Array.from({ length: n }, (_, i) => i + 1);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [perm[i], perm[j]] = [perm[j]!, perm[i]!];
  }
  const ind = new Individual(n);
  ind.routes = [Int32Array.from(perm.slice(0, n / 2)), Int32Array.from(perm.slice(n / 2))];
  ind.routeTypes = [0, 0];
  ind.index();
  ind.distance = cost;
  ind.loadFeasible = feasible;
  if (!feasible) ind.excessLoad = 1;
  return ind;
}

describe('Population', () => {
  const w = { load: 10, time: 1, distance: 1 };

  it('keeps μ survivors once μ + λ is reached, sorted by cost, the best always kept', () => {
    const pop = new Population({ mu: 5, lambda: 5, elite: 2, close: 2 });
    for (let k = 0; k < 9; k++) pop.add(randomIndividual(20, k, 100 + k, true), w);
    expect(pop.feasible).toHaveLength(9);
    pop.add(randomIndividual(20, 99, 50, true), w);
    expect(pop.feasible).toHaveLength(5);
    expect(pop.feasible[0]!.cost).toBe(50);
    const costs = pop.feasible.map((i) => i.penalisedCost);
    expect(costs).toEqual([...costs].sort((a, b) => a - b));
    // Proximity lists only hold survivors.
    for (const ind of pop.feasible) {
      expect(ind.proximity).toHaveLength(4);
      for (const p of ind.proximity) expect(pop.feasible).toContain(p.other);
    }
  });

  it('removes clones first', () => {
    const pop = new Population({ mu: 3, lambda: 2, elite: 1, close: 1 });
    const base = randomIndividual(20, 1, 10, true);
    pop.add(base, w);
    pop.add(randomIndividual(20, 2, 30, true), w);
    pop.add(randomIndividual(20, 3, 40, true), w);
    const clone = randomIndividual(20, 1, 20, true); // same routes as `base`, cheaper than two others
    pop.add(clone, w);
    pop.add(randomIndividual(20, 4, 35, true), w);
    expect(pop.feasible).toHaveLength(3);
    // Of the two identical solutions only one survives.
    expect(pop.feasible.filter((i) => i.brokenPairs(base) === 0)).toHaveLength(1);
  });

  it('sends infeasible solutions to their own sub-population and re-prices them', () => {
    const pop = new Population();
    pop.add(randomIndividual(20, 5, 100, false), w);
    expect(pop.infeasible).toHaveLength(1);
    expect(pop.infeasible[0]!.penalisedCost).toBe(110);
    pop.repenalise({ load: 50, time: 1, distance: 1 });
    expect(pop.infeasible[0]!.penalisedCost).toBe(150);
    const rng = createRng(1);
    expect(pop.tournament(rng)).toBe(pop.infeasible[0]);
  });
});
