import { parseInput, ValidationError } from '@s2b2b/core';
import { normalQuantile } from '../ets/normal.js';
import { validateHorizon } from '../models/validate.js';
import { integrate } from './difference.js';
import type { ArimaFit, ArimaForecastState } from './fit.js';
import { multiplyAr, psiWeights } from './polynomial.js';
import { type ForecastArimaOptions, forecastArimaOptionsSchema } from './schemas.js';

/** One prediction interval (`level` a percentage, e.g. 80 or 95). */
export type ArimaInterval = { level: number; lower: number[]; upper: number[] };

/** Result of {@link forecastArima}. */
export type ArimaForecast = {
  /** Point forecasts for steps 1..h. */
  mean: number[];
  /** Forecast standard errors for steps 1..h. */
  se: number[];
  /** One interval per requested level, in the order given. */
  intervals: ArimaInterval[];
};

/**
 * Point forecasts and forecast variances (in units of σ²) from the filter's end state, as R
 * `KalmanForecast` on the full ARIMA state space: the ARMA part is propagated from the predicted state
 * `a` with covariance `P`, and the differencing is undone. With `b_j = Zᵀ T^{j−1}` the variance at step
 * `h` is `g_h P g_hᵀ + Σ_{i<h−1} ψ*_i²`, where `g_h = b_h + Σ δ_i g_{h−i}` carries the state uncertainty
 * through the integration and `ψ*` are the ψ-weights of `θ(B)/(φ(B)δ(B))` for the future shocks.
 *
 * @example
 * // random walk from 10: flat forecasts, variance h·σ²
 * arimaForecastMoments({ phi: [], theta: [], delta: [1], mean: 0, state: [0], covariance: [1], history: [10] }, 3)
 * // { mean: [10, 10, 10], variance: [1, 2, 3] }
 */
export function arimaForecastMoments(
  s: ArimaForecastState,
  horizon: number,
): { mean: number[]; variance: number[] } {
  const r = s.state.length;
  const phi = new Float64Array(r);
  for (let i = 0; i < s.phi.length && i < r; i++) phi[i] = s.phi[i]!;
  const k = s.delta.length;
  const b = new Float64Array(r);
  b[0] = 1;
  const next = new Float64Array(r);
  const g = new Array<Float64Array>(horizon);
  const w = new Array<number>(horizon);
  const variance = new Array<number>(horizon);
  const psi = psiWeights(multiplyAr(s.phi, s.delta), s.theta, Math.max(0, horizon - 1));
  const P = s.covariance;
  let shocks = 0;
  for (let h = 0; h < horizon; h++) {
    let u = 0;
    for (let i = 0; i < r; i++) u += b[i]! * s.state[i]!;
    w[h] = u + s.mean;
    const gh = Float64Array.from(b);
    for (let i = 1; i <= k && h - i >= 0; i++) {
      const prev = g[h - i]!;
      const di = s.delta[i - 1]!;
      if (di === 0) continue;
      for (let j = 0; j < r; j++) gh[j] = gh[j]! + di * prev[j]!;
    }
    g[h] = gh;
    let quad = 0;
    for (let i = 0; i < r; i++) {
      let row = 0;
      for (let j = 0; j < r; j++) row += P[i * r + j]! * gh[j]!;
      quad += gh[i]! * row;
    }
    if (h >= 1) shocks += psi[h - 1]! * psi[h - 1]!;
    variance[h] = Math.max(0, quad + shocks);
    // b ← b T: (bT)_0 = Σ b_i φ_{i+1}, (bT)_j = b_{j−1}
    let first = 0;
    for (let i = 0; i < r; i++) first += b[i]! * phi[i]!;
    next[0] = first;
    for (let j = 1; j < r; j++) next[j] = b[j - 1]!;
    b.set(next);
  }
  return { mean: k > 0 ? integrate(s.history, s.delta, w) : w, variance };
}

/**
 * Forecasts `horizon` steps from an {@link ArimaFit}: point forecasts and analytic normal prediction
 * intervals `mean ± z·√(σ²·v_h)` from the Kalman forecast variances (R `forecast.Arima`).
 *
 * @example
 * const fit = fitArima(sales, { order: [1, 1, 0], includeConstant: true });
 * const { mean, intervals } = forecastArima(fit, 6, { level: [80, 95] });
 */
export function forecastArima(
  fit: ArimaFit,
  horizon: number,
  options: ForecastArimaOptions = {},
): ArimaForecast {
  if (fit === null || typeof fit !== 'object' || typeof fit.forecastState !== 'object') {
    throw ValidationError.field('fit', 'must be the result of fitArima or autoArima(...).fit');
  }
  validateHorizon(horizon);
  const { level } = parseInput(forecastArimaOptionsSchema, options);
  const { mean, variance } = arimaForecastMoments(fit.forecastState, horizon);
  const sigma2 = Number.isFinite(fit.sigma2) && fit.sigma2 > 0 ? fit.sigma2 : 0;
  const se = variance.map((v) => Math.sqrt(v * sigma2));
  const intervals = level.map((lv) => {
    const z = normalQuantile(0.5 + lv / 200);
    return {
      level: lv,
      lower: mean.map((f, i) => f - z * se[i]!),
      upper: mean.map((f, i) => f + z * se[i]!),
    };
  });
  return { mean, se, intervals };
}
