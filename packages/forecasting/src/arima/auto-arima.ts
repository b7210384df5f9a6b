import { parseInput } from '@s2b2b/core';
import type { ModelFit } from '../models/types.js';
import { validateHorizon, validateSeries } from '../models/validate.js';
import { difference, differenceSeries } from './difference.js';
import { type ArimaMethod, type ArmaEstimate, ArmaEstimator } from './estimate.js';
import { type ArimaFit, assembleArimaFit } from './fit.js';
import { type ArimaInterval, forecastArima } from './forecast.js';
import { isConstant } from './is-constant.js';
import { ndiffs } from './kpss.js';
import { arimaName } from './name.js';
import { minRootModulus } from './roots.js';
import { type AutoArimaOptions, autoArimaOptionsSchema } from './schemas.js';
import { nsdiffs } from './seasonal-strength.js';

/** Result of {@link autoArima}: a `ModelFit` plus the chosen model, its intervals, the fit and every model tried. */
export type AutoArimaFit = ModelFit & {
  /** The chosen model, e.g. `'ARIMA(0,1,1)(0,1,1)[12]'` or `'ARIMA(1,1,0) with drift'`. */
  model: string;
  intervals: ArimaInterval[];
  fit: ArimaFit;
  /** Every model the search fitted, in order, with its criterion (`Infinity` when rejected). */
  candidates: { model: string; ic: number }[];
};

type Candidate = { p: number; q: number; P: number; Q: number; constant: boolean };
type Scored = Candidate & { ic: number; est: ArmaEstimate | null };

/** What a model search works with: the differenced series, its orders and the criterion settings. */
type SearchContext = {
  estimator: ArmaEstimator;
  d: number;
  D: number;
  m: number;
  /** Observations of the differenced series. */
  nstar: number;
  ic: 'aicc' | 'aic' | 'bic';
  /** R's `offset` of the CSS criterion (approximation only). */
  offset: number;
};

/**
 * One model of the search, scored as R `forecast`'s `myarima`: AIC from the exact likelihood (or, with
 * `approximation`, `offset + n*·log σ²_CSS + 2k`), then AICc or BIC; a model whose AR or MA polynomial
 * has a root within 1.01 of the unit circle, or that fails to fit, scores `Infinity`.
 */
function scoreCandidate(
  ctx: SearchContext,
  c: Candidate,
  approximation: boolean,
  start?: ArmaEstimate | null,
  neighbour?: ArmaEstimate | null,
): Scored {
  const method: ArimaMethod = approximation ? 'css' : 'css-ml';
  const est = ctx.estimator.estimate({ p: c.p, q: c.q, P: c.P, Q: c.Q, m: ctx.m }, method, c.constant, {
    rejectNonstationaryCss: true,
    cssTolerance: 2e-1,
    precision: 'search',
    ...(start ? { start: [...start.ar, ...start.ma, ...start.sar, ...start.sma] } : {}),
    ...(neighbour ? { cssStart: warmStart(neighbour, c) } : {}),
  });
  if (!est.ok) return { ...c, ic: Number.POSITIVE_INFINITY, est: null };
  const npar = c.p + c.q + c.P + c.Q + (c.constant ? 1 : 0) + 1;
  const nstar = ctx.nstar;
  const aic = approximation
    ? ctx.offset + nstar * Math.log(est.ssq / est.residualCount) + 2 * npar
    : -2 * est.loglik + 2 * npar;
  let ic: number;
  if (ctx.ic === 'aic') ic = aic;
  else if (ctx.ic === 'bic') ic = aic + npar * (Math.log(nstar) - 2);
  else
    ic = nstar - npar - 1 > 0 ? aic + (2 * npar * (npar + 1)) / (nstar - npar - 1) : Number.POSITIVE_INFINITY;
  if (!Number.isFinite(ic)) return { ...c, ic: Number.POSITIVE_INFINITY, est };
  const m = ctx.m;
  let minRoot = 2;
  if (c.p + c.P > 0) {
    minRoot = Math.min(minRoot, minRootModulus(est.ar, -1), minRootModulus(est.sar, -1) ** (1 / m));
  }
  if (c.q + c.Q > 0) {
    minRoot = Math.min(minRoot, minRootModulus(est.ma, 1), minRootModulus(est.sma, 1) ** (1 / m));
  }
  if (!(minRoot >= 1.01)) ic = Number.POSITIVE_INFINITY;
  return { ...c, ic, est };
}

/**
 * Season lengths above this search by CSS by default (R: 12). With m = 12 the state dimension of the seasonal
 * models reaches 27 and exact-likelihood searches cost ~2× more; on the 1,428 monthly M3 series the
 * approximate search scores 14.79 sMAPE against 14.95 for the exact one, so monthly data search by CSS too.
 */
export const APPROXIMATION_SEASON_LENGTH = 4;

/** A neighbouring model's coefficients cut or zero-padded to the orders of `c` (a CSS starting point). */
function warmStart(from: ArmaEstimate, c: Candidate): number[] {
  const take = (v: readonly number[], k: number) => Array.from({ length: k }, (_, i) => v[i] ?? 0);
  return [...take(from.ar, c.p), ...take(from.ma, c.q), ...take(from.sar, c.P), ...take(from.sma, c.Q)];
}

const key = (c: Candidate) => `${c.p},${c.q},${c.P},${c.Q},${c.constant ? 1 : 0}`;

/**
 * The Hyndman–Khandakar (2008) stepwise search of R `auto.arima`: a start model, the null model, an AR and
 * an MA model, the null model without constant; then repeatedly the neighbours of the best model (P, Q, p, q
 * changed by one, singly and in pairs, and the constant toggled), moving as soon as one is better, until
 * no neighbour improves or `maxModels` have been fitted.
 */
function stepwiseSearch(
  ctx: SearchContext,
  limits: { maxp: number; maxq: number; maxP: number; maxQ: number },
  start: Candidate,
  allowConstant: boolean,
  maxModels: number,
  approximation: boolean,
): Scored[] {
  const results: Scored[] = [];
  const seen = new Set<string>();
  let best: Scored | null = null;
  let cur: Candidate = { ...start };
  const fit = (c: Candidate): boolean => {
    seen.add(key(c));
    // With the CSS approximation, neighbours of the current model start from its estimates.
    const from = approximation ? (best?.est ?? null) : null;
    const s = scoreCandidate(ctx, c, approximation, null, from);
    results.push(s);
    if (best === null || s.ic < best.ic) {
      best = s;
      return true;
    }
    return false;
  };
  const { maxp, maxq, maxP, maxQ } = limits;
  const seasonal = ctx.m > 1;
  fit(cur);
  const constant = start.constant;
  if (fit({ p: 0, q: 0, P: 0, Q: 0, constant })) cur = { p: 0, q: 0, P: 0, Q: 0, constant };
  if (maxp > 0 || maxP > 0) {
    const c = { p: maxp > 0 ? 1 : 0, q: 0, P: seasonal && maxP > 0 ? 1 : 0, Q: 0, constant };
    if (fit(c)) cur = c;
  }
  if (maxq > 0 || maxQ > 0) {
    const c = { p: 0, q: maxq > 0 ? 1 : 0, P: 0, Q: seasonal && maxQ > 0 ? 1 : 0, constant };
    if (fit(c)) cur = c;
  }
  if (constant) {
    // As R: when the null model without constant wins, the orders go to zero but the search goes on
    // with the constant (the toggle at the end of each pass can drop it).
    if (fit({ p: 0, q: 0, P: 0, Q: 0, constant: false })) cur = { p: 0, q: 0, P: 0, Q: 0, constant };
  }
  // Neighbours in R's order: seasonal moves first, then non-seasonal, then the constant.
  const moves: [number, number, number, number][] = [
    [0, 0, -1, 0],
    [0, 0, 0, -1],
    [0, 0, 1, 0],
    [0, 0, 0, 1],
    [0, 0, -1, -1],
    [0, 0, -1, 1],
    [0, 0, 1, -1],
    [0, 0, 1, 1],
    [-1, 0, 0, 0],
    [0, -1, 0, 0],
    [1, 0, 0, 0],
    [0, 1, 0, 0],
    [-1, -1, 0, 0],
    [-1, 1, 0, 0],
    [1, -1, 0, 0],
    [1, 1, 0, 0],
  ];
  let moved = true;
  while (moved && results.length < maxModels) {
    moved = false;
    for (const [dp, dq, dP, dQ] of moves) {
      const c = { p: cur.p + dp, q: cur.q + dq, P: cur.P + dP, Q: cur.Q + dQ, constant: cur.constant };
      if (c.p < 0 || c.q < 0 || c.P < 0 || c.Q < 0 || c.p > maxp || c.q > maxq || c.P > maxP || c.Q > maxQ) {
        continue;
      }
      if (seen.has(key(c))) continue;
      if (results.length >= maxModels) break;
      if (fit(c)) {
        cur = c;
        moved = true;
        break;
      }
    }
    if (moved || results.length >= maxModels) continue;
    if (allowConstant) {
      const c = { ...cur, constant: !cur.constant };
      if (!seen.has(key(c))) {
        if (fit(c)) cur = c;
        moved = true; // R re-enters the loop after any new fit; the next pass finds nothing new or moves on
      }
    }
  }
  return results;
}

/** Every model with p ≤ maxp, …, p + q + P + Q ≤ maxOrder (R `search.arima`). */
function exhaustiveSearch(
  ctx: SearchContext,
  limits: { maxp: number; maxq: number; maxP: number; maxQ: number; maxOrder: number },
  allowConstant: boolean,
  approximation: boolean,
): Scored[] {
  const results: Scored[] = [];
  for (let p = 0; p <= limits.maxp; p++) {
    for (let q = 0; q <= limits.maxq; q++) {
      for (let P = 0; P <= limits.maxP; P++) {
        for (let Q = 0; Q <= limits.maxQ; Q++) {
          if (p + q + P + Q > limits.maxOrder) continue;
          for (const constant of allowConstant ? [false, true] : [false]) {
            results.push(scoreCandidate(ctx, { p, q, P, Q, constant }, approximation));
          }
        }
      }
    }
  }
  return results;
}

/** A model without ARMA terms whose constant is fixed (R's fits of constant or polynomial series). */
function fixedFit(y: readonly number[], d: number, D: number, m: number, mean: number | null): ArimaFit {
  const w = differenceSeries(y, d, D, m);
  const est = new ArmaEstimator(w).fixedMean(mean);
  return assembleArimaFit(y, est, d, D, m);
}

/**
 * Automatic ARIMA (Hyndman & Khandakar 2008; R `forecast::auto.arima` 8.20 with its defaults):
 * - `D` by the seasonal-strength test of `nsdiffs` (STL with `s.window = 11`, difference when the strength
 *   exceeds 0.64), only when the series is longer than two seasons;
 * - `d` by repeated KPSS tests at level `alpha` on the seasonally differenced series (`ndiffs`);
 * - a constant only when `d + D ≤ 1` (a mean for `d + D = 0`, a drift for 1);
 * - the stepwise search on AICc (AIC when n ≤ 3), each model fitted by CSS then exact ML, rejecting models
 *   with roots within 1.01 of the unit circle; with `approximation` (default when n > 150 or m > 4 — R uses 12) the
 *   search scores CSS fits and the best ones are refitted by ML in order until one is acceptable.
 * Constant series get ARIMA(0,0,0) with their mean; series that are constant after differencing get the
 * fixed polynomial model R fits; when no model is acceptable the result is ARIMA(0,1,0) (or the mean model
 * for a single point). `params` holds the coefficients (R names), σ², the log-likelihood and AICc.
 *
 * @example
 * const fit = autoArima(monthlySales, 12, { seasonLength: 12 });
 * fit.model; // e.g. 'ARIMA(0,1,1)(0,1,1)[12]'
 * fit.mean.length; // 12
 */
export function autoArima(
  y: readonly number[],
  horizon: number,
  options: AutoArimaOptions = {},
): AutoArimaFit {
  validateSeries(y, 1, 'autoArima');
  validateHorizon(horizon);
  const o = parseInput(autoArimaOptionsSchema, options);
  const { fit, candidates } = selectArima(y, o);
  const fc = forecastArima(fit, horizon, { level: o.level });
  const params: Record<string, number> = { ...fit.coefficients };
  params.sigma2 = fit.sigma2;
  params.loglik = fit.loglik;
  params.aicc = fit.aicc;
  return {
    mean: fc.mean,
    fitted: fit.fitted,
    residuals: fit.residuals,
    params,
    model: fit.name,
    intervals: fc.intervals,
    fit,
    candidates,
  };
}

type ParsedOptions = ReturnType<typeof autoArimaOptionsSchema.parse>;

/** The model selection of {@link autoArima}, without forecasting. */
function selectArima(
  y: readonly number[],
  o: ParsedOptions,
): { fit: ArimaFit; candidates: { model: string; ic: number }[] } {
  const n = y.length;
  if (isConstant(y)) {
    const mean = y.reduce((a, b) => a + b, 0) / n;
    const fit = fixedFit(y, 0, 0, 1, o.allowMean ? mean : null);
    return { fit, candidates: [{ model: fit.name, ic: Number.NaN }] };
  }
  const m = o.seasonal ? o.seasonLength : 1;
  let maxp = Math.min(o.maxP, Math.floor(n / 3));
  let maxq = Math.min(o.maxQ, Math.floor(n / 3));
  let maxP = Math.min(o.maxSeasonalP, Math.floor(n / 3 / m));
  let maxQ = Math.min(o.maxSeasonalQ, Math.floor(n / 3 / m));
  const ic = n <= 3 ? 'aic' : o.ic;
  let d = o.stationary ? 0 : o.d;
  let D = o.stationary ? 0 : o.seasonalD;
  if (m === 1) {
    D = 0;
    maxP = 0;
    maxQ = 0;
  } else if (D === undefined && n <= 2 * m) D = 0;
  else if (D === undefined) {
    D = nsdiffs(y, m, { maxD: o.maxSeasonalD });
    if (D > 0 && n <= m * D) D--;
  }
  let dx = D > 0 ? difference(y, m, D) : y.slice();
  if (d === undefined) {
    d = ndiffs(dx, { alpha: o.alpha, maxD: o.maxD });
    while (d > 0 && dx.length <= d) d--;
  }
  if (d > 0) dx = difference(dx, 1, d);
  const fallback = () => {
    const fit = n >= 2 ? fixedFit(y, 1, 0, 1, null) : fixedFit(y, 0, 0, 1, y[0]!);
    return { fit, candidates: [{ model: fit.name, ic: Number.NaN }] };
  };
  if (dx.length === 0) return fallback();
  if (isConstant(dx)) {
    const meanDx = dx.reduce((a, b) => a + b, 0) / dx.length;
    let fit: ArimaFit;
    if (D > 0 && d === 0) fit = fixedFit(y, 0, D, m, meanDx);
    else if (D > 0 && d > 0) fit = fixedFit(y, d, D, m, null);
    else if (d === 2) fit = fixedFit(y, 2, 0, 1, null);
    else if (d < 2) fit = fixedFit(y, d, 0, 1, meanDx);
    else fit = fixedFit(y, d, 0, 1, null);
    return { fit, candidates: [{ model: fit.name, ic: Number.NaN }] };
  }
  if (m > 1) {
    if (maxP > 0) maxp = Math.min(maxp, m - 1);
    if (maxQ > 0) maxq = Math.min(maxq, m - 1);
  }
  const approximation = o.approximation ?? (n > 150 || m > APPROXIMATION_SEASON_LENGTH);
  const estimator = new ArmaEstimator(dx);
  const ctx: SearchContext = { estimator, d, D, m, nstar: dx.length, ic, offset: 0 };
  if (approximation) {
    // R: offset = −2·loglik − n·log σ² of ARIMA(0,d,0)(0,D,0) (with a mean when undifferenced).
    const base = estimator.estimate({ p: 0, q: 0, P: 0, Q: 0, m }, 'ml', d + D === 0);
    if (base.ok) ctx.offset = -2 * base.loglik - n * Math.log(base.ssq / base.n);
  }
  const allowDrift = o.allowDrift && d + D === 1;
  const allowMean = o.allowMean && d + D === 0;
  const allowConstant = allowDrift || allowMean;
  const limits = { maxp, maxq, maxP, maxQ, maxOrder: o.maxOrder };
  let results: Scored[];
  if (o.stepwise) {
    let startP = o.startP;
    let startQ = o.startQ;
    let startSP = o.startSeasonalP;
    let startSQ = o.startSeasonalQ;
    if (n < 10) {
      startP = Math.min(startP, 1);
      startQ = Math.min(startQ, 1);
      startSP = 0;
      startSQ = 0;
    }
    const start: Candidate = {
      p: Math.min(startP, maxp),
      q: Math.min(startQ, maxq),
      P: Math.min(startSP, maxP),
      Q: Math.min(startSQ, maxQ),
      constant: allowConstant,
    };
    results = stepwiseSearch(ctx, limits, start, allowConstant, o.maxModels, approximation);
  } else {
    results = exhaustiveSearch(ctx, limits, allowConstant, approximation);
  }
  const names = (s: Scored) =>
    arimaName([s.p, d, s.q], [s.P, D, s.Q], m, !s.constant ? 'none' : d + D === 0 ? 'mean' : 'drift');
  const candidates = results.map((s) => ({ model: names(s), ic: s.ic }));
  let chosen: Scored | null = null;
  if (approximation) {
    const order = results.map((s, i) => ({ s, i })).sort((a, b) => a.s.ic - b.s.ic || a.i - b.i);
    for (const { s } of order) {
      const refit = scoreCandidate(ctx, s, false, s.est);
      if (Number.isFinite(refit.ic)) {
        chosen = refit;
        break;
      }
    }
  } else {
    for (const s of results) if (Number.isFinite(s.ic) && (chosen === null || s.ic < chosen.ic)) chosen = s;
  }
  if (chosen === null || chosen.est === null) {
    // No acceptable model: the null model of these differences, else the random walk.
    const est = estimator.estimate({ p: 0, q: 0, P: 0, Q: 0, m }, 'ml', allowConstant);
    if (!est.ok) return fallback();
    return { fit: assembleArimaFit(y, est, d, D, m), candidates };
  }
  // Polish the chosen model to the full precision of fitArima, from its search estimates.
  const c = chosen.est;
  const polished = estimator.estimate(
    { p: chosen.p, q: chosen.q, P: chosen.P, Q: chosen.Q, m },
    'css-ml',
    chosen.constant,
    {
      start: [...c.ar, ...c.ma, ...c.sar, ...c.sma],
    },
  );
  const best = polished.ok && polished.loglik >= c.loglik ? polished : c;
  return { fit: assembleArimaFit(y, best, d, D, m), candidates };
}
