import { describe, expect, it } from 'vitest';
import { ses } from './ses.js';
import { theta } from './theta.js';

describe('theta', () => {
  it('on a line forecasts y_n + slope·h/2 (SES with half the drift), not the line', () => {
    const y = Array.from({ length: 12 }, (_, i) => 10 + 2 * (i + 1));
    const fit = theta(y, 4);
    expect(fit.params.slope).toBeCloseTo(2, 12);
    expect(fit.params.intercept).toBeCloseTo(10, 10);
    expect(fit.params.alpha).toBeCloseTo(0.9999, 6);
    fit.mean.forEach((v, h) => {
      expect(v).toBeCloseTo(34 + (h + 1), 2);
    });
  });

  it('is ½·SES(2y − line) + ½·line, computed by hand', () => {
    const y = [5, 7, 6, 9, 8, 11, 10];
    const n = y.length;
    // least squares on t = 1..7: tbar = 4, ybar = 8, Sxy = 25, Sxx = 28
    const slope = 25 / 28;
    const intercept = 8 - slope * 4;
    const line = (t: number) => intercept + slope * t;
    const thetaLine = y.map((v, i) => 2 * v - line(i + 1));
    const s = ses(thetaLine, 3, { alpha: 0.3 });
    const fit = theta(y, 3, { alpha: 0.3 });
    expect(fit.params.slope).toBeCloseTo(slope, 12);
    fit.mean.forEach((v, h) => {
      expect(v).toBeCloseTo(0.5 * (s.mean[h] as number) + 0.5 * line(n + h + 1), 10);
    });
    expect(fit.fitted?.[0]).toBeCloseTo(0.5 * (s.fitted?.[0] as number) + 0.5 * line(1), 10);
  });

  it('clips negative forecasts to zero unless nonNegative is false', () => {
    const y = [50, 40, 30, 20, 10, 5];
    expect(theta(y, 6).mean.every((v) => v >= 0)).toBe(true);
    expect(theta(y, 6, { nonNegative: false }).mean.some((v) => v < 0)).toBe(true);
  });

  it('re-seasonalises when the seasonality test passes', () => {
    const y = Array.from({ length: 24 }, (_, t) => (100 + t) * [0.4, 0.8, 1.2, 1.6][t % 4]!);
    const fit = theta(y, 4, { seasonLength: 4 });
    expect(fit.params.seasonallyAdjusted).toBe(1);
    const [a = 0, b = 0, c = 0, d = 0] = fit.mean;
    expect(b / a).toBeCloseTo(2, 1);
    expect(d / c).toBeCloseTo(4 / 3, 1);
  });
});
