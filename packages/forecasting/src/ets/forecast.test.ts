import { describe, expect, it } from 'vitest';
import { type EtsFit, fitEts } from './fit.js';
import { etsClass1Variance, etsPointForecast, forecastEts, isEtsClass1 } from './forecast.js';
import { type EtsSpec, type EtsWorkState, etsCodes, etsOneStep, etsUpdate } from './model.js';
import { normalQuantile } from './normal.js';

const y = [10, 12, 11, 13, 12, 14, 13, 15, 14, 16, 15, 17];

describe('etsPointForecast', () => {
  it('extends level, damped trend and season', () => {
    const states = { level: 10, trend: 2, season: [1, -1] };
    expect(etsPointForecast(states, { error: 'A', trend: 'A', season: 'A' }, 1, 3)).toEqual([13, 13, 17]);
    // damped: φ_h = 0.5, 0.75, 0.875
    expect(etsPointForecast(states, { error: 'M', trend: 'Ad', season: 'N' }, 0.5, 3)).toEqual([
      11, 11.5, 11.75,
    ]);
    expect(
      etsPointForecast(
        { level: 10, trend: 0, season: [2, 0.5] },
        { error: 'M', trend: 'N', season: 'M' },
        1,
        3,
      ),
    ).toEqual([20, 5, 20]);
  });
});

describe('analytic intervals (class 1)', () => {
  it('ANN: half-width z·σ·sqrt(1 + (h−1)α²)', () => {
    const fit = fitEts(y, { error: 'A', trend: 'N', season: 'N' });
    const fc = forecastEts(fit, 5, { level: [80, 95] });
    expect(fc.intervalMethod).toBe('analytic');
    const sigma = Math.sqrt(fit.sigma2);
    for (const [k, level] of [80, 95].entries()) {
      const z = normalQuantile(0.5 + level / 200);
      const iv = fc.intervals[k]!;
      expect(iv.level).toBe(level);
      for (let h = 1; h <= 5; h++) {
        const half = z * sigma * Math.sqrt(1 + (h - 1) * fit.params.alpha ** 2);
        expect(iv.upper[h - 1]! - fc.mean[h - 1]!).toBeCloseTo(half, 10);
        expect(fc.mean[h - 1]! - iv.lower[h - 1]!).toBeCloseTo(half, 10);
      }
    }
  });

  it('c_j equals the impulse response of the recursions for every class-1 model', () => {
    const m = 4;
    const params = { alpha: 0.3, beta: 0.1, gamma: 0.2, phi: 0.9 };
    for (const trend of ['N', 'A', 'Ad'] as const) {
      for (const season of ['N', 'A'] as const) {
        const spec: EtsSpec = { error: 'A', trend, season };
        expect(isEtsClass1(spec)).toBe(true);
        const v = etsClass1Variance(spec, params, 1, m, 10);
        // state 0, one unit innovation at step 1, no innovations after: y_{1+j} = c_j
        const codes = etsCodes(spec, params.phi);
        const st: EtsWorkState = { l: 0, b: 0, s: new Float64Array(season === 'N' ? 0 : m) };
        const mm = season === 'N' ? 1 : m;
        etsUpdate(st, codes, 0, mm, 1, params.alpha, params.beta, params.gamma);
        let acc = 1;
        for (let j = 1; j < 10; j++) {
          const c = etsOneStep(st, codes, j, mm);
          etsUpdate(st, codes, j, mm, c, params.alpha, params.beta, params.gamma);
          acc += c * c;
          expect(v[j]).toBeCloseTo(acc, 12);
        }
      }
    }
  });
});

describe('simulated intervals', () => {
  it('are reproducible by seed and close to the analytic ones for an additive model', () => {
    const fit = fitEts(y, { error: 'A', trend: 'A', season: 'N' });
    // pretend the additive model is not class 1 by simulating through a copy with a multiplicative-season flag off:
    const analytic = forecastEts(fit, 4, { level: [90] }).intervals[0]!;
    const fakeM: EtsFit = {
      ...fit,
      spec: { ...fit.spec, season: 'M' },
      seasonLength: 1,
      states: { ...fit.states, season: [1] },
    };
    const sim = forecastEts(fakeM, 4, { level: [90], seed: 7, paths: 20000 });
    expect(sim.intervalMethod).toBe('simulation');
    for (let h = 0; h < 4; h++) {
      const width = analytic.upper[h]! - analytic.lower[h]!;
      expect(sim.intervals[0]!.upper[h]! - sim.intervals[0]!.lower[h]!).toBeCloseTo(width, 0);
      expect(
        Math.abs(sim.intervals[0]!.upper[h]! - sim.intervals[0]!.lower[h]! - width) / width,
      ).toBeLessThan(0.05);
    }
    const again = forecastEts(fakeM, 4, { level: [90], seed: 7, paths: 20000 });
    expect(again.intervals).toEqual(sim.intervals);
  });

  it('multiplicative models get simulated, positive-centred intervals', () => {
    const seasonal = Array.from({ length: 36 }, (_, t) => (100 + t) * [1.2, 0.8, 1.1, 0.9][t % 4]!);
    const fit = fitEts(seasonal, { error: 'M', trend: 'A', season: 'M' }, { seasonLength: 4 });
    const fc = forecastEts(fit, 8, { level: [50, 95] });
    expect(fc.intervalMethod).toBe('simulation');
    for (let h = 0; h < 8; h++) {
      expect(fc.intervals[1]!.lower[h]!).toBeLessThanOrEqual(fc.intervals[0]!.lower[h]!);
      expect(fc.intervals[0]!.lower[h]!).toBeLessThanOrEqual(fc.mean[h]! * 1.05);
      expect(fc.intervals[0]!.upper[h]!).toBeGreaterThanOrEqual(fc.mean[h]! * 0.95);
    }
  });

  it('validates options', () => {
    const fit = fitEts(y, { error: 'A', trend: 'N', season: 'N' });
    expect(() => forecastEts(fit, 0)).toThrow();
    expect(() => forecastEts(fit, 2, { level: [0.95, 100] })).toThrow(/level/);
    expect(forecastEts(fit, 2).intervals.map((i) => i.level)).toEqual([80, 95]);
  });
});
