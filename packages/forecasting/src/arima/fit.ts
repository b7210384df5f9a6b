import { DomainError, parseInput, ValidationError } from '@s2b2b/core';
import { validateSeries } from '../models/validate.js';
import { differenceSeries } from './difference.js';
import { type ArimaMethod, type ArmaEstimate, ArmaEstimator } from './estimate.js';
import { kalmanFilterArma } from './kalman.js';
import { type ArimaConstant, arimaName } from './name.js';
import { differencingPolynomial } from './polynomial.js';
import { type FitArimaOptions, fitArimaOptionsSchema } from './schemas.js';

/** What {@link forecastArima} needs from a fit: the model on the differenced scale and the filter's end state. */
export type ArimaForecastState = {
  /** Expanded AR coefficients of `φ(B)Φ(B^m)`. */
  phi: number[];
  /** Expanded MA coefficients of `θ(B)Θ(B^m)`. */
  theta: number[];
  /** The differencing operator `1 − Σ δ_i B^i`. */
  delta: number[];
  /** The constant of the differenced series (its mean). */
  mean: number;
  /** Kalman-predicted ARMA state after the last observation. */
  state: number[];
  /** Its covariance, row-major, in units of σ². */
  covariance: number[];
  /** The last `δ.length` observations, oldest first. */
  history: number[];
};

/** A fitted seasonal ARIMA model. */
export type ArimaFit = {
  /** R's name, e.g. `ARIMA(0,1,1)(0,1,1)[12]` or `ARIMA(1,1,0) with drift`. */
  name: string;
  order: [number, number, number];
  seasonal: [number, number, number];
  seasonLength: number;
  /** The constant term: a mean (`d + D = 0`), a drift (`d + D = 1`) or none. */
  constant: ArimaConstant;
  method: ArimaMethod;
  /** R's coefficient names: `ar1…`, `ma1…`, `sar1…`, `sma1…`, `intercept` or `drift`. */
  coefficients: Record<string, number>;
  ar: number[];
  ma: number[];
  sar: number[];
  sma: number[];
  /** Innovation variance, `Σe²/(n* − npar + 1)` as R `forecast` reports it. */
  sigma2: number;
  /** Exact Gaussian log-likelihood of the differenced series (the CSS one for `method: 'css'`). */
  loglik: number;
  /** `NaN` for `method: 'css'` (R gives no AIC for CSS fits). */
  aic: number;
  aicc: number;
  bic: number;
  /** Observations of the differenced series, `n − d − m·D`. */
  nobs: number;
  /** Estimated parameters counted by the information criteria: coefficients + constant + σ². */
  npar: number;
  /** Standardised one-step innovations, aligned with `y` (`NaN` for the first `d + m·D` points). */
  residuals: number[];
  /** `y − residuals`. */
  fitted: number[];
  /** Whether the optimiser met its tolerance. */
  converged: boolean;
  forecastState: ArimaForecastState;
};

/** Coefficient names and values in R's order. */
function namedCoefficients(est: ArmaEstimate, constant: ArimaConstant, constantValue: number) {
  const out: Record<string, number> = {};
  est.ar.forEach((v, i) => {
    out[`ar${i + 1}`] = v;
  });
  est.ma.forEach((v, i) => {
    out[`ma${i + 1}`] = v;
  });
  est.sar.forEach((v, i) => {
    out[`sar${i + 1}`] = v;
  });
  est.sma.forEach((v, i) => {
    out[`sma${i + 1}`] = v;
  });
  if (constant === 'mean') out.intercept = constantValue;
  if (constant === 'drift') out.drift = constantValue;
  return out;
}

/**
 * Assembles an {@link ArimaFit} from the estimates on the differenced series: information criteria as
 * R `forecast::Arima`, residuals aligned with `y`, and the Kalman filter's end state for forecasting.
 * Throws `DomainError` `ARIMA_NONSTATIONARY` when a CSS-only fit has a non-stationary AR part (no
 * state to forecast from).
 */
export function assembleArimaFit(
  y: readonly number[],
  est: ArmaEstimate,
  d: number,
  D: number,
  seasonLength: number,
): ArimaFit {
  const { p, q, P, Q } = est.order;
  const m = seasonLength;
  const lag = d + m * D;
  const constant: ArimaConstant = !est.includeMean ? 'none' : d + D === 0 ? 'mean' : 'drift';
  const constantValue = constant === 'drift' ? (d === 1 ? est.mean : est.mean / m) : est.mean;
  const k = p + q + P + Q;
  const npar = k + (est.includeMean && !est.fixedMean ? 1 : 0) + 1;
  const nobs = est.n;
  const ml = est.method !== 'css';
  const aic = ml ? -2 * est.loglik + 2 * npar : Number.NaN;
  const aicc = ml
    ? nobs - npar - 1 > 0
      ? aic + (2 * npar * (npar + 1)) / (nobs - npar - 1)
      : Number.POSITIVE_INFINITY
    : Number.NaN;
  const bic = ml ? aic + npar * (Math.log(nobs) - 2) : Number.NaN;
  const dof = nobs - npar + 1;
  const sigma2 = est.ssq / (dof > 0 ? dof : Math.max(1, nobs));
  // Residuals aligned with y: none for the first d + mD points (and the CSS conditioning ones).
  const residuals = new Array<number>(y.length).fill(Number.NaN);
  const offset = ml ? lag : lag + est.phi.length;
  for (let i = 0; i < est.residuals.length && offset + i < y.length; i++)
    residuals[offset + i] = est.residuals[i]!;
  const fitted = residuals.map((e, t) => y[t]! - e);
  // Kalman end state on the demeaned differenced series.
  const w = differenceSeries(y, d, D, m);
  const u = w.map((v) => v - est.mean);
  const filtered = kalmanFilterArma(u, est.phi, est.theta);
  if (filtered === null) {
    throw new DomainError(
      'ARIMA_NONSTATIONARY',
      'The estimated AR part is not stationary, so there is no state to forecast from (use method css-ml or ml)',
      { model: arimaName([p, d, q], [P, D, Q], m, constant) },
    );
  }
  const delta = differencingPolynomial(d, D, m);
  return {
    name: arimaName([p, d, q], [P, D, Q], m, constant),
    order: [p, d, q],
    seasonal: [P, D, Q],
    seasonLength: m,
    constant,
    method: est.method,
    coefficients: namedCoefficients(est, constant, constantValue),
    ar: est.ar,
    ma: est.ma,
    sar: est.sar,
    sma: est.sma,
    sigma2,
    loglik: est.loglik,
    aic,
    aicc,
    bic,
    nobs,
    npar,
    residuals,
    fitted,
    converged: est.converged,
    forecastState: {
      phi: Array.from(est.phi),
      theta: Array.from(est.theta),
      delta,
      mean: est.mean,
      state: Array.from(filtered.state),
      covariance: Array.from(filtered.covariance),
      history: y.slice(y.length - delta.length),
    },
  };
}

/**
 * Fits a seasonal ARIMA(p,d,q)(P,D,Q)[m] model by exact maximum likelihood, as R `arima`
 * (`method = "CSS-ML"`: conditional-sum-of-squares estimates start the exact likelihood search).
 * The series is differenced, the ARMA likelihood of the differences is evaluated exactly (the Kalman
 * filter by Chandrasekhar recursions; the full filter gives the forecasting state), the AR parts are kept
 * stationary by the partial-autocorrelation transform, and the MA parts are made invertible at the end;
 * the search also restarts from zero and from the MA roots on the unit circle and keeps the best. A
 * constant is a mean (`d + D = 0`) or a drift (`d + D = 1`), concentrated out of the likelihood by GLS.
 *
 * @example
 * const fit = fitArima(monthlySales, { order: [0, 1, 1], seasonal: [0, 1, 1], seasonLength: 12 });
 * fit.name; // 'ARIMA(0,1,1)(0,1,1)[12]'
 * fit.coefficients; // { ma1: −0.4, sma1: −0.6 } (for example)
 */
export function fitArima(y: readonly number[], options: FitArimaOptions): ArimaFit {
  validateSeries(y, 1, 'fitArima');
  const o = parseInput(fitArimaOptionsSchema, options);
  const [p, d, q] = o.order;
  const [P, D, Q] = o.seasonal;
  const m = o.seasonLength;
  if (m < 2 && P + D + Q > 0) {
    throw ValidationError.field('seasonal', 'a seasonal part needs seasonLength ≥ 2');
  }
  const includeMean = o.includeConstant ?? d + D === 0;
  if (includeMean && d + D > 1) {
    throw ValidationError.field('includeConstant', 'a constant needs d + D ≤ 1 (a mean or a drift)');
  }
  const nobs = y.length - d - m * D;
  if (nobs < 1) {
    throw ValidationError.field(
      'y',
      `needs more than d + m·D = ${d + m * D} observations for this model, got ${y.length}`,
    );
  }
  const estimator = new ArmaEstimator(differenceSeries(y, d, D, m));
  const est = estimator.estimate({ p, q, P, Q, m }, o.method, includeMean, { multiStart: true });
  if (!est.ok) {
    throw new DomainError(
      'ARIMA_FIT_FAILED',
      `Could not fit ${arimaName([p, d, q], [P, D, Q], m, 'none')}: the series is too short for its conditioning or the likelihood could not be evaluated`,
      { observations: y.length },
    );
  }
  return assembleArimaFit(y, est, d, D, m);
}
