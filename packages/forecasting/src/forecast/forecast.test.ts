import { ValidationError } from '@s2b2b/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { autoArima } from '../arima/auto-arima.js';
import { autoEts } from '../ets/auto-ets.js';
import { naive } from '../models/naive.js';
import { conformalIntervals, randomWalkIntervals } from './conformal.js';
import { AUTO_COMBINATION, forecast } from './forecast.js';
import { fillMissing } from './missing.js';
import { runModel } from './registry.js';

function validation(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

const seasonal = Array.from({ length: 48 }, (_, t) => 100 + t + 30 * Math.sin((2 * Math.PI * t) / 12));

describe('fillMissing', () => {
  it('interpolates linearly, holds the last value at the end, drops leading gaps', () => {
    expect(fillMissing([null, 2, null, null, 8, null], 'interpolate')).toEqual([2, 4, 6, 8, 8]);
    expect(fillMissing([1, Number.NaN, 3], 'zero')).toEqual([1, 0, 3]);
  });

  it('refuses a missing value by default, naming its index', () => {
    expect(validation(() => fillMissing([1, null, 3])).issues[0]).toMatchObject({
      path: ['y', 1],
      code: 'missing',
    });
  });
});

describe('forecast', () => {
  it('forecasts a constant series as itself and an all-zero series as zeros', () => {
    expect(forecast([5, 5, 5, 5], { horizon: 3 })).toEqual({
      model: 'constant',
      mean: [5, 5, 5],
      intervals: [],
    });
    expect(forecast([0, 0, 0], { horizon: 2, level: [80] })).toEqual({
      model: 'constant',
      mean: [0, 0],
      intervals: [{ level: 80, lower: [0, 0], upper: [0, 0] }],
    });
  });

  it('runs a named model and falls back to naive when the series is too short for it', () => {
    expect(forecast([3, 4, 9], { horizon: 2, model: 'naive' }).mean).toEqual([9, 9]);
    expect(forecast([3, 9], { horizon: 2, model: 'theta' })).toMatchObject({ model: 'naive', mean: [9, 9] });
  });

  it('averages automatic ETS, Theta and the dynamic optimised Theta under auto', () => {
    const result = forecast(seasonal, { horizon: 12, seasonLength: 12 });
    const members = AUTO_COMBINATION.map((name) => runModel(name, seasonal, 12, 12));
    expect(result.model).toBe(`mean(${members.map((member) => member.model).join(',')})`);
    expect(result.model).toMatch(/^mean\(ETS\([AM],(N|A|Ad),[NAM]\),theta,dotm\)$/);
    result.mean.forEach((value, k) => {
      const average = members.reduce((sum, member) => sum + member.fit.mean[k]!, 0) / members.length;
      expect(value).toBeCloseTo(Math.max(0, average), 9);
    });
  });

  it('runs automatic ETS by name and says which ETS model it chose', () => {
    const result = forecast(seasonal, { horizon: 6, seasonLength: 12, model: 'ets' });
    expect(result.model).toMatch(/^ETS\([AM],(N|A|Ad),[NAM]\)$/);
    expect(result.mean.every((value) => Number.isFinite(value) && value >= 0)).toBe(true);
  });

  it('gives ETS its own intervals (analytic or simulated) rather than conformal ones', () => {
    const result = forecast(seasonal, { horizon: 6, seasonLength: 12, model: 'ets', level: [80, 95] });
    const direct = autoEts(seasonal, 6, { seasonLength: 12, level: [80, 95] });
    expect(result.model).toBe(direct.model);
    expect(result.mean).toEqual(direct.mean.map((value) => Math.max(0, value)));
    expect(result.intervals).toEqual(
      direct.intervals.map((interval) => ({
        level: interval.level,
        lower: interval.lower.map((value) => Math.max(0, value)),
        upper: interval.upper.map((value) => Math.max(0, value)),
      })),
    );
  });

  it('gives ARIMA its own Kalman intervals', () => {
    const result = forecast(seasonal, { horizon: 4, seasonLength: 12, model: 'arima', level: [90] });
    const direct = autoArima(seasonal, 4, { seasonLength: 12, level: [90] });
    expect(result.model).toBe(direct.model);
    expect(result.intervals[0]!.upper).toEqual(direct.intervals[0]!.upper.map((value) => Math.max(0, value)));
  });

  it('treats a series shorter than two seasons as non-seasonal', () => {
    const short = seasonal.slice(0, 20);
    expect(forecast(short, { horizon: 3, seasonLength: 12, model: 'snaive' }).mean).toEqual(
      naive(short, 3).mean,
    );
  });

  it('clips at zero unless told not to', () => {
    const falling = [50, 40, 30, 20, 10, 5];
    expect(forecast(falling, { horizon: 6, model: 'holt' }).mean.every((value) => value >= 0)).toBe(true);
    expect(
      forecast(falling, { horizon: 6, model: 'holt', nonNegative: false }).mean.some((value) => value < 0),
    ).toBe(true);
  });

  it('fills missing values only when asked', () => {
    expect(validation(() => forecast([1, null, 3], { horizon: 1 })).issues[0]?.path).toEqual(['y', 1]);
    expect(forecast([1, null, 3], { horizon: 1, model: 'naive', missing: 'interpolate' }).mean).toEqual([3]);
  });

  it('rejects bad options and values, naming the field', () => {
    expect(validation(() => forecast([1, 2], { horizon: 0 })).issues[0]?.path).toEqual(['horizon']);
    expect(validation(() => forecast([1, 2], { horizon: 1, level: [100] })).issues[0]?.path).toEqual([
      'level',
      0,
    ]);
    expect(
      validation(() => forecast([1, 2], { horizon: 1, model: 'prophet' as 'naive' })).issues[0]?.path,
    ).toEqual(['model']);
    expect(validation(() => forecast([1, Number.POSITIVE_INFINITY], { horizon: 1 })).issues[0]?.path).toEqual(
      ['y', 1],
    );
    expect(validation(() => forecast([], { horizon: 1 })).issues[0]?.path).toEqual(['y']);
    expect(validation(() => forecast([null, null], { horizon: 1, missing: 'zero' })).issues[0]?.path).toEqual(
      ['y'],
    );
  });

  it('gives nested intervals that contain the forecast (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1_000, noNaN: true }), { minLength: 3, maxLength: 40 }),
        fc.integer({ min: 1, max: 8 }),
        (y, horizon) => {
          const { mean, intervals } = forecast(y, { horizon, level: [50, 80, 95], model: 'ses' });
          const [i50, i80, i95] = intervals;
          for (let k = 0; k < horizon; k += 1) {
            expect(mean[k]).toBeGreaterThanOrEqual(0);
            expect(i50!.lower[k]).toBeLessThanOrEqual(mean[k]! + 1e-9);
            expect(i50!.upper[k]).toBeGreaterThanOrEqual(mean[k]! - 1e-9);
            expect(i80!.lower[k]).toBeLessThanOrEqual(i50!.lower[k]! + 1e-9);
            expect(i95!.upper[k]).toBeGreaterThanOrEqual(i80!.upper[k]! - 1e-9);
          }
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('conformalIntervals', () => {
  it('uses the calibration errors at each step: naive on a line of slope 1 errs by k at step k', () => {
    const line = Array.from({ length: 12 }, (_, t) => t + 1);
    const mean = [12, 12, 12];
    const intervals = conformalIntervals(line, 3, [90], (train, h) => naive(train, h).mean, mean, {
      origins: 5,
    });
    expect(intervals).toEqual([{ level: 90, lower: [11, 10, 9], upper: [13, 14, 15] }]);
  });

  it('declines to calibrate on too short a series', () => {
    expect(conformalIntervals([1, 2, 3, 4, 5], 1, [80], (train, h) => naive(train, h).mean, [5])).toBeNull();
  });
});

describe('random-walk intervals', () => {
  it('widens with the square root of the step', () => {
    // differences 2, -1: mean 0.5, sd sqrt(((1.5)^2 + (1.5)^2) / 1) = 2.1213...
    const [interval] = randomWalkIntervals([10, 12, 11], 2, [95], [11, 11]);
    const sd = Math.sqrt(4.5);
    expect(interval!.upper[0]).toBeCloseTo(11 + 1.959963985 * sd, 6);
    expect(interval!.upper[1]).toBeCloseTo(11 + 1.959963985 * sd * Math.SQRT2, 6);
  });
});

describe('forecast on intermittent demand', () => {
  it('routes intermittent and lumpy series to SBA under auto, and runs the named methods', () => {
    const sparse = [0, 0, 3, 0, 0, 0, 5, 0, 2, 0, 0, 4, 0, 0, 0, 6, 0, 1];
    const result = forecast(sparse, { horizon: 3 });
    expect(result.model).toBe('sba');
    expect(result.mean[0]).toBeGreaterThan(0);
    expect(new Set(result.mean).size).toBe(1);
    for (const model of ['croston', 'crostonOptimized', 'sba', 'tsb', 'adida', 'imapa'] as const) {
      const fit = forecast(sparse, { horizon: 2, model });
      expect(fit.model).toBe(model);
      expect(fit.mean.every((value) => Number.isFinite(value) && value >= 0)).toBe(true);
    }
  });

  it('keeps smooth demand with a few zeros on the combination', () => {
    const smooth = [10, 12, 0, 11, 13, 12, 10, 14, 12, 11, 13, 12];
    expect(forecast(smooth, { horizon: 2 }).model).toBe('mean(ETS(A,N,N),theta,dotm)');
  });
});
