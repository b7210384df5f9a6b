import { reseasonalize, seasonalAdjust } from './seasonality.js';
import type { ForecastModel, ModelFit, SeasonalOptions } from './types.js';
import { residualsOf, validateHorizon, validateSeasonLength, validateSeries } from './validate.js';

/**
 * Wraps a model the way the M4 benchmarks apply SES, Holt, Damped and Theta: {@link seasonalAdjust} the series with
 * `options.seasonLength` (default 1 = never), fit the model on the adjusted series, then multiply forecasts and fitted
 * values by the seasonal indices of their positions. Residuals are recomputed on the original scale.
 * `params` gains `seasonLength` and `seasonallyAdjusted` (1 when the seasonality test passed, else 0).
 *
 * @example
 * const sesM4 = withSeasonalAdjustment(ses);
 * sesM4(monthlySales, 18, { seasonLength: 12 }).mean
 */
export function withSeasonalAdjustment<O>(
  model: ForecastModel<O>,
): ForecastModel<NonNullable<O> & SeasonalOptions> {
  return (y: readonly number[], horizon: number, options: NonNullable<O> & SeasonalOptions): ModelFit => {
    validateSeries(y, 1, 'withSeasonalAdjustment');
    validateHorizon(horizon);
    const m = options?.seasonLength ?? 1;
    validateSeasonLength(m);
    const { adjusted, indices, seasonal } = seasonalAdjust(y, m);
    const fit = model(adjusted, horizon, options ?? ({} as O));
    const params = { ...fit.params, seasonLength: m, seasonallyAdjusted: seasonal ? 1 : 0 };
    if (!seasonal) return { ...fit, params };
    const result: ModelFit = { mean: reseasonalize(fit.mean, indices, y.length), params };
    if (fit.fitted !== undefined) {
      result.fitted = reseasonalize(fit.fitted, indices, 0);
      result.residuals = residualsOf(y, result.fitted);
    }
    return result;
  };
}
