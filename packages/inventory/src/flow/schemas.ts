import { z } from 'zod';

/**
 * A numeric array as `minCostFlow` accepts it: a plain `number[]` or any typed array of numbers
 * (`Float64Array`, `Int32Array`, `Uint32Array`, ...; not `BigInt64Array`).
 *
 * @example
 * const cost: NumericArray = new Int32Array([4, 2, 7])
 */
export type NumericArray = ArrayLike<number>;

function isNumericArray(value: unknown): value is NumericArray {
  if (Array.isArray(value)) return true;
  return (
    ArrayBuffer.isView(value) &&
    !(value instanceof DataView) &&
    !(value instanceof BigInt64Array) &&
    !(value instanceof BigUint64Array)
  );
}

/**
 * A `number[]` or a numeric typed array (checked element by element by the entry point's
 * refinement, not copied).
 *
 * @example
 * numericArraySchema.parse(new Float64Array(3))
 */
export const numericArraySchema = z.custom<NumericArray>(isNumericArray, {
  message: 'Expected an array of numbers or a numeric typed array',
});

/** Largest node count `minCostFlow` takes (node ids must fit an Int32Array with room for the root). */
export const MAX_NODES = 2 ** 30;

/** How many element issues are reported before the rest is summarised. */
const MAX_ISSUES = 20;

/**
 * Input of `minCostFlow`: `nodes` (ids 0..nodes − 1); `supply` per node, positive at sources and
 * negative at sinks, summing to exactly 0; arcs as parallel arrays `from`, `to`, `cost` and
 * optionally `capacity` (omitted or `Infinity` means uncapacitated). Parallel arcs and
 * self-loops are allowed. All values are integers: supplies and capacities safe integers
 * (|x| <= 2^53 − 1), costs integers with 4·(nodes + 1)·(max |cost| + 1) <= 2^53, so every node
 * potential and reduced cost is an exact double. Scale decimal costs to integers first (e.g.
 * fen instead of yuan).
 *
 * @example
 * minCostFlowInputSchema.parse({ nodes: 3, supply: [4, 0, -4], from: [0, 0, 1], to: [1, 2, 2], cost: [1, 5, 1], capacity: [3, Infinity, 3] })
 */
export const minCostFlowInputSchema = z
  .object({
    nodes: z.number().int().min(1).max(MAX_NODES),
    supply: numericArraySchema,
    from: numericArraySchema,
    to: numericArraySchema,
    cost: numericArraySchema,
    capacity: numericArraySchema.optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    const issues: { path: (string | number)[]; message: string }[] = [];
    const report = (path: (string | number)[], message: string): boolean => {
      issues.push({ path, message });
      return issues.length >= MAX_ISSUES;
    };
    const { nodes, supply, from, to, cost, capacity } = input;
    const m = from.length;
    if (supply.length !== nodes)
      report(['supply'], `Expected ${nodes} supplies (one per node), got ${supply.length}`);
    if (to.length !== m) report(['to'], `Expected ${m} arc heads (as many as from), got ${to.length}`);
    if (cost.length !== m) report(['cost'], `Expected ${m} arc costs (as many as from), got ${cost.length}`);
    if (capacity !== undefined && capacity.length !== m) {
      report(['capacity'], `Expected ${m} arc capacities (as many as from), got ${capacity.length}`);
    }
    if (m > MAX_NODES) report(['from'], `At most ${MAX_NODES} arcs`);
    if (issues.length > 0) return flush(ctx, issues);

    let positive = 0;
    let negative = 0;
    for (let i = 0; i < nodes; i++) {
      const s = supply[i] as number;
      if (!Number.isSafeInteger(s)) {
        if (report(['supply', i], `Expected a safe integer, got ${String(s)}`)) return flush(ctx, issues);
      } else if (s > 0) positive += s;
      else negative -= s;
    }
    if (!Number.isSafeInteger(positive) || !Number.isSafeInteger(negative)) {
      report(['supply'], 'Total supply must not exceed 2^53 − 1');
    } else if (positive !== negative && issues.length === 0) {
      report(['supply'], `Supplies must sum to 0: sources offer ${positive}, sinks ask ${negative}`);
    }
    let maxCost = 0;
    for (let e = 0; e < m; e++) {
      const u = from[e] as number;
      const v = to[e] as number;
      const c = cost[e] as number;
      if (!(Number.isInteger(u) && u >= 0 && u < nodes)) {
        if (report(['from', e], `Expected a node id in 0..${nodes - 1}, got ${String(u)}`)) break;
      }
      if (!(Number.isInteger(v) && v >= 0 && v < nodes)) {
        if (report(['to', e], `Expected a node id in 0..${nodes - 1}, got ${String(v)}`)) break;
      }
      if (!Number.isSafeInteger(c)) {
        if (report(['cost', e], `Expected an integer cost, got ${String(c)}`)) break;
      } else if (Math.abs(c) > maxCost) maxCost = Math.abs(c);
      if (capacity !== undefined) {
        const k = capacity[e] as number;
        if (!(k === Number.POSITIVE_INFINITY || (Number.isSafeInteger(k) && k >= 0))) {
          if (report(['capacity', e], `Expected a non-negative integer or Infinity, got ${String(k)}`)) break;
        }
      }
    }
    const costLimit = maxCostFor(nodes);
    if (maxCost > costLimit) {
      report(
        ['cost'],
        `With ${nodes} nodes every |cost| must be at most ${costLimit} to keep potentials exact; scale costs down`,
      );
    }
    flush(ctx, issues);
  });

/**
 * The largest |cost| `minCostFlow` accepts on a network of `nodes` nodes: potentials are sums of
 * up to `nodes` costs plus the artificial cost (nodes + 1)·(max + 1), and must stay exact doubles.
 *
 * @example
 * maxCostFor(2001) // 1124775131709
 */
export function maxCostFor(nodes: number): number {
  return Math.floor(2 ** 53 / (4 * (nodes + 1))) - 1;
}

function flush(ctx: z.RefinementCtx, issues: { path: (string | number)[]; message: string }[]): void {
  for (const issue of issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
}

/**
 * Input of `minCostFlow` as the caller writes it.
 *
 * @example
 * const problem: MinCostFlowInput = { nodes: 2, supply: [5, -5], from: [0], to: [1], cost: [3] }
 */
export type MinCostFlowInput = z.input<typeof minCostFlowInputSchema>;
