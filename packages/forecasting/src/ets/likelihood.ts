import type { EtsCodes } from './model.js';

/**
 * Reusable buffers of {@link etsLikelihood} for series of up to `capacity` points and season
 * length `m`: the forward pass keeps the states it needs for the reverse (adjoint) pass here, so
 * an optimiser can evaluate the likelihood and its gradient thousands of times without allocating.
 *
 * @example
 * const ws = createEtsWorkspace(y.length, 12);
 */
export interface EtsWorkspace {
  readonly capacity: number;
  readonly m: number;
  /** Trend, seasonal state and `q = l + φb` at each step (before the update). */
  readonly trend: Float64Array;
  readonly seasonal: Float64Array;
  readonly q: Float64Array;
  /** Circular seasonal buffer and its adjoint. */
  readonly season: Float64Array;
  readonly seasonBar: Float64Array;
}

/**
 * Allocates an {@link EtsWorkspace}.
 *
 * @example
 * const ws = createEtsWorkspace(144, 12);
 */
export function createEtsWorkspace(capacity: number, m: number): EtsWorkspace {
  const size = Math.max(1, m);
  return {
    capacity,
    m: size,
    trend: new Float64Array(capacity),
    seasonal: new Float64Array(capacity),
    q: new Float64Array(capacity),
    season: new Float64Array(size),
    seasonBar: new Float64Array(size),
  };
}

/** Number of gradient entries of {@link etsLikelihood}: α, β, γ, φ, l0, b0 and the m initial seasonal states. */
export function etsGradientLength(m: number): number {
  return 6 + Math.max(1, m);
}

/**
 * The ETS objective of R `ets` (`opt.crit = "lik"`): `lik = n·log(Σe²) + 2·Σ log|μ_t|` (the second
 * term for multiplicative error only), for fixed smoothing weights and initial states — and, when
 * `grad` is given, its exact gradient by one reverse (adjoint) pass over the recursion, at about
 * the cost of a second likelihood evaluation. `φ` comes from `codes` (1 unless damped). `grad`
 * receives `[∂α, ∂β, ∂γ, ∂φ, ∂l0, ∂b0, ∂s_0 … ∂s_{m−1}]` (entries the model does not use are 0), with `s_j` the initial seasonal
 * state used for `y[j]`, each treated as a free variable.
 *
 * Returns `Infinity` where the model is not defined: a zero one-step forecast under multiplicative
 * error, a non-positive seasonal state or `l + φb` under a multiplicative season, or any
 * non-finite state.
 *
 * @example
 * const ws = createEtsWorkspace(y.length, 1);
 * const grad = new Float64Array(etsGradientLength(1));
 * const codes = etsCodes({ error: 'A', trend: 'N', season: 'N' }, 1);
 * etsLikelihood(Float64Array.from(y), codes, 1, 0.3, 0, 0, y[0], 0, new Float64Array(1), grad, ws);
 */
export function etsLikelihood(
  y: Float64Array,
  codes: EtsCodes,
  m: number,
  alpha: number,
  beta: number,
  gamma: number,
  level0: number,
  trend0: number,
  season0: Float64Array,
  grad: Float64Array | null,
  ws: EtsWorkspace,
): number {
  const n = y.length;
  const multError = codes.multError;
  const hasTrend = codes.hasTrend;
  const phi = codes.phi;
  const seasonType = codes.season;
  const period = seasonType === 0 ? 1 : m;
  const B = ws.trend;
  const S = ws.seasonal;
  const Q = ws.q;
  const season = ws.season;
  for (let j = 0; j < period; j++) season[j] = seasonType === 0 ? 0 : (season0[j] as number);
  let l = level0;
  let b = hasTrend ? trend0 : 0;
  let sse = 0;
  let sumLog = 0;
  let j = 0;
  for (let t = 0; t < n; t++) {
    const yt = y[t] as number;
    const q = hasTrend ? l + phi * b : l;
    let mu = q;
    let s = 0;
    let p = yt;
    if (seasonType === 1) {
      s = season[j] as number;
      mu = q + s;
      p = yt - s;
    } else if (seasonType === 2) {
      s = season[j] as number;
      if (!(s > 0) || !(q > 0)) return Number.POSITIVE_INFINITY;
      mu = q * s;
      p = yt / s;
    }
    let e: number;
    if (multError) {
      if (mu === 0) return Number.POSITIVE_INFINITY;
      e = (yt - mu) / mu;
      sumLog += Math.log(Math.abs(mu));
    } else {
      e = yt - mu;
    }
    B[t] = b;
    S[t] = s;
    Q[t] = q;
    sse += e * e;
    const d = p - q;
    l = q + alpha * d;
    if (hasTrend) b = phi * b + beta * d;
    if (seasonType === 1) season[j] = s + gamma * (yt - q - s);
    else if (seasonType === 2) season[j] = s + gamma * (yt / q - s);
    if (seasonType !== 0 && ++j === period) j = 0;
  }
  if (!Number.isFinite(l) || !Number.isFinite(b) || !Number.isFinite(sse)) return Number.POSITIVE_INFINITY;
  if (!(sse > 0)) {
    if (grad) grad.fill(0);
    return -1e10;
  }
  const lik = n * Math.log(sse) + 2 * sumLog;
  if (grad === null) return lik;

  // Reverse pass: adjoints of the states after each update, carried backwards in time.
  const seasonBar = ws.seasonBar;
  seasonBar.fill(0);
  let lBar = 0;
  let bBar = 0;
  let gAlpha = 0;
  let gBeta = 0;
  let gGamma = 0;
  let gPhi = 0;
  const eScale = (2 * n) / sse;
  j = seasonType === 0 ? 0 : (n - 1) % period;
  for (let t = n - 1; t >= 0; t--) {
    const yt = y[t] as number;
    const q = Q[t] as number;
    const s = S[t] as number;
    let mu = q;
    let p = yt;
    let dmu_dq = 1;
    if (seasonType === 1) {
      mu = q + s;
      p = yt - s;
    } else if (seasonType === 2) {
      mu = q * s;
      p = yt / s;
      dmu_dq = s;
    }
    const muBar = multError ? eScale * ((yt - mu) / mu) * (-yt / (mu * mu)) + 2 / mu : -eScale * (yt - mu);
    const sNextBar = seasonType === 0 ? 0 : (seasonBar[j] as number);
    const d = p - q;
    const pBar = lBar * alpha + (hasTrend ? bBar * beta : 0);
    let qBar = lBar * (1 - alpha) + muBar * dmu_dq;
    if (hasTrend) qBar -= bBar * beta;
    gAlpha += lBar * d;
    if (hasTrend) gBeta += bBar * d;
    if (seasonType === 1) {
      qBar -= sNextBar * gamma;
      gGamma += sNextBar * (yt - q - s);
      seasonBar[j] = sNextBar * (1 - gamma) - pBar + muBar;
    } else if (seasonType === 2) {
      qBar -= (sNextBar * gamma * yt) / (q * q);
      gGamma += sNextBar * (yt / q - s);
      seasonBar[j] = sNextBar * (1 - gamma) - (pBar * yt) / (s * s) + muBar * q;
    }
    if (hasTrend) {
      const b = B[t] as number;
      if (codes.damped) gPhi += (bBar + qBar) * b;
      bBar = phi * (bBar + qBar);
    }
    lBar = qBar;
    if (seasonType !== 0 && --j < 0) j = period - 1;
  }
  grad.fill(0);
  grad[0] = gAlpha;
  grad[1] = gBeta;
  grad[2] = gGamma;
  grad[3] = gPhi;
  grad[4] = lBar;
  grad[5] = bBar;
  if (seasonType !== 0) for (let k = 0; k < period; k++) grad[6 + k] = seasonBar[k] as number;
  return lik;
}
