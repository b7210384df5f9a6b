import { normalQuantile } from '../ets/normal.js';

/** One prediction interval. */
export interface PredictionInterval {
  /** Coverage as a percentage, e.g. 80 or 95. */
  level: number;
  lower: number[];
  upper: number[];
}

/** Options of `conformalIntervals`. */
export interface ConformalOptions {
  /** Forecast origins to calibrate on (default 12, fewer when the series is short). */
  origins?: number;
  /** The shortest training window a calibration fit may use (default 4). */
  minTrain?: number;
}

/**
 * Prediction intervals by conformal calibration over rolling origins: the model is refitted
 * at the last `origins` cut points, its absolute errors at each step ahead are collected, and
 * the interval half-width at step k for level L is the ⌈(n+1)·L⌉-th smallest error at step k
 * (split-conformal quantile). Symmetric around the point forecast; widths never shrink with
 * the horizon (a running maximum), and higher levels are never narrower.
 *
 * Returns `null` when the series is too short to calibrate (fewer than 2 origins).
 *
 * @example
 * conformalIntervals(y, 6, [80, 95], (train, h) => naive(train, h).mean, mean)
 */
export function conformalIntervals(
  y: readonly number[],
  horizon: number,
  levels: readonly number[],
  forecastFn: (train: readonly number[], horizon: number) => readonly number[],
  mean: readonly number[],
  options: ConformalOptions = {},
): PredictionInterval[] | null {
  const minTrain = options.minTrain ?? 4;
  const available = y.length - minTrain;
  const origins = Math.min(options.origins ?? 12, available);
  if (origins < 2) return null;
  const errors: number[][] = Array.from({ length: horizon }, () => []);
  for (let o = 0; o < origins; o += 1) {
    const cut = y.length - origins + o; // the first cut leaves at least minTrain points
    const steps = Math.min(horizon, y.length - cut);
    const predicted = forecastFn(y.slice(0, cut), steps);
    for (let k = 0; k < steps; k += 1) {
      const error = Math.abs((y[cut + k] as number) - (predicted[k] as number));
      if (Number.isFinite(error)) errors[k]!.push(error);
    }
  }
  // Steps with no calibration error (beyond what the last origins could reach) reuse the
  // widest step that has one, scaled by sqrt(step ratio) as for a random walk.
  const sorted = errors.map((list) => list.sort((a, b) => a - b));
  const levelsSorted = [...levels].sort((a, b) => a - b);
  const widths = new Map<number, number[]>();
  let previousLevel: number[] | undefined;
  for (const level of levelsSorted) {
    const row: number[] = [];
    let lastKnown = { step: -1, width: 0 };
    for (let k = 0; k < horizon; k += 1) {
      const list = sorted[k]!;
      let width: number;
      if (list.length > 0) {
        const rank = Math.min(list.length, Math.ceil((list.length + 1) * (level / 100)));
        width = list[rank - 1] as number;
        lastKnown = { step: k, width };
      } else {
        width = lastKnown.step < 0 ? 0 : lastKnown.width * Math.sqrt((k + 1) / (lastKnown.step + 1));
      }
      width = Math.max(width, row[k - 1] ?? 0, previousLevel?.[k] ?? 0);
      row.push(width);
    }
    widths.set(level, row);
    previousLevel = row;
  }
  return levels.map((level) => {
    const row = widths.get(level)!;
    return {
      level,
      lower: mean.map((value, k) => value - (row[k] as number)),
      upper: mean.map((value, k) => value + (row[k] as number)),
    };
  });
}

/**
 * Random-walk intervals for series too short to calibrate: half-width z·σ·√k at step k, with
 * σ the standard deviation of the first differences (with fewer than three observations,
 * σ = |last value|: the series says nothing about its spread yet).
 *
 * @example
 * randomWalkIntervals([10, 12, 11], 2, [80], [11, 11])
 */
export function randomWalkIntervals(
  y: readonly number[],
  horizon: number,
  levels: readonly number[],
  mean: readonly number[],
): PredictionInterval[] {
  let sigma = Math.abs(y.at(-1) ?? 0);
  if (y.length >= 3) {
    const diffs = y.slice(1).map((value, i) => value - (y[i] as number));
    const average = diffs.reduce((sum, value) => sum + value, 0) / diffs.length;
    sigma = Math.sqrt(diffs.reduce((sum, value) => sum + (value - average) ** 2, 0) / (diffs.length - 1));
  }
  return levels.map((level) => {
    const z = normalQuantile(0.5 + level / 200);
    const width = (k: number) => z * sigma * Math.sqrt(k + 1);
    return {
      level,
      lower: mean.slice(0, horizon).map((value, k) => value - width(k)),
      upper: mean.slice(0, horizon).map((value, k) => value + width(k)),
    };
  });
}
