/** ARIMA: fitting, forecasting, automatic order selection and the unit-root tests behind it. */
export { APPROXIMATION_SEASON_LENGTH, type AutoArimaFit, autoArima } from './auto-arima.js';
export { difference, differenceSeries } from './difference.js';
export type { ArimaMethod } from './estimate.js';
export { type ArimaFit, type ArimaForecastState, fitArima } from './fit.js';
export { type ArimaForecast, type ArimaInterval, arimaForecastMoments, forecastArima } from './forecast.js';
export { isConstant } from './is-constant.js';
export { kpssPValue, kpssStatistic, ndiffs } from './kpss.js';
export { type ArimaConstant, arimaName } from './name.js';
export {
  type AutoArimaOptions,
  autoArimaOptionsSchema,
  type FitArimaOptions,
  type ForecastArimaOptions,
  fitArimaOptionsSchema,
  forecastArimaOptionsSchema,
  type StlOptions,
  stlOptionsSchema,
} from './schemas.js';
export { nsdiffs, SEASONAL_STRENGTH_THRESHOLD, seasonalStrength } from './seasonal-strength.js';
export { type StlDecomposition, stl } from './stl.js';
