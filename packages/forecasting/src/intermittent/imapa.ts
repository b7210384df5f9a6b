import type { ModelFit } from '../models/types.js';
import { aggregateForecast, meanInterDemandInterval, validateLevel } from './adida.js';
import { demandParts, flat, roundHalfEven, validateDemand } from './shared.js';

/** Options of {@link imapa}. */
export type ImapaOptions = {
  /**
   * Highest aggregation level: `'mean'` (default) = round(mean inter-demand interval), as the M5
   * benchmark code and statsforecast run it; `'max'` = the largest inter-demand interval, as the M5
   * guide's text describes it; or a fixed integer ≥ 1.
   */
  maxLevel?: 'mean' | 'max' | number;
};

/**
 * iMAPA (intermittent multiple aggregation prediction algorithm, Petropoulos & Kourentzes 2015) as
 * the M5 benchmark: from the first non-zero demand on, for every aggregation level k = 1..K the
 * ADIDA forecast (bucket sums of k periods aligned on the end, SES with α ∈ [0.1, 0.3] by MSE, ÷ k);
 * the forecast is the plain average over the levels. K = round(mean inter-demand interval) by default
 * (see {@link ImapaOptions.maxLevel}), capped at the series length. All-zero → 0. No fitted values.
 *
 * Throws `ValidationError` on `y`, `horizon` or `maxLevel`.
 *
 * @example
 * // mean interval 7/3 → levels 1 and 2; forecast = (SES on the series + SES on 2-sums ÷ 2) / 2
 * imapa([0, 0, 3, 0, 0, 0, 5, 0, 2], 2).params.levels // 2
 */
export function imapa(y: readonly number[], horizon: number, options: ImapaOptions = {}): ModelFit {
  validateDemand(y, horizon, 'imapa');
  const maxLevel = options.maxLevel ?? 'mean';
  if (maxLevel !== 'mean' && maxLevel !== 'max') validateLevel('maxLevel', maxLevel);
  const parts = demandParts(y);
  if (parts.start < 0) return { mean: flat(0, horizon), params: { levels: Number.NaN } };
  const x = y.slice(parts.start);
  const wanted =
    maxLevel === 'mean'
      ? roundHalfEven(meanInterDemandInterval(x))
      : maxLevel === 'max'
        ? parts.intervals.reduce((m, p) => Math.max(m, p), 1)
        : maxLevel;
  const levels = Math.max(1, Math.min(wanted, x.length));
  let sum = 0;
  for (let k = 1; k <= levels; k++) sum += aggregateForecast(x, k).value;
  return { mean: flat(sum / levels, horizon), params: { levels } };
}
