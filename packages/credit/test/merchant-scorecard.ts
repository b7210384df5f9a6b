import type { ScorecardInput } from '../src/scoring/schemas.js';

/** An expert-judgement scorecard used by the scoring tests (points chosen by hand, not fitted). */
export const merchantScorecard: ScorecardInput = {
  name: 'merchant purchase-loan card',
  basePoints: 480,
  characteristics: [
    {
      feature: 'tenureMonths',
      reasonCode: 'SHORT_TENURE',
      bins: [
        { label: '<6', max: 6, points: 0 },
        { label: '6-24', min: 6, max: 24, points: 25 },
        { label: '24+', min: 24, points: 45 },
      ],
    },
    {
      feature: 'onTimeRepaymentRate',
      reasonCode: 'LATE_REPAYMENTS',
      bins: [
        { label: '<0.9', max: 0.9, points: -20 },
        { label: '0.9-0.98', min: 0.9, max: 0.98, points: 20 },
        { label: '0.98+', min: 0.98, points: 50 },
        { label: 'no history', missing: true, points: 10 },
      ],
    },
    {
      feature: 'returnRate',
      reasonCode: 'HIGH_RETURN_RATE',
      bins: [
        { label: '<3%', max: 0.03, points: 30 },
        { label: '3-8%', min: 0.03, max: 0.08, points: 10 },
        { label: '8%+', min: 0.08, points: -10 },
        { label: 'no purchases', missing: true, points: 0 },
      ],
    },
    {
      feature: 'worstDaysPastDue',
      reasonCode: 'PAST_DELINQUENCY',
      bins: [
        { label: '0', max: 1, points: 40 },
        { label: '1-30', min: 1, max: 31, points: 5 },
        { label: '31+', min: 31, points: -40 },
      ],
    },
  ],
};
