import { Money } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { merchantScorecard } from '../../test/merchant-scorecard.js';
import { issuePaths, thrown } from '../../test/thrown.js';
import { assessCredit } from './assess-credit.js';

const policy = {
  grades: [
    { grade: 'A', minScore: 620, multiple: '3', cap: Money.of('500000') },
    { grade: 'B', minScore: 580, multiple: '2', cap: Money.of('300000') },
    { grade: 'C', minScore: 540, multiple: '1', cap: Money.of('100000') },
  ],
  roundTo: Money.of('1000'),
};

const months = (amount: string, n: number, returns = '0') =>
  Array.from({ length: n }, (_, i) => ({
    month: `2024-${String(i + 1).padStart(2, '0')}`,
    purchases: Money.of(amount),
    returns: Money.of(returns),
  }));

describe('assessCredit', () => {
  it('an established merchant who repays on time: grade A, 3 × purchases', () => {
    const a = assessCredit({
      operatingData: {
        asOf: '2025-01-05',
        firstActivityDate: '2021-06-01',
        months: months('48350', 12, '500'),
        repayments: [
          { dueDate: '2024-10-31', paidOn: '2024-10-30' },
          { dueDate: '2024-11-30', paidOn: '2024-11-30' },
        ],
      },
      scorecard: merchantScorecard,
      policy,
    });
    // tenure 24+ (45), on-time 1 (50), returns 6000 / 580200 = 1.03 % (30), worst DPD 0 (40): 480 + 165
    expect(a.score.score).toBe(645);
    expect([a.limit.decision, a.limit.grade, a.limit.binding]).toEqual(['approve', 'A', 'MULTIPLE']);
    // 3 × 48,350 = 145,050 → 145,000
    expect(a.limit.limit.toString()).toBe('145000.00 CNY');
    expect(a.reasons).toEqual([]);
  });

  it('a new merchant with a late payment: grade C, with the reasons that cost points', () => {
    const a = assessCredit({
      operatingData: {
        asOf: '2024-05-20',
        firstActivityDate: '2024-01-10',
        months: months('20000', 4, '1200'),
        repayments: [{ dueDate: '2024-03-31', paidOn: '2024-04-12' }],
      },
      scorecard: merchantScorecard,
      policy,
    });
    // tenure 4 (0), on-time 0 (−20), returns 6 % (10), worst DPD 12 (5): 480 − 5
    expect(a.score.score).toBe(475);
    expect([a.limit.decision, a.limit.binding, a.limit.limit.toString()]).toEqual([
      'decline',
      'SCORE_BELOW_CUTOFF',
      '0.00 CNY',
    ]);
    expect(a.reasons.map((r) => r.code)).toEqual([
      'LATE_REPAYMENTS',
      'SHORT_TENURE',
      'PAST_DELINQUENCY',
      'HIGH_RETURN_RATE',
    ]);
  });

  it('extra features from the host and validation of nested fields', () => {
    const card = {
      ...merchantScorecard,
      characteristics: [
        ...merchantScorecard.characteristics,
        {
          feature: 'industryRisk',
          reasonCode: 'INDUSTRY_RISK',
          bins: [
            { label: 'low', max: 2, points: 20 },
            { label: 'high', min: 2, points: 0 },
          ],
        },
      ],
    };
    const operatingData = {
      asOf: '2025-01-05',
      firstActivityDate: '2021-06-01',
      months: months('48350', 12),
    };
    expect(thrown(() => assessCredit({ operatingData, scorecard: card, policy })).code).toBe(
      'FEATURE_MISSING',
    );
    const a = assessCredit({ operatingData, scorecard: card, policy, extraFeatures: { industryRisk: 1 } });
    // no repayments: on-time missing (10); returns 0 (30); tenure 45; DPD 40; industry 20
    expect(a.score.score).toBe(480 + 45 + 10 + 30 + 40 + 20);
    expect(
      issuePaths(() =>
        assessCredit({ operatingData: { ...operatingData, asOf: 'x' }, scorecard: card, policy }),
      ),
    ).toEqual(['operatingData.asOf']);
  });
});
