import type { ModelFit } from '../models/types.js';
import {
  demandParts,
  flat,
  M5_ALPHA_LOWER,
  M5_ALPHA_UPPER,
  optimizedSesM5,
  type SesM5,
  sesM5,
  validateDemand,
  validateOptionalRange,
} from './shared.js';

/** Options of {@link croston}. */
export type CrostonOptions = {
  /** Smoothing weight of the demand sizes, in [0, 1] (default 0.1, the M5 "Croston" benchmark). */
  alphaDemand?: number;
  /** Smoothing weight of the inter-demand intervals, in [0, 1] (default 0.1). */
  alphaInterval?: number;
};

/** Options of {@link crostonOptimized}. */
export type CrostonOptimizedOptions = {
  /** Lower bound of both smoothing weights (default 0.1, as M5 "optCroston"). */
  alphaLower?: number;
  /** Upper bound of both smoothing weights (default 0.3). */
  alphaUpper?: number;
};

/**
 * Shared Croston core: SES on sizes and on intervals, forecast `multiplier × ẑ / p̂`, with
 * one-step fitted values aligned to `y` (`NaN` up to and including the first demand).
 */
export function crostonCore(
  y: readonly number[],
  horizon: number,
  demand: (sizes: number[]) => SesM5 & { alpha: number },
  interval: (intervals: number[]) => SesM5 & { alpha: number },
  multiplier: number,
): ModelFit {
  const parts = demandParts(y);
  if (parts.sizes.length === 0) {
    return {
      mean: flat(0, horizon),
      fitted: flat(0, y.length),
      residuals: [...y],
      params: { alphaDemand: Number.NaN, alphaInterval: Number.NaN, demandLevel: 0, intervalLevel: 0 },
    };
  }
  const z = demand(parts.sizes);
  const p = interval(parts.intervals);
  // level after demand j is levels[j + 1] (or the forecast after the last one)
  const afterDemand = (s: SesM5, j: number): number => s.levels[j + 1] ?? s.forecast;
  const fitted = flat(Number.NaN, y.length);
  let j = -1;
  for (let t = 0; t < y.length; t++) {
    if (j >= 0) fitted[t] = (multiplier * afterDemand(z, j)) / afterDemand(p, j);
    if (y[t] !== 0) j++;
  }
  return {
    mean: flat((multiplier * z.forecast) / p.forecast, horizon),
    fitted,
    residuals: fitted.map((f, t) => (y[t] as number) - f),
    params: {
      alphaDemand: z.alpha,
      alphaInterval: p.alpha,
      demandLevel: z.forecast,
      intervalLevel: p.forecast,
      multiplier,
    },
  };
}

/**
 * Croston's method as the M5 "Croston" benchmark: the series is taken from its first non-zero demand;
 * SES (α = 0.1, initial level = first value) on the non-zero sizes z and on the inter-demand
 * intervals p (first interval 1); flat forecast `ẑ / p̂`. An all-zero series forecasts 0.
 * `fitted[t]` is the estimate after the last demand before t (`NaN` until the first demand is seen).
 *
 * Throws `ValidationError` on `y` (empty, non-finite or negative values), `horizon`,
 * `alphaDemand` or `alphaInterval`.
 *
 * @example
 * // sizes [3, 5, 2] → ẑ: 3, 3, 3.2 → 3.08; intervals [1, 4, 2] → p̂: 1, 1, 1.3 → 1.37
 * croston([0, 0, 3, 0, 0, 0, 5, 0, 2], 2).mean // [3.08 / 1.37, 3.08 / 1.37] ≈ [2.2482, 2.2482]
 */
export function croston(y: readonly number[], horizon: number, options: CrostonOptions = {}): ModelFit {
  return fixedWeightCroston('croston', y, horizon, options, () => 1);
}

/**
 * Croston with fixed weights (default 0.1 each), its forecast scaled by `factor(α_interval)`:
 * 1 for Croston, `1 − α/2` for SBA. Internal.
 */
export function fixedWeightCroston(
  name: string,
  y: readonly number[],
  horizon: number,
  options: CrostonOptions,
  factor: (alphaInterval: number) => number,
): ModelFit {
  validateDemand(y, horizon, name);
  validateOptionalRange('alphaDemand', options.alphaDemand, 0, 1);
  validateOptionalRange('alphaInterval', options.alphaInterval, 0, 1);
  const ad = options.alphaDemand ?? 0.1;
  const ai = options.alphaInterval ?? 0.1;
  return crostonCore(
    y,
    horizon,
    (z) => ({ ...sesM5(z, ad), alpha: ad }),
    (p) => ({ ...sesM5(p, ai), alpha: ai }),
    factor(ai),
  );
}

/**
 * Optimised Croston (M5 "optCroston"): as {@link croston}, but each smoothing weight (sizes,
 * intervals) separately minimises the in-sample MSE of its own SES over [0.1, 0.3].
 *
 * Throws `ValidationError` on `y`, `horizon`, `alphaLower` or `alphaUpper` (bounds in [0, 1],
 * lower ≤ upper).
 *
 * @example
 * const fit = crostonOptimized([0, 0, 3, 0, 0, 0, 5, 0, 2], 3);
 * fit.params.alphaDemand // in [0.1, 0.3]
 */
export function crostonOptimized(
  y: readonly number[],
  horizon: number,
  options: CrostonOptimizedOptions = {},
): ModelFit {
  validateDemand(y, horizon, 'crostonOptimized');
  validateOptionalRange('alphaLower', options.alphaLower, 0, 1);
  const lower = options.alphaLower ?? M5_ALPHA_LOWER;
  validateOptionalRange('alphaUpper', options.alphaUpper, lower, 1);
  const upper = options.alphaUpper ?? Math.max(M5_ALPHA_UPPER, lower);
  return crostonCore(
    y,
    horizon,
    (z) => optimizedSesM5(z, lower, upper),
    (p) => optimizedSesM5(p, lower, upper),
    1,
  );
}
