import type { ModelFit } from '../models/types.js';
import { type CrostonOptions, fixedWeightCroston } from './croston.js';

/** Options of {@link sba}. */
export type SbaOptions = CrostonOptions;

/**
 * Syntetos–Boylan approximation: {@link croston} multiplied by `1 − α_p / 2`, α_p the interval
 * smoothing weight. With the default α = 0.1 for both sizes and intervals this is the M5 "SBA"
 * benchmark, `0.95 × Croston`. Fitted values are scaled the same way; all-zero → 0.
 *
 * Throws `ValidationError` on `y`, `horizon`, `alphaDemand` or `alphaInterval`.
 *
 * @example
 * sba([0, 0, 3, 0, 0, 0, 5, 0, 2], 1).mean // [0.95 × 3.08 / 1.37] ≈ [2.1358]
 */
export function sba(y: readonly number[], horizon: number, options: SbaOptions = {}): ModelFit {
  return fixedWeightCroston('sba', y, horizon, options, (alphaInterval) => 1 - alphaInterval / 2);
}
