import { optimizeSmoothing } from './exponential-smoothing.js';
import type { ModelFit } from './types.js';
import { residualsOf, validateHorizon, validateInRange, validateSeries } from './validate.js';

/** Options of {@link damped}. */
export type DampedOptions = {
  /** Fix the level weight in [0, 1] (default: optimised on [1e-4, 0.9999]). */
  alpha?: number;
  /** Fix the trend weight in [0, 1], error-correction form (default: optimised on [1e-4, α]). */
  beta?: number;
  /** Fix the damping factor in [0, 1] (default: optimised on [0.8, 0.98], the ets bounds). */
  phi?: number;
};

/**
 * Damped additive trend method, ETS(A,Ad,N) as R `forecast::holt(damped = TRUE)` (M4 "Damped"):
 * `ŷ_t = l_{t-1} + φ b_{t-1}`, `l_t = ŷ_t + α e_t`, `b_t = φ b_{t-1} + β e_t`; forecast
 * `l_n + (φ + φ² + … + φ^h) b_n`. α, β, φ minimise the in-sample SSE (Nelder–Mead, three starts); l0, b0 are
 * SSE-optimal (solved exactly).
 *
 * @example
 * damped([1, 2, 3, 4, 5], 1, { alpha: 0.5, beta: 0.1, phi: 0.9 }).mean[0] // ≈ 5.673
 */
export function damped(y: readonly number[], horizon: number, options: DampedOptions = {}): ModelFit {
  validateSeries(y, 2, 'damped');
  validateHorizon(horizon);
  if (options.alpha !== undefined) validateInRange('alpha', options.alpha, 0, 1);
  if (options.beta !== undefined) validateInRange('beta', options.beta, 0, 1);
  if (options.phi !== undefined) validateInRange('phi', options.phi, 0, 1);
  const fit = optimizeSmoothing(y, {
    trend: true,
    damped: true,
    alpha: options.alpha,
    beta: options.beta,
    phi: options.phi,
  });
  const mean: number[] = [];
  let cum = 0;
  let pow = 1;
  for (let h = 1; h <= horizon; h++) {
    pow *= fit.phi;
    cum += pow;
    mean.push(fit.level + cum * fit.slope);
  }
  const fitted = Array.from(fit.fitted);
  return {
    mean,
    fitted,
    residuals: residualsOf(y, fitted),
    params: {
      alpha: fit.alpha,
      beta: fit.beta,
      phi: fit.phi,
      initialLevel: fit.l0,
      initialTrend: fit.b0,
      sse: fit.sse,
    },
  };
}
