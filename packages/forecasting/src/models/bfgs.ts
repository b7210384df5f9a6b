import type { MinimizeResult } from './optimize.js';

/**
 * An objective with its gradient: returns `f(x)` and writes `∇f(x)` into `grad`. May return
 * `Infinity` (or `NaN`) outside the region where `f` is defined; the line search then steps back.
 */
export type ObjectiveWithGradient = (x: Float64Array, grad: Float64Array) => number;

/** Options of {@link bfgs}. */
export type BfgsOptions = {
  /** Lower bounds per coordinate (default none; `-Infinity` entries are free). */
  lower?: ArrayLike<number>;
  /** Upper bounds per coordinate (default none; `Infinity` entries are free). */
  upper?: ArrayLike<number>;
  /** Iteration budget (default 200). */
  maxIterations?: number;
  /** Stop when the largest entry of the projected gradient falls below this (default 1e-6)... */
  gradientTolerance?: number;
  /** ...or an iteration lowers `f` by less than this, relative to `|f|` (default 1e-10; 0 turns this test off). */
  relativeTolerance?: number;
};

/** {@link MinimizeResult} plus the iterations {@link bfgs} took. */
export type BfgsResult = MinimizeResult & { iterations: number };

const ARMIJO = 1e-4;
const BACKTRACKS = 40;

/**
 * Quasi-Newton minimiser with box constraints: the BFGS inverse-Hessian update (Nocedal & Wright
 * 2006, §6.1) in a projected (active-set) form (Bertsekas 1982): coordinates on a bound whose
 * gradient pushes outward are held there, the quasi-Newton step solves the reduced system in the
 * others (through the Schur complement of the inverse, so only the few bound coordinates are
 * factorised), and the
 * step is backtracked along the projection of the line onto the box until the Armijo condition
 * holds. Without bounds it is plain BFGS with a backtracking line search. The first step is
 * scaled to unit length and the identity start rescaled by `sᵀy / yᵀy` after it; updates with
 * non-positive curvature are skipped and a non-descent direction restarts from steepest descent.
 * Points where `f` is not finite are treated as too far. `x0` is projected into the box first.
 *
 * Bounded rather than transformed coordinates matter for likelihoods whose optimum sits on a
 * bound (a smoothing weight at its limit): on a logit scale the gradient there vanishes and a
 * gradient method stalls far from the optimum.
 *
 * @example
 * const quadratic = (x: Float64Array, g: Float64Array) => {
 *   g[0] = 2 * (x[0]! - 3);
 *   return (x[0]! - 3) ** 2;
 * };
 * bfgs(quadratic, [0], { upper: [2] }).x // [2]: the minimum on the box
 */
export function bfgs(
  fg: ObjectiveWithGradient,
  x0: ArrayLike<number>,
  options: BfgsOptions = {},
): BfgsResult {
  const dim = x0.length;
  const maxIterations = options.maxIterations ?? 200;
  const gradientTolerance = options.gradientTolerance ?? 1e-6;
  const relativeTolerance = options.relativeTolerance ?? 1e-10;
  const lower = Float64Array.from({ length: dim }, (_, i) => options.lower?.[i] ?? Number.NEGATIVE_INFINITY);
  const upper = Float64Array.from({ length: dim }, (_, i) => options.upper?.[i] ?? Number.POSITIVE_INFINITY);
  const project = (i: number, v: number): number =>
    Math.min(upper[i] as number, Math.max(lower[i] as number, v));
  const x = Float64Array.from({ length: dim }, (_, i) => project(i, x0[i] as number));
  const g = new Float64Array(dim);
  const d = new Float64Array(dim);
  const xt = new Float64Array(dim);
  const gt = new Float64Array(dim);
  const s = new Float64Array(dim);
  const yv = new Float64Array(dim);
  const hy = new Float64Array(dim);
  const free = new Uint8Array(dim);
  const H = new Float64Array(dim * dim);
  const active = new Int32Array(dim);
  const work = new Float64Array(dim + dim * dim);
  let evaluations = 0;
  const evaluate = (point: Float64Array, grad: Float64Array): number => {
    evaluations++;
    const v = fg(point, grad);
    return Number.isNaN(v) ? Number.POSITIVE_INFINITY : v;
  };
  const resetHessian = (scale: number) => {
    H.fill(0);
    for (let i = 0; i < dim; i++) H[i * dim + i] = scale;
  };
  let f = evaluate(x, g);
  if (!Number.isFinite(f) || dim === 0) {
    return { x: Array.from(x), value: f, evaluations, converged: false, iterations: 0 };
  }
  resetHessian(1);
  let fresh = true;
  let converged = false;
  let iterations = 0;

  while (iterations < maxIterations) {
    // projected gradient and the free set
    let pgMax = 0;
    for (let i = 0; i < dim; i++) {
      const xi = x[i] as number;
      const gi = g[i] as number;
      const atLower = xi <= (lower[i] as number) && gi > 0;
      const atUpper = xi >= (upper[i] as number) && gi < 0;
      free[i] = atLower || atUpper ? 0 : 1;
      pgMax = Math.max(pgMax, Math.abs(xi - project(i, xi - gi)));
    }
    if (pgMax <= gradientTolerance) {
      converged = true;
      break;
    }
    iterations++;
    // quasi-Newton step in the free coordinates: B_FF d_F = −g_F (Cholesky of the reduced B)
    let slope = reducedStep(H, dim, free, g, d, active, work);
    if (!(slope < 0)) {
      resetHessian(1);
      fresh = true;
      slope = 0;
      for (let i = 0; i < dim; i++) {
        d[i] = free[i] ? -(g[i] as number) : 0;
        slope -= (d[i] as number) * (d[i] as number);
      }
    }
    let norm = 0;
    for (let i = 0; i < dim; i++) norm += (d[i] as number) ** 2;
    let step = fresh ? Math.min(1, 1 / Math.sqrt(norm)) : 1;
    let fNew = Number.POSITIVE_INFINITY;
    let accepted = false;
    for (let k = 0; k < BACKTRACKS; k++) {
      let decrease = 0;
      for (let i = 0; i < dim; i++) {
        const v = project(i, (x[i] as number) + step * (d[i] as number));
        xt[i] = v;
        decrease += (g[i] as number) * (v - (x[i] as number));
      }
      fNew = evaluate(xt, gt);
      if (Number.isFinite(fNew) && fNew <= f + ARMIJO * decrease) {
        accepted = true;
        break;
      }
      step *= Number.isFinite(fNew) ? 0.5 : 0.1;
    }
    if (!accepted) {
      if (fresh) break;
      resetHessian(1);
      fresh = true;
      continue;
    }
    let sy = 0;
    let yy = 0;
    let ss = 0;
    for (let i = 0; i < dim; i++) {
      s[i] = (xt[i] as number) - (x[i] as number);
      yv[i] = (gt[i] as number) - (g[i] as number);
      sy += (s[i] as number) * (yv[i] as number);
      yy += (yv[i] as number) ** 2;
      ss += (s[i] as number) ** 2;
    }
    const previous = f;
    x.set(xt);
    g.set(gt);
    f = fNew;
    // relativeTolerance 0 asks for the gradient test alone: a step that leaves f unchanged in
    // floating point (flat to rounding near the minimum) is not convergence while x still moves.
    if (
      relativeTolerance > 0 &&
      previous - fNew <= relativeTolerance * (Math.abs(previous) + Math.abs(fNew) + 1e-300)
    ) {
      converged = true;
      break;
    }
    if (sy > 1e-12 * Math.sqrt(yy * ss) && yy > 0) {
      if (fresh) resetHessian(sy / yy);
      fresh = false;
      // H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, with ρ = 1 / sᵀy
      const rho = 1 / sy;
      let yHy = 0;
      for (let i = 0; i < dim; i++) {
        let sum = 0;
        const row = i * dim;
        for (let j = 0; j < dim; j++) sum += (H[row + j] as number) * (yv[j] as number);
        hy[i] = sum;
        yHy += sum * (yv[i] as number);
      }
      const factor = (1 + rho * yHy) * rho;
      for (let i = 0; i < dim; i++) {
        const si = s[i] as number;
        const hyi = hy[i] as number;
        const row = i * dim;
        for (let j = 0; j < dim; j++) {
          const sj = s[j] as number;
          H[row + j] = (H[row + j] as number) + factor * si * sj - rho * (hyi * sj + si * (hy[j] as number));
        }
      }
    }
  }
  return { x: Array.from(x), value: f, evaluations, converged, iterations };
}

/**
 * The quasi-Newton step over the free coordinates from the inverse-Hessian approximation `H`:
 * `d_F = −(B_FF)⁻¹ g_F` with `(B_FF)⁻¹ = H_FF − H_FA (H_AA)⁻¹ H_AF` (the Schur complement, so only
 * the small block of active coordinates is factorised), `d` = 0 on the active ones. Returns the
 * slope `gᵀd`, or `NaN` when `H_AA` is not positive definite.
 */
function reducedStep(
  H: Float64Array,
  dim: number,
  free: Uint8Array,
  g: Float64Array,
  d: Float64Array,
  active: Int32Array,
  work: Float64Array,
): number {
  let k = 0;
  for (let i = 0; i < dim; i++) if (!free[i]) active[k++] = i;
  // u = H_FF g_F, v = H_AF g_F (into d on F and work on A)
  for (let i = 0; i < dim; i++) {
    let sum = 0;
    const row = i * dim;
    for (let j = 0; j < dim; j++) if (free[j]) sum += (H[row + j] as number) * (g[j] as number);
    d[i] = sum;
  }
  if (k > 0) {
    // solve H_AA w = v by Cholesky in work[k .. k + k²) (k is small: the coordinates on a bound)
    const L = k;
    for (let a = 0; a < k; a++) {
      const ia = active[a] as number;
      for (let b = 0; b <= a; b++) {
        let sum = H[ia * dim + (active[b] as number)] as number;
        for (let c = 0; c < b; c++) sum -= (work[L + a * k + c] as number) * (work[L + b * k + c] as number);
        if (a === b) {
          if (!(sum > 0)) return Number.NaN;
          work[L + a * k + a] = Math.sqrt(sum);
        } else {
          work[L + a * k + b] = sum / (work[L + b * k + b] as number);
        }
      }
    }
    for (let a = 0; a < k; a++) {
      let sum = d[active[a] as number] as number;
      for (let c = 0; c < a; c++) sum -= (work[L + a * k + c] as number) * (work[c] as number);
      work[a] = sum / (work[L + a * k + a] as number);
    }
    for (let a = k - 1; a >= 0; a--) {
      let sum = work[a] as number;
      for (let c = a + 1; c < k; c++) sum -= (work[L + c * k + a] as number) * (work[c] as number);
      work[a] = sum / (work[L + a * k + a] as number);
    }
    // d_F = −(u − H_FA w)
    for (let i = 0; i < dim; i++) {
      if (!free[i]) continue;
      let sum = d[i] as number;
      for (let a = 0; a < k; a++) sum -= (H[i * dim + (active[a] as number)] as number) * (work[a] as number);
      d[i] = sum;
    }
  }
  let slope = 0;
  for (let i = 0; i < dim; i++) {
    const di = free[i] ? -(d[i] as number) : 0;
    d[i] = di;
    slope += di * (g[i] as number);
  }
  return slope;
}
