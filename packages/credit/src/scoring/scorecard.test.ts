import { describe, expect, it } from 'vitest';
import { merchantScorecard } from '../../test/merchant-scorecard.js';
import { issuePaths, thrown } from '../../test/thrown.js';
import { createScorer, scoreApplicant } from './scorecard.js';

describe('scoreApplicant', () => {
  it('sums base and bin points; bins are [min, max)', () => {
    const r = scoreApplicant({
      scorecard: merchantScorecard,
      features: { tenureMonths: 24, onTimeRepaymentRate: 0.95, returnRate: 0.03, worstDaysPastDue: 0 },
    });
    // 480 + 45 + 20 + 10 + 40
    expect(r.score).toBe(595);
    expect(r.characteristics.map((c) => c.bin)).toEqual(['24+', '0.9-0.98', '3-8%', '0']);
    expect(r.odds).toBeCloseTo(50 / 2 ** (5 / 20), 10);
  });

  it('adverse-action reasons: most points lost first, ties in scorecard order, at most maxReasons', () => {
    const r = scoreApplicant({
      scorecard: merchantScorecard,
      features: { tenureMonths: 3, onTimeRepaymentRate: null, returnRate: 0.1, worstDaysPastDue: 12 },
    });
    // shortfalls: tenure 45, on-time 40, returns 40, DPD 35
    expect(r.score).toBe(480 + 0 + 10 - 10 + 5);
    expect(r.reasons.map((x) => [x.code, x.shortfall])).toEqual([
      ['SHORT_TENURE', 45],
      ['LATE_REPAYMENTS', 40],
      ['HIGH_RETURN_RATE', 40],
      ['PAST_DELINQUENCY', 35],
    ]);
    const two = scoreApplicant({
      scorecard: merchantScorecard,
      features: { tenureMonths: 3, onTimeRepaymentRate: null, returnRate: 0.1, worstDaysPastDue: 12 },
      maxReasons: 2,
    });
    expect(two.reasons.map((x) => x.code)).toEqual(['SHORT_TENURE', 'LATE_REPAYMENTS']);
    const best = scoreApplicant({
      scorecard: merchantScorecard,
      features: { tenureMonths: 60, onTimeRepaymentRate: 1, returnRate: 0, worstDaysPastDue: 0 },
    });
    expect([best.score, best.reasons]).toEqual([645, []]);
  });

  it('a missing value without a missing bin is FEATURE_MISSING', () => {
    const e = thrown(() =>
      scoreApplicant({
        scorecard: merchantScorecard,
        features: { onTimeRepaymentRate: 1, returnRate: 0, worstDaysPastDue: 0 },
      }),
    );
    expect([e.code, e.details?.feature]).toEqual(['FEATURE_MISSING', 'tenureMonths']);
  });

  it('validates the scorecard: tiling bins, one missing bin, unique features', () => {
    const card = structuredClone(merchantScorecard);
    card.characteristics[0]!.bins[1]!.min = 7;
    expect(issuePaths(() => scoreApplicant({ scorecard: card, features: {} }))).toEqual([
      'scorecard.characteristics.0.bins.1.min',
    ]);
    const twice = {
      ...merchantScorecard,
      characteristics: [merchantScorecard.characteristics[0]!, merchantScorecard.characteristics[0]!],
    };
    expect(issuePaths(() => scoreApplicant({ scorecard: twice, features: {} }))).toEqual([
      'scorecard.characteristics.1.feature',
    ]);
    const lastBounded = structuredClone(merchantScorecard);
    lastBounded.characteristics[3]!.bins[2]!.max = 400;
    expect(issuePaths(() => scoreApplicant({ scorecard: lastBounded, features: {} }))).toEqual([
      'scorecard.characteristics.3.bins.2.max',
    ]);
    expect(
      issuePaths(() =>
        scoreApplicant({
          scorecard: merchantScorecard,
          features: { tenureMonths: Number.POSITIVE_INFINITY },
        }),
      ),
    ).toEqual(['features.tenureMonths']);
  });
});

describe('createScorer', () => {
  it('scores like scoreApplicant, validating the card once and the features each time', () => {
    const scorer = createScorer(merchantScorecard);
    const features = { tenureMonths: 3, onTimeRepaymentRate: null, returnRate: 0.1, worstDaysPastDue: 12 };
    expect(scorer.score(features)).toEqual(scoreApplicant({ scorecard: merchantScorecard, features }));
    expect(scorer.score(features, 1).reasons).toHaveLength(1);
    expect(issuePaths(() => scorer.score({ tenureMonths: Number.NaN }))).toEqual(['features.tenureMonths']);
    expect(issuePaths(() => scorer.score(features, -1))).toEqual(['maxReasons']);
    expect(issuePaths(() => createScorer({ ...merchantScorecard, basePoints: Number.NaN }))).toEqual([
      'scorecard.basePoints',
    ]);
  });
});
