import { describe, expect, it } from 'vitest';
import { type EtsParams, type EtsSpec, etsFilter, etsName, parseEtsSpec } from './model.js';

const y = [3, 5, 4, 6, 5];
const base: EtsParams = { alpha: 0.5, beta: 0, gamma: 0, phi: 1, level: 0, trend: 0, season: [] };
const close = (actual: ArrayLike<number>, expected: number[]) => {
  expect(actual.length).toBe(expected.length);
  expected.forEach((v, i) => {
    expect(actual[i]).toBeCloseTo(v, 10);
  });
};

describe('etsName / parseEtsSpec', () => {
  it('round-trips', () => {
    const spec: EtsSpec = { error: 'A', trend: 'Ad', season: 'M' };
    expect(etsName(spec)).toBe('ETS(A,Ad,M)');
    expect(parseEtsSpec('ETS(A,Ad,M)')).toEqual(spec);
    expect(parseEtsSpec('MNA')).toEqual({ error: 'M', trend: 'N', season: 'A' });
    expect(() => parseEtsSpec('XYZ')).toThrow();
  });
});

describe('etsFilter by hand', () => {
  it('ETS(A,N,N), alpha 0.5, l0 = y1', () => {
    // t1: mu 3, e 0, l 3 | t2: mu 3, e 2, l 4 | t3: mu 4, e 0, l 4 | t4: mu 4, e 2, l 5 | t5: mu 5, e 0, l 5
    const r = etsFilter(y, { error: 'A', trend: 'N', season: 'N' }, { ...base, level: 3 }, 1);
    close(r.fitted, [3, 3, 4, 4, 5]);
    close(r.errors, [0, 2, 0, 2, 0]);
    close(r.residuals, [0, 2, 0, 2, 0]);
    expect(r.level).toBeCloseTo(5, 12);
    expect(r.sse).toBeCloseTo(8, 12);
    expect(r.lik).toBeCloseTo(5 * Math.log(8), 12);
  });

  it('ETS(M,N,N) has the same states, relative errors and the extra 2·Σlog|μ| term', () => {
    // e = (y − μ)/μ = 0, 2/3, 0, 1/2, 0 → Σe² = 4/9 + 1/4 = 25/36
    const r = etsFilter(y, { error: 'M', trend: 'N', season: 'N' }, { ...base, level: 3 }, 1);
    close(r.fitted, [3, 3, 4, 4, 5]);
    close(r.errors, [0, 2 / 3, 0, 0.5, 0]);
    const expected = 5 * Math.log(25 / 36) + 2 * (2 * Math.log(3) + 2 * Math.log(4) + Math.log(5));
    expect(r.lik).toBeCloseTo(expected, 10);
  });

  it('ETS(A,A,N), alpha 0.5, beta 0.2, l0 2, b0 1', () => {
    // t1: q 3,    e 0,      l 3,      b 1
    // t2: q 4,    e 1,      l 4.5,    b 1.2
    // t3: q 5.7,  e −1.7,   l 4.85,   b 0.86
    // t4: q 5.71, e 0.29,   l 5.855,  b 0.918
    // t5: q 6.773, e −1.773, l 5.8865, b 0.5634
    const r = etsFilter(
      y,
      { error: 'A', trend: 'A', season: 'N' },
      { ...base, beta: 0.2, level: 2, trend: 1 },
      1,
    );
    close(r.fitted, [3, 4, 5.7, 5.71, 6.773]);
    close(r.errors, [0, 1, -1.7, 0.29, -1.773]);
    expect(r.level).toBeCloseTo(5.8865, 10);
    expect(r.trend).toBeCloseTo(0.5634, 10);
  });

  it('ETS(A,Ad,N) with phi 0.5 damps the trend in the forecast', () => {
    // t1: q = 2 + 0.5·2 = 3, e 0, l 3, b 1 | t2: q = 3.5, e 1.5, l 4.25, b 0.5 + 0.2·1.5 = 0.8
    const r = etsFilter(
      [3, 5],
      { error: 'A', trend: 'Ad', season: 'N' },
      { ...base, beta: 0.2, phi: 0.5, level: 2, trend: 2 },
      1,
    );
    close(r.fitted, [3, 3.5]);
    expect(r.level).toBeCloseTo(4.25, 12);
    expect(r.trend).toBeCloseTo(0.8, 12);
  });

  it('ETS(A,N,A), m 2, alpha 0.5, gamma 0.25, l0 4, s = [−1, 1]', () => {
    // t0: q 4,    s −1,   μ 3,   e 0,   l 4,    s0 −1
    // t1: q 4,    s 1,    μ 5,   e 0,   l 4,    s1 1
    // t2: q 4,    s −1,   μ 3,   e 1,   l 4.5,  s0 −1 + 0.25·(4 − 4 + 1) = −0.75
    // t3: q 4.5,  s 1,    μ 5.5, e 0.5, l 4.75, s1 1 + 0.25·(6 − 4.5 − 1) = 1.125
    // t4: q 4.75, s −0.75, μ 4,  e 1,   l 5.25, s0 −0.75 + 0.25·(5 − 4.75 + 0.75) = −0.5
    const r = etsFilter(
      y,
      { error: 'A', trend: 'N', season: 'A' },
      { ...base, gamma: 0.25, level: 4, season: [-1, 1] },
      2,
    );
    close(r.fitted, [3, 5, 3, 5.5, 4]);
    expect(r.level).toBeCloseTo(5.25, 12);
    close(r.season, [1.125, -0.5]); // forecast order: step 1 (odd position) then step 2
    expect(r.sse).toBeCloseTo(2.25, 12);
  });

  it('multiplicative models follow the textbook (HKOS 2008 table 2.3) forms', () => {
    // ETS(M,Ad,M): μ = (l + φb)s, l' = (l + φb)(1 + αe), b' = φb + β(l + φb)e, s' = s(1 + γe)
    const data = [12, 15, 11, 9, 14, 17, 12, 10, 15, 18];
    const p: EtsParams = {
      alpha: 0.3,
      beta: 0.1,
      gamma: 0.2,
      phi: 0.9,
      level: 12,
      trend: 0.2,
      season: [1, 1.2, 0.9, 0.9],
    };
    const r = etsFilter(data, { error: 'M', trend: 'Ad', season: 'M' }, p, 4);
    let l = p.level;
    let b = p.trend;
    const s = [...p.season];
    data.forEach((v, t) => {
      const q = l + p.phi * b;
      const mu = q * (s[t % 4] as number);
      const e = (v - mu) / mu;
      expect(r.fitted[t]).toBeCloseTo(mu, 10);
      expect(r.errors[t]).toBeCloseTo(e, 10);
      l = q * (1 + p.alpha * e);
      b = p.phi * b + p.beta * q * e;
      s[t % 4] = (s[t % 4] as number) * (1 + p.gamma * e);
    });
    expect(r.level).toBeCloseTo(l, 10);
    expect(r.trend).toBeCloseTo(b, 10);
    close(r.season, [s[2] as number, s[3] as number, s[0] as number, s[1] as number]);
  });

  it('error type changes only the likelihood, not the states', () => {
    const p: EtsParams = {
      alpha: 0.3,
      beta: 0.1,
      gamma: 0.2,
      phi: 0.9,
      level: 5,
      trend: 0.1,
      season: [1.1, 0.9],
    };
    const a = etsFilter(y, { error: 'A', trend: 'A', season: 'M' }, p, 2);
    const m = etsFilter(y, { error: 'M', trend: 'A', season: 'M' }, p, 2);
    close(m.fitted, Array.from(a.fitted));
    expect(m.lik).not.toBeCloseTo(a.lik, 3);
  });
});
