/**
 * Minimum-cost flow with fixed charges on some arcs (a lane used at all pays its fixed cost once):
 * a fixed-charge network flow problem, NP-hard in general, solved exactly by branch and bound
 * whose every relaxation is itself a minimum-cost flow.
 *
 * - Relaxation: a free fixed-charge arc costs c + F/U per unit (U its largest possible flow) —
 *   the linear-programming relaxation of x <= U·y, y ∈ {0, 1}, which is a flow problem again;
 *   an arc fixed open costs c (F paid up front), an arc fixed closed has no capacity.
 * - Bounds: every relaxation's flow is feasible, so its true cost is an upper bound; the
 *   relaxation's cost is a lower bound for its subtree. Branch on the free arc whose charge the
 *   relaxation understates most, F·(1 − x/U); best-first; stop when the bounds meet or the node
 *   budget is spent (then the gap is reported).
 * - First incumbent: dynamic slope scaling (Kim & Pardalos 1999), re-linearising each used arc
 *   at c + F/x until the flows repeat.
 *
 * Costs are integers (scaled); F/U is scaled by a power of two S and floored so relaxations stay
 * integral and still bound from below.
 */

import { exactFlowCost } from '../flow/min-cost-flow.js';
import { networkSimplex } from '../flow/network-simplex.js';
import { maxCostFor } from '../flow/schemas.js';

/** A balanced flow problem with integer costs, plus the arcs that carry a fixed charge. Internal. */
export interface FixedChargeProblem {
  nodes: number;
  supply: Float64Array;
  from: Int32Array;
  to: Int32Array;
  cost: Float64Array;
  capacity: Float64Array;
  /** Fixed-charge arcs: arc index, fixed cost (integer, same units as cost), largest possible flow. */
  fixed: { arc: number; charge: number; bound: number }[];
}

/** Result of `solveFixedCharge`. Internal. */
export interface FixedChargeSolution {
  status: 'optimal' | 'infeasible';
  flow: Float64Array;
  /** True cost: Σ cost·flow + Σ charges of fixed arcs with flow. */
  cost: bigint;
  /** A proven lower bound on the optimum. */
  lowerBound: bigint;
  proven: boolean;
  branchNodes: number;
}

/** The true cost of a flow: linear part plus the charge of every used fixed-charge arc. */
function trueCost(p: FixedChargeProblem, flow: Float64Array): bigint {
  let total = exactFlowCost(flow, p.cost);
  for (const f of p.fixed) if ((flow[f.arc] as number) > 0) total += BigInt(f.charge);
  return total;
}

/** Ceiling of a / b for b > 0. */
function ceilDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return q * b < a ? q + 1n : q;
}

/** Binary min-heap on a bigint key. */
class Heap<T> {
  private items: { key: bigint; order: number; value: T }[] = [];
  private counter = 0;
  get size(): number {
    return this.items.length;
  }
  push(key: bigint, value: T): void {
    const items = this.items;
    items.push({ key, order: this.counter++, value });
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }
  peekKey(): bigint | undefined {
    return this.items[0]?.key;
  }
  pop(): { key: bigint; value: T } | undefined {
    const items = this.items;
    const top = items[0];
    if (top === undefined) return undefined;
    const last = items.pop()!;
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let best = i;
        if (l < items.length && this.less(l, best)) best = l;
        if (r < items.length && this.less(r, best)) best = r;
        if (best === i) break;
        [items[i], items[best]] = [items[best]!, items[i]!];
        i = best;
      }
    }
    return top;
  }
  private less(a: number, b: number): boolean {
    const x = this.items[a]!;
    const y = this.items[b]!;
    return x.key < y.key || (x.key === y.key && x.order < y.order);
  }
}

const FREE = 0;
const OPEN = 1;
const CLOSED = -1;

/**
 * Solves the fixed-charge flow problem by branch and bound (see the module notes). Internal.
 *
 * @example
 * solveFixedCharge(problem, 20_000) // { status: 'optimal', cost, lowerBound: cost, proven: true, ... }
 */
export function solveFixedCharge(p: FixedChargeProblem, maxNodes: number): FixedChargeSolution {
  const m = p.from.length;
  let maxCost = 0;
  for (let e = 0; e < m; e++) maxCost = Math.max(maxCost, Math.abs(p.cost[e] as number));
  let maxCharge = 0;
  for (const f of p.fixed) maxCharge = Math.max(maxCharge, f.charge);
  const limit = maxCostFor(p.nodes);
  // The largest power of two S <= 2^20 with S·(max cost + max charge) within the exact range.
  let scale = 2 ** 20;
  while (scale > 1 && scale * (maxCost + maxCharge) > limit) scale /= 2;
  const S = BigInt(scale);

  // floor(S·F/U) per fixed arc, exactly: the relaxation stays a lower bound.
  const linearised = p.fixed.map((f) => Number((BigInt(scale * f.charge) / BigInt(f.bound)) as bigint));
  const relaxCost = new Float64Array(m);
  const relaxCap = new Float64Array(m);
  const solveWith = (
    status: Int8Array,
    slope?: Float64Array,
  ): { flow: Float64Array; value: bigint; ok: boolean } => {
    for (let e = 0; e < m; e++) {
      relaxCost[e] = scale * (p.cost[e] as number);
      relaxCap[e] = p.capacity[e] as number;
    }
    let openCharges = 0n;
    p.fixed.forEach((f, i) => {
      const st = status[i] as number;
      if (st === CLOSED) relaxCap[f.arc] = 0;
      else if (st === OPEN) openCharges += BigInt(f.charge);
      else {
        const extra =
          slope === undefined ? (linearised[i] as number) : Math.floor(scale * (slope[i] as number));
        relaxCost[f.arc] = (relaxCost[f.arc] as number) + extra;
      }
    });
    const outcome = networkSimplex(p.nodes, p.supply, p.from, p.to, relaxCost, relaxCap);
    const ok = outcome.status === 'optimal';
    const value = ok ? ceilDiv(exactFlowCost(outcome.flow, relaxCost), S) + openCharges : 0n;
    return { flow: outcome.flow, value, ok };
  };

  const k = p.fixed.length;
  const rootStatus = new Int8Array(k);
  const root = solveWith(rootStatus);
  if (!root.ok) {
    return { status: 'infeasible', flow: root.flow, cost: 0n, lowerBound: 0n, proven: true, branchNodes: 1 };
  }
  let bestFlow = root.flow;
  let best = trueCost(p, root.flow);

  // Dynamic slope scaling for a strong first incumbent.
  const slope = new Float64Array(k);
  p.fixed.forEach((f, i) => {
    slope[i] = f.charge / f.bound;
  });
  let previous = root.flow;
  for (let iteration = 0; iteration < 30; iteration++) {
    p.fixed.forEach((f, i) => {
      const x = previous[f.arc] as number;
      if (x > 0) slope[i] = f.charge / x;
    });
    const r = solveWith(rootStatus, slope);
    if (!r.ok) break;
    const c = trueCost(p, r.flow);
    if (c < best) {
      best = c;
      bestFlow = r.flow;
    }
    let same = true;
    for (const f of p.fixed) if (r.flow[f.arc] !== previous[f.arc]) same = false;
    previous = r.flow;
    if (same) break;
  }

  const heap = new Heap<{ status: Int8Array; flow: Float64Array }>();
  heap.push(root.value, { status: rootStatus, flow: root.flow });
  let nodes = 1;
  while (heap.size > 0) {
    const top = heap.peekKey() as bigint;
    if (top >= best) break; // every open node is bounded below by the incumbent
    if (nodes >= maxNodes) break;
    const { value: node } = heap.pop()!;
    // The free arc whose charge the relaxation understates most.
    let branch = -1;
    let worst = 0;
    p.fixed.forEach((f, i) => {
      if (node.status[i] !== FREE) return;
      const x = node.flow[f.arc] as number;
      if (x <= 0) return;
      const understated = f.charge * (1 - x / f.bound);
      if (understated > worst) {
        worst = understated;
        branch = i;
      }
    });
    if (branch === -1) continue; // the relaxation is exact here: its flow was already an incumbent candidate
    for (const choice of [OPEN, CLOSED]) {
      const status = node.status.slice();
      status[branch] = choice;
      const child = solveWith(status);
      nodes++;
      if (!child.ok) continue;
      const c = trueCost(p, child.flow);
      if (c < best) {
        best = c;
        bestFlow = child.flow;
      }
      if (child.value < best) heap.push(child.value, { status, flow: child.flow });
    }
  }
  const remaining = heap.peekKey();
  const lowerBound = remaining === undefined || remaining > best ? best : remaining;
  return {
    status: 'optimal',
    flow: bestFlow,
    cost: best,
    lowerBound,
    proven: lowerBound >= best,
    branchNodes: nodes,
  };
}
