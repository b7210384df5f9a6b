import type { Rng } from '@s2b2b/core';
import type { Highs } from 'highs';
import type { FlowProblem } from './highs.js';

/** A random balanced network: transshipment nodes, parallel arcs, capacities, some negative costs on capacitated arcs. */
export function randomNetwork(
  rng: Rng,
  maxNodes = 40,
): FlowProblem & { supply: number[]; from: number[]; to: number[]; cost: number[]; capacity: number[] } {
  const nodes = rng.int(2, maxNodes);
  const supply = new Array<number>(nodes).fill(0);
  const pairs = rng.int(1, nodes);
  for (let i = 0; i < pairs; i++) {
    const a = rng.int(0, nodes - 1);
    const b = rng.int(0, nodes - 1);
    const q = rng.int(0, 30);
    supply[a] = (supply[a] as number) + q;
    supply[b] = (supply[b] as number) - q;
  }
  const arcs = rng.int(0, nodes * 5);
  const from: number[] = [];
  const to: number[] = [];
  const cost: number[] = [];
  const capacity: number[] = [];
  for (let e = 0; e < arcs; e++) {
    const u = rng.int(0, nodes - 1);
    const v = rng.next() < 0.05 ? u : rng.int(0, nodes - 1);
    const copies = rng.next() < 0.2 ? rng.int(2, 3) : 1; // parallel lanes
    for (let c = 0; c < copies; c++) {
      const finite = rng.next() < 0.75;
      const w = rng.next() < 0.1 ? 0 : rng.int(0, 10_000);
      from.push(u);
      to.push(v);
      // Negative costs only on capacitated arcs, so no cycle is unbounded.
      cost.push(finite && rng.next() < 0.15 ? -rng.int(1, 500) : w);
      capacity.push(finite ? rng.int(0, 40) : Number.POSITIVE_INFINITY);
    }
  }
  return { nodes, supply, from, to, cost, capacity };
}

/** A random transportation problem with unequal totals, 0–3 lanes per pair and a shortage penalty. */
export interface TransportCase {
  donors: number[];
  receivers: number[];
  lanes: { from: number; to: number; cost: number; capacity: number }[];
  /** Cost per unit left unmet; `undefined` means every shortage must be met (may be infeasible). */
  penalty: number | undefined;
}

export function randomTransport(rng: Rng, maxSide: number): TransportCase {
  const m = rng.int(1, maxSide);
  const n = rng.int(1, maxSide);
  const donors = Array.from({ length: m }, () => rng.int(0, 60));
  const receivers = Array.from({ length: n }, () => rng.int(0, 60));
  const lanes: TransportCase['lanes'] = [];
  const density = rng.next() < 0.5 ? 1 : rng.uniform(0.2, 1);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      if (rng.next() > density) continue;
      const copies = rng.int(0, 3);
      for (let c = 0; c < copies; c++) {
        lanes.push({
          from: i,
          to: j,
          cost: rng.next() < 0.05 ? 0 : rng.int(0, 10_000),
          capacity: rng.next() < 0.4 ? Number.POSITIVE_INFINITY : rng.int(0, 50),
        });
      }
    }
  }
  const penalty = rng.next() < 0.8 ? rng.int(1, 20_000) : undefined;
  return { donors, receivers, lanes, penalty };
}

/**
 * The transportation case as a balanced min-cost-flow problem: a dummy sink takes unused surplus
 * (cost 0) and, with a penalty, a dummy source covers any shortage at the penalty.
 */
export function transportAsFlow(
  t: TransportCase,
): FlowProblem & { supply: number[]; from: number[]; to: number[]; cost: number[]; capacity: number[] } {
  const m = t.donors.length;
  const n = t.receivers.length;
  const sink = m + n;
  const source = m + n + 1;
  const nodes = m + n + 2;
  const supply = new Array<number>(nodes).fill(0);
  const from: number[] = [];
  const to: number[] = [];
  const cost: number[] = [];
  const capacity: number[] = [];
  const arc = (u: number, v: number, c: number, k: number) => {
    from.push(u);
    to.push(v);
    cost.push(c);
    capacity.push(k);
  };
  let surplus = 0;
  let shortage = 0;
  t.donors.forEach((s, i) => {
    supply[i] = s;
    surplus += s;
    arc(i, sink, 0, Number.POSITIVE_INFINITY);
  });
  t.receivers.forEach((d, j) => {
    supply[m + j] = -d;
    shortage += d;
  });
  for (const lane of t.lanes) arc(lane.from, m + lane.to, lane.cost, lane.capacity);
  if (t.penalty !== undefined) {
    supply[source] = shortage;
    for (let j = 0; j < n; j++) arc(source, m + j, t.penalty, Number.POSITIVE_INFINITY);
    arc(source, sink, 0, Number.POSITIVE_INFINITY);
    supply[sink] = -surplus;
  } else {
    supply[sink] = -(surplus - shortage);
  }
  return { nodes, supply, from, to, cost, capacity };
}

/**
 * The same transportation case as HiGHS sees it, without dummy nodes: Σ_j x_ij <= s_i for each
 * donor, Σ_i x_ij + u_j = d_j for each receiver with the unmet u_j at the penalty (u_j fixed at 0
 * without a penalty).
 */
export function solveTransportWithHighs(h: Highs, t: TransportCase): { status: string; objective: number } {
  const m = t.donors.length;
  const n = t.receivers.length;
  const cols = t.lanes.length + n;
  const starts = new Int32Array(cols + 1);
  const indices: number[] = [];
  const values: number[] = [];
  const colCost = new Float64Array(cols);
  const colUpper = new Float64Array(cols);
  t.lanes.forEach((lane, e) => {
    indices.push(lane.from, m + lane.to);
    values.push(1, 1);
    starts[e + 1] = indices.length;
    colCost[e] = lane.cost;
    colUpper[e] = lane.capacity === Number.POSITIVE_INFINITY ? h.infinity : lane.capacity;
  });
  for (let j = 0; j < n; j++) {
    const c = t.lanes.length + j;
    indices.push(m + j);
    values.push(1);
    starts[c + 1] = indices.length;
    colCost[c] = t.penalty ?? 0;
    colUpper[c] = t.penalty === undefined ? 0 : h.infinity;
  }
  const rowLower = new Float64Array(m + n);
  const rowUpper = new Float64Array(m + n);
  t.donors.forEach((s, i) => {
    rowLower[i] = -h.infinity;
    rowUpper[i] = s;
  });
  t.receivers.forEach((d, j) => {
    rowLower[m + j] = d;
    rowUpper[m + j] = d;
  });
  return h.withModel(
    {
      numCols: cols,
      numRows: m + n,
      colCost,
      colLower: new Float64Array(cols),
      colUpper,
      rowLower,
      rowUpper,
      matrix: {
        format: 'csc',
        numRows: m + n,
        numCols: cols,
        starts,
        indices: Int32Array.from(indices),
        values: Float64Array.from(values),
      },
    },
    (model) => {
      model.options.set({ output_flag: false });
      model.run();
      const status = model.getModelStatus();
      const name =
        Object.entries(h.constants.modelStatus).find(([, code]) => code === status)?.[0] ?? String(status);
      return { status: name, objective: model.getObjectiveValue() };
    },
  );
}

/**
 * The big-M relaxation `minCostFlow` solves internally, for checking infeasible results: a root
 * node, supply nodes may send to it at cost 0, it feeds demand nodes at cost `big`.
 */
export function withArtificialRoot(
  p: FlowProblem & { capacity: number[] },
  big: number,
): FlowProblem & { capacity: number[] } {
  const root = p.nodes;
  const from = Array.from(p.from);
  const to = Array.from(p.to);
  const cost = Array.from(p.cost);
  const capacity = [...p.capacity];
  for (let v = 0; v < p.nodes; v++) {
    const s = p.supply[v] as number;
    if (s >= 0) {
      from.push(v);
      to.push(root);
      cost.push(0);
    } else {
      from.push(root);
      to.push(v);
      cost.push(big);
    }
    capacity.push(Number.POSITIVE_INFINITY);
  }
  return { nodes: p.nodes + 1, supply: [...Array.from(p.supply), 0], from, to, cost, capacity };
}
