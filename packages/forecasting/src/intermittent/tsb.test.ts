import { describe, expect, it } from 'vitest';
import { TSB_PROBABILITY_GRID, TSB_SIZE_GRID, tsb } from './tsb.js';

// y = [0, 0, 3, 0, 0, 0, 5, 0, 2] → from the first demand x = [3, 0, 0, 0, 5, 0, 2]
// α = β = 0.1, π_1 = 1, z_1 = 3; forecast for x_t is π_{t−1} · z_{t−1}:
//   t  x  π after            z after  forecast for this t
//   1  0  0.9                3        1 · 3 = 3
//   2  0  0.81               3        0.9 · 3 = 2.7
//   3  0  0.729              3        0.81 · 3 = 2.43
//   4  5  0.7561             3.2      0.729 · 3 = 2.187
//   5  0  0.68049            3.2      0.7561 · 3.2 = 2.41952
//   6  2  0.712441           3.08     0.68049 · 3.2 = 2.177568
// forecast = 0.712441 · 3.08 = 2.19431828
const y = [0, 0, 3, 0, 0, 0, 5, 0, 2];

describe('tsb', () => {
  it('follows the hand recursion with fixed weights', () => {
    const fit = tsb(y, 2, { alphaProbability: 0.1, alphaSize: 0.1 });
    expect(fit.mean[0]).toBeCloseTo(2.19431828, 10);
    expect(fit.mean[1]).toBe(fit.mean[0]);
    expect(fit.params.probability).toBeCloseTo(0.712441, 12);
    expect(fit.params.size).toBeCloseTo(3.08, 12);
    const fitted = fit.fitted as number[];
    expect(fitted.slice(0, 3).every(Number.isNaN)).toBe(true);
    const expected = [3, 2.7, 2.43, 2.187, 2.41952, 2.177568];
    expected.forEach((v, i) => {
      expect(fitted[3 + i]).toBeCloseTo(v, 10);
    });
    const sse = expected.reduce((s, f, i) => s + (([0, 0, 0, 5, 0, 2][i] as number) - f) ** 2, 0);
    expect(fit.params.mse).toBeCloseTo(sse / 6, 10);
  });

  it('decays through a run of zeros (unlike croston)', () => {
    const a = tsb([5, 5, 5, 0, 0, 0, 0, 0], 1, { alphaProbability: 0.2, alphaSize: 0.1 }).mean[0] as number;
    const b = tsb([5, 5, 5], 1, { alphaProbability: 0.2, alphaSize: 0.1 }).mean[0] as number;
    expect(a).toBeCloseTo(5 * 0.8 ** 5, 12);
    expect(b).toBe(5);
  });

  it('chooses the M5 grid pair with the smallest one-step MSE', () => {
    const series = [0, 4, 0, 0, 9, 1, 0, 0, 0, 6, 2, 0, 7, 0, 0, 3, 0, 0, 0, 0];
    const fit = tsb(series, 1);
    expect(TSB_PROBABILITY_GRID).toContain(fit.params.alphaProbability);
    expect(TSB_SIZE_GRID).toContain(fit.params.alphaSize);
    for (const a of TSB_PROBABILITY_GRID) {
      for (const b of TSB_SIZE_GRID) {
        const mse = tsb(series, 1, { alphaProbability: a, alphaSize: b }).params.mse as number;
        expect(fit.params.mse as number).toBeLessThanOrEqual(mse);
      }
    }
  });

  it('forecasts 0 for an all-zero series and the value for one observation', () => {
    expect(tsb([0, 0, 0, 0], 3).mean).toEqual([0, 0, 0]);
    expect(tsb([7], 1).mean).toEqual([7]);
  });
});
