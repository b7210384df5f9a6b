import { nelderMead } from './optimize.js';
import { withSeasonalAdjustment } from './seasonal-wrapper.js';
import type { ModelFit, SeasonalOptions } from './types.js';
import { validateHorizon, validateInRange, validateSeries } from './validate.js';

/**
 * Parameters of the state-space Theta models of Fiorucci, Pellegrini, Louzada, Petropoulos &
 * Koehler (2016): the initial level `ℓ0`, the smoothing weight `α` and the theta coefficient `θ`.
 *
 * @example
 * const p: ThetaModelParams = { level0: 100, alpha: 0.5, theta: 2 };
 */
export type ThetaModelParams = { level0: number; alpha: number; theta: number };

/** Result of {@link thetaStateSpace}: one-step forecasts and forecasts, and the in-sample SSE. */
export type ThetaStateSpaceRun = {
  /** One-step-ahead forecasts for t = 0..n−1, then the forecasts for steps 1..horizon. */
  mu: Float64Array;
  /** Σ ((y − μ) / scale)² over the fitted steps (from t = 2 for the dynamic models, as the authors do). */
  sse: number;
};

/**
 * The recursion of the Theta models (Fiorucci et al. 2016, §3): SES on the series
 * `ℓ_t = α y_t + (1 − α) ℓ_{t−1}` plus the weighted trend of the least-squares line
 * `μ_{t+1} = ℓ_t + (1 − 1/θ) (A_t (1 − α)^t + B_t (1 − (1 − α)^{t+1}) / α)`, with `A`, `B` the
 * intercept and slope of the line fitted to the whole series (static models: STM, OTM) or to
 * the observations so far, updated every step (dynamic models: DSTM, DOTM). Past the end the
 * forecasts feed back as observations. `scale` divides the errors (the mean absolute value
 * keeps the optimiser's numbers of order one).
 *
 * @example
 * const run = thetaStateSpace(Float64Array.of(10, 12, 13, 15, 16), { level0: 5, alpha: 0.5, theta: 2 }, true, 3, 13.2);
 * run.mu.length; // 8: five one-step forecasts and three forecasts
 */
export function thetaStateSpace(
  y: Float64Array,
  params: ThetaModelParams,
  dynamic: boolean,
  horizon: number,
  scale = 1,
  mu: Float64Array = new Float64Array(y.length + horizon),
): ThetaStateSpaceRun {
  const n = y.length;
  const { level0, alpha, theta } = params;
  const weight = 1 - 1 / theta;
  // least-squares line on t = 1..n (static models)
  let sumY = 0;
  let sumTY = 0;
  for (let t = 0; t < n; t++) {
    sumY += y[t] as number;
    sumTY += (t + 1) * (y[t] as number);
  }
  const meanAll = sumY / n;
  const slopeAll = n > 1 ? (6 * ((2 * sumTY) / n - (1 + n) * meanAll)) / (n * n - 1) : 0;
  const interceptAll = meanAll - ((n + 1) * slopeAll) / 2;

  const y0 = y[0] as number;
  let level = alpha * y0 + (1 - alpha) * level0;
  let meanY = y0;
  let A = dynamic ? y0 : interceptAll;
  let B = dynamic ? 0 : slopeAll;
  mu[0] = dynamic ? y0 : level0 + weight * (interceptAll + slopeAll);
  const first = dynamic ? 2 : 0;
  let sse = 0;
  if (first === 0) sse += ((y0 - (mu[0] as number)) / scale) ** 2;
  let decay = 1 - alpha; // (1 − α)^(k+1)
  const limit = n + horizon;
  for (let k = 0; k < limit - 1; k++) {
    const next = level + weight * (A * decay + (B * (1 - decay * (1 - alpha))) / alpha);
    mu[k + 1] = next;
    const observed = k + 1 < n ? (y[k + 1] as number) : next;
    if (k + 1 < n && k + 1 >= first) sse += ((observed - next) / scale) ** 2;
    level = alpha * observed + (1 - alpha) * level;
    const previousMean = meanY;
    meanY = ((k + 1) * meanY + observed) / (k + 2);
    if (dynamic) {
      B = (k * B + (6 * (observed - previousMean)) / (k + 2)) / (k + 3);
      A = meanY - (B * (k + 3)) / 2;
    }
    decay *= 1 - alpha;
  }
  return { mu, sse };
}

/** Options of {@link optimizedTheta} and {@link dynamicOptimizedTheta}. */
export type ThetaModelOptions = SeasonalOptions & {
  /** Fix θ (≥ 1) instead of estimating it: θ = 2 gives the standard models (STM, DSTM). */
  theta?: number;
};

const ALPHA_BOUNDS = [0.1, 0.99] as const;
const THETA_LOWER = 1;

function fitThetaModel(dynamic: boolean) {
  return (y: readonly number[], horizon: number, options: ThetaModelOptions): ModelFit => {
    validateSeries(y, 3, dynamic ? 'dynamicOptimizedTheta' : 'optimizedTheta');
    validateHorizon(horizon);
    if (options.theta !== undefined) validateInRange('theta', options.theta, THETA_LOWER, 1e10);
    const n = y.length;
    const series = Float64Array.from(y);
    let absSum = 0;
    for (const v of y) absSum += Math.abs(v);
    const scale = absSum > 0 ? absSum / n : 1;
    const mu = new Float64Array(n);
    const fixedTheta = options.theta;
    const unpack = (x: readonly number[]): ThetaModelParams => ({
      level0: (x[0] as number) * scale,
      alpha: x[1] as number,
      theta: fixedTheta ?? (x[2] as number),
    });
    const objective = (x: readonly number[]): number => {
      const alpha = x[1] as number;
      if (!(alpha >= ALPHA_BOUNDS[0] && alpha <= ALPHA_BOUNDS[1])) return Number.POSITIVE_INFINITY;
      if (fixedTheta === undefined && !((x[2] as number) >= THETA_LOWER)) return Number.POSITIVE_INFINITY;
      return thetaStateSpace(series, unpack(x), dynamic, 0, scale, mu).sse;
    };
    // the authors' start: ℓ0 = y1 / 2, α = 0.5, θ = 2 (ℓ0 on the scaled axis)
    const start = [(series[0] as number) / 2 / scale, 0.5, ...(fixedTheta === undefined ? [2] : [])];
    const best = nelderMead(objective, start, {
      step: [0.1, 0.1, 0.5].slice(0, start.length),
      fTol: 1e-10,
      xTol: 1e-7,
    });
    const params = unpack(best.x);
    const run = thetaStateSpace(series, params, dynamic, horizon, scale);
    const fitted = Array.from(run.mu.subarray(0, n));
    return {
      mean: Array.from(run.mu.subarray(n)),
      fitted,
      residuals: fitted.map((f, t) => (y[t] as number) - f),
      params: {
        level0: params.level0,
        alpha: params.alpha,
        theta: params.theta,
        sse: run.sse * scale * scale,
      },
    };
  };
}

const seasonalOtm = withSeasonalAdjustment(fitThetaModel(false));
const seasonalDotm = withSeasonalAdjustment(fitThetaModel(true));

/**
 * The Optimised Theta Model (OTM) of Fiorucci et al. (2016): the state-space form of the Theta
 * method with ℓ0, α ∈ [0.1, 0.99] and θ ≥ 1 chosen by least squares (Nelder–Mead from ℓ0 = y₁/2,
 * α = 0.5, θ = 2), on the seasonally adjusted series when the M4 seasonality test passes
 * (multiplicative decomposition). `theta: 2` fixes θ: the Standard Theta Model (STM).
 * `params`: level0, alpha, theta, sse, seasonLength, seasonallyAdjusted.
 *
 * @example
 * optimizedTheta(quarterlySales, 8, { seasonLength: 4 }).params.theta // e.g. 2.7
 */
export function optimizedTheta(
  y: readonly number[],
  horizon: number,
  options: ThetaModelOptions = {},
): ModelFit {
  return seasonalOtm(y, horizon, options);
}

/**
 * The Dynamic Optimised Theta Model (DOTM) of Fiorucci et al. (2016): as {@link optimizedTheta},
 * but the intercept and slope of the trend line are re-estimated from the observations so far at
 * every step, so the trend adapts to level shifts and turning points; the first two errors are
 * left out of the fit, as the authors do. `theta: 2` gives the Dynamic Standard Theta Model (DSTM).
 *
 * @example
 * dynamicOptimizedTheta(monthlySales, 18, { seasonLength: 12 }).mean
 */
export function dynamicOptimizedTheta(
  y: readonly number[],
  horizon: number,
  options: ThetaModelOptions = {},
): ModelFit {
  return seasonalDotm(y, horizon, options);
}
