import { ValidationError } from '@s2b2b/core';

/** Error type: additive or multiplicative. */
export type EtsErrorType = 'A' | 'M';
/** Trend type: none, additive or additive damped (multiplicative trend is not supported). */
export type EtsTrendType = 'N' | 'A' | 'Ad';
/** Seasonal type: none, additive or multiplicative. */
export type EtsSeasonType = 'N' | 'A' | 'M';

/**
 * An ETS model of the Hyndman–Koehler–Ord–Snyder (2008) state-space family.
 *
 * @example
 * const spec: EtsSpec = { error: 'M', trend: 'Ad', season: 'M' }; // ETS(M,Ad,M)
 */
export type EtsSpec = {
  error: EtsErrorType;
  trend: EtsTrendType;
  season: EtsSeasonType;
};

/**
 * Smoothing parameters and initial states of an ETS model, on the R `ets` (error-correction) scale:
 * `beta` is the trend weight of `b_t = φ b_{t-1} + β (p_t − q_t)` (so the usual bounds are `β ≤ α`),
 * `gamma` the seasonal weight (`γ ≤ 1 − α`).
 *
 * - `level`, `trend`: the initial states `l_0`, `b_0` (`trend` ignored without a trend).
 * - `season`: the initial seasonal states in time order: `season[j]` is the seasonal state used for `y[j]`
 *   (j = 0..m−1), i.e. `s_{j+1−m}` of the textbook. Ignored without a season.
 * - `phi`: the damping parameter (used only for trend `'Ad'`).
 *
 * @example
 * const p: EtsParams = { alpha: 0.5, beta: 0, gamma: 0, phi: 1, level: 10, trend: 0, season: [] };
 */
export type EtsParams = {
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
  level: number;
  trend: number;
  season: readonly number[];
};

/** The output of {@link etsFilter}. */
export type EtsFilterResult = {
  /** One-step-ahead forecasts `μ_t = ŷ_{t|t-1}`, aligned with `y`. */
  fitted: Float64Array;
  /** `y_t − μ_t`. */
  residuals: Float64Array;
  /** The innovations `e_t`: `y_t − μ_t` for additive error, `(y_t − μ_t) / μ_t` for multiplicative error. */
  errors: Float64Array;
  /** Final level `l_n`. */
  level: number;
  /** Final trend `b_n` (0 without a trend). */
  trend: number;
  /** Final seasonal states in forecast order: `season[j]` is used for step `h = j + 1` (empty without a season). */
  season: Float64Array;
  /** `Σ e_t²`. */
  sse: number;
  /** `Σ log|μ_t|`. */
  sumLogAbsFitted: number;
  /**
   * −2 log-likelihood up to a constant, as R `ets`: `n·log(Σe²)` (+ `2·Σ log|μ_t|` for multiplicative error).
   * `NaN` when a forecast or state became non-finite.
   */
  lik: number;
};

/**
 * The model's name as R prints it.
 *
 * @example
 * etsName({ error: 'A', trend: 'Ad', season: 'M' }) // 'ETS(A,Ad,M)'
 */
export function etsName(spec: EtsSpec): string {
  return `ETS(${spec.error},${spec.trend},${spec.season})`;
}

const SPEC_PATTERN = /^(?:ETS\()?\s*([AM])\s*,?\s*(N|Ad|A)\s*,?\s*([NAM])\s*\)?$/;

/**
 * Parses `'ETS(A,Ad,M)'` or the short form `'AAdM'` into an {@link EtsSpec}; throws `ValidationError` otherwise.
 *
 * @example
 * parseEtsSpec('MAdN') // { error: 'M', trend: 'Ad', season: 'N' }
 */
export function parseEtsSpec(name: string): EtsSpec {
  const match = typeof name === 'string' ? SPEC_PATTERN.exec(name) : null;
  if (!match)
    throw ValidationError.field('spec', `must look like 'ETS(A,Ad,M)' or 'AAdM', got ${String(name)}`);
  return {
    error: match[1] as EtsErrorType,
    trend: match[2] as EtsTrendType,
    season: match[3] as EtsSeasonType,
  };
}

/**
 * Throws `ValidationError` unless `spec` is a valid {@link EtsSpec}.
 *
 * @example
 * validateEtsSpec({ error: 'A', trend: 'M', season: 'N' } as unknown as EtsSpec) // throws (no multiplicative trend)
 */
export function validateEtsSpec(spec: EtsSpec): void {
  if (
    typeof spec !== 'object' ||
    spec === null ||
    (spec.error !== 'A' && spec.error !== 'M') ||
    (spec.trend !== 'N' && spec.trend !== 'A' && spec.trend !== 'Ad') ||
    (spec.season !== 'N' && spec.season !== 'A' && spec.season !== 'M')
  ) {
    throw ValidationError.field('spec', 'must be { error: A|M, trend: N|A|Ad, season: N|A|M }');
  }
}

/**
 * Mutable working state of the recursions (internal; shared by the filter and the simulation).
 * `s` is a circular buffer: the seasonal state for time `t` (0-based) is `s[t % m]`.
 */
export type EtsWorkState = { l: number; b: number; s: Float64Array };

/** Integer codes of a spec for the hot loops. */
export type EtsCodes = {
  multError: boolean;
  hasTrend: boolean;
  damped: boolean;
  season: 0 | 1 | 2;
  phi: number;
};

/**
 * Integer codes of `spec` (season 0 none, 1 additive, 2 multiplicative; φ = 1 unless damped).
 *
 * @example
 * etsCodes({ error: 'M', trend: 'A', season: 'M' }, 0.9) // { multError: true, hasTrend: true, damped: false, season: 2, phi: 1 }
 */
export function etsCodes(spec: EtsSpec, phi: number): EtsCodes {
  return {
    multError: spec.error === 'M',
    hasTrend: spec.trend !== 'N',
    damped: spec.trend === 'Ad',
    season: spec.season === 'N' ? 0 : spec.season === 'A' ? 1 : 2,
    phi: spec.trend === 'Ad' ? phi : 1,
  };
}

/**
 * The one-step forecast `μ` of the working state for time index `t`.
 *
 * @example
 * const codes = etsCodes({ error: 'A', trend: 'A', season: 'A' }, 1);
 * etsOneStep({ l: 10, b: 1, s: Float64Array.of(2, -2) }, codes, 1, 2) // 10 + 1 − 2 = 9
 */
export function etsOneStep(st: EtsWorkState, codes: EtsCodes, t: number, m: number): number {
  const q = codes.hasTrend ? st.l + codes.phi * st.b : st.l;
  if (codes.season === 0) return q;
  const sp = st.s[t % m] as number;
  return codes.season === 1 ? q + sp : q * sp;
}

/**
 * Advances the working state by one observation `y` at time index `t` (R `etscalc` `update`, written in terms
 * of `y`, so the same for additive and multiplicative error):
 * `q = l + φb`, `p = y` (− s, or ÷ s), `l' = q + α(p − q)`, `b' = φb + β(p − q)`,
 * `s' = s + γ(y − q − s)` (additive) or `s + γ(y/q − s)` (multiplicative).
 *
 * @example
 * const st = { l: 10, b: 0, s: new Float64Array(0) };
 * etsUpdate(st, etsCodes({ error: 'A', trend: 'N', season: 'N' }, 1), 0, 1, 12, 0.5, 0, 0); // st.l === 11
 */
export function etsUpdate(
  st: EtsWorkState,
  codes: EtsCodes,
  t: number,
  m: number,
  y: number,
  alpha: number,
  beta: number,
  gamma: number,
): void {
  const phib = codes.hasTrend ? codes.phi * st.b : 0;
  const q = st.l + phib;
  let p = y;
  let idx = 0;
  let sp = 0;
  if (codes.season !== 0) {
    idx = t % m;
    sp = st.s[idx] as number;
    p = codes.season === 1 ? y - sp : y / sp;
  }
  st.l = q + alpha * (p - q);
  if (codes.hasTrend) st.b = phib + beta * (p - q);
  if (codes.season !== 0) {
    const target = codes.season === 1 ? y - q : y / q;
    st.s[idx] = sp + gamma * (target - sp);
  }
}

/**
 * Runs the ETS recursions over `y` with fixed parameters and initial states (all 18 error × trend × season
 * combinations), as R `forecast:::etscalc`: one-step forecasts, residuals, innovations, the final state and the
 * likelihood term `lik = n·log(Σe²)` (+ `2·Σlog|μ_t|` for multiplicative error, where `e` is the relative error).
 * `seasonLength` is used only with a season (`params.season` must then hold `seasonLength` values).
 *
 * @example
 * // ETS(A,N,N), α = 0.5, l0 = 1: forecasts 1, 1.5, 2.25
 * etsFilter([2, 3, 4], { error: 'A', trend: 'N', season: 'N' },
 *   { alpha: 0.5, beta: 0, gamma: 0, phi: 1, level: 1, trend: 0, season: [] }, 1).fitted // [1, 1.5, 2.25]
 */
export function etsFilter(
  y: ArrayLike<number>,
  spec: EtsSpec,
  params: EtsParams,
  seasonLength: number,
): EtsFilterResult {
  const n = y.length;
  const codes = etsCodes(spec, params.phi);
  const m = codes.season === 0 ? 1 : seasonLength;
  if (codes.season !== 0 && params.season.length !== m) {
    throw ValidationError.field('params.season', `must hold seasonLength = ${m} initial states`);
  }
  const st: EtsWorkState = {
    l: params.level,
    b: codes.hasTrend ? params.trend : 0,
    s: codes.season === 0 ? new Float64Array(0) : Float64Array.from(params.season),
  };
  const fitted = new Float64Array(n);
  const residuals = new Float64Array(n);
  const errors = new Float64Array(n);
  const { alpha, beta, gamma } = params;
  let sse = 0;
  let sumLog = 0;
  let finite = true;
  for (let t = 0; t < n; t++) {
    const yt = y[t] as number;
    const mu = etsOneStep(st, codes, t, m);
    const r = yt - mu;
    const e = codes.multError ? r / mu : r;
    fitted[t] = mu;
    residuals[t] = r;
    errors[t] = e;
    sse += e * e;
    sumLog += Math.log(Math.abs(mu));
    etsUpdate(st, codes, t, m, yt, alpha, beta, gamma);
    if (!Number.isFinite(e) || !Number.isFinite(st.l) || !Number.isFinite(st.b)) finite = false;
  }
  const season = new Float64Array(codes.season === 0 ? 0 : m);
  for (let j = 0; j < season.length; j++) season[j] = st.s[(n + j) % m] as number;
  let lik = n * Math.log(sse) + (codes.multError ? 2 * sumLog : 0);
  if (!finite || Number.isNaN(lik)) lik = Number.NaN;
  return { fitted, residuals, errors, level: st.l, trend: st.b, season, sse, sumLogAbsFitted: sumLog, lik };
}
