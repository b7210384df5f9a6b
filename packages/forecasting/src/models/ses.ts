import { optimizeSmoothing } from './exponential-smoothing.js';
import type { ModelFit } from './types.js';
import { residualsOf, validateHorizon, validateInRange, validateSeries } from './validate.js';

/** Options of {@link ses}. */
export type SesOptions = {
  /** Fix the smoothing weight in [0, 1] instead of optimising it over [1e-4, 0.9999]. */
  alpha?: number;
  /** Fix the initial level l0 instead of solving it (SSE-optimal, as R `ses(initial = "optimal")`). */
  initialLevel?: number;
};

/**
 * Simple exponential smoothing (ETS(A,N,N)), the M4 "SES" core: `l_t = l_{t-1} + α (y_t − l_{t-1})`,
 * flat forecast `l_n`. α minimises the in-sample SSE on [1e-4, 0.9999] (grid + golden section); the initial level
 * is SSE-optimal (solved exactly for each α), as R `forecast::ses` does. Fitted values are `l_{t-1}`.
 * Apply {@link withSeasonalAdjustment} for the M4 benchmark's seasonally adjusted SES.
 *
 * @example
 * ses([3, 5, 4], 2, { alpha: 0.5, initialLevel: 3 }).mean // [4, 4]
 */
export function ses(y: readonly number[], horizon: number, options: SesOptions = {}): ModelFit {
  validateSeries(y, 1, 'ses');
  validateHorizon(horizon);
  if (options.alpha !== undefined) validateInRange('alpha', options.alpha, 0, 1);
  if (options.initialLevel !== undefined)
    validateInRange('initialLevel', options.initialLevel, -Infinity, Infinity);
  const fit = optimizeSmoothing(y, {
    trend: false,
    damped: false,
    alpha: options.alpha,
    initialLevel: options.initialLevel,
  });
  const fitted = Array.from(fit.fitted);
  return {
    mean: new Array<number>(horizon).fill(fit.level),
    fitted,
    residuals: residualsOf(y, fitted),
    params: { alpha: fit.alpha, initialLevel: fit.l0, sse: fit.sse },
  };
}
