import { createRng } from '@s2b2b/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomNetwork } from '../../test/random-flow.js';
import { verifyMinCostFlow } from './certificate.js';
import { minCostFlow } from './min-cost-flow.js';

describe('minCostFlow certificate (properties)', () => {
  it('optimal results satisfy conservation, capacities, integrality and reduced-cost optimality', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const p = randomNetwork(createRng(seed), 60);
        const r = minCostFlow(p);
        if (r.status === 'optimal') {
          const check = verifyMinCostFlow(p, r);
          expect(check.violations).toEqual([]);
          expect(check.optimal).toBe(true);
        } else {
          expect(r.status).toBe('infeasible');
          // Capacities hold and the imbalance is what the flow leaves over.
          for (let e = 0; e < p.from.length; e++) {
            expect(r.flow[e]).toBeGreaterThanOrEqual(0);
            expect(r.flow[e]).toBeLessThanOrEqual(p.capacity[e] as number);
          }
          let residual = 0;
          for (const x of r.imbalance) residual += Math.abs(x);
          expect(residual).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the cost is invariant under arc order and node relabelling', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const rng = createRng(seed);
        const p = randomNetwork(rng, 25);
        const r = minCostFlow(p);
        const arcOrder = rng.shuffle(p.from.map((_, e) => e));
        const label = rng.shuffle(Array.from({ length: p.nodes }, (_, v) => v));
        const supply = new Array<number>(p.nodes).fill(0);
        for (let v = 0; v < p.nodes; v++) supply[label[v] as number] = p.supply[v] as number;
        const q = {
          nodes: p.nodes,
          supply,
          from: arcOrder.map((e) => label[p.from[e] as number] as number),
          to: arcOrder.map((e) => label[p.to[e] as number] as number),
          cost: arcOrder.map((e) => p.cost[e] as number),
          capacity: arcOrder.map((e) => p.capacity[e] as number),
        };
        const s = minCostFlow(q);
        expect(s.status).toBe(r.status);
        if (r.status === 'optimal') expect(s.cost).toBe(r.cost);
      }),
      { numRuns: 200 },
    );
  });
});
