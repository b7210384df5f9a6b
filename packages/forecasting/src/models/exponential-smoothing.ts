import { goldenSection, nelderMead } from './optimize.js';

/**
 * Shared core of `ses`, `holt` and `damped`: the additive-error exponential smoothing recursion in the
 * error-correction form of R `forecast::ets` (which the M4 benchmark script calls through `ses()` / `holt()`):
 *
 *   ŷ_t = l_{t-1} + φ b_{t-1},  e_t = y_t − ŷ_t,  l_t = ŷ_t + α e_t,  b_t = φ b_{t-1} + β e_t
 *
 * (no trend: b ≡ 0). Parameters minimise the in-sample SSE (= the ets likelihood for additive errors). The initial
 * states (l0, b0) are "optimal" like ets: for fixed (α, β, φ) the one-step forecasts are linear in (l0, b0), so the
 * SSE-optimal initial states are solved exactly by least squares inside every objective evaluation.
 * Bounds as ets "usual": α ∈ [1e-4, 0.9999], β ∈ [1e-4, α], φ ∈ [0.8, 0.98].
 */

/** ets "usual" lower bound of the smoothing weights. */
export const SMOOTHING_LOWER = 1e-4;
/** ets "usual" upper bound of the smoothing weights. */
export const SMOOTHING_UPPER = 0.9999;
/** ets bounds of the damping parameter. */
export const PHI_LOWER = 0.8;
export const PHI_UPPER = 0.98;

/** Smoothing parameters of one recursion. `beta`/`phi` are ignored without trend. */
export type SmoothingParams = { alpha: number; beta: number; phi: number; trend: boolean };

/** One pass of the recursion; writes one-step forecasts into `fitted` and returns the final states and SSE. */
export function smoothingFilter(
  y: readonly number[] | null,
  n: number,
  p: SmoothingParams,
  l0: number,
  b0: number,
  fitted: Float64Array,
): { level: number; slope: number; sse: number } {
  let l = l0;
  let b = p.trend ? b0 : 0;
  let sse = 0;
  for (let t = 0; t < n; t++) {
    const yhat = l + p.phi * b;
    fitted[t] = yhat;
    const e = (y === null ? 0 : (y[t] as number)) - yhat;
    sse += e * e;
    l = yhat + p.alpha * e;
    if (p.trend) b = p.phi * b + p.beta * e;
  }
  return { level: l, slope: b, sse };
}

/** A fit of the recursion with its SSE-optimal initial states. */
export type SmoothingFit = {
  l0: number;
  b0: number;
  level: number;
  slope: number;
  sse: number;
  fitted: Float64Array;
};

/**
 * Runs the recursion with the SSE-optimal initial states for fixed parameters (or the given ones when
 * `fixedL0` is a number; then only b0 is solved).
 */
export function fitInitialStates(y: readonly number[], p: SmoothingParams, fixedL0?: number): SmoothingFit {
  const n = y.length;
  const f0 = new Float64Array(n);
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  smoothingFilter(y, n, p, 0, 0, f0);
  smoothingFilter(null, n, p, 1, 0, g);
  if (p.trend) smoothingFilter(null, n, p, 0, 1, h);
  let gg = 0;
  let gh = 0;
  let hh = 0;
  let gr = 0;
  let hr = 0;
  for (let t = 0; t < n; t++) {
    const r = (y[t] as number) - (f0[t] as number) - (fixedL0 === undefined ? 0 : fixedL0 * (g[t] as number));
    const gt = g[t] as number;
    const ht = h[t] as number;
    gg += gt * gt;
    gh += gt * ht;
    hh += ht * ht;
    gr += gt * r;
    hr += ht * r;
  }
  let l0 = 0;
  let b0 = 0;
  if (fixedL0 !== undefined) {
    l0 = fixedL0;
    b0 = p.trend && hh > 0 ? hr / hh : 0;
  } else if (p.trend) {
    const det = gg * hh - gh * gh;
    if (det > 1e-12 * gg * hh && det > 0) {
      l0 = (hh * gr - gh * hr) / det;
      b0 = (gg * hr - gh * gr) / det;
    } else if (gg > 0) {
      l0 = gr / gg;
    }
  } else if (gg > 0) {
    l0 = gr / gg;
  }
  const fitted = new Float64Array(n);
  const end = smoothingFilter(y, n, p, l0, b0, fitted);
  return { l0, b0, level: end.level, slope: end.slope, sse: end.sse, fitted };
}

/** Which parameters to optimise; a number fixes that parameter. */
export type SmoothingSpec = {
  trend: boolean;
  damped: boolean;
  alpha?: number | undefined;
  beta?: number | undefined;
  phi?: number | undefined;
  initialLevel?: number | undefined;
};

/** Parameters and fit chosen by SSE minimisation. */
export type OptimizedSmoothing = SmoothingFit & SmoothingParams;

/**
 * Chooses the free parameters of `spec` by minimising the SSE (initial states profiled out exactly).
 * One free parameter: a 41-point grid over its range, then golden-section search on the bracket around the best
 * grid point. Several: Nelder–Mead from three feasible starts (the ets default start α≈0.2, β≈0.1α, φ≈0.978, and two
 * others), with `Infinity` outside the bounds, keeping the best.
 */
export function optimizeSmoothing(y: readonly number[], spec: SmoothingSpec): OptimizedSmoothing {
  const names: ('alpha' | 'beta' | 'phi')[] = [];
  if (spec.alpha === undefined) names.push('alpha');
  if (spec.trend && spec.beta === undefined) names.push('beta');
  if (spec.trend && spec.damped && spec.phi === undefined) names.push('phi');
  const build = (x: readonly number[]): SmoothingParams | null => {
    const v = { alpha: spec.alpha, beta: spec.beta, phi: spec.phi };
    names.forEach((name, i) => {
      v[name] = x[i];
    });
    const alpha = v.alpha as number;
    const beta = spec.trend ? (v.beta as number) : 0;
    const phi = spec.trend && spec.damped ? (v.phi as number) : 1;
    const freeAlpha = spec.alpha === undefined;
    const freeBeta = spec.trend && spec.beta === undefined;
    const freePhi = spec.trend && spec.damped && spec.phi === undefined;
    if (freeAlpha && !(alpha >= SMOOTHING_LOWER && alpha <= SMOOTHING_UPPER)) return null;
    if (freeBeta && !(beta >= SMOOTHING_LOWER && beta <= alpha)) return null;
    if (freeAlpha && !freeBeta && spec.trend && alpha < beta) return null;
    if (freePhi && !(phi >= PHI_LOWER && phi <= PHI_UPPER)) return null;
    return { alpha, beta, phi, trend: spec.trend };
  };
  const objective = (x: readonly number[]): number => {
    const p = build(x);
    if (p === null) return Number.POSITIVE_INFINITY;
    return fitInitialStates(y, p, spec.initialLevel).sse;
  };
  let best: number[] = [];
  if (names.length === 1) {
    const name = names[0];
    let lo = name === 'phi' ? PHI_LOWER : SMOOTHING_LOWER;
    let hi = name === 'phi' ? PHI_UPPER : SMOOTHING_UPPER;
    if (name === 'beta') hi = Math.min(hi, spec.alpha as number);
    if (name === 'alpha' && spec.trend) lo = Math.max(lo, spec.beta as number);
    if (hi < lo) hi = lo;
    const grid = 40;
    let bi = 0;
    let bv = Number.POSITIVE_INFINITY;
    for (let i = 0; i <= grid; i++) {
      const v = objective([lo + ((hi - lo) * i) / grid]);
      if (v < bv) {
        bv = v;
        bi = i;
      }
    }
    const a = lo + ((hi - lo) * Math.max(0, bi - 1)) / grid;
    const b = lo + ((hi - lo) * Math.min(grid, bi + 1)) / grid;
    const r = goldenSection((x) => objective([x]), a, b, { tol: 1e-9 });
    best = r.value <= bv ? r.x : [lo + ((hi - lo) * bi) / grid];
  } else if (names.length > 1) {
    const starts: number[][] = [
      [0.2, 0.02, 0.978],
      [0.8, 0.1, 0.9],
      [0.5, 0.3, 0.85],
    ].map((s) => names.map((name) => (name === 'alpha' ? s[0] : name === 'beta' ? s[1] : s[2]) as number));
    // a fixed alpha caps beta: move beta starts inside
    if (spec.alpha !== undefined) {
      for (const s of starts) s[0] = Math.min(s[0] as number, spec.alpha / 2);
    }
    let bestValue = Number.POSITIVE_INFINITY;
    for (const x0 of starts) {
      const step = names.map((name) => (name === 'phi' ? -0.05 : name === 'beta' ? 0.01 : 0.1));
      const r = nelderMead(objective, x0, { step, fTol: 1e-10, xTol: 1e-5, maxEvaluations: 2000 });
      if (r.value < bestValue) {
        bestValue = r.value;
        best = r.x;
      }
    }
  }
  const p = build(best) as SmoothingParams;
  return { ...p, ...fitInitialStates(y, p, spec.initialLevel) };
}
