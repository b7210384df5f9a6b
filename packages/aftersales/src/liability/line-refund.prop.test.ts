import { Money, sum } from '@s2b2b/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CASE_REASONS } from '../common/vocabulary.js';
import { planCompensation } from './compensation.js';
import { lineRefund } from './line-refund.js';
import { COMPENSATION_COMPONENTS } from './rules.js';

const cents = (n: number) => (n / 100).toFixed(2);

describe('refund and compensation properties', () => {
  it('refunding a line in any number of cases reverses exactly its discount and refunds exactly what was paid', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 0, max: 100 }),
        fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 8 }),
        (ordered, priceCents, discountPct, chunks) => {
          const lineTotal = Money.of(cents(priceCents)).multiply(ordered, 'half-even');
          const discount = lineTotal.multiply(discountPct / 100, 'down');
          let before = 0;
          const refunds: Money[] = [];
          const reversals: Money[] = [];
          for (const chunk of chunks) {
            const quantity = Math.min(chunk, ordered - before);
            if (quantity <= 0) break;
            const r = lineRefund(
              {
                lineId: 'L',
                orderedQuantity: ordered,
                unitPrice: cents(priceCents),
                discount: discount.toDecimalString(),
                previouslyRefunded: before,
                quantity,
              },
              'CNY',
            );
            expect(r.discountReversed.isNegative()).toBe(false);
            expect(r.refund.isNegative()).toBe(false);
            refunds.push(r.refund);
            reversals.push(r.discountReversed);
            before += quantity;
          }
          if (before < ordered) {
            const rest = lineRefund(
              {
                lineId: 'L',
                orderedQuantity: ordered,
                unitPrice: cents(priceCents),
                discount: discount.toDecimalString(),
                previouslyRefunded: before,
                quantity: ordered - before,
              },
              'CNY',
            );
            refunds.push(rest.refund);
            reversals.push(rest.discountReversed);
          }
          expect(sum(reversals, 'CNY').equals(discount)).toBe(true);
          expect(sum(refunds, 'CNY').equals(lineTotal.subtract(discount))).toBe(true);
        },
      ),
    );
  });

  it('every component is allocated exactly, entries are positive and the party totals sum to zero', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CASE_REASONS),
        fc.constantFrom('refund' as const, 'replacement' as const, 'repair' as const),
        fc.integer({ min: 1, max: 500_000 }),
        fc.integer({ min: 0, max: 5_000 }),
        fc.integer({ min: 100, max: 5_000 }),
        fc.option(fc.integer({ min: 1, max: 600_000 }), { nil: null }),
        (reason, kind, price, freight, shipFreight, declared) => {
          const resolution =
            kind === 'refund'
              ? { kind, returnFreight: cents(freight) }
              : kind === 'replacement'
                ? { kind, returnFreight: cents(freight), forwardFreight: cents(freight) }
                : { kind, repairCost: cents(price), returnFreight: cents(freight) };
          const plan = planCompensation({
            reason,
            resolution,
            lines: [
              {
                lineId: 'L1',
                orderedQuantity: 3,
                unitPrice: cents(price),
                discount: cents(Math.floor(price / 3)),
                quantity: 2,
              },
            ],
            shipment: {
              freight: cents(shipFreight),
              declaredValue: declared === null ? null : cents(declared),
            },
          });
          for (const component of COMPENSATION_COMPONENTS) {
            const whole = plan.components.find((c) => c.component === component)?.amount ?? Money.zero();
            const parts = plan.allocations.filter((a) => a.component === component).map((a) => a.amount);
            expect(sum(parts, 'CNY').equals(whole)).toBe(true);
          }
          for (const entry of plan.entries) expect(entry.amount.isPositive()).toBe(true);
          expect(
            sum(
              plan.totals.map((t) => t.amount),
              'CNY',
            ).isZero(),
          ).toBe(true);
          if (plan.carrierClaim)
            expect(plan.carrierClaim.payable.lessThanOrEqual(plan.carrierClaim.claimed)).toBe(true);
          // The merchant receives everything not borne by itself.
          const merchantBorne = sum(
            plan.allocations.filter((a) => a.party === 'merchant').map((a) => a.amount),
            'CNY',
          );
          const total = sum(
            plan.components.map((c) => c.amount),
            'CNY',
          );
          expect(
            plan.totals.find((t) => t.party === 'merchant')?.amount.equals(total.subtract(merchantBorne)),
          ).toBe(true);
        },
      ),
    );
  });
});
