import { ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { backtest } from './backtest.js';

describe('backtest', () => {
  it('fits each origin only on the past and scores it: naive on a line errs by k at step k', () => {
    const line = Array.from({ length: 20 }, (_, t) => 10 + t);
    const { windows, summary } = backtest(line, { horizon: 2, model: 'naive', origins: 3 });
    expect(windows.map((window) => window.trainLength)).toEqual([14, 16, 18]);
    expect(windows[0]).toMatchObject({ actual: [24, 25], mean: [23, 23], model: 'naive' });
    // MASE: errors 1 and 2 over the in-sample naive MAE of 1 → 1.5 at every origin.
    expect(summary.mase).toBeCloseTo(1.5, 12);
    expect(summary.bias).toBeCloseTo(-1.5, 12);
    // WAPE pools the six points: (1 + 2) * 3 / (24 + 25 + 26 + 27 + 28 + 29).
    expect(summary.wape).toBeCloseTo(9 / 159, 12);
  });

  it('reports interval coverage and MSIS per level', () => {
    const noisy = Array.from({ length: 60 }, (_, t) => 100 + ((t * 37) % 11) - 5);
    const { summary } = backtest(noisy, { horizon: 3, model: 'ses', origins: 4, level: [80, 95] });
    expect(summary.intervals.map((interval) => interval.level)).toEqual([80, 95]);
    for (const interval of summary.intervals) {
      expect(interval.coverage).toBeGreaterThanOrEqual(0);
      expect(interval.coverage).toBeLessThanOrEqual(1);
      expect(interval.msis).toBeGreaterThan(0);
    }
  });

  it('refuses more origins than the series holds', () => {
    expect(() => backtest([1, 2, 3, 4, 5], { horizon: 2, origins: 3 })).toThrow(ValidationError);
  });
});
