/**
 * A residual function for {@link levenbergMarquardt}: writes the residual vector at `x` into `out`
 * (length fixed per problem) and returns its sum of squares, or `Infinity` when `x` is infeasible.
 */
export type ResidualFunction = (x: Float64Array, out: Float64Array) => number;

/** Options of {@link levenbergMarquardt}. */
export type LevenbergMarquardtOptions = {
  /**
   * Stop when `n·‖Jᵀr‖∞ / ‖r‖²` falls below this (default 1e-4): for a likelihood of the form
   * `−(n/2)·log Σr²` it bounds the log-likelihood gradient.
   */
  gradientTolerance?: number;
  /** Iteration budget (default 200). */
  maxIterations?: number;
  /**
   * Update the Jacobian after an accepted Marquardt step by Broyden's rank-one secant formula instead of
   * recomputing it, for up to three steps in a row (a fresh one after any rejected step); saves most of
   * the residual evaluations when each is cheap relative to their number (default false).
   */
  secant?: boolean;
};

/** Result of {@link levenbergMarquardt}. */
export type LevenbergMarquardtResult = {
  x: Float64Array;
  /** Sum of squares at `x`. */
  value: number;
  iterations: number;
  /** Residual evaluations used (each Jacobian costs one per coordinate). */
  evaluations: number;
  converged: boolean;
};

/**
 * Non-linear least squares `min Σ r_i(x)²` by the hybrid Levenberg–Marquardt / quasi-Newton method of
 * Madsen, Nielsen & Tingleff ("Methods for non-linear least squares problems", 2004, Algorithm 3.14):
 * Marquardt steps `(JᵀJ + μ·diag JᵀJ) h = −Jᵀr` with Nielsen's damping update while they work, and a
 * BFGS model of the full Hessian (updated at every step with the least-squares secant
 * `y = J₊ᵀJ₊h + (J₊ − J)ᵀr₊`) inside a trust region once the residuals stay large relative to the
 * gradient — where Gauss–Newton alone converges only linearly, as ARMA likelihoods near an MA unit root
 * do. The Jacobian is by forward differences.
 *
 * @example
 * const fit = levenbergMarquardt((x, r) => { r[0] = x[0]! - 3; r[1] = 2 * (x[1]! + 1); return r[0] ** 2 + r[1] ** 2; }, [0, 0], 2);
 * fit.x; // ≈ [3, −1]
 */
export function levenbergMarquardt(
  f: ResidualFunction,
  x0: ArrayLike<number>,
  residualCount: number,
  options: LevenbergMarquardtOptions = {},
): LevenbergMarquardtResult {
  const k = x0.length;
  const n = residualCount;
  const gtol = (options.gradientTolerance ?? 1e-4) / Math.max(1, n);
  const maxIterations = options.maxIterations ?? 200;
  let x = Float64Array.from(x0);
  let r = new Float64Array(n);
  let rn = new Float64Array(n);
  const rStep = new Float64Array(n);
  let J = new Float64Array(k * n);
  let Jn = new Float64Array(k * n);
  let A = new Float64Array(k * k);
  let An = new Float64Array(k * k);
  let g = new Float64Array(k);
  let gn = new Float64Array(k);
  const B = new Float64Array(k * k);
  const M = new Float64Array(k * k);
  const h = new Float64Array(k);
  const y = new Float64Array(k);
  const v = new Float64Array(k);
  let xn = new Float64Array(k);
  const negG = new Float64Array(k);
  let evaluations = 1;
  let S = f(x, r);
  if (!Number.isFinite(S) || k === 0) {
    return { x, value: S, iterations: 0, evaluations, converged: k === 0 && Number.isFinite(S) };
  }

  const jacobian = (at: Float64Array, res: Float64Array, out: Float64Array) => {
    for (let j = 0; j < k; j++) {
      const xj = at[j]!;
      const step = 1e-7 * Math.max(1, Math.abs(xj));
      at[j] = xj + step;
      let fv = f(at, rStep);
      evaluations++;
      let sign = 1;
      if (!Number.isFinite(fv)) {
        at[j] = xj - step;
        fv = f(at, rStep);
        evaluations++;
        sign = -1;
      }
      at[j] = xj;
      const col = j * n;
      if (!Number.isFinite(fv)) {
        out.fill(0, col, col + n);
        continue;
      }
      const inv = sign / step;
      for (let i = 0; i < n; i++) out[col + i] = (rStep[i]! - res[i]!) * inv;
    }
  };
  const normalEquations = (jac: Float64Array, res: Float64Array, a: Float64Array, grad: Float64Array) => {
    for (let i = 0; i < k; i++) {
      const ci = i * n;
      let gi = 0;
      for (let t = 0; t < n; t++) gi += jac[ci + t]! * res[t]!;
      grad[i] = gi;
      for (let j = 0; j <= i; j++) {
        const cj = j * n;
        let s = 0;
        for (let t = 0; t < n; t++) s += jac[ci + t]! * jac[cj + t]!;
        a[i * k + j] = s;
        a[j * k + i] = s;
      }
    }
  };
  const maxAbs = (a: Float64Array) => {
    let m = 0;
    for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]!));
    return m;
  };
  const norm = (a: Float64Array) => {
    let s = 0;
    for (let i = 0; i < a.length; i++) s += a[i]! * a[i]!;
    return Math.sqrt(s);
  };
  /** BFGS update of B with the step h and the secant y = Aₙh + (Jₙ − J)ᵀrₙ. */
  const updateB = () => {
    for (let i = 0; i < k; i++) {
      let s = 0;
      for (let j = 0; j < k; j++) s += An[i * k + j]! * h[j]!;
      const ci = i * n;
      for (let t = 0; t < n; t++) s += (Jn[ci + t]! - J[ci + t]!) * rn[t]!;
      y[i] = s;
    }
    let hy = 0;
    for (let i = 0; i < k; i++) hy += h[i]! * y[i]!;
    if (!(hy > 0)) return;
    let hv = 0;
    for (let i = 0; i < k; i++) {
      let s = 0;
      for (let j = 0; j < k; j++) s += B[i * k + j]! * h[j]!;
      v[i] = s;
      hv += h[i]! * s;
    }
    if (!(hv > 0)) return;
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k; j++) {
        B[i * k + j] = B[i * k + j]! + (y[i]! * y[j]!) / hy - (v[i]! * v[j]!) / hv;
      }
    }
  };
  const accept = () => {
    [x, xn] = [xn, x];
    [r, rn] = [rn, r];
    [J, Jn] = [Jn, J];
    [A, An] = [An, A];
    [g, gn] = [gn, g];
  };

  jacobian(x, r, J);
  normalEquations(J, r, A, g);
  B.set(A);
  let diagMax = 0;
  for (let i = 0; i < k; i++) diagMax = Math.max(diagMax, A[i * k + i]!);
  for (let i = 0; i < k; i++) B[i * k + i] = B[i * k + i]! + 1e-8 * (diagMax + 1e-300);
  let mu = 1e-3;
  let nu = 2;
  let quasiNewton = false;
  let count = 0;
  let radius = 0;
  let flat = 0;
  let rejected = 0;
  let sinceFresh = 0;
  const secant = options.secant ?? false;
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    const gmax = maxAbs(g);
    if (gmax <= gtol * S || S === 0) {
      converged = true;
      break;
    }
    for (let i = 0; i < k; i++) negG[i] = -g[i]!;
    const xnorm = norm(x);
    if (!quasiNewton) {
      M.set(A);
      for (let i = 0; i < k; i++) {
        const d = Math.max(A[i * k + i]!, 1e-12 * (diagMax + 1e-300));
        M[i * k + i] = A[i * k + i]! + mu * d;
      }
      if (!choleskySolve(M, negG, h, k)) {
        mu *= nu;
        nu *= 2;
        if (mu > 1e16) break;
        continue;
      }
      const hnorm = norm(h);
      if (hnorm <= 1e-10 * (xnorm + 1e-10)) {
        converged = true;
        break;
      }
      for (let i = 0; i < k; i++) xn[i] = x[i]! + h[i]!;
      const Sn = f(xn, rn);
      evaluations++;
      // Predicted decrease of S (= 2F): hᵀ(μ·D·h − g)
      let pred = 0;
      for (let i = 0; i < k; i++) {
        const d = Math.max(A[i * k + i]!, 1e-12 * (diagMax + 1e-300));
        pred += h[i]! * (mu * d * h[i]! - g[i]!);
      }
      const rho = Number.isFinite(Sn) && pred > 0 ? (S - Sn) / pred : -1;
      if (rho > 0) {
        if (secant && sinceFresh < 3) {
          // Jₙ = J + (rₙ − r − Jh)hᵀ/hᵀh
          let hh = 0;
          for (let j = 0; j < k; j++) hh += h[j]! * h[j]!;
          for (let t = 0; t < n; t++) {
            let u = rn[t]! - r[t]!;
            for (let j = 0; j < k; j++) u -= J[j * n + t]! * h[j]!;
            const c = u / hh;
            for (let j = 0; j < k; j++) Jn[j * n + t] = J[j * n + t]! + c * h[j]!;
          }
          sinceFresh++;
        } else {
          jacobian(xn, rn, Jn);
          sinceFresh = 0;
        }
        normalEquations(Jn, rn, An, gn);
        updateB();
        flat = S - Sn <= 1e-12 * S ? flat + 1 : 0;
        S = Sn;
        accept();
        mu *= Math.max(1 / 3, 1 - (2 * rho - 1) ** 3);
        nu = 2;
        rejected = 0;
        if (maxAbs(g) < 0.02 * 0.5 * S) {
          count++;
          if (count >= 3) {
            quasiNewton = true;
            radius = Math.max(hnorm, 1e-6 * (1 + xnorm));
            count = 0;
          }
        } else count = 0;
        if (flat >= 3) {
          converged = true;
          break;
        }
      } else if (sinceFresh > 0) {
        // The secant Jacobian may be what mispredicts: recompute it here before damping more.
        jacobian(x, r, J);
        normalEquations(J, r, A, g);
        sinceFresh = 0;
      } else {
        count = 0;
        mu *= nu;
        nu *= 2;
        // Gauss–Newton mispredicts: try the quasi-Newton model of the full Hessian instead.
        rejected++;
        if (rejected >= 2) {
          quasiNewton = true;
          radius = Math.max(hnorm, 1e-6 * (1 + xnorm));
          rejected = 0;
        }
        if (mu > 1e16) break;
      }
    } else {
      M.set(B);
      if (!choleskySolve(M, negG, h, k)) {
        quasiNewton = false;
        continue;
      }
      let hnorm = norm(h);
      if (hnorm > radius) {
        const s = radius / hnorm;
        for (let i = 0; i < k; i++) h[i] = h[i]! * s;
        hnorm = radius;
      }
      if (hnorm <= 1e-10 * (xnorm + 1e-10)) {
        converged = true;
        break;
      }
      for (let i = 0; i < k; i++) xn[i] = x[i]! + h[i]!;
      const Sn = f(xn, rn);
      evaluations++;
      if (!Number.isFinite(Sn)) {
        radius /= 2;
        quasiNewton = false;
        continue;
      }
      jacobian(xn, rn, Jn);
      normalEquations(Jn, rn, An, gn);
      // Model decrease of F = S/2: −(gᵀh + ½hᵀBh)
      let gh = 0;
      let hBh = 0;
      for (let i = 0; i < k; i++) {
        gh += g[i]! * h[i]!;
        let s = 0;
        for (let j = 0; j < k; j++) s += B[i * k + j]! * h[j]!;
        hBh += h[i]! * s;
      }
      const predF = -(gh + 0.5 * hBh);
      const rho = predF > 0 ? (0.5 * (S - Sn)) / predF : -1;
      if (rho > 0.75) radius = Math.max(radius, 3 * hnorm);
      else if (rho < 0.25) radius /= 2;
      updateB();
      const gnMax = maxAbs(gn);
      const better = Sn < S || (Sn <= (1 + 1e-12) * S && gnMax < gmax);
      if (gnMax >= gmax) quasiNewton = false;
      if (better) {
        flat = S - Sn <= 1e-12 * S ? flat + 1 : 0;
        S = Sn;
        accept();
        if (flat >= 3) {
          converged = true;
          break;
        }
      }
      if (radius < 1e-12 * (1 + xnorm)) quasiNewton = false;
    }
  }
  return { x, value: S, iterations, evaluations, converged };
}

/** Solves `M δ = g` for symmetric positive definite `M` (overwritten by its Cholesky factor). */
function choleskySolve(mat: Float64Array, g: Float64Array, out: Float64Array, k: number): boolean {
  for (let j = 0; j < k; j++) {
    let d = mat[j * k + j]!;
    for (let s = 0; s < j; s++) d -= mat[j * k + s]! * mat[j * k + s]!;
    if (!(d > 0)) return false;
    const l = Math.sqrt(d);
    mat[j * k + j] = l;
    for (let i = j + 1; i < k; i++) {
      let val = mat[i * k + j]!;
      for (let s = 0; s < j; s++) val -= mat[i * k + s]! * mat[j * k + s]!;
      mat[i * k + j] = val / l;
    }
  }
  for (let i = 0; i < k; i++) {
    let val = g[i]!;
    for (let s = 0; s < i; s++) val -= mat[i * k + s]! * out[s]!;
    out[i] = val / mat[i * k + i]!;
  }
  for (let i = k - 1; i >= 0; i--) {
    let val = out[i]!;
    for (let s = i + 1; s < k; s++) val -= mat[s * k + i]! * out[s]!;
    out[i] = val / mat[i * k + i]!;
  }
  return true;
}
