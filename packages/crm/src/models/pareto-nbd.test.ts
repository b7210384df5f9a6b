import { describe, expect, it } from 'vitest';
import { cdnowSummaryRows } from '../../test/cdnow.js';
import {
  fitParetoNbd,
  paretoNbdConditionalExpectedPurchases,
  paretoNbdExpectedPurchases,
  paretoNbdLogLikelihood,
  paretoNbdLogLikelihoodWithGradient,
  paretoNbdProbabilityAlive,
} from './pareto-nbd.js';

const BTYD = { r: 0.5534, alpha: 10.5802, s: 0.6061, beta: 11.6562 };

describe('Pareto/NBD on CDNOW', () => {
  const fit = fitParetoNbd(cdnowSummaryRows());

  it('reproduces the published fit: r 0.553, α 10.578, s 0.606, β 11.669, LL −9594.97', () => {
    expect(fit.params.r).toBeCloseTo(0.553, 3);
    expect(fit.params.alpha).toBeCloseTo(10.578, 1);
    expect(fit.params.s).toBeCloseTo(0.606, 3);
    expect(fit.params.beta).toBeCloseTo(11.669, 1);
    expect(fit.logLikelihood).toBeCloseTo(-9594.97, 2);
  });

  it('P(alive | 26, 30.86, 31) = 0.9979 and E[Y(52)] = 25.46 with the BTYD parameters', () => {
    const customer = { frequency: 26, recency: 30.86, T: 31 };
    expect(paretoNbdProbabilityAlive(BTYD, customer)).toBeCloseTo(0.9979, 4);
    expect(paretoNbdConditionalExpectedPurchases(BTYD, customer, 52)).toBeCloseTo(25.455, 3);
  });

  it('E[X(t)] is the closed form rβ/(α(s−1))[1 − (β/(β+t))^(s−1)]', () => {
    expect(paretoNbdExpectedPurchases(BTYD, 1)).toBeCloseTo(0.051005, 6);
    expect(paretoNbdExpectedPurchases(BTYD, 0)).toBe(0);
  });

  it('stays finite for hundreds of purchases (the lifetimes overflow cases)', () => {
    const extreme = { r: 10.465, alpha: 7.98565181e-3, s: 3.0516, beta: 2.82 };
    for (const [x, tx, T] of [
      [400, 5, 6],
      [500, 1, 37],
      [500, 4, 37],
    ] as const) {
      expect(Number.isFinite(paretoNbdLogLikelihood(extreme, { frequency: x, recency: tx, T }))).toBe(true);
    }
    for (const [x, tx, T] of [
      [40, 5, 6],
      [50, 1, 37],
      [50, 4, 37],
    ] as const) {
      const alive = paretoNbdProbabilityAlive(extreme, { frequency: x, recency: tx, T });
      expect(alive).toBeGreaterThanOrEqual(0);
      expect(alive).toBeLessThanOrEqual(1);
    }
    const left = paretoNbdConditionalExpectedPurchases(
      { alpha: 10.58, beta: 11.67, r: 0.55, s: 0.61 },
      { frequency: 132, recency: 200, T: 200 },
      10,
    );
    expect(left).toBeCloseTo(6.2060517889632418, 9);
  });

  it('P(alive) lies in [0, 1] across a grid of histories', () => {
    for (let x = 0; x < 100; x += 10) {
      for (let tx = x === 0 ? 0 : 1; tx < 100; tx += 10) {
        for (let T = Math.max(tx, 1); T < 100; T += 10) {
          const alive = paretoNbdProbabilityAlive(fit.params, { frequency: x, recency: x === 0 ? 0 : tx, T });
          expect(alive).toBeGreaterThanOrEqual(0);
          expect(alive).toBeLessThanOrEqual(1);
        }
      }
    }
  });

  it('says MODEL_NOT_IDENTIFIED without repeat purchases', () => {
    expect(() => fitParetoNbd([{ frequency: 0, recency: 0, T: 3 }])).toThrow(
      expect.objectContaining({ code: 'MODEL_NOT_IDENTIFIED' }),
    );
  });
});

describe('Pareto/NBD analytic gradient', () => {
  const cases = [
    [
      { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 },
      { frequency: 2, recency: 30.43, T: 38.86 },
    ],
    [
      { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 },
      { frequency: 0, recency: 0, T: 38.86 },
    ],
    [
      { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 },
      { frequency: 5, recency: 20, T: 20 },
    ],
    [
      { r: 1.3, alpha: 20, s: 0.4, beta: 2.5 },
      { frequency: 7, recency: 12.5, T: 30 },
    ],
    [
      { r: 0.2, alpha: 0.8, s: 2.1, beta: 40 },
      { frequency: 1, recency: 0.5, T: 9 },
    ],
  ] as const;

  it('equals central differences of the log-likelihood on both branches (α < β, α ≥ β) and at t_x = T', () => {
    for (const [params, row] of cases) {
      const { value, gradient } = paretoNbdLogLikelihoodWithGradient(params, row);
      expect(value).toBeCloseTo(paretoNbdLogLikelihood(params, row), 12);
      for (const name of ['r', 'alpha', 's', 'beta'] as const) {
        const h = 1e-6 * params[name];
        const up = paretoNbdLogLikelihood({ ...params, [name]: params[name] + h }, row);
        const down = paretoNbdLogLikelihood({ ...params, [name]: params[name] - h }, row);
        const numeric = (up - down) / (2 * h);
        expect(Math.abs(gradient[name] - numeric)).toBeLessThan(1e-6 * Math.max(1, Math.abs(numeric)));
      }
    }
  });
});
