import type { ModelFit } from '../models/types.js';
import type { CrostonOptions } from './croston.js';
import { crostonCore } from './croston.js';
import { sesM5, validateDemand, validateOptionalRange } from './shared.js';

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
  validateDemand(y, horizon, 'sba');
  validateOptionalRange('alphaDemand', options.alphaDemand, 0, 1);
  validateOptionalRange('alphaInterval', options.alphaInterval, 0, 1);
  const ad = options.alphaDemand ?? 0.1;
  const ai = options.alphaInterval ?? 0.1;
  return crostonCore(
    y,
    horizon,
    (z) => ({ ...sesM5(z, ad), alpha: ad }),
    (p) => ({ ...sesM5(p, ai), alpha: ai }),
    1 - ai / 2,
  );
}
