/**
 * Checks the metric code against published M3 results: re-scoring the original THETA and NAIVE2
 * forecasts (robjhyndman/Mcomp) must give the recalculated sMAPE of the Mcomp vignette
 * "Comparisons" (THETA 12.76, MASE 1.395) and NAIVE2 14.74, to 2 decimals.
 */
import { describe, expect, it } from 'vitest';
import { loadM3, loadPublishedForecasts } from '../../bench/m3-data.js';
import { evaluateOnM3, scoreM3Forecasts } from '../../bench/m3-evaluate.js';

const series = loadM3();

describe('M3 published anchors', () => {
  it('loads the 3,003 series with the competition horizons', () => {
    expect(series).toHaveLength(3003);
    const counts = Object.fromEntries(
      ['Yearly', 'Quarterly', 'Monthly', 'Other'].map((c) => [
        c,
        series.filter((s) => s.category === c).length,
      ]),
    );
    expect(counts).toEqual({ Yearly: 645, Quarterly: 756, Monthly: 1428, Other: 174 });
    expect(series[0]).toMatchObject({ id: 'N1', category: 'Yearly', seasonLength: 1, horizon: 6 });
    expect(series[0]!.train).toHaveLength(14);
  });

  it('THETA: sMAPE 12.76 overall, 16.97 yearly, MASE 1.395', () => {
    const theta = scoreM3Forecasts('THETA', series, loadPublishedForecasts('THETA'));
    expect(theta.partial).toBe(false);
    expect(theta.overall.smape.toFixed(2)).toBe('12.76');
    expect(theta.categories.Yearly!.smape.toFixed(2)).toBe('16.97');
    expect(theta.categories.Quarterly!.smape.toFixed(2)).toBe('8.96');
    expect(theta.categories.Monthly!.smape.toFixed(2)).toBe('13.90');
    expect(theta.categories.Other!.smape.toFixed(2)).toBe('4.41');
    expect(theta.overall.mase.toFixed(3)).toBe('1.395');
  });

  it('NAIVE2: sMAPE 14.74 overall', () => {
    const naive2 = scoreM3Forecasts('NAIVE2', series, loadPublishedForecasts('NAIVE2'));
    expect(naive2.overall.smape.toFixed(2)).toBe('14.74');
  });

  it('AAM1 covers only the quarterly and monthly series and is marked partial', () => {
    const aam1 = scoreM3Forecasts('AAM1', series, loadPublishedForecasts('AAM1'));
    expect(aam1.partial).toBe(true);
    expect(aam1.overall.n).toBe(2184);
    expect(aam1.categories.Yearly).toBeNull();
    expect(aam1.categories.Other).toBeNull();
  });
});

describe('evaluateOnM3', () => {
  it('scores a forecast function like the published file it reproduces', () => {
    const theta = loadPublishedForecasts('THETA');
    const yearly = loadM3({ categories: ['Yearly'] });
    const byTrain = new Map(yearly.map((s) => [s.train.join(','), theta.get(s.id)!]));
    const { score, published, markdown } = evaluateOnM3((train) => byTrain.get(train.join(','))!, {
      name: 'replay',
      categories: ['Yearly'],
      compareWith: ['THETA', 'NAIVE2'],
    });
    expect(score.overall.n).toBe(645);
    expect(score.overall.smape).toBeCloseTo(published[0]!.overall.smape, 12);
    expect(score.overall.smape.toFixed(2)).toBe('16.97');
    expect(markdown).toContain('| replay | 16.97 | — | — | — | 16.97 | 645 |');
  });

  it('rejects a missing forecast or one of the wrong length', () => {
    expect(() => evaluateOnM3(() => [1], { categories: ['Other'], compareWith: [] })).toThrow(/expected 8/);
    const none = (() => undefined) as unknown as () => number[];
    expect(() => evaluateOnM3(none, { categories: ['Other'], compareWith: [] })).toThrow(/no forecast/);
  });
});
