import { Money, ROUNDING_MODES } from '@s2b2b/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromEpochDay } from '../interest/calendar-date.js';
import { DAY_COUNTS } from '../interest/day-count.js';
import { repaymentSchedule } from './repayment-schedule.js';
import { repaymentMethodSchema } from './schemas.js';

const loan = fc.record({
  minor: fc.bigInt({ min: 1n, max: 100_000_000_000n }),
  rate: fc.integer({ min: 0, max: 360_000 }).map((x) => (x / 1_000_000).toString()),
  method: fc.constantFrom(...repaymentMethodSchema.options),
  start: fc.integer({ min: 18_000, max: 22_000 }).map(fromEpochDay),
  installments: fc.integer({ min: 1, max: 60 }),
  unit: fc.constantFrom('month', 'week', 'day' as const),
  every: fc.integer({ min: 1, max: 3 }),
  dayCount: fc.constantFrom(...DAY_COUNTS),
  rounding: fc.constantFrom(...ROUNDING_MODES),
});

describe('repaymentSchedule properties', () => {
  it('principal sums to the amount lent; no amount and no balance is negative; the loan ends at zero', () => {
    fc.assert(
      fc.property(loan, (l) => {
        const s = repaymentSchedule({
          principal: Money.fromMinor(l.minor),
          annualRate: l.rate,
          method: l.method,
          startDate: l.start,
          installments: l.installments,
          frequency: { unit: l.unit, every: l.every },
          dayCount: l.dayCount,
          rounding: l.rounding,
        });
        expect(s.totalPrincipal.toMinorUnits()).toBe(l.minor);
        expect(s.installments).toHaveLength(l.method === 'bullet' ? 1 : l.installments);
        let balance = l.minor;
        for (const i of s.installments) {
          expect(i.openingPrincipal.toMinorUnits()).toBe(balance);
          for (const x of [i.principal, i.interest, i.payment, i.closingPrincipal])
            expect(x.isNegative()).toBe(false);
          expect(i.payment.equals(i.principal.add(i.interest))).toBe(true);
          balance -= i.principal.toMinorUnits();
          expect(i.closingPrincipal.toMinorUnits()).toBe(balance);
        }
        expect(balance).toBe(0n);
        expect(s.totalPayment.equals(s.totalPrincipal.add(s.totalInterest))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('等额本息: every installment but the last pays the level amount; 等额本金: every but the last repays P/n', () => {
    fc.assert(
      fc.property(loan, (l) => {
        const principal = Money.fromMinor(l.minor * 100n + 100n * BigInt(l.installments));
        const input = {
          principal,
          annualRate: l.rate,
          startDate: l.start,
          installments: l.installments,
          dayCount: l.dayCount,
        };
        const emi = repaymentSchedule({ ...input, method: 'equal-installment' });
        for (const i of emi.installments.slice(0, -1))
          expect(i.payment.equals(emi.installmentAmount!)).toBe(true);
        const level = repaymentSchedule({ ...input, method: 'equal-principal' });
        const share = principal.divide(l.installments, 'half-even');
        for (const i of level.installments.slice(0, -1)) expect(i.principal.equals(share)).toBe(true);
        // The last installment absorbs the residue: within n/2 minor units of the level principal.
        const residue = level.installments.at(-1)!.principal.subtract(share).abs().toMinorUnits();
        expect(residue * 2n <= BigInt(l.installments)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
