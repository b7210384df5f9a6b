import { describe, expect, it } from 'vitest';
import { issuePaths, thrown } from '../../test/thrown.js';
import { buildScorecard } from './build-scorecard.js';
import { scoreApplicant } from './scorecard.js';

/** `goods` good and `bads` bad observations with the given features. */
const many = (features: Record<string, number | null>, goods: number, bads: number) => [
  ...Array.from({ length: goods }, () => ({ features, bad: false })),
  ...Array.from({ length: bads }, () => ({ features, bad: true })),
];

const tenureBins = [
  { label: '<12', max: 12 },
  { label: '12+', min: 12 },
];

describe('buildScorecard', () => {
  it('one characteristic, by hand: a bin at 50:1 odds scores 600', () => {
    // 12+ months: 500 goods, 10 bads (odds 50); <12: 100 goods, 10 bads (odds 10). G = 600, B = 20.
    const observations = [...many({ tenureMonths: 30 }, 500, 10), ...many({ tenureMonths: 6 }, 100, 10)];
    const built = buildScorecard({
      observations,
      characteristics: [{ feature: 'tenureMonths', reasonCode: 'SHORT_TENURE', bins: tenureBins }],
    });
    // Saturated fit: α = ln(G/B) = ln 30, β = 1.
    expect(built.fit.intercept).toBeCloseTo(Math.log(30), 8);
    expect(built.fit.coefficients[0]).toBeCloseTo(1, 8);
    // base = 487.1229 + 28.8539 · ln 30 = 585.26 → 585
    expect(built.scorecard.basePoints).toBe(585);
    // 12+: 28.8539 · ln((500/600)/(10/20)) = 14.74 → 15; <12: 28.8539 · ln((100/600)/(10/20)) = −31.70 → −32
    expect(built.scorecard.characteristics[0]!.bins.map((b) => b.points)).toEqual([-32, 15]);
    expect(built.woe[0]!.table.bins.map((b) => [b.goods, b.bads])).toEqual([
      [100, 10],
      [500, 10],
    ]);
    const long = scoreApplicant({ scorecard: built.scorecard, features: { tenureMonths: 30 } });
    expect(long.score).toBe(600); // odds 50:1 ↔ 600
    expect(long.odds).toBeCloseTo(50, 8);
    const short = scoreApplicant({ scorecard: built.scorecard, features: { tenureMonths: 6 } });
    expect(short.score).toBe(553); // exact 487.1229 + 28.8539 · ln 10 = 553.56
    expect(short.reasons).toEqual([
      { code: 'SHORT_TENURE', feature: 'tenureMonths', bin: '<12', shortfall: 47 },
    ]);
  });

  it('unrounded points reproduce offset + factor · fitted log-odds, with two characteristics', () => {
    const observations = [
      ...many({ tenureMonths: 30, onTimeRepaymentRate: 1 }, 400, 4),
      ...many({ tenureMonths: 30, onTimeRepaymentRate: 0.8 }, 60, 6),
      ...many({ tenureMonths: 6, onTimeRepaymentRate: 1 }, 90, 6),
      ...many({ tenureMonths: 6, onTimeRepaymentRate: 0.8 }, 30, 10),
      ...many({ tenureMonths: 6, onTimeRepaymentRate: null }, 40, 8),
    ];
    const built = buildScorecard({
      observations,
      roundPoints: false,
      characteristics: [
        { feature: 'tenureMonths', reasonCode: 'SHORT_TENURE', bins: tenureBins },
        {
          feature: 'onTimeRepaymentRate',
          reasonCode: 'LATE_REPAYMENTS',
          bins: [
            { label: '<0.95', max: 0.95 },
            { label: '0.95+', min: 0.95 },
            { label: 'no history', missing: true },
          ],
        },
      ],
    });
    const { factor, offset } = built.scaling;
    const woe = (j: number, i: number) => built.woe[j]!.table.bins[i]!.woe;
    const logOdds =
      built.fit.intercept + built.fit.coefficients[0]! * woe(0, 1) + built.fit.coefficients[1]! * woe(1, 0);
    const r = scoreApplicant({
      scorecard: built.scorecard,
      features: { tenureMonths: 30, onTimeRepaymentRate: 0.8 },
    });
    expect(r.score).toBeCloseTo(offset + factor * logOdds, 9);
    expect(r.reasons.map((x) => x.code)).toEqual(['LATE_REPAYMENTS']);
    expect(built.woe.map((w) => w.table.strength)).toEqual(['strong', 'strong']);
  });

  it('errors', () => {
    expect(
      thrown(() =>
        buildScorecard({
          observations: [
            { features: {}, bad: false },
            { features: {}, bad: true },
          ],
          characteristics: [{ feature: 'tenureMonths', reasonCode: 'SHORT_TENURE', bins: tenureBins }],
        }),
      ).code,
    ).toBe('FEATURE_MISSING');
    expect(
      thrown(() =>
        buildScorecard({
          observations: many({ tenureMonths: 1 }, 3, 0),
          characteristics: [{ feature: 'tenureMonths', reasonCode: 'SHORT_TENURE', bins: tenureBins }],
        }),
      ).code,
    ).toBe('WOE_NEEDS_BOTH_CLASSES');
    expect(
      issuePaths(() =>
        buildScorecard({
          observations: many({ tenureMonths: 1 }, 3, 1),
          characteristics: [{ feature: 'tenureMonths', reasonCode: 'short tenure', bins: tenureBins }],
        }),
      ),
    ).toEqual(['characteristics.0.reasonCode']);
  });
});
