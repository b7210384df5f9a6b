/**
 * `@s2b2b/forecasting` — demand forecasts for many series: statistical models, automatic
 * selection, intermittent demand, hierarchy reconciliation, intervals and backtests.
 *
 * @packageDocumentation
 */

export * from './arima/index.js';
export { etsAdmissible } from './ets/admissible.js';
export { type AutoEtsFit, type AutoEtsOptions, autoEts, etsCandidates } from './ets/auto-ets.js';
export { type EtsFit, type EtsStart, etsInitialStates, type FitEtsOptions, fitEts } from './ets/fit.js';
export {
  type EtsForecast,
  type EtsForecastOptions,
  type EtsInterval,
  etsClass1Variance,
  etsPointForecast,
  forecastEts,
  isEtsClass1,
} from './ets/forecast.js';
export {
  type EtsErrorType,
  type EtsParams,
  type EtsSeasonType,
  type EtsSpec,
  type EtsTrendType,
  etsFilter,
  etsName,
  parseEtsSpec,
} from './ets/model.js';
export { normalQuantile } from './ets/normal.js';
export * from './forecast/index.js';
export * from './hierarchy/index.js';
export { type AdidaOptions, adida, meanInterDemandInterval } from './intermittent/adida.js';
export {
  ADI_CUTOFF,
  type ClassifyDemandOptions,
  CV2_CUTOFF,
  classifyDemand,
  type DemandClass,
  type DemandClassification,
} from './intermittent/classify.js';
export {
  type CrostonOptimizedOptions,
  type CrostonOptions,
  croston,
  crostonOptimized,
} from './intermittent/croston.js';
export {
  type EvaluateIntermittentOptions,
  evaluateIntermittentMethods,
  type IntermittentEvaluationRow,
} from './intermittent/evaluate-synthetic.js';
export { type ImapaOptions, imapa } from './intermittent/imapa.js';
export { type SbaOptions, sba } from './intermittent/sba.js';
export {
  SYNTHETIC_CLASS_SETTINGS,
  type SyntheticClassSettings,
  type SyntheticDemandOptions,
  syntheticDemand,
} from './intermittent/synthetic.js';
export { TSB_PROBABILITY_GRID, TSB_SIZE_GRID, type TsbOptions, tsb } from './intermittent/tsb.js';
export { bias, relativeBias } from './metrics/bias.js';
export { coverage } from './metrics/coverage.js';
export { mase } from './metrics/mase.js';
export { msis } from './metrics/msis.js';
export { owa } from './metrics/owa.js';
export { pinballLoss } from './metrics/pinball-loss.js';
export { rmsse } from './metrics/rmsse.js';
export { seasonalNaiveScale } from './metrics/seasonal-naive-scale.js';
export { smape } from './metrics/smape.js';
export type { NumericVector } from './metrics/vector.js';
export { wape } from './metrics/wape.js';
export { type BfgsOptions, type BfgsResult, bfgs, type ObjectiveWithGradient } from './models/bfgs.js';
export { type DampedOptions, damped } from './models/damped.js';
export { type HoltOptions, holt } from './models/holt.js';
export { naive } from './models/naive.js';
export { type Naive2Options, naive2 } from './models/naive2.js';
export { goldenSection, type MinimizeResult, type NelderMeadOptions, nelderMead } from './models/optimize.js';
export { type SeasonalNaiveOptions, seasonalNaive } from './models/seasonal-naive.js';
export { withSeasonalAdjustment } from './models/seasonal-wrapper.js';
export {
  autocorrelation,
  centredMovingAverage,
  reseasonalize,
  type SeasonalAdjustment,
  seasonalAdjust,
  seasonalIndices,
  seasonalityTest,
} from './models/seasonality.js';
export { type SesOptions, ses } from './models/ses.js';
export { type ThetaOptions, theta } from './models/theta.js';
export {
  dynamicOptimizedTheta,
  optimizedTheta,
  type ThetaModelOptions,
  type ThetaModelParams,
  type ThetaStateSpaceRun,
  thetaStateSpace,
} from './models/theta-models.js';
export type { ForecastModel, ModelFit, SeasonalOptions } from './models/types.js';
