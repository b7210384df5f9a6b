import { ValidationError } from '@s2b2b/core';
import { bias } from '../metrics/bias.js';
import { coverage } from '../metrics/coverage.js';
import { mase } from '../metrics/mase.js';
import { msis } from '../metrics/msis.js';
import { rmsse } from '../metrics/rmsse.js';
import { smape } from '../metrics/smape.js';
import { wape } from '../metrics/wape.js';
import { forecast } from './forecast.js';
import type { ForecastOptions } from './schemas.js';

/** Options of `backtest`: the `forecast` options plus where the origins are. */
export type BacktestOptions = ForecastOptions & {
  /** How many forecast origins, the last ending `horizon` points before the end (default 3). */
  origins?: number;
  /** Points between origins (default `horizon`: non-overlapping test windows). */
  step?: number;
};

/** One origin of a backtest. */
export interface BacktestWindow {
  /** Observations used for fitting (the origin is after the last of them). */
  trainLength: number;
  model: string;
  actual: number[];
  mean: number[];
  smape: number;
  mase: number;
  rmsse: number;
  /** Per interval level: the share of actuals inside, and the M4 interval score. */
  intervals: { level: number; coverage: number; msis: number }[];
}

/** A backtest: every window and the means over windows. */
export interface BacktestResult {
  windows: BacktestWindow[];
  /** Means over windows; `wape` and `bias` pool every test point. */
  summary: {
    smape: number;
    mase: number;
    rmsse: number;
    wape: number;
    bias: number;
    intervals: { level: number; coverage: number; msis: number }[];
  };
}

/**
 * Rolling-origin evaluation: forecasts from several origins at the end of the series, each
 * fitted only on the data before it, scored with the M4/M5 metrics (sMAPE, MASE on the
 * seasonal-naive scale, RMSSE) and, with `level`, interval coverage and MSIS.
 *
 * @throws ValidationError when the series is too short for the origins asked
 * @example
 * const { summary } = backtest(history, { horizon: 6, seasonLength: 12, origins: 4, level: [80, 95] });
 */
export function backtest(y: readonly number[], options: BacktestOptions): BacktestResult {
  const { origins = 3, step = options.horizon, ...forecastOptions } = options;
  const horizon = forecastOptions.horizon;
  const m = forecastOptions.seasonLength ?? 1;
  if (!Number.isInteger(origins) || origins < 1)
    throw ValidationError.field('origins', 'Expected a positive integer');
  if (!Number.isInteger(step) || step < 1) throw ValidationError.field('step', 'Expected a positive integer');
  const firstTrain = y.length - horizon - (origins - 1) * step;
  if (firstTrain < m + 2) {
    throw ValidationError.field(
      'origins',
      `The series has ${y.length} points: too short for ${origins} origins of horizon ${horizon} every ${step} (the first fit would have ${firstTrain})`,
    );
  }
  const windows: BacktestWindow[] = [];
  const allActual: number[] = [];
  const allMean: number[] = [];
  for (let o = 0; o < origins; o += 1) {
    const trainLength = firstTrain + o * step;
    const train = y.slice(0, trainLength);
    const actual = y.slice(trainLength, trainLength + horizon);
    const result = forecast(train, forecastOptions);
    allActual.push(...actual);
    allMean.push(...result.mean);
    windows.push({
      trainLength,
      model: result.model,
      actual,
      mean: result.mean,
      smape: smape(actual, result.mean),
      mase: mase(train, actual, result.mean, m),
      rmsse: rmsse(train, actual, result.mean),
      intervals: result.intervals.map((interval) => ({
        level: interval.level,
        coverage: coverage(actual, interval.lower, interval.upper),
        msis: msis(train, actual, interval.lower, interval.upper, interval.level / 100, m),
      })),
    });
  }
  const average = (pick: (window: BacktestWindow) => number) =>
    windows.reduce((total, window) => total + pick(window), 0) / windows.length;
  return {
    windows,
    summary: {
      smape: average((window) => window.smape),
      mase: average((window) => window.mase),
      rmsse: average((window) => window.rmsse),
      wape: wape(allActual, allMean),
      bias: bias(allActual, allMean),
      intervals: (windows[0]?.intervals ?? []).map((interval, index) => ({
        level: interval.level,
        coverage: average((window) => window.intervals[index]?.coverage ?? 0),
        msis: average((window) => window.intervals[index]?.msis ?? 0),
      })),
    },
  };
}
