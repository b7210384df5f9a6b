import { parseInput } from '@s2b2b/core';
import { networkSimplex } from './network-simplex.js';
import { type MinCostFlowInput, minCostFlowInputSchema } from './schemas.js';

/**
 * The solution of a minimum-cost flow problem.
 *
 * @example
 * const r: MinCostFlowResult = { status: 'optimal', cost: 11, exactCost: 11n, flow: Float64Array.of(3, 1, 3), potential: Float64Array.of(0, 1, 3), imbalance: new Float64Array(3), pivots: 3 }
 */
export interface MinCostFlowResult {
  /**
   * `optimal`; `infeasible` when capacities cannot route every supply (then `flow` is the largest
   * routable flow of least cost, and `imbalance` shows what stayed); `unbounded` when a cycle of
   * negative cost has unlimited capacity.
   */
  status: 'optimal' | 'infeasible' | 'unbounded';
  /** Σ cost·flow as the nearest double (exact up to 2^53; see `exactCost`). */
  cost: number;
  /** Σ cost·flow, exact at any size. */
  exactCost: bigint;
  /** Flow per arc, in input order; integers. */
  flow: Float64Array;
  /**
   * Node potentials π certifying optimality: the reduced cost c + π(from) − π(to) is >= 0 on
   * every arc with flow below capacity and <= 0 on every arc with positive flow. π(v) is the
   * marginal value of a unit at v (higher at sinks).
   */
  potential: Float64Array;
  /** supply − (out − in) per node: 0 everywhere unless `infeasible`. */
  imbalance: Float64Array;
  /** Simplex pivots performed (a measure of work). */
  pivots: number;
}

/**
 * Minimum-cost flow: ships every node's supply to the sinks at least total cost, within arc
 * capacities. Nodes are 0..nodes − 1; `supply` is positive at sources and negative at sinks and
 * must sum to 0; arcs are parallel arrays `from`, `to`, `cost`, `capacity` (plain arrays or typed
 * arrays; capacity omitted or `Infinity` means unlimited); parallel arcs and self-loops are
 * allowed. Integer data gives an integer optimal flow.
 *
 * Solved by the primal network simplex (block-search pricing, strongly feasible trees), which the
 * benchmark in this package's README measures against HiGHS. Exactness: inputs are integers
 * checked so that every potential and reduced cost is an exact double (|cost| up to
 * `maxCostFor(nodes)`, supplies and capacities up to 2^53 − 1), and the total cost, which may
 * exceed 2^53 (1e6 units × 1e7 fen × many arcs), is accumulated exactly into the bigint
 * `exactCost`; `cost` is its nearest double.
 *
 * An infeasible problem is reported in the result, never thrown. Throws `ValidationError` (paths
 * such as `['cost', 17]`) on malformed input, unbalanced supplies, non-integers or values too
 * large to stay exact.
 *
 * @example
 * const r = minCostFlow({ nodes: 3, supply: [4, 0, -4], from: [0, 0, 1], to: [1, 2, 2], cost: [1, 5, 1], capacity: [3, Infinity, 3] })
 * r.status // 'optimal'
 * r.flow // Float64Array [3, 1, 3]: three units via node 1 (cost 2 each), one direct (cost 5)
 * r.cost // 11
 */
export function minCostFlow(input: MinCostFlowInput): MinCostFlowResult {
  const { nodes, supply, from, to, cost, capacity } = parseInput(minCostFlowInputSchema, input);
  const outcome = networkSimplex(nodes, supply, from, to, cost, capacity);
  const { flow } = outcome;
  const imbalance = new Float64Array(nodes);
  for (let v = 0; v < nodes; v++) imbalance[v] = supply[v] as number;
  for (let e = 0; e < flow.length; e++) {
    const f = flow[e] as number;
    if (f === 0) continue;
    imbalance[from[e] as number] = (imbalance[from[e] as number] as number) - f;
    imbalance[to[e] as number] = (imbalance[to[e] as number] as number) + f;
  }
  const exactCost = outcome.status === 'unbounded' ? 0n : exactFlowCost(flow, cost);
  return {
    status: outcome.status,
    cost: outcome.status === 'unbounded' ? Number.NEGATIVE_INFINITY : Number(exactCost),
    exactCost,
    flow,
    potential: outcome.potential,
    imbalance,
    pivots: outcome.pivots,
  };
}

const TWO_53 = 2 ** 53;

/**
 * Σ flow·cost exactly: products and partial sums below 2^53 are exact doubles; a partial sum is
 * moved into a bigint before it could pass 2^53, and larger products are formed as bigints.
 */
export function exactFlowCost(flow: ArrayLike<number>, cost: ArrayLike<number>): bigint {
  let total = 0n;
  let acc = 0;
  for (let e = 0; e < flow.length; e++) {
    const f = flow[e] as number;
    if (f === 0) continue;
    const c = cost[e] as number;
    const p = f * c;
    if (Math.abs(p) < TWO_53) {
      if (Math.abs(acc) + Math.abs(p) >= TWO_53) {
        total += BigInt(acc);
        acc = 0;
      }
      acc += p;
    } else {
      total += BigInt(f) * BigInt(c);
    }
  }
  return total + BigInt(acc);
}
