import type { Highs } from 'highs';
import * as highsModule from 'highs';

// `highs` ships CommonJS typings; under ESM its loader is the namespace's default export.
type Loader = () => Promise<Highs>;
const loadHighs = (highsModule as unknown as { default: Loader }).default;

let loaded: Promise<Highs> | undefined;

/** The HiGHS WASM runtime, loaded once per process. */
export function highs(): Promise<Highs> {
  if (loaded === undefined) loaded = loadHighs();
  return loaded;
}

/** A min-cost-flow problem in the shape `minCostFlow` takes (capacity omitted = unlimited). */
export interface FlowProblem {
  nodes: number;
  supply: ArrayLike<number>;
  from: ArrayLike<number>;
  to: ArrayLike<number>;
  cost: ArrayLike<number>;
  capacity?: ArrayLike<number>;
}

/**
 * Solves the min-cost-flow LP with HiGHS: one column per arc, one equality row per node
 * (out − in = supply), 0 <= x <= capacity. Returns HiGHS's model status name and objective.
 */
export function solveFlowWithHighs(
  h: Highs,
  p: FlowProblem,
  options: Record<string, unknown> = {},
): { status: string; objective: number } {
  const m = p.from.length;
  const starts = new Int32Array(m + 1);
  const indices: number[] = [];
  const values: number[] = [];
  for (let e = 0; e < m; e++) {
    const u = p.from[e] as number;
    const v = p.to[e] as number;
    if (u !== v) {
      const [a, b] = u < v ? [u, v] : [v, u];
      indices.push(a, b);
      values.push(a === u ? 1 : -1, b === u ? 1 : -1);
    }
    starts[e + 1] = indices.length;
  }
  const upper = new Float64Array(m);
  for (let e = 0; e < m; e++) {
    const k = p.capacity === undefined ? Number.POSITIVE_INFINITY : (p.capacity[e] as number);
    upper[e] = k === Number.POSITIVE_INFINITY ? h.infinity : k;
  }
  const rows = Float64Array.from(p.supply);
  return h.withModel(
    {
      numCols: m,
      numRows: p.nodes,
      colCost: Float64Array.from(p.cost),
      colLower: new Float64Array(m),
      colUpper: upper,
      rowLower: rows,
      rowUpper: rows,
      matrix: {
        format: 'csc',
        numRows: p.nodes,
        numCols: m,
        starts,
        indices: Int32Array.from(indices),
        values: Float64Array.from(values),
      },
    },
    (model) => {
      model.options.set({ output_flag: false, ...options });
      model.run();
      const status = model.getModelStatus();
      const name =
        Object.entries(h.constants.modelStatus).find(([, code]) => code === status)?.[0] ?? String(status);
      return { status: name, objective: model.getObjectiveValue() };
    },
  );
}
