import type { ModelFit } from './types.js';
import { residualsOf, validateHorizon, validateSeries } from './validate.js';

/**
 * Naive (random walk) forecast: every step repeats the last observation.
 * Fitted values are the previous observation (`NaN` at `t = 0`).
 *
 * @example
 * naive([1, 2, 3], 2).mean // [3, 3]
 */
export function naive(y: readonly number[], horizon: number, _options: object = {}): ModelFit {
  validateSeries(y, 1, 'naive');
  validateHorizon(horizon);
  const last = y[y.length - 1] as number;
  const fitted = y.map((_, t) => (t === 0 ? Number.NaN : (y[t - 1] as number)));
  return {
    mean: new Array<number>(horizon).fill(last),
    fitted,
    residuals: residualsOf(y, fitted),
    params: {},
  };
}
