import { describe, expect, it } from 'vitest';
import { expectRelative, thrown } from '../../test/helpers.js';
import { newsvendor, newsvendorCost } from './newsvendor.js';

describe('newsvendor', () => {
  it('normal demand: Snyder & Shen Example 4.3', () => {
    const r = newsvendor({ demand: { mean: 50, sd: 8 }, holdingCost: 0.18, shortageCost: 0.7 });
    expectRelative(r.baseStock, 56.60395592743389, 1e-9);
    expectRelative(r.expectedCost, 1.9976051931766445, 1e-9);
    expectRelative(
      newsvendorCost({
        demand: { mean: 50, sd: 8 },
        holdingCost: 0.18,
        shortageCost: 0.7,
        stock: r.baseStock,
      }),
      r.expectedCost,
      1e-13,
    );
  });

  it('Poisson demand: smallest S with F(S) >= p/(p + h)', () => {
    // Poisson(3): F(4) = 0.8153, F(5) = 0.9161; ratio 0.9 → S = 5.
    const r = newsvendor({ demand: { poisson: 3 }, holdingCost: 1, shortageCost: 9 });
    expect(r.baseStock).toBe(5);
    for (const s of [4, 6])
      expect(
        newsvendorCost({ demand: { poisson: 3 }, holdingCost: 1, shortageCost: 9, stock: s }),
      ).toBeGreaterThan(r.expectedCost);
  });

  it('sampled demand: the order statistic at the critical ratio, cost by hand', () => {
    const sample = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    const r = newsvendor({ demand: { sample }, holdingCost: 3, shortageCost: 7 }); // ratio 0.7 → 7th value
    expect(r.baseStock).toBe(70);
    // Left over: 60+50+…+0 → 3·(60+50+40+30+20+10) = 630; short: 7·(10+20+30) = 420; mean 105.
    expect(r.expectedCost).toBeCloseTo(105, 12);
  });

  it('no spread: stock the mean', () => {
    expect(newsvendor({ demand: { mean: 12, sd: 0 }, holdingCost: 1, shortageCost: 1 })).toMatchObject({
      baseStock: 12,
      expectedCost: 0,
    });
  });

  it('rejects bad input naming the field', () => {
    expect(
      thrown(() => newsvendor({ demand: { mean: 1, sd: 1 }, holdingCost: -1, shortageCost: 1 })).issues?.[0]
        ?.path,
    ).toEqual(['holdingCost']);
    expect(thrown(() => newsvendor({ demand: { sample: [] }, holdingCost: 1, shortageCost: 1 })).code).toBe(
      'VALIDATION',
    );
  });
});
