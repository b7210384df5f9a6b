import { optimizeSmoothing } from './exponential-smoothing.js';
import type { ModelFit } from './types.js';
import { residualsOf, validateHorizon, validateInRange, validateSeries } from './validate.js';

/** Options of {@link holt}. */
export type HoltOptions = {
  /** Fix the level weight in [0, 1] (default: optimised on [1e-4, 0.9999]). */
  alpha?: number;
  /** Fix the trend weight in [0, 1], error-correction form as R `ets` (default: optimised on [1e-4, α]). */
  beta?: number;
};

/**
 * Holt's linear (additive) trend method, ETS(A,A,N) as R `forecast::holt` (M4 "Holt"):
 * `ŷ_t = l_{t-1} + b_{t-1}`, `l_t = ŷ_t + α e_t`, `b_t = b_{t-1} + β e_t`; forecast `l_n + h b_n`.
 * α, β minimise the in-sample SSE by Nelder–Mead (three starts); l0, b0 are SSE-optimal (solved exactly).
 * Note β is the ets error-correction weight (β = α·β* of the textbook component form).
 *
 * @example
 * holt([1, 2, 3, 4, 5], 2).mean // ≈ [6, 7]
 */
export function holt(y: readonly number[], horizon: number, options: HoltOptions = {}): ModelFit {
  validateSeries(y, 2, 'holt');
  validateHorizon(horizon);
  if (options.alpha !== undefined) validateInRange('alpha', options.alpha, 0, 1);
  if (options.beta !== undefined) validateInRange('beta', options.beta, 0, 1);
  const fit = optimizeSmoothing(y, { trend: true, damped: false, alpha: options.alpha, beta: options.beta });
  const mean: number[] = [];
  for (let h = 1; h <= horizon; h++) mean.push(fit.level + h * fit.slope);
  const fitted = Array.from(fit.fitted);
  return {
    mean,
    fitted,
    residuals: residualsOf(y, fitted),
    params: { alpha: fit.alpha, beta: fit.beta, initialLevel: fit.l0, initialTrend: fit.b0, sse: fit.sse },
  };
}
