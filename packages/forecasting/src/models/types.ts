/**
 * The result of fitting a point-forecast model to one series.
 *
 * - `mean`: the point forecasts for steps 1..horizon after the last observation.
 * - `fitted`: one-step-ahead in-sample forecasts, aligned with `y` (`NaN` where the model has none, e.g. `t = 0` for naive).
 * - `residuals`: `y - fitted` (same alignment, `NaN` where `fitted` is `NaN`).
 * - `params`: the fitted or chosen parameters (smoothing weights, initial states, flags as 0/1).
 *
 * @example
 * const fit: ModelFit = { mean: [3, 3], params: {} };
 */
export type ModelFit = {
  mean: number[];
  fitted?: number[];
  residuals?: number[];
  params: Record<string, number>;
};

/**
 * A forecasting model: a pure function of the series, the horizon and its options.
 *
 * @example
 * const flat: ForecastModel<{ value: number }> = (_y, h, o) => ({ mean: Array(h).fill(o.value), params: {} });
 */
export type ForecastModel<O> = (y: readonly number[], horizon: number, options: O) => ModelFit;

/** Options of models that take the seasonal period. */
export type SeasonalOptions = {
  /** Observations per seasonal cycle (4 quarterly, 12 monthly, 7 daily-with-weekly-cycle); 1 = no seasonality. */
  seasonLength?: number;
};
