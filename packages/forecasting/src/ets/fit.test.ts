import { createRng } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { holt } from '../models/holt.js';
import { etsInitialStates, fitEts } from './fit.js';
import { type EtsSpec, etsFilter } from './model.js';

const seasonalSeries = (n: number, m: number): number[] =>
  Array.from(
    { length: n },
    (_, t) => 100 + 0.5 * t + 15 * Math.sin((2 * Math.PI * t) / m) + 3 * Math.cos(1.7 * t * t),
  );

const ALL: EtsSpec[] = [];
for (const error of ['A', 'M'] as const)
  for (const trend of ['N', 'A', 'Ad'] as const)
    for (const season of ['N', 'A', 'M'] as const) ALL.push({ error, trend, season });

describe('etsInitialStates', () => {
  it('fits the line on the first points for a trend model', () => {
    const s = etsInitialStates([1, 2, 3, 4, 5], { error: 'A', trend: 'A', season: 'N' }, 1);
    expect(s.level).toBeCloseTo(0, 10);
    expect(s.trend).toBeCloseTo(1, 10);
  });
  it('recovers additive seasonal figures summing to 0, multiplicative to m', () => {
    const y = Array.from({ length: 24 }, (_, t) => 50 + [5, -5, 10, -10][t % 4]!);
    const a = etsInitialStates(y, { error: 'A', trend: 'N', season: 'A' }, 4);
    expect(a.season.map((v) => Math.round(v * 1e6) / 1e6)).toEqual([5, -5, 10, -10]);
    const mul = etsInitialStates(y, { error: 'M', trend: 'N', season: 'M' }, 4);
    expect(mul.season.reduce((p, q) => p + q, 0)).toBeCloseTo(4, 10);
    expect(mul.season[2]).toBeCloseTo(1.2, 6);
  });
});

describe('fitEts', () => {
  it('a constant series gives a constant fit (ETS(A,N,N))', () => {
    const fit = fitEts(Array(20).fill(7), { error: 'A', trend: 'N', season: 'N' });
    expect(fit.states.level).toBeCloseTo(7, 8);
    for (const f of fit.fitted) expect(f).toBeCloseTo(7, 8);
    expect(Number.isFinite(fit.aicc)).toBe(true);
  });

  it('fits every one of the 18 models within the usual bounds with consistent criteria', () => {
    const y = seasonalSeries(48, 12);
    for (const spec of ALL) {
      const fit = fitEts(y, spec, { seasonLength: 12 });
      const p = fit.params;
      expect(p.alpha).toBeGreaterThanOrEqual(1e-4);
      expect(p.alpha).toBeLessThanOrEqual(0.9999);
      if (spec.trend !== 'N') expect(p.beta).toBeLessThanOrEqual(p.alpha + 1e-12);
      if (spec.season !== 'N') expect(p.gamma).toBeLessThanOrEqual(1 - p.alpha + 1e-12);
      if (spec.trend === 'Ad') {
        expect(p.phi).toBeGreaterThanOrEqual(0.8);
        expect(p.phi).toBeLessThanOrEqual(0.98);
      }
      const run = etsFilter(y, spec, p, 12);
      expect(fit.loglik).toBeCloseTo(-0.5 * run.lik, 8);
      const np =
        1 + (spec.trend !== 'N' ? 2 : 0) + (spec.trend === 'Ad' ? 1 : 0) + (spec.season !== 'N' ? 12 : 0) + 1;
      expect(fit.k).toBe(np + 1);
      expect(fit.aic).toBeCloseTo(-2 * fit.loglik + 2 * fit.k, 8);
      expect(fit.aicc).toBeCloseTo(fit.aic + (2 * fit.k * (fit.k + 1)) / (48 - fit.k - 1), 8);
      expect(fit.sigma2).toBeGreaterThan(0);
      expect(fit.fitted.every(Number.isFinite)).toBe(true);
    }
  });

  it('the optimum is no worse than the heuristic start', () => {
    const y = seasonalSeries(36, 4);
    const spec: EtsSpec = { error: 'A', trend: 'A', season: 'A' };
    const init = etsInitialStates(y, spec, 4);
    const start = etsFilter(y, spec, { alpha: 0.05, beta: 0.005, gamma: 0.05, phi: 1, ...init }, 4);
    expect(fitEts(y, spec, { seasonLength: 4 }).loglik).toBeGreaterThanOrEqual(-0.5 * start.lik);
  });

  it('reaches optima on the bounds (α = β = 1e-4 on a noisy line) as well as holt with exact l0/b0', () => {
    const rng = createRng(11);
    for (let rep = 0; rep < 5; rep++) {
      const y = Array.from({ length: 60 }, (_, t) => 100 + 2 * t + rng.normal(0, 5));
      const fit = fitEts(y, { error: 'A', trend: 'A', season: 'N' });
      const sse = fit.errors.reduce((a, e) => a + e * e, 0);
      const reference = holt(y, 1).residuals!.reduce((a, e) => a + e * e, 0);
      expect(sse).toBeLessThanOrEqual(reference * (1 + 1e-3));
    }
  });

  it('seasonal models fit a seasonal series far better than non-seasonal ones', () => {
    const y = seasonalSeries(60, 12);
    const ann = fitEts(y, { error: 'A', trend: 'N', season: 'N' }, { seasonLength: 12 });
    const aaa = fitEts(y, { error: 'A', trend: 'A', season: 'A' }, { seasonLength: 12 });
    expect(aaa.aicc).toBeLessThan(ann.aicc);
  });

  it('rejects bad input', () => {
    expect(() => fitEts([1, 2], { error: 'A', trend: 'N', season: 'N' })).toThrow(/at least 3/);
    expect(() => fitEts([1, 0, 2, 3], { error: 'M', trend: 'N', season: 'N' })).toThrow(/positive/);
    expect(() =>
      fitEts([1, 2, 3, 4, 5], { error: 'A', trend: 'N', season: 'A' }, { seasonLength: 4 }),
    ).toThrow(/2 seasons/);
    expect(() => fitEts([1, 2, 3, 4], { error: 'A', trend: 'N', season: 'A' })).toThrow(/seasonLength/);
    expect(() => fitEts([1, Number.NaN, 3], { error: 'A', trend: 'N', season: 'N' })).toThrow();
  });
});
