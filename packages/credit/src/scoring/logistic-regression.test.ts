import { createRng } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { issuePaths, thrown } from '../../test/thrown.js';
import { fitLogisticRegression } from './logistic-regression.js';

describe('fitLogisticRegression', () => {
  it('one WOE predictor reproduces the bins exactly: intercept ln(G/B), coefficient 1', () => {
    // Bin 1: 3 goods, 1 bad; bin 2: 1 good, 2 bads. G = 4, B = 3.
    const a = Math.log(3 / 4 / (1 / 3));
    const b = Math.log(1 / 4 / (2 / 3));
    const fit = fitLogisticRegression({
      rows: [[a], [a], [a], [a], [b], [b], [b]],
      outcomes: [1, 1, 1, 0, 1, 0, 0],
    });
    expect(fit.intercept).toBeCloseTo(Math.log(4 / 3), 9);
    expect(fit.coefficients[0]).toBeCloseTo(1, 9);
    // log-likelihood of the saturated fit: 3 ln(3/4) + ln(1/4) + ln(1/3) + 2 ln(2/3)
    expect(fit.logLikelihood).toBeCloseTo(
      3 * Math.log(0.75) + Math.log(0.25) + Math.log(1 / 3) + 2 * Math.log(2 / 3),
      9,
    );
  });

  it('intercept only: ln(positives / negatives)', () => {
    const fit = fitLogisticRegression({ rows: [[], [], [], []], outcomes: [1, 1, 1, 0] });
    expect(fit.intercept).toBeCloseTo(Math.log(3), 12);
    expect(fit.coefficients).toEqual([]);
  });

  it('at the fit the score equations hold: Σ (y − p) x = 0 for every predictor', () => {
    const rng = createRng(20_240_229);
    const rows: number[][] = [];
    const outcomes: (0 | 1)[] = [];
    for (let i = 0; i < 2000; i += 1) {
      const x1 = rng.next() * 2 - 1;
      const x2 = rng.next() * 4 - 2;
      const p = 1 / (1 + Math.exp(-(0.5 + 1.5 * x1 - 0.8 * x2)));
      rows.push([x1, x2]);
      outcomes.push(rng.next() < p ? 1 : 0);
    }
    const fit = fitLogisticRegression({ rows, outcomes });
    let g0 = 0;
    let g1 = 0;
    let g2 = 0;
    rows.forEach((row, i) => {
      const eta = fit.intercept + fit.coefficients[0]! * row[0]! + fit.coefficients[1]! * row[1]!;
      const r = outcomes[i]! - 1 / (1 + Math.exp(-eta));
      g0 += r;
      g1 += r * row[0]!;
      g2 += r * row[1]!;
    });
    for (const g of [g0, g1, g2]) expect(Math.abs(g)).toBeLessThan(1e-8);
    // and it recovers the generating coefficients roughly
    expect(fit.coefficients[0]).toBeGreaterThan(1.1);
    expect(fit.coefficients[1]).toBeLessThan(-0.5);
  });

  it('separable data and constant predictors do not converge; one class only; bad input', () => {
    expect(
      thrown(() => fitLogisticRegression({ rows: [[0], [1], [2], [3]], outcomes: [0, 0, 1, 1] })).code,
    ).toBe('LOGISTIC_NOT_CONVERGED');
    expect(thrown(() => fitLogisticRegression({ rows: [[1], [1], [1]], outcomes: [0, 1, 1] })).code).toBe(
      'LOGISTIC_NOT_CONVERGED',
    );
    expect(thrown(() => fitLogisticRegression({ rows: [[1], [2]], outcomes: [1, 1] })).code).toBe(
      'LOGISTIC_ONE_CLASS',
    );
    expect(issuePaths(() => fitLogisticRegression({ rows: [[1], [2]], outcomes: [1] }))).toEqual([
      'outcomes',
    ]);
    expect(issuePaths(() => fitLogisticRegression({ rows: [[1], [2, 3]], outcomes: [1, 0] }))).toEqual([
      'rows.1',
    ]);
    expect(issuePaths(() => fitLogisticRegression({ rows: [[1], [2]], outcomes: [1, 2 as 1] }))).toEqual([
      'outcomes.1',
    ]);
    expect(issuePaths(() => fitLogisticRegression({ rows: [[Number.NaN]], outcomes: [1] }))).toEqual([
      'rows.0.0',
    ]);
  });
});
