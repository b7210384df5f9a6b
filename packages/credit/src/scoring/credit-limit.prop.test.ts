import { Money } from '@s2b2b/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditLimit } from './credit-limit.js';

const policy = {
  grades: [
    { grade: 'A', minScore: 660, multiple: '3', cap: Money.of('500000') },
    { grade: 'B', minScore: 620, multiple: '2', cap: Money.of('300000') },
    { grade: 'C', minScore: 580, multiple: '1', cap: Money.of('100000') },
  ],
  roundTo: Money.of('100'),
};

describe('creditLimit properties', () => {
  it('never above a cap or the multiple, a whole number of units, and never lower for a higher score', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 400, max: 800, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.bigInt({ min: 0n, max: 50_000_000n }),
        fc.option(fc.bigInt({ min: 0n, max: 60_000_000n }), { nil: undefined }),
        (score, more, avgMinor, otherMinor) => {
          const averageMonthlyPurchases = Money.fromMinor(avgMinor);
          const otherCaps =
            otherMinor === undefined ? [] : [{ code: 'OTHER', amount: Money.fromMinor(otherMinor) }];
          const d = creditLimit({ score, averageMonthlyPurchases, policy, otherCaps });
          expect(d.limit.isNegative()).toBe(false);
          expect(d.limit.toMinorUnits() % 10_000n).toBe(0n);
          if (d.decision === 'approve') {
            expect(d.limit.lessThanOrEqual(d.basis.cap!)).toBe(true);
            expect(d.limit.lessThanOrEqual(d.basis.byMultiple!)).toBe(true);
            for (const c of otherCaps) expect(d.limit.lessThanOrEqual(c.amount)).toBe(true);
          } else {
            expect(d.limit.isZero()).toBe(true);
          }
          const higher = creditLimit({ score: score + more, averageMonthlyPurchases, policy, otherCaps });
          expect(higher.limit.greaterThanOrEqual(d.limit)).toBe(true);
        },
      ),
    );
  });
});
