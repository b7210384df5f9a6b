import { Money } from '@s2b2b/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accrualIncrement, accrueInterest, dailyAccruals } from './accrual.js';
import { addDays, fromEpochDay } from './calendar-date.js';
import { DAY_COUNTS } from './day-count.js';

const principal = fc.bigInt({ min: 0n, max: 10_000_000_000n }).map((minor) => Money.fromMinor(minor));
const rate = fc.integer({ min: 0, max: 360_000 }).map((bp) => (bp / 1_000_000).toString());
const start = fc.integer({ min: 18_000, max: 22_000 }).map(fromEpochDay);
const dayCount = fc.constantFrom(...DAY_COUNTS);

describe('interest accrual properties', () => {
  it('increments over any split of a segment are never negative and sum to the whole segment', () => {
    fc.assert(
      fc.property(
        principal,
        rate,
        start,
        fc.array(fc.nat(60), { minLength: 1, maxLength: 8 }),
        dayCount,
        (p, r, s, steps, dc) => {
          let from = s;
          let total = Money.zero();
          for (const step of steps) {
            const to = addDays(from, step);
            const inc = accrualIncrement({
              principal: p,
              annualRate: r,
              periodStart: s,
              from,
              to,
              dayCount: dc,
            });
            expect(inc.increment.isNegative()).toBe(false);
            total = total.add(inc.increment);
            from = to;
          }
          const whole = accrueInterest({
            principal: p,
            annualRate: r,
            start: s,
            end: from,
            dayCount: dc,
          }).interest;
          expect(total.equals(whole)).toBe(true);
        },
      ),
    );
  });

  it('daily postings are never negative under the actual conventions and sum to the period', () => {
    fc.assert(
      fc.property(
        principal,
        rate,
        start,
        fc.nat(120),
        fc.constantFrom('ACT/365', 'ACT/360', 'ACT/ACT', 'ACT/364'),
        (p, r, s, n, dc) => {
          const end = addDays(s, n);
          const days = dailyAccruals({ principal: p, annualRate: r, start: s, end, dayCount: dc });
          expect(days).toHaveLength(n);
          let sum = Money.zero();
          for (const d of days) {
            expect(d.interest.isNegative()).toBe(false);
            sum = sum.add(d.interest);
          }
          expect(
            sum.equals(accrueInterest({ principal: p, annualRate: r, start: s, end, dayCount: dc }).interest),
          ).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('the rounded interest is within half a minor unit of the exact product (half-even)', () => {
    fc.assert(
      fc.property(principal, rate, start, fc.nat(1000), dayCount, (p, r, s, n, dc) => {
        const a = accrueInterest({ principal: p, annualRate: r, start: s, end: addDays(s, n), dayCount: dc });
        expect(a.interest.amount().minus(a.exact).abs().lte('0.005')).toBe(true);
        expect(a.interest.isNegative()).toBe(false);
      }),
    );
  });
});
