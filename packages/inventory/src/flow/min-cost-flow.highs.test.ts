import { createRng } from '@s2b2b/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { highs, solveFlowWithHighs } from '../../test/highs.js';
import {
  randomNetwork,
  randomTransport,
  solveTransportWithHighs,
  transportAsFlow,
  withArtificialRoot,
} from '../../test/random-flow.js';
import { verifyMinCostFlow } from './certificate.js';
import { minCostFlow } from './min-cost-flow.js';

type H = Awaited<ReturnType<typeof highs>>;
let h: H;
beforeAll(async () => {
  h = await highs();
});

/** HiGHS's objective rounded: every instance has integer data, so the LP optimum is an integer. */
const rounded = (x: number) => Math.round(x);

describe('minCostFlow against HiGHS (seeded random instances)', () => {
  it('300 general networks: parallel arcs, capacities, negative costs, transshipment, infeasible', () => {
    const rng = createRng('min-cost-flow/networks');
    const seen = { optimal: 0, infeasible: 0 };
    for (let t = 0; t < 300; t++) {
      const p = randomNetwork(rng, t < 280 ? 30 : 120);
      const ours = minCostFlow(p);
      const ref = solveFlowWithHighs(h, p);
      if (ours.status === 'optimal') {
        seen.optimal++;
        expect(ref.status, `instance ${t}`).toBe('optimal');
        expect(ours.cost, `instance ${t}`).toBe(rounded(ref.objective));
        expect(verifyMinCostFlow(p, ours).optimal, `instance ${t}`).toBe(true);
      } else {
        seen.infeasible++;
        expect(ours.status, `instance ${t}`).toBe('infeasible');
        expect(['infeasible', 'empty'], `instance ${t}`).toContain(ref.status);
        // The partial flow is the optimum of the big-M relaxation: the most flow routed at least cost.
        let maxAbs = 0;
        for (const c of p.cost) maxAbs = Math.max(maxAbs, Math.abs(c));
        const big = (maxAbs + 1) * (p.nodes + 1);
        const relaxed = solveFlowWithHighs(h, withArtificialRoot(p, big));
        let unmet = 0;
        for (let v = 0; v < p.nodes; v++)
          if ((p.supply[v] as number) < 0) unmet += -Math.min(0, ours.imbalance[v] as number);
        expect(ours.cost + big * unmet, `instance ${t}`).toBe(rounded(relaxed.objective));
        for (let e = 0; e < p.from.length; e++) {
          expect(ours.flow[e]).toBeGreaterThanOrEqual(0);
          expect(ours.flow[e]).toBeLessThanOrEqual(p.capacity[e] as number);
        }
      }
    }
    expect(seen.optimal).toBeGreaterThan(50);
    expect(seen.infeasible).toBeGreaterThan(50);
  });

  it('220 unbalanced transportation problems (dummy sink, penalty source) from 1×1 to 200×200', () => {
    const rng = createRng('min-cost-flow/transport');
    const seen = { surplus: 0, shortage: 0, infeasible: 0 };
    for (let t = 0; t < 220; t++) {
      const side = t < 200 ? 25 : t < 215 ? 80 : 200;
      const c = randomTransport(rng, side);
      const p = transportAsFlow(c);
      const ours = minCostFlow(p);
      const ref = solveTransportWithHighs(h, c);
      const surplus = c.donors.reduce((a, b) => a + b, 0);
      const shortage = c.receivers.reduce((a, b) => a + b, 0);
      if (surplus >= shortage) seen.surplus++;
      else seen.shortage++;
      if (ref.status === 'infeasible') {
        seen.infeasible++;
        expect(ours.status, `instance ${t}`).toBe('infeasible');
        continue;
      }
      expect(ref.status, `instance ${t}`).toBe('optimal');
      expect(ours.status, `instance ${t}`).toBe('optimal');
      expect(ours.cost, `instance ${t}`).toBe(rounded(ref.objective));
      expect(verifyMinCostFlow(p, ours).optimal).toBe(true);
      for (const f of ours.flow) expect(Number.isInteger(f)).toBe(true);
    }
    expect(seen.surplus).toBeGreaterThan(30);
    expect(seen.shortage).toBeGreaterThan(30);
    expect(seen.infeasible).toBeGreaterThan(5);
  });
});
