import { ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { adida, meanInterDemandInterval } from './adida.js';
import { imapa } from './imapa.js';
import { bucketSums, demandParts, optimizedSesM5, roundHalfEven, sesM5 } from './shared.js';

const y = [0, 0, 3, 0, 0, 0, 5, 0, 2];

describe('helpers', () => {
  it('split sizes and intervals from the first demand', () => {
    expect(demandParts(y)).toEqual({
      start: 2,
      positions: [2, 6, 8],
      sizes: [3, 5, 2],
      intervals: [1, 4, 2],
    });
    expect(meanInterDemandInterval(y)).toBeCloseTo(7 / 3, 12);
    expect(meanInterDemandInterval([0, 0])).toBeNaN();
  });

  it('run SES as the M5 code (l_1 = x_1, MSE over n)', () => {
    // levels 3, 3, 3.2; errors 0, 2, −1.2 → MSE (4 + 1.44) / 3
    const s = sesM5([3, 5, 2], 0.1);
    expect(s.levels).toEqual([3, 3, 3.2]);
    expect(s.forecast).toBeCloseTo(3.08, 12);
    expect(s.mse).toBeCloseTo(5.44 / 3, 12);
  });

  it('round half to even and sum buckets from the end', () => {
    expect([0.5, 1.5, 2.5, 2.4, 2.6, 3].map(roundHalfEven)).toEqual([0, 2, 2, 2, 3, 3]);
    expect(bucketSums([1, 2, 3, 4, 5], 2)).toEqual([5, 9]);
    expect(bucketSums([1, 2, 3], 1)).toEqual([1, 2, 3]);
  });
});

describe('adida', () => {
  it('follows the hand calculation', () => {
    // x = [3, 0, 0, 0, 5, 0, 2], level round(7/3) = 2, sums (first value dropped) [0, 5, 2]
    // SES: levels 0, 0, 5α; MSE = (25 + (2 − 5α)²)/3 falls on [0.1, 0.3] → α = 0.3
    // forecast 0.3·2 + 0.7·1.5 = 1.65 → ÷ 2 = 0.825
    const fit = adida(y, 3);
    expect(fit.params.aggregationLevel).toBe(2);
    expect(fit.params.alpha).toBeCloseTo(0.3, 6);
    for (const v of fit.mean) expect(v).toBeCloseTo(0.825, 6);
  });

  it('forecasts 0 for all zeros and rejects a bad level', () => {
    expect(adida([0, 0, 0], 2).mean).toEqual([0, 0]);
    expect(() => adida(y, 1, { aggregationLevel: 0 })).toThrow(ValidationError);
    expect(adida(y, 1, { aggregationLevel: 1 }).mean[0]).toBeCloseTo(
      optimizedSesM5([3, 0, 0, 0, 5, 0, 2]).forecast,
      12,
    );
  });
});

describe('imapa', () => {
  it('averages the ADIDA forecasts of levels 1..round(mean interval)', () => {
    const x = [3, 0, 0, 0, 5, 0, 2];
    const level1 = optimizedSesM5(x).forecast;
    const fit = imapa(y, 2);
    expect(fit.params.levels).toBe(2);
    expect(fit.mean[0]).toBeCloseTo((level1 + 0.825) / 2, 6);
  });

  it('goes up to the largest interval with maxLevel "max"', () => {
    // intervals [1, 4, 2] → levels 1..4
    const fit = imapa(y, 1, { maxLevel: 'max' });
    expect(fit.params.levels).toBe(4);
    const x = [3, 0, 0, 0, 5, 0, 2];
    let sum = 0;
    for (let k = 1; k <= 4; k++) sum += optimizedSesM5(bucketSums(x, k)).forecast / k;
    expect(fit.mean[0]).toBeCloseTo(sum / 4, 12);
  });

  it('forecasts 0 for all zeros and validates maxLevel', () => {
    expect(imapa([0, 0], 1).mean).toEqual([0]);
    expect(() => imapa(y, 1, { maxLevel: 1.5 })).toThrow(ValidationError);
    expect(imapa(y, 1, { maxLevel: 1 }).params.levels).toBe(1);
  });
});
