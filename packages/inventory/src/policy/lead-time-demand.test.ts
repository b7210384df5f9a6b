import { describe, expect, it } from 'vitest';
import { expectRelative, thrown } from '../../test/helpers.js';
import { demandMoments, leadTimeDemand } from './lead-time-demand.js';

describe('demandMoments / leadTimeDemand', () => {
  it('sample: mean and n − 1 standard deviation', () => {
    const m = demandMoments({ sample: [48, 52, 50, 55, 45] });
    expect(m.mean).toBe(50);
    expectRelative(m.sd, Math.sqrt(58 / 4), 1e-15);
    expect(m.source).toBe('sample');
  });

  it('quantiles: the least-squares normal fit recovers mean and sd', () => {
    const z = [-1.6448536269514722, -1.2815515655446004, 0, 1.2815515655446004, 1.959963984540054];
    const ps = [0.05, 0.1, 0.5, 0.9, 0.975];
    const m = demandMoments({ quantiles: ps.map((p, i) => ({ p, value: 40 + 7 * (z[i] as number) })) });
    expectRelative(m.mean, 40, 1e-13);
    expectRelative(m.sd, 7, 1e-13);
    expect(
      thrown(() =>
        demandMoments({
          quantiles: [
            { p: 0.5, value: 1 },
            { p: 0.5, value: 2 },
          ],
        }),
      ).issues?.[0]?.code,
    ).toBe('too_small');
  });

  it('protection interval L + R and lead-time variance', () => {
    const a = leadTimeDemand({ demand: { mean: 50, sd: 5 }, leadTime: 6 });
    expectRelative(a.sd, 5 * Math.sqrt(6), 1e-15);
    const b = leadTimeDemand({ demand: { mean: 50, sd: 5 }, leadTime: { mean: 6, sd: 2 }, reviewPeriod: 7 });
    expect(b.mean).toBe(650);
    expectRelative(b.sd, Math.sqrt(13 * 25 + 2500 * 4), 1e-15);
  });

  it('rejects unknown keys and bad shapes naming the field', () => {
    expect(
      thrown(() => leadTimeDemand({ demand: { mean: 50, sd: 5 }, leadTime: 6, extra: 1 } as never)).code,
    ).toBe('VALIDATION');
    expect(thrown(() => demandMoments({ sample: [1] })).issues?.[0]?.path[0]).toBe('demand');
  });
});
