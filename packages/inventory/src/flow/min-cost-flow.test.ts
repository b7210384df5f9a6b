import { ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { thrown } from '../../test/helpers.js';
import { verifyMinCostFlow } from './certificate.js';
import { exactFlowCost, minCostFlow } from './min-cost-flow.js';
import { maxCostFor } from './schemas.js';

describe('minCostFlow', () => {
  it('routes through the cheaper path up to its capacity (by hand)', () => {
    const problem = {
      nodes: 3,
      supply: [4, 0, -4],
      from: [0, 0, 1],
      to: [1, 2, 2],
      cost: [1, 5, 1],
      capacity: [3, Infinity, 3],
    };
    const r = minCostFlow(problem);
    expect(r.status).toBe('optimal');
    expect(Array.from(r.flow)).toEqual([3, 1, 3]);
    expect(r.cost).toBe(11);
    expect(r.exactCost).toBe(11n);
    expect(Array.from(r.imbalance)).toEqual([0, 0, 0]);
    expect(verifyMinCostFlow(problem, r)).toEqual({ feasible: true, optimal: true, violations: [] });
  });

  it('parallel lanes: the cheap lane fills first, then the dear one', () => {
    const problem = {
      nodes: 2,
      supply: [10, -10],
      from: [0, 0, 0],
      to: [1, 1, 1],
      cost: [7, 3, 5],
      capacity: [100, 4, 5],
    };
    const r = minCostFlow(problem);
    expect(Array.from(r.flow)).toEqual([1, 4, 5]);
    expect(r.cost).toBe(7 + 12 + 25);
    expect(verifyMinCostFlow(problem, r).optimal).toBe(true);
  });

  it('accepts typed arrays and omitted capacities', () => {
    const r = minCostFlow({
      nodes: 4,
      supply: Int32Array.of(5, 3, -6, -2),
      from: Uint16Array.of(0, 0, 1, 1),
      to: Uint8Array.of(2, 3, 2, 3),
      cost: Float64Array.of(4, 6, 5, 2),
    });
    expect(r.status).toBe('optimal');
    // 1 → 3 takes 2 at cost 2, the rest to 2: 0 → 2 five at 4, 1 → 2 one at 5.
    expect(Array.from(r.flow)).toEqual([5, 0, 1, 2]);
    expect(r.cost).toBe(29);
  });

  it('infeasible capacities are reported, not thrown, with the largest routable flow', () => {
    const problem = {
      nodes: 3,
      supply: [10, 0, -10],
      from: [0, 1, 0],
      to: [1, 2, 2],
      cost: [1, 1, 9],
      capacity: [4, 3, 2],
    };
    const r = minCostFlow(problem);
    expect(r.status).toBe('infeasible');
    expect(Array.from(r.flow)).toEqual([3, 3, 2]); // 5 routed: the most the cuts allow
    expect(Array.from(r.imbalance)).toEqual([5, 0, -5]);
    expect(r.cost).toBe(3 + 3 + 18);
    expect(verifyMinCostFlow(problem, r).feasible).toBe(false);
  });

  it('a negative-cost cycle of unlimited capacity is unbounded; with capacity it is saturated', () => {
    const open = minCostFlow({ nodes: 2, supply: [0, 0], from: [0, 1], to: [1, 0], cost: [-3, 1] });
    expect(open.status).toBe('unbounded');
    const capped = {
      nodes: 2,
      supply: [0, 0],
      from: [0, 1],
      to: [1, 0],
      cost: [-3, 1],
      capacity: [5, Infinity],
    };
    const r = minCostFlow(capped);
    expect(r.status).toBe('optimal');
    expect(Array.from(r.flow)).toEqual([5, 5]);
    expect(r.cost).toBe(-10);
    expect(verifyMinCostFlow(capped, r).optimal).toBe(true);
  });

  it('self-loops carry their capacity only when they pay; zero capacities and no arcs', () => {
    const problem = {
      nodes: 2,
      supply: [1, -1],
      from: [0, 1, 0, 0],
      to: [0, 1, 1, 1],
      cost: [-2, 4, 1, 0],
      capacity: [3, 9, 1, 0],
    };
    const r = minCostFlow(problem);
    expect(Array.from(r.flow)).toEqual([3, 0, 1, 0]);
    expect(r.cost).toBe(-5);
    expect(verifyMinCostFlow(problem, r).optimal).toBe(true);
    expect(minCostFlow({ nodes: 2, supply: [0, 0], from: [], to: [], cost: [] }).status).toBe('optimal');
    expect(minCostFlow({ nodes: 2, supply: [1, -1], from: [], to: [], cost: [] }).status).toBe('infeasible');
    expect(minCostFlow({ nodes: 2, supply: [0, 0], from: [0], to: [0], cost: [-1] }).status).toBe(
      'unbounded',
    );
  });

  it('totals beyond 2^53 are exact in exactCost', () => {
    // 1,000 arcs each carrying 10^6 units at a cost of 10^10: every product is 10^16 > 2^53.
    const n = 1001;
    const supply = new Float64Array(n);
    const from: number[] = [];
    const to: number[] = [];
    const cost: number[] = [];
    for (let i = 1; i < n; i++) {
      supply[0] = (supply[0] as number) + 1e6;
      supply[i] = -1e6;
      from.push(0);
      to.push(i);
      cost.push(1e10 + i);
    }
    const r = minCostFlow({ nodes: n, supply, from, to, cost });
    let expected = 0n;
    for (let i = 1; i < n; i++) expected += 1_000_000n * BigInt(1e10 + i);
    expect(r.exactCost).toBe(expected); // 10,000,500,500,000,000,000
    expect(r.cost).toBe(Number(expected));
    // Float accumulation would already be off here:
    let naive = 0;
    for (let i = 1; i < n; i++) naive += 1e6 * (1e10 + i);
    expect(BigInt(naive)).not.toBe(expected);
  });

  it('exactFlowCost mixes small and huge products exactly', () => {
    const flow = [2 ** 52, 3, 2 ** 40, 1, 7];
    const cost = [3, -(2 ** 50), 2 ** 30, 2 ** 53 - 1, -1];
    const expected = 2n ** 52n * 3n - 3n * 2n ** 50n + 2n ** 70n + (2n ** 53n - 1n) - 7n;
    expect(exactFlowCost(flow, cost)).toBe(expected);
  });

  it('rejects malformed input naming the field', () => {
    const base = { nodes: 2, supply: [1, -1], from: [0], to: [1], cost: [1] };
    const cases: [unknown, (string | number)[]][] = [
      [{ ...base, supply: [1, -2] }, ['supply']],
      [{ ...base, supply: [1] }, ['supply']],
      [{ ...base, to: [2] }, ['to', 0]],
      [{ ...base, from: [-1] }, ['from', 0]],
      [{ ...base, cost: [1.5] }, ['cost', 0]],
      [{ ...base, cost: [] }, ['cost']],
      [{ ...base, capacity: [-1] }, ['capacity', 0]],
      [{ ...base, capacity: [Number.NaN] }, ['capacity', 0]],
      [{ ...base, supply: [0.5, -0.5] }, ['supply', 0]],
      [{ ...base, cost: [maxCostFor(2) + 1] }, ['cost']],
      [{ ...base, nodes: 0 }, ['nodes']],
      [{ ...base, from: 'abc' }, ['from']],
      [{ ...base, extra: 1 }, []],
    ];
    for (const [input, path] of cases) {
      const e = thrown(() => minCostFlow(input as never));
      expect(e).toBeInstanceOf(ValidationError);
      expect(e.issues?.[0]?.path).toEqual(path);
    }
    expect(thrown(() => minCostFlow(undefined as never)).code).toBe('VALIDATION');
  });
});
