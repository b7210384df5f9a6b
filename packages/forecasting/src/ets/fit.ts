import { ValidationError } from '@s2b2b/core';
import { bfgs } from '../models/bfgs.js';
import { centredMovingAverage } from '../models/seasonality.js';
import { validateSeasonLength, validateSeries } from '../models/validate.js';
import { etsAdmissible } from './admissible.js';
import { createEtsWorkspace, etsGradientLength, etsLikelihood } from './likelihood.js';
import { type EtsParams, type EtsSpec, etsCodes, etsFilter, etsName, validateEtsSpec } from './model.js';

/** Options of {@link fitEts}. */
export type FitEtsOptions = {
  /** Observations per seasonal cycle (default 1; needed for seasonal models). */
  seasonLength?: number;
  /** BFGS iteration budget per start (default 200). */
  maxIterations?: number;
  /**
   * Where the optimiser starts (default all of them, keeping the best optimum): `'initparam'` — R's
   * starting values (α = 0.2/m of its range, β = 0.1 α, γ = 0.05 (1 − α), φ = 0.978);
   * `'responsive'` — the same with α at 90 % of its range, where the likelihood of many business
   * series has a second, often higher, mode; `'changing-season'` (seasonal models only) — γ at
   * 90 % of its range, for seasonal patterns that drift; `'quiet'` — α, β, γ at 0.25 % of their
   * ranges, the
   * basin of series close to a fixed line or seasonal pattern.
   */
  starts?: readonly EtsStart[];
  /**
   * Parameter space, as R `ets`: `'both'` (default) — the usual bounds and the admissible
   * (forecastable) region ({@link etsAdmissible}); `'usual'` — the bounds alone.
   */
  bounds?: 'usual' | 'both';
};

/** A starting point of {@link fitEts}'s optimiser. */
export type EtsStart = 'initparam' | 'responsive' | 'changing-season' | 'quiet';

/** A fitted ETS model. */
export type EtsFit = {
  spec: EtsSpec;
  /** `ETS(A,Ad,M)`. */
  name: string;
  seasonLength: number;
  /** Smoothing parameters and initial states (`season` in time order of the first cycle). */
  params: EtsParams;
  /** Final states: `season[j]` is the seasonal state used for forecast step `j + 1`. */
  states: { level: number; trend: number; season: number[] };
  /** `−0.5 · lik` (R `ets` convention, no constant). */
  loglik: number;
  aic: number;
  aicc: number;
  bic: number;
  /** `Σe² / (n − np)`, np = free parameters + free initial states (R `ets`); e relative for multiplicative error. */
  sigma2: number;
  /** One-step in-sample forecasts. */
  fitted: number[];
  /** `y − fitted`. */
  residuals: number[];
  /** Innovations `e_t` (relative errors for multiplicative error). */
  errors: number[];
  /** Number of observations. */
  n: number;
  /** Number of estimated quantities in the information criteria: parameters + initial states + 1 (σ). */
  k: number;
};

const LOWER = { alpha: 1e-4, beta: 1e-4, gamma: 1e-4, phi: 0.8 };
const UPPER = { alpha: 0.9999, beta: 0.9999, gamma: 0.9999, phi: 0.98 };
/** Position of α (`'responsive'`) or γ (`'changing-season'`) within its bounds at those starts. */
const RESPONSIVE_POSITION = 0.9;
/** Position of α, β and γ within their bounds at the `'quiet'` start. */
const QUIET_POSITION = 0.0025;
/** The starts tried by default. */
const ETS_STARTS: readonly EtsStart[] = ['initparam', 'responsive', 'changing-season', 'quiet'];
/** BFGS stopping rules: the likelihood is of order n, so these are far below what changes a forecast. */
const TOLERANCE = { gradientTolerance: 1e-6, relativeTolerance: 1e-10 };

/**
 * Initial states by the R `forecast:::initstate` heuristic: classical decomposition (R `decompose`, additive or
 * multiplicative) for the seasonal states, then level/trend from the first `max(10, 2m)` seasonally adjusted
 * points (mean for no trend, least-squares line otherwise; `l0` is the line at t = 0).
 * Needs `n >= 2m` for seasonal models (R fits a Fourier regression when `2m <= n < 3m`; we decompose throughout).
 *
 * @example
 * etsInitialStates([1, 2, 3, 4, 5], { error: 'A', trend: 'A', season: 'N' }, 1) // level ≈ 0, trend ≈ 1
 */
export function etsInitialStates(
  y: readonly number[],
  spec: EtsSpec,
  seasonLength: number,
): { level: number; trend: number; season: number[] } {
  const n = y.length;
  const m = spec.season === 'N' ? 1 : seasonLength;
  let season: number[] = [];
  let ysa: number[] = [...y];
  if (spec.season !== 'N') {
    const mult = spec.season === 'M';
    const trend = centredMovingAverage(y, m);
    const sums = new Array<number>(m).fill(0);
    const counts = new Array<number>(m).fill(0);
    for (let t = 0; t < n; t++) {
      const tr = trend[t] as number;
      if (Number.isNaN(tr)) continue;
      const v = mult ? (y[t] as number) / tr : (y[t] as number) - tr;
      if (!Number.isFinite(v)) continue;
      sums[t % m] = (sums[t % m] as number) + v;
      counts[t % m] = (counts[t % m] as number) + 1;
    }
    const figure = sums.map((s, i) => ((counts[i] as number) > 0 ? s / (counts[i] as number) : mult ? 1 : 0));
    const mean = figure.reduce((a, b) => a + b, 0) / m;
    season = figure.map((f) => (mult ? (mean > 0 ? f / mean : 1) : f - mean));
    if (mult) {
      // R: pmax(init.seas, 1e-2) and a rescale on the m − 1 free states; the first is fixed by normalisation
      const free = season.slice(1).map((s) => Math.max(s, 1e-2));
      const sum = free.reduce((a, b) => a + b, 0);
      const scaled = sum > m ? free.map((s) => s / (sum + 1e-2 * free.length)) : free;
      season = [m - scaled.reduce((a, b) => a + b, 0), ...scaled];
      ysa = y.map((v, t) => v / Math.max(season[t % m] as number, 1e-2));
    } else {
      ysa = y.map((v, t) => v - (season[t % m] as number));
    }
  }
  const maxn = Math.min(Math.max(10, 2 * m), n);
  if (spec.trend === 'N') {
    let s = 0;
    for (let t = 0; t < maxn; t++) s += ysa[t] as number;
    return { level: s / maxn, trend: 0, season };
  }
  // least squares ysa_t = l0 + b0 · t, t = 1..maxn
  const tMean = (maxn + 1) / 2;
  let yMean = 0;
  for (let t = 0; t < maxn; t++) yMean += ysa[t] as number;
  yMean /= maxn;
  let sxy = 0;
  let sxx = 0;
  for (let t = 0; t < maxn; t++) {
    const dx = t + 1 - tMean;
    sxy += dx * ((ysa[t] as number) - yMean);
    sxx += dx * dx;
  }
  let b0 = sxx > 0 ? sxy / sxx : 0;
  let l0 = yMean - b0 * tMean;
  if (Math.abs(l0 + b0) < 1e-8) {
    l0 *= 1 + 1e-3;
    b0 *= 1 + 1e-3;
  }
  return { level: l0, trend: b0, season };
}

/**
 * Fits an ETS model by maximum likelihood as R `forecast::ets` with `opt.crit = "lik"` and its default
 * `bounds = "both"` (usual bounds and the admissible region; `bounds: 'usual'` drops the latter):
 * initial states from {@link etsInitialStates}, then BFGS over α, β, γ, φ and the initial states
 * (`m − 1` free seasonal states; the remaining one normalises the seasonal states to sum 0, or m for
 * multiplicative), with the exact gradient of the likelihood from one adjoint pass
 * ({@link etsLikelihood}). The likelihood is often multimodal in the smoothing weights, so by default
 * three starts (see {@link FitEtsOptions.starts}) and the best optimum is kept. The data are divided by their mean
 * absolute value while fitting so every coordinate is of order one; the likelihood is reported on the
 * original scale. Usual bounds α ∈ [1e-4, 0.9999], β ∈ [1e-4, α], γ ∈ [1e-4, 1 − α], φ ∈ [0.8, 0.98]
 * hold by construction (the optimiser moves on the position within each bound, in [0, 1]);
 * multiplicative models must keep their one-step forecasts and seasonal states positive.
 * Information criteria as R: `aic = lik + 2k`, `aicc = aic + 2k(k+1)/(n−k−1)`, `bic = lik + k·log n`,
 * `loglik = −lik/2`, k = parameters + initial states + 1.
 *
 * Throws `ValidationError` for non-finite `y`, fewer than 3 observations, a seasonal model with `m < 2` or
 * `n < 2m`, and multiplicative error or season on data with zeros or negative values.
 *
 * @example
 * const fit = fitEts([10, 12, 11, 13, 12, 14, 13, 15], { error: 'A', trend: 'A', season: 'N' });
 * fit.params.alpha; // in [1e-4, 0.9999]
 */
export function fitEts(y: readonly number[], spec: EtsSpec, options: FitEtsOptions = {}): EtsFit {
  validateEtsSpec(spec);
  validateSeries(y, 3, 'fitEts');
  const seasonLength = options.seasonLength ?? 1;
  validateSeasonLength(seasonLength);
  if (
    options.maxIterations !== undefined &&
    (!Number.isInteger(options.maxIterations) || options.maxIterations < 1)
  ) {
    throw ValidationError.field('maxIterations', 'must be a positive integer');
  }
  if (options.bounds !== undefined && options.bounds !== 'usual' && options.bounds !== 'both') {
    throw ValidationError.field('bounds', "must be 'usual' or 'both'");
  }
  if (
    options.starts !== undefined &&
    (!Array.isArray(options.starts) ||
      options.starts.length === 0 ||
      options.starts.some((start) => !ETS_STARTS.includes(start)))
  ) {
    throw ValidationError.field(
      'starts',
      `must be a non-empty list of ${ETS_STARTS.map((s) => `'${s}'`).join(' | ')}`,
    );
  }
  const n = y.length;
  const seasonal = spec.season !== 'N';
  const m = seasonal ? seasonLength : 1;
  if (seasonal && m < 2)
    throw ValidationError.field('seasonLength', 'a seasonal ETS model needs seasonLength >= 2');
  if (seasonal && n < 2 * m) {
    throw ValidationError.field('y', `a seasonal ETS model needs at least 2 seasons (${2 * m}), got ${n}`);
  }
  if ((spec.error === 'M' || spec.season === 'M') && y.some((v) => v <= 0)) {
    throw ValidationError.field('y', 'multiplicative error or season needs positive data');
  }
  const hasTrend = spec.trend !== 'N';
  const damped = spec.trend === 'Ad';
  const multSeason = spec.season === 'M';
  const init = etsInitialStates(y, spec, m);

  // Fit on y / scale: states of order one, so one identity start suits every coordinate.
  let absSum = 0;
  for (const v of y) absSum += Math.abs(v);
  const scale = absSum > 0 ? absSum / n : 1;
  const scaled = Float64Array.from(y, (v) => v / scale);
  const seasonScale = multSeason ? 1 : scale;

  // Layout of the optimiser's vector: the positions in [0, 1] of α, β, γ, φ within their bounds
  // (those the model has), then l0, b0 and the free seasonal states s_1..s_{m−1}, on the scaled data.
  const iBeta = hasTrend ? 1 : -1;
  const iGamma = seasonal ? 1 + (hasTrend ? 1 : 0) : -1;
  const iPhi = damped ? 1 + (hasTrend ? 1 : 0) + (seasonal ? 1 : 0) : -1;
  const iLevel = 1 + (hasTrend ? 1 : 0) + (seasonal ? 1 : 0) + (damped ? 1 : 0);
  const iTrend = hasTrend ? iLevel + 1 : -1;
  const iSeason = iLevel + (hasTrend ? 2 : 1);
  const dim = iSeason + (seasonal ? m - 1 : 0);
  const seasonTotal = multSeason ? m : 0;
  const lower = new Float64Array(dim).fill(Number.NEGATIVE_INFINITY);
  const upper = new Float64Array(dim).fill(Number.POSITIVE_INFINITY);
  lower.fill(0, 0, iLevel);
  upper.fill(1, 0, iLevel);

  const x0 = new Float64Array(dim);
  x0[0] = 0.2 / seasonLength;
  if (hasTrend) x0[iBeta] = 0.1;
  if (seasonal) x0[iGamma] = 0.05;
  if (damped) x0[iPhi] = 0.99;
  x0[iLevel] = init.level / scale;
  if (hasTrend) x0[iTrend] = init.trend / scale;
  for (let j = 1; j < m; j++) x0[iSeason + j - 1] = (init.season[j] as number) / seasonScale;

  const codes = etsCodes(spec, 1);
  const ws = createEtsWorkspace(n, m);
  const full = new Float64Array(etsGradientLength(m));
  const season = new Float64Array(m);
  const ALPHA_RANGE = UPPER.alpha - LOWER.alpha;
  const PHI_RANGE = UPPER.phi - LOWER.phi;
  const params = (x: ArrayLike<number>) => {
    const alpha = LOWER.alpha + ALPHA_RANGE * (x[0] as number);
    return {
      alpha,
      beta: hasTrend ? LOWER.beta + (alpha - LOWER.beta) * (x[iBeta] as number) : 0,
      gamma: seasonal ? LOWER.gamma + (1 - alpha - LOWER.gamma) * (x[iGamma] as number) : 0,
      phi: damped ? LOWER.phi + PHI_RANGE * (x[iPhi] as number) : 1,
    };
  };
  const admissibleOnly = (options.bounds ?? 'both') === 'both';
  const objective = (x: Float64Array, grad: Float64Array): number => {
    const p = params(x);
    if (
      admissibleOnly &&
      !etsAdmissible(p.alpha, hasTrend ? p.beta : null, seasonal ? p.gamma : null, p.phi, m)
    ) {
      return Number.POSITIVE_INFINITY;
    }
    codes.phi = p.phi;
    let sum = 0;
    for (let j = 1; j < m; j++) {
      const v = x[iSeason + j - 1] as number;
      season[j] = v;
      sum += v;
    }
    if (seasonal) season[0] = seasonTotal - sum;
    const trend0 = hasTrend ? (x[iTrend] as number) : 0;
    const lik = etsLikelihood(
      scaled,
      codes,
      m,
      p.alpha,
      p.beta,
      p.gamma,
      x[iLevel] as number,
      trend0,
      season,
      full,
      ws,
    );
    if (!Number.isFinite(lik)) return lik;
    // chain rule from (α, β, γ, φ, states) to the optimiser's coordinates
    let gAlpha = full[0] as number;
    if (hasTrend) gAlpha += (full[1] as number) * (x[iBeta] as number);
    if (seasonal) gAlpha -= (full[2] as number) * (x[iGamma] as number);
    grad[0] = gAlpha * ALPHA_RANGE;
    if (hasTrend) grad[iBeta] = (full[1] as number) * (p.alpha - LOWER.beta);
    if (seasonal) grad[iGamma] = (full[2] as number) * (1 - p.alpha - LOWER.gamma);
    if (damped) grad[iPhi] = (full[3] as number) * PHI_RANGE;
    grad[iLevel] = full[4] as number;
    if (hasTrend) grad[iTrend] = full[5] as number;
    for (let j = 1; j < m; j++) grad[iSeason + j - 1] = (full[6 + j] as number) - (full[6] as number);
    return lik;
  };

  const maxIterations = options.maxIterations ?? 200;
  const responsive = Float64Array.from(x0);
  responsive[0] = RESPONSIVE_POSITION;
  const changing = Float64Array.from(x0);
  if (seasonal) changing[iGamma] = RESPONSIVE_POSITION;
  const quiet = Float64Array.from(x0);
  quiet[0] = QUIET_POSITION;
  if (hasTrend) quiet[iBeta] = QUIET_POSITION;
  if (seasonal) quiet[iGamma] = QUIET_POSITION;
  let best: { x: number[]; value: number } | undefined;
  for (const name of options.starts ?? ETS_STARTS) {
    if (name === 'changing-season' && !seasonal) continue;
    const start =
      name === 'responsive'
        ? responsive
        : name === 'quiet'
          ? quiet
          : name === 'changing-season'
            ? changing
            : x0;
    const run = bfgs(objective, start, { lower, upper, maxIterations, ...TOLERANCE });
    if (best === undefined || run.value < best.value) best = run;
  }
  if (best === undefined) throw new Error('unreachable');
  const p = params(best.x);
  const seasonStates = new Array<number>(seasonal ? m : 0);
  if (seasonal) {
    let sum = 0;
    for (let j = 1; j < m; j++) {
      const v = (best.x[iSeason + j - 1] as number) * seasonScale;
      seasonStates[j] = v;
      sum += v;
    }
    seasonStates[0] = seasonTotal - sum;
  }
  const fitted: EtsParams = {
    alpha: p.alpha,
    beta: p.beta,
    gamma: p.gamma,
    phi: p.phi,
    level: (best.x[iLevel] as number) * scale,
    trend: hasTrend ? (best.x[iTrend] as number) * scale : 0,
    season: seasonStates,
  };
  return summarize(y, spec, m, fitted, dim);
}

/** Runs the filter at the fitted parameters and computes the criteria R `ets` reports. */
function summarize(y: readonly number[], spec: EtsSpec, m: number, params: EtsParams, np: number): EtsFit {
  const n = y.length;
  const run = etsFilter(y, spec, params, m);
  const lik = Number.isNaN(run.lik) ? Number.POSITIVE_INFINITY : Math.max(run.lik, -1e10);
  const k = np + 1;
  const aic = lik + 2 * k;
  const aicc = n - k - 1 > 0 ? aic + (2 * k * (k + 1)) / (n - k - 1) : Number.POSITIVE_INFINITY;
  const bic = lik + Math.log(n) * k;
  const sigma2 = run.sse / (n > np ? n - np : n);
  return {
    spec: { ...spec },
    name: etsName(spec),
    seasonLength: m,
    params,
    states: { level: run.level, trend: run.trend, season: Array.from(run.season) },
    loglik: -0.5 * lik,
    aic,
    aicc,
    bic,
    sigma2,
    fitted: Array.from(run.fitted),
    residuals: Array.from(run.residuals),
    errors: Array.from(run.errors),
    n,
    k,
  };
}
