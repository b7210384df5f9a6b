import { ValidationError } from '@s2b2b/core';
import { type MinimizeResult, nelderMead } from '../models/optimize.js';
import { centredMovingAverage } from '../models/seasonality.js';
import { validateSeasonLength, validateSeries } from '../models/validate.js';
import { type EtsParams, type EtsSpec, etsFilter, etsName, validateEtsSpec } from './model.js';

/** Options of {@link fitEts}. */
export type FitEtsOptions = {
  /** Observations per seasonal cycle (default 1; needed for seasonal models). */
  seasonLength?: number;
  /** Nelder–Mead evaluation budget per run (default `max(2000, 200 × dimension)`; two starts, each run twice). */
  maxEvaluations?: number;
};

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
const PENALTY = 1e10;
const LOGIT_STEP = 1;
/** Logit of the low start (position 0.25 % into each bound). */
const LOW_LOGIT = -6;

/** Logit of the position of `v` in `[lo, hi]` (clamped a little inside). */
function logitIn(v: number, lo: number, hi: number): number {
  const u = Math.min(1 - 1e-6, Math.max(1e-6, (v - lo) / (hi - lo)));
  return Math.log(u / (1 - u));
}

/** Inverse of {@link logitIn}: a point of `[lo, hi]`. */
function fromLogit(z: number, lo: number, hi: number): number {
  return lo + (hi - lo) / (1 + Math.exp(-z));
}

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
 * Fits an ETS model by maximum likelihood as R `forecast::ets` with `opt.crit = "lik"`, `bounds = "usual"`:
 * initial states from {@link etsInitialStates}, then Nelder–Mead (from R's starting values and from smoothing
 * weights near their lower bounds, each restarted once at its optimum) over α, β, γ, φ and the initial states
 * (`m − 1` free seasonal states; the remaining one normalises the seasonal states to sum 0, or m for
 * multiplicative). Usual bounds α ∈ [1e-4, 0.9999], β ∈ [1e-4, α],
 * γ ∈ [1e-4, 1 − α], φ ∈ [0.8, 0.98] hold by construction (the simplex moves on logits of the position within
 * each bound, which also lets it reach optima on a bound); multiplicative seasonal states must stay > 0 (penalty).
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
    options.maxEvaluations !== undefined &&
    (!Number.isInteger(options.maxEvaluations) || options.maxEvaluations < 10)
  ) {
    throw ValidationError.field('maxEvaluations', 'must be an integer >= 10');
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

  // starting parameters as R initparam (usual bounds)
  const alpha0 = LOWER.alpha + (0.2 * (UPPER.alpha - LOWER.alpha)) / seasonLength;
  const beta0 = LOWER.beta + 0.1 * (Math.min(UPPER.beta, alpha0) - LOWER.beta);
  const gamma0 = LOWER.gamma + 0.05 * (Math.min(UPPER.gamma, 1 - alpha0) - LOWER.gamma);
  const phi0 = LOWER.phi + 0.99 * (UPPER.phi - LOWER.phi);

  let mean = 0;
  for (const v of y) mean += v;
  mean /= n;
  let varSum = 0;
  for (const v of y) varSum += (v - mean) ** 2;
  const sd = Math.sqrt(varSum / Math.max(1, n - 1));
  const scale = sd > 0 ? sd : Math.abs(mean) > 0 ? 0.01 * Math.abs(mean) : 1;

  // the optimiser works on logits of the position within the usual bounds (β within [1e-4, α], γ within
  // [1e-4, 1 − α]), so the bounds on the smoothing parameters hold by construction
  const x0: number[] = [logitIn(alpha0, LOWER.alpha, UPPER.alpha)];
  const steps: number[] = [LOGIT_STEP];
  if (hasTrend) {
    x0.push(logitIn(beta0, LOWER.beta, Math.min(UPPER.beta, alpha0)));
    steps.push(LOGIT_STEP);
  }
  if (seasonal) {
    x0.push(logitIn(gamma0, LOWER.gamma, Math.min(UPPER.gamma, 1 - alpha0)));
    steps.push(LOGIT_STEP);
  }
  if (damped) {
    x0.push(logitIn(phi0, LOWER.phi, UPPER.phi));
    steps.push(-LOGIT_STEP);
  }
  const stateOffset = x0.length;
  x0.push(init.level);
  steps.push(0.1 * scale);
  if (hasTrend) {
    x0.push(init.trend);
    steps.push(0.05 * scale);
  }
  for (let j = 1; j < m; j++) {
    x0.push(init.season[j] as number);
    steps.push(multSeason ? 0.05 : 0.1 * scale);
  }

  const season = new Array<number>(m).fill(0);
  const unpack = (x: readonly number[]): { params: EtsParams; violation: number } => {
    let i = 0;
    const alpha = fromLogit(x[i++] as number, LOWER.alpha, UPPER.alpha);
    const beta = hasTrend ? fromLogit(x[i++] as number, LOWER.beta, Math.min(UPPER.beta, alpha)) : 0;
    const gamma = seasonal ? fromLogit(x[i++] as number, LOWER.gamma, Math.min(UPPER.gamma, 1 - alpha)) : 0;
    const phi = damped ? fromLogit(x[i++] as number, LOWER.phi, UPPER.phi) : 1;
    const level = x[i++] as number;
    const trend = hasTrend ? (x[i++] as number) : 0;
    let violation = 0;
    let sum = 0;
    for (let j = 1; j < m; j++) {
      const s = x[i++] as number;
      season[j] = s;
      sum += s;
    }
    if (seasonal) season[0] = (multSeason ? m : 0) - sum;
    if (multSeason) for (const s of season) if (s <= 0) violation += 1e-3 - s;
    return {
      params: { alpha, beta, gamma, phi, level, trend, season: seasonal ? [...season] : [] },
      violation,
    };
  };
  const objective = (x: readonly number[]): number => {
    const { params, violation } = unpack(x);
    if (violation > 0) return PENALTY * (1 + violation);
    const lik = etsFilter(y, spec, params, m).lik;
    if (Number.isNaN(lik)) return Number.POSITIVE_INFINITY;
    return Math.max(lik, -1e10);
  };

  const maxEvaluations = options.maxEvaluations ?? Math.max(2000, 200 * x0.length);
  // Two starts, each refined by one restart at its optimum (a fresh, smaller simplex guards against a collapsed
  // one): R's `initparam` values, and all smoothing weights near their lower bounds (the likelihood is often
  // multimodal in α, β; the second start finds the α ≈ 1e-4 optima of near-deterministic series).
  const restartSteps = steps.map((s, i) => (i < stateOffset ? 0.5 * s : 0.2 * s));
  const lowStart = x0.map((v, i) => (i < stateOffset && !(damped && i === stateOffset - 1) ? LOW_LOGIT : v));
  let best: MinimizeResult | undefined;
  for (const start of [x0, lowStart]) {
    const first = nelderMead(objective, start, { step: steps, maxEvaluations });
    const second = nelderMead(objective, first.x, { step: restartSteps, maxEvaluations });
    for (const run of [first, second]) if (best === undefined || run.value < best.value) best = run;
  }
  if (best === undefined) throw new Error('unreachable');
  const { params } = unpack(best.x);
  const run = etsFilter(y, spec, params, m);
  const lik = Math.max(run.lik, -1e10);
  const np = best.x.length;
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
