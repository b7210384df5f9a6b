import { allocate, type DomainError, Money, ValidationError } from '@s2b2b/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cartArbitrary, promotionsArbitrary } from '../test-arbitraries.js';
import { line, run } from '../test-fixtures.js';
import { dealtShare, reverseDiscounts } from './reverse-discounts.js';
import { spreadMinorUnits } from './spread.js';

describe('reverseDiscounts', () => {
  const priced = [
    {
      lineId: 'l1',
      quantity: 3,
      subtotal: '30.00',
      adjustments: [
        { promotionId: 'mj', amount: '10.00' },
        { promotionId: 'coupon', amount: '0.05' },
      ],
    },
  ];

  it('gives back each unit’s dealt share, and all partial refunds add up to what was given', () => {
    // mj 10.00 over 3 units: 3.34, 3.33, 3.33; the coupon's 5 cents continue from unit 1: 0.01, 0.02, 0.02
    const first = reverseDiscounts({ lines: priced, refund: [{ lineId: 'l1', quantity: 1 }] });
    expect(first.lines[0]?.adjustments.map((a) => a.amount.toDecimalString())).toEqual(['3.34', '0.01']);
    expect(first.refund.toDecimalString()).toBe('6.65');
    const rest = reverseDiscounts({
      lines: priced,
      refund: [{ lineId: 'l1', quantity: 2 }],
      refunded: [{ lineId: 'l1', quantity: 1 }],
    });
    expect(rest.byPromotion.map((p) => [p.promotionId, p.amount.toDecimalString()])).toEqual([
      ['mj', '6.66'],
      ['coupon', '0.04'],
    ]);
    expect(first.refund.add(rest.refund).toDecimalString()).toBe('19.95'); // the line's total
  });

  it('takes an evaluation’s lines as returned', () => {
    const result = run({ lines: [line('a', 'TEA', 3, '68'), line('b', 'POT', 1, '80')] }, [
      { id: 'mj', type: 'threshold', tiers: [{ spend: '199', off: '30' }] },
    ]);
    const reversal = reverseDiscounts({ lines: result.lines, refund: [{ lineId: 'a', quantity: 1 }] });
    // 30.00 over 204 : 80 → a 21.55; one of three units: 7.19
    expect(result.lines[0]?.discount.toDecimalString()).toBe('21.55');
    expect(reversal.discount.toDecimalString()).toBe('7.19');
    expect(reversal.refund.toDecimalString()).toBe('60.81');
  });

  it('refuses refunds past the quantity and unknown lines', () => {
    const codeOf = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        return (error as DomainError).code;
      }
      return 'none';
    };
    expect(
      codeOf(() =>
        reverseDiscounts({
          lines: priced,
          refund: [{ lineId: 'l1', quantity: 2 }],
          refunded: [{ lineId: 'l1', quantity: 2 }],
        }),
      ),
    ).toBe('REFUND_EXCEEDS_QUANTITY');
    expect(codeOf(() => reverseDiscounts({ lines: priced, refund: [{ lineId: 'zz', quantity: 1 }] }))).toBe(
      'UNKNOWN_LINE',
    );
    expect(() => reverseDiscounts({ lines: priced, refund: [] })).toThrow(ValidationError);
  });

  it('dealtShare of the first adjustment is core allocate over equal weights', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 1, max: 40 }),
        (total, quantity) => {
          const parts = allocate(
            Money.fromMinor(total),
            Array.from({ length: quantity }, () => 1),
          ).map((m) => m.toMinorUnits());
          for (const [unit, part] of parts.entries()) {
            expect(dealtShare(0n, BigInt(total), quantity, unit, 1)).toBe(part);
          }
        },
      ),
    );
  });

  it('property: refunding every unit in random batches gives back every adjustment exactly, never a negative refund', () => {
    fc.assert(
      fc.property(
        cartArbitrary,
        promotionsArbitrary(6),
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 20 }),
        (cart, promotions, batches) => {
          const result = run(cart, promotions);
          for (const priced of result.lines) {
            let refunded = 0;
            const back = new Map<string, bigint>();
            let refundTotal = 0n;
            let b = 0;
            while (refunded < priced.quantity) {
              const quantity = Math.min(batches[b % batches.length]!, priced.quantity - refunded);
              b += 1;
              const reversal = reverseDiscounts({
                lines: result.lines,
                refund: [{ lineId: priced.lineId, quantity }],
                refunded: refunded === 0 ? [] : [{ lineId: priced.lineId, quantity: refunded }],
              });
              expect(reversal.refund.isNegative()).toBe(false);
              refundTotal += reversal.refund.toMinorUnits();
              for (const p of reversal.byPromotion)
                back.set(p.promotionId, (back.get(p.promotionId) ?? 0n) + p.amount.toMinorUnits());
              refunded += quantity;
            }
            expect(refundTotal).toBe(priced.total.toMinorUnits());
            for (const a of priced.adjustments) expect(back.get(a.promotionId)).toBe(a.amount.toMinorUnits());
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('spreadMinorUnits', () => {
  it('property: parts sum to the total and none exceeds its weight when the total fits', () => {
    const weightsAndTotal = fc
      .array(fc.bigInt({ min: 0n, max: 10_000_000n }), { minLength: 1, maxLength: 30 })
      .chain((weights) =>
        fc.tuple(fc.constant(weights), fc.bigInt({ min: 0n, max: weights.reduce((s, w) => s + w, 0n) })),
      );
    fc.assert(
      fc.property(weightsAndTotal, ([weights, total]) => {
        const parts = spreadMinorUnits(total, weights);
        expect(parts.reduce((s, p) => s + p, 0n)).toBe(total);
        parts.forEach((p, i) => {
          expect(p).toBeGreaterThanOrEqual(0n);
          expect(p).toBeLessThanOrEqual(weights[i]!);
        });
      }),
    );
  });

  it('property: the same parts as core allocate, for any total and weights (zero ones too)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -10_000_000n, max: 10_000_000n }),
        fc.array(fc.bigInt({ min: 0n, max: 1_000_000n }), { minLength: 1, maxLength: 30 }),
        (total, weights) => {
          const core = allocate(Money.fromMinor(total, 'CNY'), weights).map((m) => m.toMinorUnits());
          expect(spreadMinorUnits(total, weights)).toEqual(core);
        },
      ),
    );
    expect(spreadMinorUnits(10000n, [1n, 1n, 1n])).toEqual([3334n, 3333n, 3333n]);
    expect(spreadMinorUnits(5n, [0n, 0n])).toEqual([3n, 2n]);
  });
});
