import { parseInput, ValidationError } from '@s2b2b/core';
import { z } from 'zod';
import { autoArima } from '../arima/auto-arima.js';
import { autoEts } from '../ets/auto-ets.js';
import { classifyDemand } from '../intermittent/classify.js';
import type { ModelFit } from '../models/types.js';
import { conformalIntervals, type PredictionInterval, randomWalkIntervals } from './conformal.js';
import { fillMissing } from './missing.js';
import { type ModelName, runModel } from './registry.js';
import { type ForecastOptions, forecastOptionsSchema, observationSchema } from './schemas.js';

/** What `forecast` returns. */
export interface ForecastResult {
  /** The model that produced the forecast (what `auto` chose, or the fallback for short series). */
  model: string;
  /** Point forecasts for steps 1..horizon. */
  mean: number[];
  /** One interval per requested level, in the order asked. */
  intervals: PredictionInterval[];
}

const seriesSchema = z.array(observationSchema).min(1, 'Expected at least one observation');

/** The models `auto` averages for regular (non-intermittent) demand. */
export const AUTO_COMBINATION: readonly ModelName[] = ['ets', 'theta', 'dotm'];
/** The model `auto` uses for intermittent and lumpy demand (Syntetos–Boylan classes). */
export const AUTO_INTERMITTENT: ModelName = 'sba';

/**
 * Forecasts one series.
 *
 * `auto` classifies non-negative series with zeros by Syntetos–Boylan (ADI 1.32, CV² 0.49):
 * intermittent and lumpy demand goes to SBA; everything else gets the mean of three models —
 * automatic ETS (chosen by AICc), the classic Theta method and the dynamic optimised Theta model
 * (both Thetas on seasonally adjusted data when the M4 seasonality test passes). On the 3,003 M3
 * series that scores 12.42 sMAPE against 12.76 for the published THETA, and no category more
 * than 0.01 behind THETA. Series shorter than two seasons are treated as
 * non-seasonal; a series too short for a model falls back to `naive`; constant and all-zero
 * series forecast themselves. Intervals come from the model where it has its own — `ets`:
 * analytic for the class-1 models, simulated (seeded) for the others; `arima`: the Kalman
 * forecast variances — and are conformal
 * otherwise, calibrated on up to 12 rolling origins (the model refitted at each); a series too
 * short for that (under 6 points) gets random-walk intervals from the spread of its differences.
 *
 * With `nonNegative` (the default, since demand cannot be negative) forecasts and bounds are
 * clipped at 0.
 *
 * @throws ValidationError naming `y`, `horizon`, `seasonLength`, `level`, `model` or `missing`
 * @example
 * const { model, mean, intervals } = forecast(monthlySales, { horizon: 6, seasonLength: 12, level: [80, 95] });
 */
export function forecast(y: readonly (number | null)[], options: ForecastOptions): ForecastResult {
  const series = parseInput(seriesSchema, y, 'y');
  const parsed = parseInput(forecastOptionsSchema, options);
  const values = fillMissing(series, parsed.missing);
  if (values.length === 0) throw ValidationError.field('y', 'Every observation is missing');
  const seasonLength = values.length >= 2 * parsed.seasonLength ? parsed.seasonLength : 1;

  const run = (train: readonly number[], horizon: number) =>
    predict(parsed.model, train, horizon, seasonLength);
  const native = parsed.level.length > 0 ? modelIntervals(parsed.model, values, parsed, seasonLength) : null;
  const { model, mean } = native ?? run(values, parsed.horizon);
  const intervals =
    parsed.level.length === 0
      ? []
      : (native?.intervals ??
        conformalIntervals(values, parsed.horizon, parsed.level, (train, h) => run(train, h).mean, mean) ??
        randomWalkIntervals(values, parsed.horizon, parsed.level, mean));

  const clip = (list: number[]) => (parsed.nonNegative ? list.map((value) => Math.max(0, value)) : list);
  return {
    model,
    mean: clip(mean),
    intervals: intervals.map((interval) => ({
      level: interval.level,
      lower: clip(interval.lower),
      upper: clip(interval.upper),
    })),
  };
}

/**
 * The model's own intervals where it has them: automatic ETS gives analytic intervals for the
 * class-1 models and seeded simulated ones otherwise (Hyndman et al. 2008, ch. 6); ARIMA its
 * Kalman forecast variances.
 */
function modelIntervals(
  name: 'auto' | ModelName,
  y: readonly number[],
  options: { horizon: number; level: number[] },
  seasonLength: number,
): { model: string; mean: number[]; intervals: PredictionInterval[] } | null {
  if (isConstant(y)) return null;
  if (name === 'arima') {
    const fit = autoArima(y, options.horizon, { seasonLength, level: options.level });
    return { model: fit.model, mean: fit.mean, intervals: fit.intervals };
  }
  if (name !== 'ets' || y.length < 3) return null;
  const fit = autoEts(y, options.horizon, { seasonLength, level: options.level });
  return { model: fit.model, mean: fit.mean, intervals: fit.intervals };
}

function predict(
  name: 'auto' | ModelName,
  y: readonly number[],
  horizon: number,
  seasonLength: number,
): { model: string; mean: number[] } {
  if (isConstant(y)) return { model: 'constant', mean: new Array<number>(horizon).fill(y[0] as number) };
  if (name !== 'auto') {
    const { model, fit } = runModel(name, y, horizon, seasonLength);
    return { model, mean: fit.mean };
  }
  if (y.every((value) => value >= 0) && y.some((value) => value === 0)) {
    const { class: demandClass } = classifyDemand(y);
    if (demandClass === 'intermittent' || demandClass === 'lumpy') {
      const { model, fit } = runModel(AUTO_INTERMITTENT, y, horizon, seasonLength);
      return { model, mean: fit.mean };
    }
  }
  const fits: { model: string; fit: ModelFit }[] = AUTO_COMBINATION.map((member) =>
    runModel(member, y, horizon, seasonLength),
  );
  const models = [...new Set(fits.map((entry) => entry.model))];
  const mean = Array.from(
    { length: horizon },
    (_, k) => fits.reduce((total, entry) => total + (entry.fit.mean[k] as number), 0) / fits.length,
  );
  return { model: models.length === 1 ? (models[0] as string) : `mean(${models.join(',')})`, mean };
}

function isConstant(y: readonly number[]): boolean {
  const first = y[0];
  return y.every((value) => value === first);
}
