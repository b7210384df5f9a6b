import { createRng } from '@s2b2b/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { highs } from '../../test/highs.js';
import { randomRebalancing, solveRebalancingWithHighs } from '../../test/random-rebalance.js';
import { planRebalancing } from './plan-rebalancing.js';

let h: Awaited<ReturnType<typeof highs>>;
beforeAll(async () => {
  h = await highs();
});

describe('planRebalancing against HiGHS (seeded random cases)', () => {
  it('without fixed costs: the plan cost equals the LP optimum (150 cases, with and without a penalty)', () => {
    const rng = createRng('rebalance/lp');
    for (let t = 0; t < 150; t++) {
      const c = randomRebalancing(rng, { maxWarehouses: 12, fixedCosts: false, penalty: t % 5 !== 0 });
      const plan = planRebalancing(c);
      const ref = solveRebalancingWithHighs(h, c);
      if (ref.status === 'infeasible') {
        // Only without a penalty: then some shortage must stay unmet.
        expect(c.shortagePenalty, `case ${t}`).toBeUndefined();
        expect(
          plan.warehouses.some((w) => w.unmet > 0),
          `case ${t}`,
        ).toBe(true);
        continue;
      }
      expect(ref.status, `case ${t}`).toBe('optimal');
      expect(Number(plan.cost.total.amount()), `case ${t}`).toBe(Math.round(ref.objective));
      expect(plan.optimality.status).toBe('optimal');
    }
  });

  it('with fixed costs: branch and bound proves the MIP optimum (60 cases)', () => {
    const rng = createRng('rebalance/mip');
    for (let t = 0; t < 60; t++) {
      const c = randomRebalancing(rng, { maxWarehouses: 7, fixedCosts: true, penalty: true });
      const plan = planRebalancing(c);
      const ref = solveRebalancingWithHighs(h, c);
      expect(ref.status, `case ${t}`).toBe('optimal');
      expect(plan.optimality.status, `case ${t}`).toBe('optimal');
      expect(Number(plan.cost.total.amount()), `case ${t}`).toBe(Math.round(ref.objective));
    }
  });
});
