import { Money } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { issuePaths } from '../../test/thrown.js';
import { reviewLimit } from './review-limit.js';
import type { ReviewLimitInput } from './schemas.js';

const m = (a: string) => Money.of(a);
const line: ReviewLimitInput = {
  currentLimit: m('50000'),
  assessment: { decision: 'approve', limit: m('90000') },
  daysPastDue: 0,
  onTimeRepaymentRate: 1,
};
const summary = (r: ReturnType<typeof reviewLimit>) => [r.action, r.rule, r.newLimit.toDecimalString()];

describe('reviewLimit', () => {
  it('raises toward the fresh limit, by at most maxIncrease a review', () => {
    expect(summary(reviewLimit(line))).toEqual(['raise', 'RAISE_CAPPED', '75000.00']);
    expect(summary(reviewLimit({ ...line, assessment: { decision: 'approve', limit: m('60000') } }))).toEqual(
      ['raise', 'RAISE_TARGET_ABOVE', '60000.00'],
    );
    expect(
      summary(
        reviewLimit({ ...line, currentLimit: m('33333'), policy: { maxIncrease: 0.5 }, roundTo: m('1000') }),
      ),
    ).toEqual(['raise', 'RAISE_CAPPED', '49000.00']); // 49,999.50 down to 1000s
  });

  it('within tolerance nothing changes; a fresh limit 10 % lower cuts', () => {
    expect(summary(reviewLimit({ ...line, assessment: { decision: 'approve', limit: m('55000') } }))).toEqual(
      ['keep', 'WITHIN_TOLERANCE', '50000.00'],
    );
    expect(summary(reviewLimit({ ...line, assessment: { decision: 'approve', limit: m('45001') } }))).toEqual(
      ['keep', 'WITHIN_TOLERANCE', '50000.00'],
    );
    expect(summary(reviewLimit({ ...line, assessment: { decision: 'approve', limit: m('44999') } }))).toEqual(
      ['cut', 'CUT_TARGET_BELOW', '44999.00'],
    );
  });

  it('raises are blocked by anything overdue or a weak on-time record', () => {
    expect(summary(reviewLimit({ ...line, currentOverdue: m('10') }))).toEqual([
      'keep',
      'RAISE_BLOCKED_OVERDUE',
      '50000.00',
    ]);
    expect(summary(reviewLimit({ ...line, onTimeRepaymentRate: 0.9 }))).toEqual([
      'keep',
      'RAISE_BLOCKED_REPAYMENT',
      '50000.00',
    ]);
    expect(reviewLimit({ ...line, onTimeRepaymentRate: null }).detail).toBe('no repayment history yet');
  });

  it('freezes past the days-past-due threshold or on a declined assessment, and unfreezes on recovery', () => {
    expect(summary(reviewLimit({ ...line, daysPastDue: 31 }))).toEqual([
      'freeze',
      'FREEZE_OVERDUE',
      '50000.00',
    ]);
    expect(summary(reviewLimit({ ...line, daysPastDue: 30 }))[0]).toBe('raise');
    expect(summary(reviewLimit({ ...line, daysPastDue: 31, frozen: true }))).toEqual([
      'keep',
      'STILL_OVERDUE',
      '50000.00',
    ]);
    const declined = { ...line, assessment: { decision: 'decline' as const, limit: m('0') } };
    expect(summary(reviewLimit(declined))).toEqual(['freeze', 'FREEZE_DECLINED', '50000.00']);
    expect(summary(reviewLimit({ ...declined, frozen: true }))).toEqual([
      'keep',
      'STILL_DECLINED',
      '50000.00',
    ]);
    expect(summary(reviewLimit({ ...declined, policy: { freezeWhenDeclined: false } }))).toEqual([
      'cut',
      'CUT_TARGET_BELOW',
      '0.00',
    ]);
    expect(summary(reviewLimit({ ...line, frozen: true }))).toEqual([
      'unfreeze',
      'UNFREEZE_RECOVERED',
      '50000.00',
    ]);
    expect(
      summary(reviewLimit({ ...line, frozen: true, assessment: { decision: 'approve', limit: m('20000') } })),
    ).toEqual(['unfreeze', 'UNFREEZE_RECOVERED', '20000.00']);
  });

  it('names bad fields', () => {
    expect(
      issuePaths(() =>
        reviewLimit({ ...line, assessment: { decision: 'approve', limit: Money.of('1', 'USD') } }),
      ),
    ).toEqual(['assessment.limit']);
    expect(issuePaths(() => reviewLimit({ ...line, onTimeRepaymentRate: 1.2 }))).toEqual([
      'onTimeRepaymentRate',
    ]);
    expect(issuePaths(() => reviewLimit({ ...line, policy: { maxIncrease: -1 } }))).toEqual([
      'policy.maxIncrease',
    ]);
  });
});
