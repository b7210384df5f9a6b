/** Result of a minimiser. */
export type MinimizeResult = {
  /** The best point found. */
  x: number[];
  /** The objective at `x`. */
  value: number;
  /** Objective evaluations used. */
  evaluations: number;
  /** Whether the tolerance was met before the evaluation budget ran out. */
  converged: boolean;
};

const INV_PHI = (Math.sqrt(5) - 1) / 2;

/**
 * Golden-section search for the minimum of a unimodal `f` on `[lo, hi]`; stops when the bracket is shorter than
 * `tol` (absolute, default 1e-8) or after `maxEvaluations` (default 200). On a multimodal `f` it returns a local minimum.
 * The returned point is the best evaluated one (the ends `lo`/`hi` are evaluated too, so boundary minima are found).
 *
 * @example
 * goldenSection((x) => (x - 2) ** 2, 0, 5).x[0] // ≈ 2
 */
export function goldenSection(
  f: (x: number) => number,
  lo: number,
  hi: number,
  options: { tol?: number; maxEvaluations?: number } = {},
): MinimizeResult {
  const tol = options.tol ?? 1e-8;
  const maxEvaluations = options.maxEvaluations ?? 200;
  let a = lo;
  let b = hi;
  let c = b - INV_PHI * (b - a);
  let d = a + INV_PHI * (b - a);
  let fc = f(c);
  let fd = f(d);
  let evaluations = 2;
  while (b - a > tol && evaluations < maxEvaluations) {
    if (fc <= fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - INV_PHI * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + INV_PHI * (b - a);
      fd = f(d);
    }
    evaluations++;
  }
  const converged = b - a <= tol;
  let best = fc <= fd ? { x: c, v: fc } : { x: d, v: fd };
  for (const x of [lo, hi]) {
    const v = f(x);
    evaluations++;
    if (v < best.v) best = { x, v };
  }
  return { x: [best.x], value: best.v, evaluations, converged };
}

/** Options of {@link nelderMead}. */
export type NelderMeadOptions = {
  /** Initial simplex step per coordinate (default: 0.1 per coordinate, or 5 % of |x0_i| when larger). */
  step?: number | readonly number[];
  /** Stop when max |f_i - f_best| over the simplex is below `fTol × max(1, |f_best|)` (default 1e-10)... */
  fTol?: number;
  /** ...and the simplex's largest coordinate spread is below `xTol` (default 1e-8). */
  xTol?: number;
  /** Evaluation budget (default 200 × dimension). */
  maxEvaluations?: number;
};

/**
 * Nelder–Mead simplex minimiser (reflection 1, expansion 2, contraction 0.5, shrink 0.5; Lagarias et al. 1998).
 * For box constraints, let `f` return `Infinity` outside the feasible set (the simplex then contracts back inside);
 * start from a feasible `x0`.
 *
 * @example
 * nelderMead(([x = 0, y = 0]) => (1 - x) ** 2 + 100 * (y - x * x) ** 2, [-1.2, 1]).x // ≈ [1, 1]
 */
export function nelderMead(
  f: (x: readonly number[]) => number,
  x0: readonly number[],
  options: NelderMeadOptions = {},
): MinimizeResult {
  const dim = x0.length;
  const fTol = options.fTol ?? 1e-10;
  const xTol = options.xTol ?? 1e-8;
  const maxEvaluations = options.maxEvaluations ?? 200 * Math.max(1, dim);
  let evaluations = 0;
  const evaluate = (x: number[]): number => {
    evaluations++;
    const v = f(x);
    return Number.isNaN(v) ? Number.POSITIVE_INFINITY : v;
  };
  const stepOf = (i: number): number => {
    const s = options.step;
    if (typeof s === 'number') return s;
    if (s !== undefined) return s[i] ?? 0.1;
    const xi = x0[i] as number;
    return Math.max(0.1, 0.05 * Math.abs(xi));
  };
  const points: number[][] = [[...x0]];
  for (let i = 0; i < dim; i++) {
    const p = [...x0];
    p[i] = (p[i] as number) + stepOf(i);
    points.push(p);
  }
  let values = points.map(evaluate);
  let converged = false;
  while (evaluations < maxEvaluations) {
    const order = values.map((_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number));
    const sorted = order.map((i) => points[i] as number[]);
    values = order.map((i) => values[i] as number);
    points.splice(0, points.length, ...sorted);
    const best = values[0] as number;
    const worst = values[dim] as number;
    let spread = 0;
    for (let i = 1; i <= dim; i++) {
      for (let j = 0; j < dim; j++) {
        spread = Math.max(
          spread,
          Math.abs(((points[i] as number[])[j] as number) - ((points[0] as number[])[j] as number)),
        );
      }
    }
    if (Math.abs(worst - best) <= fTol * Math.max(1, Math.abs(best)) && spread <= xTol) {
      converged = true;
      break;
    }
    const centroid = new Array<number>(dim).fill(0);
    for (let i = 0; i < dim; i++) {
      for (let j = 0; j < dim; j++)
        centroid[j] = (centroid[j] as number) + ((points[i] as number[])[j] as number) / dim;
    }
    const worstPoint = points[dim] as number[];
    const along = (t: number): number[] => centroid.map((c, j) => c + t * (c - (worstPoint[j] as number)));
    const xr = along(1);
    const fr = evaluate(xr);
    const secondWorst = values[dim - 1] as number;
    if (fr < best) {
      const xe = along(2);
      const fe = evaluate(xe);
      if (fe < fr) {
        points[dim] = xe;
        values[dim] = fe;
      } else {
        points[dim] = xr;
        values[dim] = fr;
      }
      continue;
    }
    if (fr < secondWorst) {
      points[dim] = xr;
      values[dim] = fr;
      continue;
    }
    // contraction: outside if the reflection improved on the worst, inside otherwise
    const outside = fr < worst;
    const xc = along(outside ? 0.5 : -0.5);
    const fc = evaluate(xc);
    if (fc < (outside ? fr : worst)) {
      points[dim] = xc;
      values[dim] = fc;
      continue;
    }
    // shrink towards the best point
    const bestPoint = points[0] as number[];
    for (let i = 1; i <= dim; i++) {
      const p = (points[i] as number[]).map(
        (v, j) => (bestPoint[j] as number) + 0.5 * (v - (bestPoint[j] as number)),
      );
      points[i] = p;
      values[i] = evaluate(p);
    }
  }
  let bi = 0;
  for (let i = 1; i < values.length; i++) if ((values[i] as number) < (values[bi] as number)) bi = i;
  return { x: [...(points[bi] as number[])], value: values[bi] as number, evaluations, converged };
}
