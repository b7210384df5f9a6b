import type { Rng } from '@s2b2b/core';
import type { Highs } from 'highs';

/** A one-SKU rebalancing case with integer data (assignable to `PlanRebalancingInput`). */
export interface RebalancingCase {
  warehouses: { id: string; onHand: number; target: number }[];
  lanes: { from: string; to: string; unitCost: number; fixedCost?: number; capacity?: number }[];
  shortagePenalty?: number;
}

/** A random one-SKU rebalancing case: integer quantities, integer costs in yuan, pack size 1. */
export function randomRebalancing(
  rng: Rng,
  options: { maxWarehouses: number; fixedCosts: boolean; penalty: boolean },
): RebalancingCase {
  const count = rng.int(2, options.maxWarehouses);
  const warehouses = Array.from({ length: count }, (_, i) => ({
    id: `w${i}`,
    onHand: rng.int(0, 80),
    target: rng.int(0, 60),
  }));
  const lanes: { from: string; to: string; unitCost: number; fixedCost?: number; capacity?: number }[] = [];
  for (let i = 0; i < count; i++) {
    for (let j = 0; j < count; j++) {
      if (i === j || rng.next() < 0.3) continue;
      const copies = rng.int(1, rng.next() < 0.2 ? 2 : 1);
      for (let c = 0; c < copies; c++) {
        const lane: (typeof lanes)[number] = { from: `w${i}`, to: `w${j}`, unitCost: rng.int(0, 20) };
        if (options.fixedCosts && rng.next() < 0.7) lane.fixedCost = rng.int(1, 150);
        if (rng.next() < 0.4) lane.capacity = rng.int(0, 40);
        lanes.push(lane);
      }
    }
  }
  return { warehouses, lanes, ...(options.penalty ? { shortagePenalty: rng.int(1, 40) } : {}) };
}

/**
 * The same case as a MIP (or LP without fixed costs) for HiGHS, with no dummy nodes: donors send
 * at most their surplus, receivers get their shortage minus the unmet amount (priced at the
 * penalty; fixed at 0 without one), a used lane with a fixed cost opens a binary y with x <= U·y.
 */
export function solveRebalancingWithHighs(
  h: Highs,
  c: RebalancingCase,
  options: Record<string, unknown> = {},
): { status: string; objective: number } {
  const index = new Map(c.warehouses.map((w, i) => [w.id, i]));
  const surplus = c.warehouses.map((w) => Math.max(0, w.onHand - w.target));
  const need = c.warehouses.map((w) => Math.max(0, w.target - w.onHand));
  const lanes = c.lanes.filter((l) => surplus[index.get(l.from)!]! > 0 && need[index.get(l.to)!]! > 0);
  const cols: { cost: number; upper: number; integer: boolean; entries: [number, number][] }[] = [];
  const n = c.warehouses.length;
  const linkRows: number[] = [];
  let rows = n;
  for (const l of lanes) {
    const i = index.get(l.from)!;
    const j = index.get(l.to)!;
    const cap = l.capacity ?? Number.POSITIVE_INFINITY;
    const bound = Math.min(cap, surplus[i]!, need[j]!);
    const x = {
      cost: l.unitCost,
      upper: cap,
      integer: false,
      entries: [
        [i, 1],
        [j, 1],
      ] as [number, number][],
    };
    cols.push(x);
    if (l.fixedCost !== undefined) {
      const row = rows++;
      linkRows.push(row);
      x.entries.push([row, 1]);
      cols.push({ cost: l.fixedCost, upper: 1, integer: true, entries: [[row, -bound]] });
    }
  }
  c.warehouses.forEach((_, j) => {
    if (need[j]! > 0)
      cols.push({
        cost: Number(c.shortagePenalty ?? 0),
        upper: c.shortagePenalty === undefined ? 0 : h.infinity,
        integer: false,
        entries: [[j, 1]],
      });
  });
  if (cols.length === 0) return { status: need.some((x) => x > 0) ? 'infeasible' : 'optimal', objective: 0 };
  const rowLower = new Float64Array(rows);
  const rowUpper = new Float64Array(rows);
  for (let w = 0; w < n; w++) {
    if (surplus[w]! > 0) {
      rowLower[w] = -h.infinity;
      rowUpper[w] = surplus[w]!;
    } else {
      rowLower[w] = need[w]!;
      rowUpper[w] = need[w]!;
    }
  }
  for (const r of linkRows) {
    rowLower[r] = -h.infinity;
    rowUpper[r] = 0;
  }
  const starts = new Int32Array(cols.length + 1);
  const indices: number[] = [];
  const values: number[] = [];
  cols.forEach((col, k) => {
    for (const [r, v] of col.entries.sort((a, b) => a[0] - b[0])) {
      indices.push(r);
      values.push(v);
    }
    starts[k + 1] = indices.length;
  });
  return h.withModel(
    {
      numCols: cols.length,
      numRows: rows,
      colCost: Float64Array.from(cols.map((x) => x.cost)),
      colLower: new Float64Array(cols.length),
      colUpper: Float64Array.from(
        cols.map((x) => (x.upper === Number.POSITIVE_INFINITY ? h.infinity : x.upper)),
      ),
      rowLower,
      rowUpper,
      matrix: {
        format: 'csc',
        numRows: rows,
        numCols: cols.length,
        starts,
        indices: Int32Array.from(indices),
        values: Float64Array.from(values),
      },
      integrality: Int32Array.from(cols.map((x) => (x.integer ? 1 : 0))) as never,
    },
    (model) => {
      model.options.set({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0, ...options });
      model.run();
      const status = model.getModelStatus();
      const name =
        Object.entries(h.constants.modelStatus).find(([, code]) => code === status)?.[0] ?? String(status);
      return { status: name, objective: model.getObjectiveValue() };
    },
  );
}
