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
  /** Σ log|μ_t| of the last forward pass (one cell). */
  readonly sumLog: Float64Array;
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
    sumLog: new Float64Array(1),
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
  // One loop per season type: a branch on the season inside the loop makes V8's code about three
  // times slower, while trend (b ≡ 0, φ = 1 without one) and error type cost next to nothing.
  const period = codes.season === 0 ? 1 : m;
  const season = ws.season;
  for (let j = 0; j < period; j++) season[j] = codes.season === 0 ? 0 : (season0[j] as number);
  const b0 = codes.hasTrend ? trend0 : 0;
  const b1 = codes.hasTrend ? beta : 0;
  let sse: number;
  if (codes.season === 0) sse = forwardNoSeason(y, codes, alpha, b1, level0, b0, ws);
  else if (codes.season === 1)
    sse = forwardAdditiveSeason(y, codes, period, alpha, b1, gamma, level0, b0, ws);
  else sse = forwardMultiplicativeSeason(y, codes, period, alpha, b1, gamma, level0, b0, ws);
  if (!Number.isFinite(sse)) return Number.POSITIVE_INFINITY;
  const n = y.length;
  if (!(sse > 0)) {
    if (grad) grad.fill(0);
    return -1e10;
  }
  const lik = n * Math.log(sse) + 2 * ws.sumLog[0]!;
  if (grad === null) return lik;
  backward(y, codes, period, alpha, b1, gamma, (2 * n) / sse, grad, ws);
  if (!codes.hasTrend) {
    grad[1] = 0;
    grad[5] = 0;
  }
  if (!codes.damped) grad[3] = 0;
  return lik;
}

/** Forward pass without a season: fills the workspace, returns Σe² (`Infinity` where undefined). */
function forwardNoSeason(
  y: Float64Array,
  codes: EtsCodes,
  alpha: number,
  beta: number,
  l0: number,
  b0: number,
  ws: EtsWorkspace,
): number {
  const { trend: B, q: Q } = ws;
  const multError = codes.multError;
  const phi = codes.phi;
  const n = y.length;
  let l = l0;
  let b = b0;
  let sse = 0;
  let sumLog = 0;
  for (let t = 0; t < n; t++) {
    const yt = y[t] as number;
    const q = l + phi * b;
    let e = yt - q;
    if (multError) {
      if (q === 0) return Number.POSITIVE_INFINITY;
      e /= q;
      sumLog += Math.log(Math.abs(q));
    }
    B[t] = b;
    Q[t] = q;
    sse += e * e;
    const d = yt - q;
    l = q + alpha * d;
    b = phi * b + beta * d;
  }
  ws.sumLog[0] = sumLog;
  return Number.isFinite(l) && Number.isFinite(b) ? sse : Number.POSITIVE_INFINITY;
}

/** Forward pass with an additive season. */
function forwardAdditiveSeason(
  y: Float64Array,
  codes: EtsCodes,
  m: number,
  alpha: number,
  beta: number,
  gamma: number,
  l0: number,
  b0: number,
  ws: EtsWorkspace,
): number {
  const { trend: B, seasonal: S, q: Q, season } = ws;
  const multError = codes.multError;
  const phi = codes.phi;
  const n = y.length;
  let l = l0;
  let b = b0;
  let sse = 0;
  let sumLog = 0;
  let j = 0;
  for (let t = 0; t < n; t++) {
    const yt = y[t] as number;
    const q = l + phi * b;
    const s = season[j] as number;
    const mu = q + s;
    let e = yt - mu;
    if (multError) {
      if (mu === 0) return Number.POSITIVE_INFINITY;
      e /= mu;
      sumLog += Math.log(Math.abs(mu));
    }
    B[t] = b;
    S[t] = s;
    Q[t] = q;
    sse += e * e;
    const d = yt - s - q;
    l = q + alpha * d;
    b = phi * b + beta * d;
    season[j] = s + gamma * (yt - q - s);
    if (++j === m) j = 0;
  }
  ws.sumLog[0] = sumLog;
  return Number.isFinite(l) && Number.isFinite(b) ? sse : Number.POSITIVE_INFINITY;
}

/** Forward pass with a multiplicative season (seasonal states and `l + φb` must stay positive). */
function forwardMultiplicativeSeason(
  y: Float64Array,
  codes: EtsCodes,
  m: number,
  alpha: number,
  beta: number,
  gamma: number,
  l0: number,
  b0: number,
  ws: EtsWorkspace,
): number {
  const { trend: B, seasonal: S, q: Q, season } = ws;
  const multError = codes.multError;
  const phi = codes.phi;
  const n = y.length;
  let l = l0;
  let b = b0;
  let sse = 0;
  let sumLog = 0;
  let j = 0;
  for (let t = 0; t < n; t++) {
    const yt = y[t] as number;
    const q = l + phi * b;
    const s = season[j] as number;
    if (!(s > 0) || !(q > 0)) return Number.POSITIVE_INFINITY;
    const mu = q * s;
    let e = yt - mu;
    if (multError) {
      e /= mu;
      sumLog += Math.log(mu);
    }
    B[t] = b;
    S[t] = s;
    Q[t] = q;
    sse += e * e;
    const d = yt / s - q;
    l = q + alpha * d;
    b = phi * b + beta * d;
    season[j] = s + gamma * (yt / q - s);
    if (++j === m) j = 0;
  }
  ws.sumLog[0] = sumLog;
  return Number.isFinite(l) && Number.isFinite(b) ? sse : Number.POSITIVE_INFINITY;
}

/**
 * Reverse pass: the adjoints of the states after each update, carried backwards in time, give the
 * gradient with respect to α, β, γ, φ and the initial states (written into `grad`).
 */
function backward(
  y: Float64Array,
  codes: EtsCodes,
  m: number,
  alpha: number,
  beta: number,
  gamma: number,
  eScale: number,
  grad: Float64Array,
  ws: EtsWorkspace,
): void {
  const { trend: B, seasonal: S, q: Q, seasonBar } = ws;
  const multError = codes.multError;
  const phi = codes.phi;
  const seasonType = codes.season;
  const n = y.length;
  seasonBar.fill(0);
  let lBar = 0;
  let bBar = 0;
  let gAlpha = 0;
  let gBeta = 0;
  let gGamma = 0;
  let gPhi = 0;
  if (seasonType === 0) {
    for (let t = n - 1; t >= 0; t--) {
      const yt = y[t] as number;
      const q = Q[t] as number;
      const muBar = multError ? eScale * ((yt - q) / q) * (-yt / (q * q)) + 2 / q : -eScale * (yt - q);
      const d = yt - q;
      const qBar = lBar * (1 - alpha) - bBar * beta + muBar;
      gAlpha += lBar * d;
      gBeta += bBar * d;
      gPhi += (bBar + qBar) * (B[t] as number);
      bBar = phi * (bBar + qBar);
      lBar = qBar;
    }
  } else if (seasonType === 1) {
    let j = (n - 1) % m;
    for (let t = n - 1; t >= 0; t--) {
      const yt = y[t] as number;
      const q = Q[t] as number;
      const s = S[t] as number;
      const mu = q + s;
      const muBar = multError ? eScale * ((yt - mu) / mu) * (-yt / (mu * mu)) + 2 / mu : -eScale * (yt - mu);
      const sNextBar = seasonBar[j] as number;
      const d = yt - s - q;
      const pBar = lBar * alpha + bBar * beta;
      const qBar = lBar * (1 - alpha) - bBar * beta + muBar - sNextBar * gamma;
      gAlpha += lBar * d;
      gBeta += bBar * d;
      gGamma += sNextBar * (yt - q - s);
      seasonBar[j] = sNextBar * (1 - gamma) - pBar + muBar;
      gPhi += (bBar + qBar) * (B[t] as number);
      bBar = phi * (bBar + qBar);
      lBar = qBar;
      if (--j < 0) j = m - 1;
    }
  } else {
    let j = (n - 1) % m;
    for (let t = n - 1; t >= 0; t--) {
      const yt = y[t] as number;
      const q = Q[t] as number;
      const s = S[t] as number;
      const mu = q * s;
      const muBar = multError ? eScale * ((yt - mu) / mu) * (-yt / (mu * mu)) + 2 / mu : -eScale * (yt - mu);
      const sNextBar = seasonBar[j] as number;
      const ys = yt / s;
      const yq = yt / q;
      const d = ys - q;
      const pBar = lBar * alpha + bBar * beta;
      const qBar = lBar * (1 - alpha) - bBar * beta + muBar * s - (sNextBar * gamma * yq) / q;
      gAlpha += lBar * d;
      gBeta += bBar * d;
      gGamma += sNextBar * (yq - s);
      seasonBar[j] = sNextBar * (1 - gamma) - (pBar * ys) / s + muBar * q;
      gPhi += (bBar + qBar) * (B[t] as number);
      bBar = phi * (bBar + qBar);
      lBar = qBar;
      if (--j < 0) j = m - 1;
    }
  }
  grad.fill(0);
  grad[0] = gAlpha;
  grad[1] = gBeta;
  grad[2] = gGamma;
  grad[3] = gPhi;
  grad[4] = lBar;
  grad[5] = bBar;
  if (seasonType !== 0) for (let k = 0; k < m; k++) grad[6 + k] = seasonBar[k] as number;
}
