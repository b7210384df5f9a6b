import { ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { normalQuantile } from '../ets/normal.js';
import { fitArima } from './fit.js';
import { arimaForecastMoments, forecastArima } from './forecast.js';

describe('forecastArima', () => {
  it('random walk: flat forecasts with variance h·σ²', () => {
    const fit = fitArima([1, 3, 2, 5, 4], { order: [0, 1, 0] });
    const fc = forecastArima(fit, 4, { level: [95] });
    expect(fc.mean).toEqual([4, 4, 4, 4]);
    fc.se.forEach((se, h) => {
      expect(se).toBeCloseTo(Math.sqrt(3.75 * (h + 1)), 12);
    });
    const z = normalQuantile(0.975);
    expect(fc.intervals[0]!.upper[1]).toBeCloseTo(4 + z * Math.sqrt(7.5), 10);
  });

  it('random walk with drift: a straight line', () => {
    const fit = fitArima([1, 3, 2, 5, 4], { order: [0, 1, 0], includeConstant: true });
    expect(forecastArima(fit, 3, { level: [] }).mean.map((v) => +v.toFixed(10))).toEqual([4.75, 5.5, 6.25]);
  });

  it('AR(1): μ + φ^h (y_n − μ), variance σ²(1 − φ^{2h})/(1 − φ²)', () => {
    const y = [5.1, 4.2, 6.3, 5.9, 4.4, 5.6, 6.8, 5.2, 4.9, 5.5, 6.1, 4.7, 5.3, 6.4, 5.0];
    const fit = fitArima(y, { order: [1, 0, 0] });
    const phi = fit.coefficients.ar1!;
    const mu = fit.coefficients.intercept!;
    const fc = forecastArima(fit, 5, { level: [] });
    fc.mean.forEach((m, i) => {
      expect(m).toBeCloseTo(mu + phi ** (i + 1) * (y.at(-1)! - mu), 10);
      expect(fc.se[i]! ** 2).toBeCloseTo((fit.sigma2 * (1 - phi ** (2 * (i + 1)))) / (1 - phi * phi), 10);
    });
  });

  it('propagates state uncertainty through the integration (ARIMA(0,1,1))', () => {
    // state variance p, MA θ: Var₁ = p, Var_h = (1 + θ)²·(h − 1) + p for the shocks after step 1 … plus p
    const s = {
      phi: [],
      theta: [0.5],
      delta: [1],
      mean: 0,
      state: [0, 0],
      covariance: [1, 0.5, 0.5, 0.25],
      history: [10],
    };
    const { mean, variance } = arimaForecastMoments(s, 3);
    expect(mean).toEqual([10, 10, 10]);
    expect(variance[0]).toBeCloseTo(1, 12);
    expect(variance[1]).toBeCloseTo(1 + 0.5 * 2 + 0.25 + 1, 12); // g = (1, 1): 1 + 2·0.5 + 0.25, plus ψ*₀² = 1
    expect(variance[2]).toBeCloseTo(2.25 + 1 + 1.5 ** 2, 12);
  });

  it('validates its input', () => {
    const fit = fitArima([1, 3, 2, 5, 4], { order: [0, 1, 0] });
    expect(() => forecastArima(fit, 0)).toThrow(ValidationError);
    expect(() => forecastArima(fit, 2, { level: [120] })).toThrow(/level/);
    expect(() => forecastArima({} as never, 2)).toThrow(/fit/);
  });
});
