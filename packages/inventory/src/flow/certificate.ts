import { parseInput } from '@s2b2b/core';
import { type MinCostFlowInput, minCostFlowInputSchema } from './schemas.js';

/**
 * One way a flow fails to be a certified optimum.
 *
 * @example
 * const v: FlowViolation = { kind: 'reduced-cost', arc: 4, detail: 'flow 0 < capacity 5 but reduced cost −2' }
 */
export interface FlowViolation {
  kind: 'conservation' | 'capacity' | 'reduced-cost' | 'integrality';
  node?: number;
  arc?: number;
  detail: string;
}

/**
 * The verdict of `verifyMinCostFlow`.
 *
 * @example
 * const c: FlowCertificateCheck = { feasible: true, optimal: true, violations: [] }
 */
export interface FlowCertificateCheck {
  /** Conservation, 0 <= flow <= capacity and integrality hold. */
  feasible: boolean;
  /** Feasible, and the potentials satisfy complementary slackness: a proof of optimality. */
  optimal: boolean;
  /** The first violations found (at most 20). */
  violations: FlowViolation[];
}

/**
 * Checks a flow and node potentials against a problem without trusting the solver: flow
 * conservation at every node (out − in = supply), 0 <= flow <= capacity, integer flows, and the
 * optimality conditions — reduced cost c + π(from) − π(to) >= 0 where flow < capacity and <= 0
 * where flow > 0. By LP duality a feasible flow with such potentials is a minimum-cost flow.
 * Throws `ValidationError` when the problem itself is malformed.
 *
 * @example
 * const problem = { nodes: 2, supply: [5, -5], from: [0], to: [1], cost: [3] }
 * const r = minCostFlow(problem)
 * verifyMinCostFlow(problem, r).optimal // true
 */
export function verifyMinCostFlow(
  problem: MinCostFlowInput,
  solution: { flow: ArrayLike<number>; potential: ArrayLike<number> },
): FlowCertificateCheck {
  const { nodes, supply, from, to, cost, capacity } = parseInput(minCostFlowInputSchema, problem);
  const violations: FlowViolation[] = [];
  const add = (v: FlowViolation) => {
    if (violations.length < 20) violations.push(v);
  };
  const { flow, potential } = solution;
  let feasible = true;
  let slack = true;
  if (flow.length !== from.length || potential.length !== nodes) {
    return {
      feasible: false,
      optimal: false,
      violations: [{ kind: 'conservation', detail: `Expected ${from.length} flows and ${nodes} potentials` }],
    };
  }
  const balance = new Float64Array(nodes);
  for (let e = 0; e < from.length; e++) {
    const f = flow[e] as number;
    const k = capacity === undefined ? Number.POSITIVE_INFINITY : (capacity[e] as number);
    if (!Number.isInteger(f)) {
      feasible = false;
      add({ kind: 'integrality', arc: e, detail: `flow ${f} is not an integer` });
    }
    if (!(f >= 0 && f <= k)) {
      feasible = false;
      add({ kind: 'capacity', arc: e, detail: `flow ${f} outside [0, ${k}]` });
    }
    const u = from[e] as number;
    const v = to[e] as number;
    balance[u] = (balance[u] as number) + f;
    balance[v] = (balance[v] as number) - f;
    const rc = (cost[e] as number) + (potential[u] as number) - (potential[v] as number);
    if (f < k && rc < 0) {
      slack = false;
      add({ kind: 'reduced-cost', arc: e, detail: `flow ${f} < capacity ${k} but reduced cost ${rc}` });
    }
    if (f > 0 && rc > 0) {
      slack = false;
      add({ kind: 'reduced-cost', arc: e, detail: `flow ${f} > 0 but reduced cost ${rc}` });
    }
  }
  for (let v = 0; v < nodes; v++) {
    if (balance[v] !== (supply[v] as number)) {
      feasible = false;
      add({ kind: 'conservation', node: v, detail: `out − in = ${balance[v]}, supply ${supply[v]}` });
    }
  }
  return { feasible, optimal: feasible && slack, violations };
}
