import { Money } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { issuePaths } from '../../test/thrown.js';
import { creditLimit, roundToUnit } from './credit-limit.js';
import type { LimitPolicyInput } from './schemas.js';

const policy: LimitPolicyInput = {
  grades: [
    { grade: 'A', minScore: 660, multiple: '3', cap: Money.of('500000') },
    { grade: 'B', minScore: 620, multiple: '2', cap: Money.of('300000') },
    { grade: 'C', minScore: 580, multiple: '1', cap: Money.of('100000') },
  ],
  roundTo: Money.of('1000'),
};

describe('creditLimit', () => {
  it('score → grade → multiple of average monthly purchases, rounded down to the unit', () => {
    const d = creditLimit({ score: 642, averageMonthlyPurchases: Money.of('48350'), policy });
    expect([d.decision, d.grade, d.limit.toString(), d.binding]).toEqual([
      'approve',
      'B',
      '96000.00 CNY',
      'MULTIPLE',
    ]);
    expect(d.basis.byMultiple?.toString()).toBe('96700.00 CNY');
    expect(creditLimit({ score: 660, averageMonthlyPurchases: Money.of('48350'), policy }).grade).toBe('A');
    expect(
      creditLimit({ score: 580, averageMonthlyPurchases: Money.of('48350'), policy }).limit.toString(),
    ).toBe('48000.00 CNY');
  });

  it('the grade cap and other caps bind when smaller', () => {
    const capped = creditLimit({ score: 700, averageMonthlyPurchases: Money.of('250000'), policy });
    expect([capped.limit.toString(), capped.binding]).toEqual(['500000.00 CNY', 'GRADE_CAP']);
    const wc = creditLimit({
      score: 700,
      averageMonthlyPurchases: Money.of('250000'),
      policy,
      otherCaps: [{ code: 'WORKING_CAPITAL_GAP', amount: Money.of('432100.55') }],
    });
    expect([wc.limit.toString(), wc.binding]).toEqual(['432000.00 CNY', 'WORKING_CAPITAL_GAP']);
  });

  it('declines below the cutoff and under the minimum limit', () => {
    const low = creditLimit({ score: 579.9, averageMonthlyPurchases: Money.of('48350'), policy });
    expect([low.decision, low.grade, low.limit.toString(), low.binding]).toEqual([
      'decline',
      null,
      '0.00 CNY',
      'SCORE_BELOW_CUTOFF',
    ]);
    const small = creditLimit({
      score: 600,
      averageMonthlyPurchases: Money.of('4999'),
      policy: { ...policy, minimumLimit: Money.of('5000') },
    });
    expect([small.decision, small.grade, small.binding, small.limit.isZero()]).toEqual([
      'decline',
      'C',
      'BELOW_MINIMUM',
      true,
    ]);
  });

  it('other rounding modes may pass the multiple, never a cap', () => {
    const nearest = creditLimit({
      score: 642,
      averageMonthlyPurchases: Money.of('48350'),
      policy: { ...policy, rounding: 'half-up' },
    });
    expect(nearest.limit.toString()).toBe('97000.00 CNY');
    const atCap = creditLimit({
      score: 700,
      averageMonthlyPurchases: Money.of('250000'),
      policy: { ...policy, rounding: 'up' },
      otherCaps: [{ code: 'GROUP_EXPOSURE', amount: Money.of('100500') }],
    });
    expect(atCap.limit.toString()).toBe('100000.00 CNY');
    expect(roundToUnit(Money.of('96700'), undefined, 'down').toString()).toBe('96700.00 CNY');
    expect(issuePaths(() => roundToUnit(Money.of('1'), Money.of('0'), 'down'))).toEqual(['unit']);
    expect(issuePaths(() => roundToUnit(Money.of('1'), Money.of('1', 'USD'), 'down'))).toEqual(['unit']);
  });

  it('names bad fields', () => {
    expect(
      issuePaths(() => creditLimit({ score: 600, averageMonthlyPurchases: Money.of('1', 'USD'), policy })),
    ).toEqual(['averageMonthlyPurchases']);
    const unordered = { grades: [policy.grades[1]!, policy.grades[0]!] };
    expect(
      issuePaths(() =>
        creditLimit({ score: 600, averageMonthlyPurchases: Money.of('1'), policy: unordered }),
      ),
    ).toEqual(['policy.grades.1.minScore']);
    expect(
      issuePaths(() =>
        creditLimit({
          score: 600,
          averageMonthlyPurchases: Money.of('1'),
          policy: { grades: [{ ...policy.grades[0]!, multiple: '-1' }] },
        }),
      ),
    ).toEqual(['policy.grades.0.multiple']);
    expect(
      issuePaths(() =>
        creditLimit({
          score: 600,
          averageMonthlyPurchases: Money.of('1'),
          policy,
          otherCaps: [{ code: 'X', amount: Money.of('1', 'USD') }],
        }),
      ),
    ).toEqual(['otherCaps.0.amount']);
  });
});
