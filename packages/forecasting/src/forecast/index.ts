export {
  type BacktestOptions,
  type BacktestResult,
  type BacktestWindow,
  backtest,
} from './backtest.js';
export {
  type ConformalOptions,
  conformalIntervals,
  type PredictionInterval,
  randomWalkIntervals,
} from './conformal.js';
export { AUTO_COMBINATION, AUTO_INTERMITTENT, type ForecastResult, forecast } from './forecast.js';
export {
  type ForecastManyOptions,
  forecastMany,
  type SeriesForecast,
  type SeriesInput,
} from './forecast-many.js';
export { fillMissing, type MissingPolicy } from './missing.js';
export { MODEL_NAMES, MODELS, type ModelName, type RegisteredModel, runModel } from './registry.js';
export { type ForecastOptions, forecastOptionsSchema, observationSchema } from './schemas.js';
