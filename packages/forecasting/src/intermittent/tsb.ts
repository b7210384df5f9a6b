import type { ModelFit } from '../models/types.js';
import { firstDemandIndex, flat, validateDemand, validateOptionalRange } from './shared.js';

/** Grid of the probability smoothing weight searched by the M5 "TSB" benchmark. */
export const TSB_PROBABILITY_GRID: readonly number[] = [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.8];
/** Grid of the size smoothing weight searched by the M5 "TSB" benchmark. */
export const TSB_SIZE_GRID: readonly number[] = [0.01, 0.02, 0.03, 0.05, 0.1, 0.2, 0.3];

/** Options of {@link tsb}. */
export type TsbOptions = {
  /** Fix the smoothing weight of the occurrence probability, in [0, 1] (default: chosen from {@link TSB_PROBABILITY_GRID}). */
  alphaProbability?: number;
  /** Fix the smoothing weight of the demand size, in [0, 1] (default: chosen from {@link TSB_SIZE_GRID}). */
  alphaSize?: number;
};

type TsbRun = { forecast: number; fitted: number[]; mse: number };

/** One TSB pass on the trimmed series `x` (x[0] ≠ 0); fitted[t] is the forecast for x[t] (NaN at t = 0). */
function tsbRun(x: readonly number[], a: number, b: number): TsbRun {
  let prob = 1; // p[1] = 1: the trimmed series starts with a demand
  let size = x[0] as number;
  const fitted: number[] = [Number.NaN];
  let sse = 0;
  for (let t = 1; t < x.length; t++) {
    const f = prob * size;
    fitted.push(f);
    const v = x[t] as number;
    sse += (v - f) * (v - f);
    prob += a * ((v !== 0 ? 1 : 0) - prob);
    if (v !== 0) size += b * (v - size);
  }
  return { forecast: prob * size, fitted, mse: x.length > 1 ? sse / (x.length - 1) : 0 };
}

/**
 * Teunter–Syntetos–Babai (2011) as the M5 "TSB" benchmark: from the first non-zero demand on, the
 * occurrence probability is smoothed **every period**, `π_t = π_{t−1} + α (1[y_t > 0] − π_{t−1})`
 * (π_1 = 1), the size only in demand periods, `z_t = z_{t−1} + β (y_t − z_{t−1})` (z_1 = y_1); the flat
 * forecast is `π_n · z_n`. Unless fixed, (α, β) is the pair of the M5 grids α ∈ {0.1, 0.15, 0.2, 0.25,
 * 0.3, 0.35, 0.4, 0.5, 0.8}, β ∈ {0.01, 0.02, 0.03, 0.05, 0.1, 0.2, 0.3} with the smallest one-step
 * in-sample MSE (first pair in grid order on ties). Unlike Croston, the forecast decays through a run of
 * zeros (obsolescence). An all-zero series forecasts 0.
 *
 * Throws `ValidationError` on `y`, `horizon`, `alphaProbability` or `alphaSize`.
 *
 * @example
 * // trimmed [3, 0, 0, 0, 5, 0, 2], α = β = 0.1: π ends at 0.712441, z at 3.08 → 2.19432
 * tsb([0, 0, 3, 0, 0, 0, 5, 0, 2], 1, { alphaProbability: 0.1, alphaSize: 0.1 }).mean // ≈ [2.19432]
 */
export function tsb(y: readonly number[], horizon: number, options: TsbOptions = {}): ModelFit {
  validateDemand(y, horizon, 'tsb');
  validateOptionalRange('alphaProbability', options.alphaProbability, 0, 1);
  validateOptionalRange('alphaSize', options.alphaSize, 0, 1);
  const start = firstDemandIndex(y);
  if (start < 0) {
    return {
      mean: flat(0, horizon),
      fitted: flat(0, y.length),
      residuals: [...y],
      params: { alphaProbability: Number.NaN, alphaSize: Number.NaN, probability: 0, size: 0, mse: 0 },
    };
  }
  const x = y.slice(start);
  const grid = (fixed: number | undefined, values: readonly number[]): readonly number[] =>
    fixed === undefined ? values : [fixed];
  let best: (TsbRun & { a: number; b: number }) | undefined;
  for (const a of grid(options.alphaProbability, TSB_PROBABILITY_GRID)) {
    for (const b of grid(options.alphaSize, TSB_SIZE_GRID)) {
      const run = tsbRun(x, a, b);
      if (best === undefined || run.mse < best.mse) best = { ...run, a, b };
    }
  }
  const chosen = best as TsbRun & { a: number; b: number };
  const fitted = [...flat(Number.NaN, start), ...chosen.fitted];
  // probability and size at the end, recovered from a final pass of the chosen weights
  let prob = 1;
  let size = x[0] as number;
  for (let t = 1; t < x.length; t++) {
    const v = x[t] as number;
    prob += chosen.a * ((v !== 0 ? 1 : 0) - prob);
    if (v !== 0) size += chosen.b * (v - size);
  }
  return {
    mean: flat(chosen.forecast, horizon),
    fitted,
    residuals: fitted.map((f, t) => (y[t] as number) - f),
    params: { alphaProbability: chosen.a, alphaSize: chosen.b, probability: prob, size, mse: chosen.mse },
  };
}
