import { createRng, ValidationError } from '@s2b2b/core';
import { validateHorizon } from '../models/validate.js';
import type { EtsFit } from './fit.js';
import { type EtsSpec, type EtsWorkState, etsCodes, etsOneStep, etsUpdate } from './model.js';
import { normalQuantile } from './normal.js';

/** One prediction interval (`level` a percentage, e.g. 80 or 95). */
export type EtsInterval = { level: number; lower: number[]; upper: number[] };

/** Options of {@link forecastEts}. */
export type EtsForecastOptions = {
  /** Interval coverages in percent, each in (0, 100) (default `[80, 95]`; `[]` for none). */
  level?: readonly number[];
  /** Seed of the sample paths for the simulated intervals (default 42). */
  seed?: number | string;
  /** Number of simulated sample paths (default 1000). */
  paths?: number;
};

/** Result of {@link forecastEts}. */
export type EtsForecast = {
  /** Point forecasts for steps 1..h. */
  mean: number[];
  /** One interval per requested level, in the order given. */
  intervals: EtsInterval[];
  /** `'analytic'` for the class-1 models (additive error, no multiplicative season), `'simulation'` otherwise. */
  intervalMethod: 'analytic' | 'simulation';
};

/**
 * Whether `spec` is in class 1 of Hyndman et al. (2008): linear homoscedastic, so the intervals are analytic.
 *
 * @example
 * isEtsClass1({ error: 'A', trend: 'Ad', season: 'A' }) // true
 */
export function isEtsClass1(spec: EtsSpec): boolean {
  return spec.error === 'A' && spec.season !== 'M';
}

/**
 * Point forecasts from the final states: `(l_n + φ_h b_n) ⊕ s_{n+h−m}` with `φ_h = φ + … + φ^h` (h without damping).
 *
 * @example
 * etsPointForecast({ level: 10, trend: 1, season: [] }, { error: 'A', trend: 'A', season: 'N' }, 1, 3) // [11, 12, 13]
 */
export function etsPointForecast(
  states: { level: number; trend: number; season: readonly number[] },
  spec: EtsSpec,
  phi: number,
  horizon: number,
): number[] {
  const out: number[] = [];
  const m = states.season.length;
  let phiH = 0;
  let pow = 1;
  for (let h = 1; h <= horizon; h++) {
    if (spec.trend === 'Ad') {
      pow *= phi;
      phiH += pow;
    } else phiH = h;
    let f = states.level + (spec.trend === 'N' ? 0 : phiH * states.trend);
    if (spec.season === 'A') f += states.season[(h - 1) % m] as number;
    else if (spec.season === 'M') f *= states.season[(h - 1) % m] as number;
    out.push(f);
  }
  return out;
}

/**
 * Forecast variances `v_h = σ²[1 + Σ_{j=1}^{h−1} c_j²]` of the class-1 models (Hyndman et al. 2008, table 6.1), with
 * `c_j = α + β φ_j + γ d_{j,m}` (β term only with a trend, `φ_j = φ + … + φ^j` or j; `d_{j,m}` = 1 when m divides j,
 * only with an additive season).
 *
 * @example
 * etsClass1Variance({ error: 'A', trend: 'N', season: 'N' }, { alpha: 0.5, beta: 0, gamma: 0, phi: 1 }, 1, 1, 3)
 * // [1, 1.25, 1.5]
 */
export function etsClass1Variance(
  spec: EtsSpec,
  params: { alpha: number; beta: number; gamma: number; phi: number },
  sigma2: number,
  seasonLength: number,
  horizon: number,
): number[] {
  const out: number[] = [];
  let acc = 1;
  let phiJ = 0;
  let pow = 1;
  for (let h = 1; h <= horizon; h++) {
    out.push(sigma2 * acc);
    const j = h; // c_j for the next step
    if (spec.trend === 'Ad') {
      pow *= params.phi;
      phiJ += pow;
    } else phiJ = j;
    let c = params.alpha;
    if (spec.trend !== 'N') c += params.beta * phiJ;
    if (spec.season === 'A' && j % seasonLength === 0) c += params.gamma;
    acc += c * c;
  }
  return out;
}

/** R `quantile(type = 7)` of a sorted array. */
function quantileSorted(sorted: Float64Array, p: number): number {
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return (sorted[lo] as number) + (pos - lo) * ((sorted[hi] as number) - (sorted[lo] as number));
}

function validateLevels(levels: readonly number[]): void {
  if (!Array.isArray(levels)) throw ValidationError.field('level', 'must be an array of percentages');
  levels.forEach((l, i) => {
    if (typeof l !== 'number' || !(l > 0 && l < 100)) {
      throw ValidationError.field(['level', i], `must be a percentage in (0, 100), got ${String(l)}`);
    }
  });
}

/**
 * Forecasts a fitted ETS model `horizon` steps ahead: point forecasts from the final states, and prediction
 * intervals — analytic (normal, {@link etsClass1Variance}) for the class-1 models ANN, AAN, AAdN, ANA, AAA, AAdA;
 * for the others from `paths` sample paths simulated with seeded normal innovations `e ~ N(0, σ²)`
 * (`y = μ + e`, or `μ(1 + e)` for multiplicative error) and R `quantile` type 7. Intervals of different levels
 * are nested (the simulation reuses the same paths for every level).
 *
 * @example
 * const fit = fitEts([3, 5, 4, 6, 5, 7, 6, 8], { error: 'A', trend: 'N', season: 'N' });
 * forecastEts(fit, 3, { level: [95] }).intervals[0]?.upper.length // 3
 */
export function forecastEts(fit: EtsFit, horizon: number, options: EtsForecastOptions = {}): EtsForecast {
  validateHorizon(horizon);
  const levels = options.level ?? [80, 95];
  validateLevels(levels);
  const paths = options.paths ?? 1000;
  if (!Number.isInteger(paths) || paths < 2) throw ValidationError.field('paths', 'must be an integer >= 2');
  const { spec, params, states, sigma2 } = fit;
  const m = fit.seasonLength;
  const mean = etsPointForecast(states, spec, params.phi, horizon);
  if (isEtsClass1(spec)) {
    const v = etsClass1Variance(spec, params, sigma2, m, horizon);
    const intervals = levels.map((level) => {
      const z = normalQuantile(0.5 + level / 200);
      return {
        level,
        lower: mean.map((f, i) => f - z * Math.sqrt(v[i] as number)),
        upper: mean.map((f, i) => f + z * Math.sqrt(v[i] as number)),
      };
    });
    return { mean, intervals, intervalMethod: 'analytic' };
  }
  if (levels.length === 0) return { mean, intervals: [], intervalMethod: 'simulation' };
  const rng = createRng(options.seed ?? 42);
  const sigma = Math.sqrt(sigma2);
  const codes = etsCodes(spec, params.phi);
  const mm = spec.season === 'N' ? 1 : m;
  const sims: Float64Array[] = Array.from({ length: horizon }, () => new Float64Array(paths));
  const st: EtsWorkState = { l: 0, b: 0, s: new Float64Array(spec.season === 'N' ? 0 : mm) };
  for (let p = 0; p < paths; p++) {
    st.l = states.level;
    st.b = states.trend;
    for (let j = 0; j < st.s.length; j++) st.s[j] = states.season[j] as number;
    for (let h = 0; h < horizon; h++) {
      const mu = etsOneStep(st, codes, h, mm);
      const e = rng.normal(0, sigma);
      const yh = codes.multError ? mu * (1 + e) : mu + e;
      (sims[h] as Float64Array)[p] = yh;
      etsUpdate(st, codes, h, mm, yh, params.alpha, params.beta, params.gamma);
    }
  }
  for (const row of sims) row.sort();
  const intervals = levels.map((level) => {
    const a = (1 - level / 100) / 2;
    return {
      level,
      lower: sims.map((row) => quantileSorted(row, a)),
      upper: sims.map((row) => quantileSorted(row, 1 - a)),
    };
  });
  return { mean, intervals, intervalMethod: 'simulation' };
}
