import { createRng } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { autoEts, etsCandidates } from './auto-ets.js';
import { etsName } from './model.js';

describe('etsCandidates', () => {
  it('is the restricted R set: 15 models on long positive seasonal data', () => {
    const y = Array.from({ length: 60 }, (_, t) => 10 + (t % 12));
    const names = etsCandidates(y, { seasonLength: 12 }).map(etsName);
    expect(names).toHaveLength(15);
    expect(names).not.toContain('ETS(A,N,M)');
    expect(names).not.toContain('ETS(A,Ad,M)');
  });
  it('drops multiplicative parts on non-positive data and seasonal ones when short or m = 1', () => {
    const y = Array.from({ length: 60 }, (_, t) => (t % 12) - 3);
    expect(etsCandidates(y, { seasonLength: 12 }).map(etsName)).toEqual([
      'ETS(A,N,N)',
      'ETS(A,A,N)',
      'ETS(A,Ad,N)',
      'ETS(A,N,A)',
      'ETS(A,A,A)',
      'ETS(A,Ad,A)',
    ]);
    expect(etsCandidates(y.slice(0, 20), { seasonLength: 12 }).every((s) => s.season === 'N')).toBe(true);
    expect(etsCandidates(y, { seasonLength: 1 }).every((s) => s.season === 'N')).toBe(true);
    expect(etsCandidates(y, { damped: true }).map(etsName)).toEqual(['ETS(A,Ad,N)']);
  });
});

describe('autoEts', () => {
  it('picks a seasonal model on a clearly seasonal series', () => {
    const rng = createRng(1);
    const y = Array.from(
      { length: 72 },
      (_, t) => 200 + t + 40 * Math.sin((2 * Math.PI * t) / 12) + rng.normal(0, 3),
    );
    const fit = autoEts(y, 12, { seasonLength: 12 });
    expect(fit.fit.spec.season).not.toBe('N');
    expect(fit.mean).toHaveLength(12);
    expect(fit.intervals.map((i) => i.level)).toEqual([80, 95]);
    expect(fit.model).toMatch(/^ETS\([AM],(N|A|Ad),[AM]\)$/);
  });

  it('picks a non-seasonal, trendless model on white noise', () => {
    const rng = createRng(2);
    const y = Array.from({ length: 96 }, () => 50 + rng.normal(0, 5));
    const fit = autoEts(y, 6, { seasonLength: 12 });
    expect(fit.fit.spec.season).toBe('N');
    expect(fit.fit.spec.trend).toBe('N');
    expect(fit.model).toMatch(/^ETS\([AM],N,N\)$/);
  });

  it('gives a constant forecast on a constant series', () => {
    const fit = autoEts(Array(30).fill(5), 4, { seasonLength: 4 });
    for (const f of fit.mean) expect(f).toBeCloseTo(5, 6);
  });

  it('returns a ModelFit with fitted/residuals aligned to y', () => {
    const y = [5, 7, 6, 8, 7, 9, 8, 10, 9, 11];
    const fit = autoEts(y, 3);
    expect(fit.fitted).toHaveLength(10);
    fit.residuals!.forEach((r, i) => {
      expect(r).toBeCloseTo(y[i]! - fit.fitted![i]!, 12);
    });
    expect(fit.params.alpha).toBeGreaterThan(0);
    expect(fit.candidates.length).toBeGreaterThan(0);
    expect(() => autoEts([1, 2], 3)).toThrow();
    expect(() => autoEts(y, 0)).toThrow();
  });
});

describe('etsCandidates on short data', () => {
  it('matches the documented example', () => {
    expect(etsCandidates([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]).map(etsName)).toEqual([
      'ETS(A,N,N)',
      'ETS(M,N,N)',
      'ETS(A,A,N)',
      'ETS(M,A,N)',
      'ETS(A,Ad,N)',
      'ETS(M,Ad,N)',
    ]);
    // n = 9 drops the damped models (npars 5, n ≤ 9)
    expect(etsCandidates([1, 2, 3, 4, 5, 6, 7, 8, 9]).map(etsName)).toHaveLength(4);
  });
});
