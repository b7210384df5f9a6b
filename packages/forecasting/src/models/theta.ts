import { withSeasonalAdjustment } from './seasonal-wrapper.js';
import { ses } from './ses.js';
import type { ModelFit, SeasonalOptions } from './types.js';
import { validateHorizon, validateInRange, validateSeries } from './validate.js';

/** Options of {@link theta}. */
export type ThetaOptions = SeasonalOptions & {
  /** Fix the SES weight of the θ-line (default: optimised as {@link ses}). */
  alpha?: number;
  /** Clip negative forecasts to 0, as the M4 `Theta.classic` does (default true). */
  nonNegative?: boolean;
};

function thetaClassic(y: readonly number[], horizon: number, options: ThetaOptions): ModelFit {
  validateSeries(y, 2, 'theta');
  validateHorizon(horizon);
  if (options.alpha !== undefined) validateInRange('alpha', options.alpha, 0, 1);
  const n = y.length;
  // least-squares line on t = 1..n (R: lm(input ~ poly(xt, 1, raw = TRUE)))
  const tMean = (n + 1) / 2;
  let yMean = 0;
  for (const v of y) yMean += v;
  yMean /= n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    const dt = i + 1 - tMean;
    sxy += dt * ((y[i] as number) - yMean);
    sxx += dt * dt;
  }
  const slope = sxy / sxx;
  const intercept = yMean - slope * tMean;
  const line = (t: number): number => intercept + slope * t;
  // θ = 2 line: 2y − line, smoothed by SES; forecast = ½ SES + ½ line
  const thetaLine = y.map((v, i) => 2 * v - line(i + 1));
  const sesFit = ses(thetaLine, horizon, options.alpha === undefined ? {} : { alpha: options.alpha });
  const nonNegative = options.nonNegative ?? true;
  const mean = sesFit.mean.map((f, h) => {
    const v = 0.5 * f + 0.5 * line(n + h + 1);
    return nonNegative && v < 0 ? 0 : v;
  });
  const fitted = (sesFit.fitted as number[]).map((f, i) => 0.5 * f + 0.5 * line(i + 1));
  return {
    mean,
    fitted,
    residuals: fitted.map((f, i) => (y[i] as number) - f),
    params: {
      alpha: sesFit.params.alpha as number,
      initialLevel: sesFit.params.initialLevel as number,
      intercept,
      slope,
    },
  };
}

const seasonallyAdjustedTheta = withSeasonalAdjustment(thetaClassic);

/**
 * The classic Theta method as the M4 benchmark `Theta.classic` (θ = 2, weights ½): on the seasonally adjusted series
 * (when the M4 seasonality test passes) fit the least-squares line on t = 1..n, smooth the θ-line `2y − line` with
 * {@link ses} (α and l0 optimised), forecast `½ SES + ½ line(n + h)`, clip negatives to 0, re-seasonalise.
 * Equivalent to SES with drift of half the regression slope; on an exactly linear series it forecasts
 * `y_n + slope·h/2`, not the line. `params`: alpha, initialLevel (of the θ-line SES), intercept, slope (of the
 * adjusted series), seasonLength, seasonallyAdjusted.
 *
 * @example
 * theta(monthlySales, 18, { seasonLength: 12 }).mean
 */
export function theta(y: readonly number[], horizon: number, options: ThetaOptions = {}): ModelFit {
  return seasonallyAdjustedTheta(y, horizon, options);
}
