import { createRng } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { createEtsWorkspace, etsGradientLength, etsLikelihood } from './likelihood.js';
import { type EtsSpec, etsCodes, etsFilter } from './model.js';

const ALL: EtsSpec[] = [];
for (const error of ['A', 'M'] as const)
  for (const trend of ['N', 'A', 'Ad'] as const)
    for (const season of ['N', 'A', 'M'] as const) ALL.push({ error, trend, season });

const m = 4;
const rng = createRng(5);
const y = Float64Array.from(
  { length: 22 },
  (_, t) => 50 + 0.8 * t + [6, -3, 9, -12][t % 4]! + rng.normal(0, 2),
);

/** Evaluates at a parameter vector laid out like the gradient. */
function evaluate(spec: EtsSpec, x: Float64Array, grad: Float64Array | null): number {
  const codes = etsCodes(spec, x[3]!);
  const ws = createEtsWorkspace(y.length, m);
  return etsLikelihood(y, codes, m, x[0]!, x[1]!, x[2]!, x[4]!, x[5]!, x.subarray(6), grad, ws);
}

describe('etsLikelihood', () => {
  it.each(ALL.map((spec) => [`${spec.error}${spec.trend}${spec.season}`, spec] as const))(
    'ETS %s: equals the filter likelihood and its gradient matches central differences',
    (_name, spec) => {
      const multSeason = spec.season === 'M';
      const x = Float64Array.from([
        0.35,
        0.08,
        0.15,
        0.9,
        48,
        0.7,
        ...(multSeason ? [1.12, 0.94, 1.18, 0.76] : [6, -3, 9, -12]),
      ]);
      const grad = new Float64Array(etsGradientLength(m));
      const lik = evaluate(spec, x, grad);
      const reference = etsFilter(
        y,
        spec,
        {
          alpha: x[0]!,
          beta: x[1]!,
          gamma: x[2]!,
          phi: spec.trend === 'Ad' ? x[3]! : 1,
          level: x[4]!,
          trend: x[5]!,
          season: Array.from(x.subarray(6)),
        },
        m,
      ).lik;
      expect(lik).toBeCloseTo(reference, 9);
      const used = [0, 4];
      if (spec.trend !== 'N') used.push(1, 5);
      if (spec.trend === 'Ad') used.push(3);
      if (spec.season !== 'N') used.push(2, 6, 7, 8, 9);
      for (let i = 0; i < x.length; i++) {
        if (!used.includes(i)) {
          expect(grad[i]).toBe(0);
          continue;
        }
        const h = 1e-6 * Math.max(1, Math.abs(x[i]!));
        const up = Float64Array.from(x);
        const down = Float64Array.from(x);
        up[i]! += h;
        down[i]! -= h;
        const numeric = (evaluate(spec, up, null) - evaluate(spec, down, null)) / (2 * h);
        expect(Math.abs(grad[i]! - numeric)).toBeLessThan(1e-5 * Math.max(1, Math.abs(numeric)));
      }
    },
  );

  it('is undefined (Infinity) where a multiplicative model has a zero forecast or a non-positive seasonal state', () => {
    const x = Float64Array.from([0.3, 0.1, 0.1, 0.9, 48, 0.7, 1.2, 0.9, -0.3, 2.2]);
    expect(evaluate({ error: 'A', trend: 'N', season: 'M' }, x, null)).toBe(Number.POSITIVE_INFINITY);
    const zeroLevel = Float64Array.from([0.3, 0.1, 0.1, 0.9, 0, 0, 0, 0, 0, 0]);
    expect(evaluate({ error: 'M', trend: 'N', season: 'N' }, zeroLevel, null)).toBe(Number.POSITIVE_INFINITY);
    // a negative one-step forecast is defined under multiplicative error (log|μ|, as R)
    const negativeLevel = Float64Array.from([0.3, 0.1, 0.1, 0.9, -5, 0, 0, 0, 0, 0]);
    expect(Number.isFinite(evaluate({ error: 'M', trend: 'N', season: 'N' }, negativeLevel, null))).toBe(
      true,
    );
  });
});
