import { ValidationError } from '@s2b2b/core';
import type { ModelFit } from '../models/types.js';
import { validateHorizon, validateSeasonLength, validateSeries } from '../models/validate.js';
import { type EtsFit, fitEts } from './fit.js';
import { type EtsInterval, forecastEts } from './forecast.js';
import { type EtsSpec, etsName } from './model.js';

/**
 * Candidates whose AICc is within this of the best after the first fit are fitted again from a
 * second start (a difference of 10 is "essentially no support" for the worse model, Burnham &
 * Anderson 2002).
 */
const REFIT_MARGIN = 10;

/** Options of {@link autoEts}. */
export type AutoEtsOptions = {
  /** Observations per seasonal cycle (default 1 = no seasonal candidates). Seasonal models need 2 ≤ m ≤ 24, n ≥ 2m. */
  seasonLength?: number;
  /** Interval coverages in percent (default `[80, 95]`; `[]` for none). */
  level?: readonly number[];
  /** Consider multiplicative error and season (default true; only ever on strictly positive data). */
  allowMultiplicative?: boolean;
  /** As R `damped`: `true` only damped-trend models, `false` no damped ones, default both (and no-trend). */
  damped?: boolean;
  /** Seed of the simulated intervals (default 42). */
  seed?: number | string;
  /** Sample paths of the simulated intervals (default 1000). */
  paths?: number;
};

/** Result of {@link autoEts}: a `ModelFit` plus the chosen model, its intervals, the fit and every candidate's AICc. */
export type AutoEtsFit = ModelFit & {
  /** The chosen model, e.g. `'ETS(A,Ad,N)'`. */
  model: string;
  intervals: EtsInterval[];
  fit: EtsFit;
  /** Every fitted candidate with its AICc (failed or skipped candidates are absent). */
  candidates: { model: string; aicc: number }[];
};

/**
 * The candidate set of {@link autoEts} as R `ets(model = "ZZZ", allow.multiplicative.trend = FALSE,
 * restrict = TRUE)`: error × trend × season without additive error on a multiplicative season
 * (ANM, AAM, AAdM), no multiplicative parts unless the data are strictly positive, no seasonal models unless
 * 2 ≤ m ≤ 24 and n ≥ 2m, and no model with `n ≤ npars + 4` (npars = 2 + 2·trend + m·season + damped), except the
 * fallback ETS(A,N,N).
 *
 * @example
 * etsCandidates([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { seasonLength: 1 }).map(etsName)
 * // ['ETS(A,N,N)', 'ETS(M,N,N)', 'ETS(A,A,N)', 'ETS(M,A,N)', 'ETS(A,Ad,N)', 'ETS(M,Ad,N)']
 */
export function etsCandidates(
  y: readonly number[],
  options: Pick<AutoEtsOptions, 'seasonLength' | 'allowMultiplicative' | 'damped'> = {},
): EtsSpec[] {
  const n = y.length;
  const m = options.seasonLength ?? 1;
  const positive = y.every((v) => v > 0);
  const mult = (options.allowMultiplicative ?? true) && positive;
  const seasonal = m >= 2 && m <= 24 && n >= 2 * m;
  const trends: EtsSpec['trend'][] =
    options.damped === true ? ['Ad'] : options.damped === false ? ['N', 'A'] : ['N', 'A', 'Ad'];
  const seasons: EtsSpec['season'][] = seasonal ? (mult ? ['N', 'A', 'M'] : ['N', 'A']) : ['N'];
  const errors: EtsSpec['error'][] = mult ? ['A', 'M'] : ['A'];
  const out: EtsSpec[] = [];
  for (const season of seasons) {
    for (const trend of trends) {
      for (const error of errors) {
        if (error === 'A' && season === 'M') continue;
        const npars = 2 + (trend === 'N' ? 0 : 2) + (season === 'N' ? 0 : m) + (trend === 'Ad' ? 1 : 0);
        if (n <= npars + 4) continue;
        out.push({ error, trend, season });
      }
    }
  }
  return out;
}

/**
 * Automatic ETS (R `forecast::ets` model selection): fits every candidate of {@link etsCandidates} by maximum
 * likelihood ({@link fitEts}) and keeps the lowest AICc. Every candidate is fitted from the `'responsive'`
 * start, and those within 10 AICc of the best once more from the other starts, keeping the best optimum —
 * the other starts only matter where they can change the choice, and skipping them elsewhere saves a
 * third of the work. Forecasts `horizon` steps with intervals
 * ({@link forecastEts}: analytic for class-1 models, simulated otherwise). Falls back to ETS(A,N,N) when no
 * candidate fits. `params` holds α, β, γ, φ (when present), the initial level/trend, σ², log-likelihood and AICc.
 *
 * @example
 * const fit = autoEts(monthlySales, 12, { seasonLength: 12 });
 * fit.model; // e.g. 'ETS(M,Ad,M)'
 * fit.mean.length; // 12
 */
export function autoEts(y: readonly number[], horizon: number, options: AutoEtsOptions = {}): AutoEtsFit {
  validateSeries(y, 3, 'autoEts');
  validateHorizon(horizon);
  const m = options.seasonLength ?? 1;
  validateSeasonLength(m);
  if (options.damped !== undefined && typeof options.damped !== 'boolean') {
    throw ValidationError.field('damped', 'must be a boolean');
  }
  const specs = etsCandidates(y, options);
  // Phase 1: every candidate from the 'responsive' start. Phase 2: the contenders (AICc within
  // REFIT_MARGIN of the best) again from the other starts, keeping the best optimum of each.
  const fits: EtsFit[] = [];
  for (const spec of specs) {
    try {
      const fit = fitEts(y, spec, { seasonLength: m, starts: ['responsive'] });
      if (Number.isFinite(fit.aicc)) fits.push(fit);
    } catch {}
  }
  const threshold = Math.min(...fits.map((fit) => fit.aicc)) + REFIT_MARGIN;
  for (let i = 0; i < fits.length; i++) {
    const fit = fits[i] as EtsFit;
    if (!(fit.aicc <= threshold)) continue;
    const again = fitEts(y, fit.spec, { seasonLength: m, starts: ['initparam', 'changing-season', 'quiet'] });
    if (again.aicc < fit.aicc) fits[i] = again;
  }
  let best: EtsFit | undefined;
  const candidates: { model: string; aicc: number }[] = [];
  for (const fit of fits) {
    candidates.push({ model: fit.name, aicc: fit.aicc });
    if (best === undefined || fit.aicc < best.aicc) best = fit;
  }
  if (best === undefined) {
    best = fitEts(y, { error: 'A', trend: 'N', season: 'N' }, { seasonLength: m });
    candidates.push({ model: best.name, aicc: best.aicc });
  }
  const fc = forecastEts(best, horizon, {
    level: options.level ?? [80, 95],
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.paths !== undefined ? { paths: options.paths } : {}),
  });
  const p = best.params;
  const params: Record<string, number> = { alpha: p.alpha };
  if (best.spec.trend !== 'N') params.beta = p.beta;
  if (best.spec.season !== 'N') params.gamma = p.gamma;
  if (best.spec.trend === 'Ad') params.phi = p.phi;
  params.initialLevel = p.level;
  if (best.spec.trend !== 'N') params.initialTrend = p.trend;
  params.sigma2 = best.sigma2;
  params.loglik = best.loglik;
  params.aicc = best.aicc;
  return {
    mean: fc.mean,
    fitted: best.fitted,
    residuals: best.residuals,
    params,
    model: etsName(best.spec),
    intervals: fc.intervals,
    fit: best,
    candidates,
  };
}
