/** Options of {@link quasiNewton}. */
export type QuasiNewtonOptions = {
  /** Starting Hessian approximation (row-major `k×k`, symmetric positive definite); default the identity. */
  hessian?: Float64Array;
  /**
   * Stop when `max |∂f/∂x_i|` is below this (default 1e-3) and the decrease the quadratic model still
   * predicts, `½gᵀHg`, is below `decreaseTolerance` — or when the gradient is 1000 times smaller.
   */
  gradientTolerance?: number;
  /** See `gradientTolerance` (default 1e-7). */
  decreaseTolerance?: number;
  /** Stop when five iterations lowered `f` by less than this fraction of `max(1, |f|)` (default 1e-6). */
  stallTolerance?: number;
  /** Iteration budget (default 100). */
  maxIterations?: number;
  /** Largest change of any coordinate in one step (default 1). */
  maxStep?: number;
};

/** Result of {@link quasiNewton}. */
export type QuasiNewtonResult = {
  x: Float64Array;
  value: number;
  iterations: number;
  /** Objective evaluations used (each gradient costs one per coordinate). */
  evaluations: number;
  converged: boolean;
};

/**
 * BFGS minimisation of a smooth `f` with forward-difference gradients and an Armijo backtracking line
 * search (Nocedal & Wright 2006, Algorithm 6.1), started from a supplied Hessian approximation: for the
 * ARIMA likelihood the Gauss–Newton (Fisher information) matrix of the conditional-sum-of-squares
 * residuals, so the first steps are scoring steps and the updates only correct them. `f` returns
 * `Infinity` outside its domain; the line search backs away from it.
 *
 * @example
 * quasiNewton((x) => (x[0]! - 1) ** 2 + 10 * (x[1]! + 2) ** 2, [0, 0]).x // ≈ [1, −2]
 */
export function quasiNewton(
  f: (x: Float64Array) => number,
  x0: ArrayLike<number>,
  options: QuasiNewtonOptions = {},
): QuasiNewtonResult {
  const k = x0.length;
  const gtol = options.gradientTolerance ?? 1e-3;
  const decreaseTolerance = options.decreaseTolerance ?? 1e-7;
  const stallTolerance = options.stallTolerance ?? 1e-6;
  const maxIterations = options.maxIterations ?? 100;
  const maxStep = options.maxStep ?? 1;
  const x = Float64Array.from(x0);
  let evaluations = 1;
  let fx = f(x);
  if (k === 0 || !Number.isFinite(fx))
    return { x, value: fx, iterations: 0, evaluations, converged: k === 0 };
  // Inverse Hessian approximation H = B⁻¹.
  const H0 = new Float64Array(k * k);
  if (!(options.hessian && invertSpd(options.hessian, H0, k))) {
    H0.fill(0);
    for (let i = 0; i < k; i++) H0[i * k + i] = 1;
  }
  const H = Float64Array.from(H0);
  const g = new Float64Array(k);
  const gNew = new Float64Array(k);
  const p = new Float64Array(k);
  const xNew = new Float64Array(k);
  const s = new Float64Array(k);
  const yv = new Float64Array(k);
  const Hy = new Float64Array(k);
  const gradient = (at: Float64Array, fAt: number, out: Float64Array) => {
    for (let i = 0; i < k; i++) {
      const xi = at[i]!;
      const h = 1e-6 * Math.max(1, Math.abs(xi));
      at[i] = xi + h;
      let fp = f(at);
      evaluations++;
      if (Number.isFinite(fp)) {
        out[i] = (fp - fAt) / h;
      } else {
        at[i] = xi - h;
        fp = f(at);
        evaluations++;
        out[i] = Number.isFinite(fp) ? (fAt - fp) / h : 0;
      }
      at[i] = xi;
    }
  };
  const maxAbs = (a: Float64Array) => {
    let m = 0;
    for (let i = 0; i < k; i++) m = Math.max(m, Math.abs(a[i]!));
    return m;
  };
  gradient(x, fx, g);
  let iterations = 0;
  let converged = false;
  let resets = 0;
  const history: number[] = [fx];
  while (iterations < maxIterations) {
    // p = −H g, limited to maxStep per coordinate; −gᵀp/2 is the decrease the quadratic model predicts.
    let slope = 0;
    for (let i = 0; i < k; i++) {
      let v = 0;
      for (let j = 0; j < k; j++) v -= H[i * k + j]! * g[j]!;
      p[i] = v;
      slope += v * g[i]!;
    }
    const gmax = maxAbs(g);
    if (gmax <= gtol * 1e-3 || (gmax <= gtol && slope < 0 && -slope / 2 <= decreaseTolerance)) {
      converged = true;
      break;
    }
    iterations++;
    if (!(slope < 0)) {
      // Not a descent direction: restart from the starting curvature.
      H.set(H0);
      resets++;
      if (resets > 3) break;
      continue;
    }
    const longest = maxAbs(p);
    let t = longest > maxStep ? maxStep / longest : 1;
    let fNew = Number.POSITIVE_INFINITY;
    let accepted = false;
    for (let ls = 0; ls < 30; ls++) {
      for (let i = 0; i < k; i++) xNew[i] = x[i]! + t * p[i]!;
      fNew = f(xNew);
      evaluations++;
      if (Number.isFinite(fNew) && fNew <= fx + 1e-4 * t * slope) {
        accepted = true;
        break;
      }
      // Backtrack: quadratic interpolation of the step, kept within [0.1t, 0.5t].
      const next =
        Number.isFinite(fNew) && fNew > fx ? (-slope * t * t) / (2 * (fNew - fx - slope * t)) : 0.5 * t;
      t = Math.min(0.5 * t, Math.max(0.1 * t, next));
    }
    if (!accepted) {
      converged = maxAbs(g) <= 10 * gtol;
      break;
    }
    gradient(xNew, fNew, gNew);
    let sy = 0;
    for (let i = 0; i < k; i++) {
      s[i] = xNew[i]! - x[i]!;
      yv[i] = gNew[i]! - g[i]!;
      sy += s[i]! * yv[i]!;
    }
    const drop = fx - fNew;
    x.set(xNew);
    g.set(gNew);
    fx = fNew;
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(yv, yv))) {
      // H ← (I − ρsyᵀ) H (I − ρysᵀ) + ρssᵀ
      const rho = 1 / sy;
      let yHy = 0;
      for (let i = 0; i < k; i++) {
        let v = 0;
        for (let j = 0; j < k; j++) v += H[i * k + j]! * yv[j]!;
        Hy[i] = v;
        yHy += yv[i]! * v;
      }
      for (let i = 0; i < k; i++) {
        for (let j = 0; j < k; j++) {
          H[i * k + j] =
            H[i * k + j]! - rho * (Hy[i]! * s[j]! + s[i]! * Hy[j]!) + (rho * rho * yHy + rho) * s[i]! * s[j]!;
        }
      }
    }
    if (drop <= 1e-12 * Math.max(1, Math.abs(fx)) && maxAbs(s) <= 1e-8) {
      converged = true;
      break;
    }
    // A crawl along a flat ridge (typically towards an MA unit root): stop when five iterations gained
    // less than `stallTolerance` relative to |f|.
    history.push(fx);
    if (
      history.length > 5 &&
      history[history.length - 6]! - fx < stallTolerance * Math.max(1, Math.abs(fx))
    ) {
      converged = true;
      break;
    }
  }
  return { x, value: fx, iterations, evaluations, converged };
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** Inverse of a symmetric positive definite `k×k` matrix by Cholesky; `false` when it is not positive definite. */
function invertSpd(a: Float64Array, out: Float64Array, k: number): boolean {
  const L = new Float64Array(k * k);
  for (let j = 0; j < k; j++) {
    let d = a[j * k + j]!;
    for (let s = 0; s < j; s++) d -= L[j * k + s]! * L[j * k + s]!;
    if (!(d > 0)) return false;
    const l = Math.sqrt(d);
    L[j * k + j] = l;
    for (let i = j + 1; i < k; i++) {
      let v = a[i * k + j]!;
      for (let s = 0; s < j; s++) v -= L[i * k + s]! * L[j * k + s]!;
      L[i * k + j] = v / l;
    }
  }
  // Solve L Lᵀ X = I column by column.
  const col = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    for (let i = 0; i < k; i++) {
      let v = i === c ? 1 : 0;
      for (let s = 0; s < i; s++) v -= L[i * k + s]! * col[s]!;
      col[i] = v / L[i * k + i]!;
    }
    for (let i = k - 1; i >= 0; i--) {
      let v = col[i]!;
      for (let s = i + 1; s < k; s++) v -= L[s * k + i]! * col[s]!;
      col[i] = v / L[i * k + i]!;
    }
    for (let i = 0; i < k; i++) out[i * k + c] = col[i]!;
  }
  return true;
}
