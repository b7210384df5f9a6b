import { ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { codes, line, lineDiscounts, NOW, run } from '../test-fixtures.js';
import { compilePromotions } from './compile.js';
import { evaluateCart } from './evaluate-cart.js';

const cart = {
  lines: [line('a', 'TEA', 2, '100', ['tea'], 'm-1'), line('b', 'POT', 1, '100', ['ware'], 'm-2')],
  shipping: '10',
};

describe('eligibility', () => {
  it('coupons need a code (any case), single-use codes once, segments, first orders and dates', () => {
    const coupon = {
      id: 'new20',
      type: 'amount-off' as const,
      amount: '20',
      coupon: { codes: ['WELCOME-1', 'WELCOME-2'], singleUse: true },
      eligibility: { newCustomersOnly: true, endsAt: '2026-03-31T16:00:00Z' },
    };
    const newbie = { customer: { id: 'c-1', newCustomer: true } };
    expect(codes(run(cart, [coupon], newbie))).toEqual({ new20: 'CODE_REQUIRED' });
    const entered = run({ ...cart, couponCodes: [' welcome-1 '] }, [coupon], newbie);
    expect(entered.applied[0]).toMatchObject({ promotionId: 'new20', code: 'WELCOME-1' });
    expect(entered.discount.toDecimalString()).toBe('20.00');
    const spent = { usage: { codes: { 'WELCOME-1': 1 } } };
    expect(codes(run({ ...cart, couponCodes: ['WELCOME-1'] }, [coupon], { ...newbie, ...spent }))).toEqual({
      new20: 'CODE_ALREADY_USED',
    });
    // a second code of the same batch still works
    expect(
      run({ ...cart, couponCodes: ['WELCOME-1', 'WELCOME-2'] }, [coupon], { ...newbie, ...spent }).applied[0]
        ?.code,
    ).toBe('WELCOME-2');
    expect(
      codes(run({ ...cart, couponCodes: ['WELCOME-1'] }, [coupon], { customer: { id: 'c-2' } })),
    ).toEqual({
      new20: 'NEW_CUSTOMERS_ONLY',
    });
    expect(codes(run({ ...cart, couponCodes: ['WELCOME-1'] }, [coupon]))).toEqual({
      new20: 'CUSTOMER_REQUIRED',
    });
    expect(
      codes(
        run({ ...cart, couponCodes: ['WELCOME-1'] }, [coupon], {
          ...newbie,
          now: new Date('2026-03-31T16:00:00Z'),
        }),
      ),
    ).toEqual({ new20: 'ENDED' });
    const vip = { ...coupon, id: 'vip', coupon: { codes: ['VIP'] }, eligibility: { segments: ['vip'] } };
    expect(
      codes(
        run({ ...cart, couponCodes: ['VIP'] }, [vip], { customer: { id: 'c', segments: ['wholesale'] } }),
      ),
    ).toEqual({
      vip: 'SEGMENT_NOT_ELIGIBLE',
    });
    expect(
      run({ ...cart, couponCodes: ['vip', 'NOPE'] }, [vip], { customer: { id: 'c', segments: ['vip'] } })
        .unknownCodes,
    ).toEqual(['NOPE']);
  });

  it('by merchant, channel, daily window and weekday, and per-customer and total redemptions', () => {
    const p = { id: 'p', type: 'percent-off' as const, percentOff: '10%' };
    expect(lineDiscounts(run(cart, [{ ...p, eligibility: { merchants: ['m-2'] } }]))).toEqual({
      a: '0.00',
      b: '10.00',
    });
    expect(codes(run(cart, [{ ...p, eligibility: { channels: ['app'] } }]))).toEqual({
      p: 'CHANNEL_NOT_ELIGIBLE',
    });
    expect(codes(run({ ...cart, channel: 'app' }, [{ ...p, eligibility: { channels: ['app'] } }]))).toEqual({
      p: 'APPLIED',
    });
    // NOW is Sunday 10:30 in Shanghai
    const daily = (from: string, to: string, weekdays?: ('sunday' | 'monday')[]) =>
      codes(run(cart, [{ ...p, eligibility: { daily: { from, to, ...(weekdays ? { weekdays } : {}) } } }])).p;
    expect(daily('10:00', '12:00')).toBe('APPLIED');
    expect(daily('10:31', '12:00')).toBe('OUTSIDE_HOURS');
    expect(daily('10:00', '12:00', ['monday'])).toBe('OUTSIDE_HOURS');
    expect(daily('22:00', '11:00', ['sunday'])).toBe('OUTSIDE_HOURS'); // that window started on Saturday
    expect(daily('22:00', '11:00')).toBe('APPLIED');
    const limited = { ...p, limits: { perCustomer: 1, redemptions: 100 } };
    expect(
      codes(
        run(cart, [limited], {
          customer: { id: 'c' },
          usage: { promotions: { p: { customerRedemptions: 1 } } },
        }),
      ),
    ).toEqual({
      p: 'CUSTOMER_LIMIT_REACHED',
    });
    expect(
      codes(
        run(cart, [limited], { customer: { id: 'c' }, usage: { promotions: { p: { redemptions: 100 } } } }),
      ),
    ).toEqual({
      p: 'REDEMPTION_LIMIT_REACHED',
    });
    expect(codes(run(cart, [{ ...p, currency: 'USD' }]))).toEqual({ p: 'CURRENCY_MISMATCH' });
    expect(codes(run(cart, [{ ...p, eligibility: { skus: ['NONE'] } }]))).toEqual({ p: 'NO_ELIGIBLE_LINES' });
  });

  it('budgets: a promotion’s and a campaign’s, spent before or by this cart', () => {
    const a = {
      id: 'a',
      type: 'amount-off' as const,
      amount: '30',
      campaignId: 'spring',
      limits: { budget: '1000' },
    };
    const b = { id: 'b', type: 'amount-off' as const, amount: '30', campaignId: 'spring' };
    const campaigns = [{ id: 'spring', budget: { spend: '50' } }];
    const both = run(cart, [a, b], { campaigns });
    expect(codes(both)).toEqual({ a: 'APPLIED', b: 'CAMPAIGN_BUDGET_EXCEEDED' });
    expect(both.decisions[1]?.details).toEqual({ discount: '30.00', remaining: '20.00' });
    expect(codes(run(cart, [a], { usage: { promotions: { a: { discount: '980' } } } }))).toEqual({
      a: 'BUDGET_EXCEEDED',
    });
    expect(codes(run(cart, [a], { usage: { promotions: { a: { discount: '1000' } } } }))).toEqual({
      a: 'BUDGET_EXHAUSTED',
    });
    expect(
      codes(run(cart, [a], { campaigns, usage: { campaigns: { spring: { discount: '50' } } } })),
    ).toEqual({
      a: 'CAMPAIGN_BUDGET_EXHAUSTED',
    });
  });
});

describe('the stacking policy', () => {
  const percent = { id: 'pct', type: 'percent-off' as const, percentOff: '10%', target: 'order' as const };
  const fixed = { id: 'fix', type: 'amount-off' as const, amount: '50', target: 'order' as const };

  it('percent before fixed by default; fixed first when configured; stages before everything', () => {
    // 300.00: 10 % → 270.00, − 50 → 220.00; the other way: 250.00, 10 % → 225.00
    expect(run(cart, [fixed, percent]).discount.toDecimalString()).toBe('80.00');
    expect(
      run(cart, [fixed, percent], { policy: { order: 'fixed-before-percent' } }).discount.toDecimalString(),
    ).toBe('75.00');
    // an item-stage flash price comes before any order-stage rate, whatever the priority
    const price = { id: 'fp', type: 'fixed-price' as const, price: '80', eligibility: { skus: ['TEA'] } };
    const result = run(cart, [{ ...percent, priority: 100 }, price]);
    expect(result.applied.map((a) => [a.promotionId, a.sequence])).toEqual([
      ['fp', 1],
      ['pct', 2],
    ]);
    expect(result.discount.toDecimalString()).toBe('66.00'); // 40 + 10 % of 260
  });

  it('priority orders within a stage, and one promotion per exclusive group', () => {
    const a = { ...percent, id: 'a', exclusiveGroup: 'store', priority: 1 };
    const b = { ...fixed, id: 'b', exclusiveGroup: 'store', priority: 5 };
    const result = run(cart, [a, b]);
    expect(codes(result)).toEqual({ a: 'EXCLUSIVE_GROUP_TAKEN', b: 'APPLIED' });
    expect(result.decisions[0]?.details).toEqual({ group: 'store', by: 'b' });
  });

  it('a group member that gives nothing does not take its group', () => {
    const high = {
      id: 'high',
      type: 'threshold' as const,
      tiers: [{ spend: '1000', off: '100' }],
      exclusiveGroup: 'g',
      priority: 9,
    };
    const low = { ...fixed, id: 'low', exclusiveGroup: 'g' };
    expect(codes(run(cart, [high, low]))).toEqual({ high: 'THRESHOLD_NOT_MET', low: 'APPLIED' });
  });

  it('a non-combinable promotion applies alone when it outranks the stack, else it is refused', () => {
    const solo = { id: 'solo', type: 'amount-off' as const, amount: '100', combinable: false };
    expect(codes(run(cart, [percent, fixed, { ...solo, priority: 1 }]))).toEqual({
      pct: 'NOT_COMBINABLE',
      fix: 'NOT_COMBINABLE',
      solo: 'APPLIED',
    });
    const refused = run(cart, [percent, fixed, solo]);
    expect(codes(refused)).toEqual({ pct: 'APPLIED', fix: 'APPLIED', solo: 'NOT_COMBINABLE' });
    expect(refused.decisions[2]?.message).toBe('Cannot be combined with pct, fix');
  });

  it('thresholds measure after earlier promotions, or on list prices with thresholdBasis original', () => {
    const mj = { id: 'mj', type: 'threshold' as const, tiers: [{ spend: '300', off: '30' }] };
    const item = {
      id: 'item',
      type: 'percent-off' as const,
      percentOff: '10%',
      eligibility: { skus: ['TEA'] },
    };
    expect(codes(run(cart, [item, mj]))).toEqual({ item: 'APPLIED', mj: 'THRESHOLD_NOT_MET' });
    const original = run(cart, [item, mj], { policy: { thresholdBasis: 'original' } });
    expect(codes(original)).toEqual({ item: 'APPLIED', mj: 'APPLIED' });
    expect(original.applied[1]?.basis.toDecimalString()).toBe('300.00');
  });

  it('best mode finds the combination the sequence misses, the same by both searches', () => {
    const solo = { id: 'solo', type: 'amount-off' as const, amount: '100', combinable: false };
    const input = { cart, promotions: [percent, fixed, solo], now: NOW };
    const sequence = evaluateCart(input);
    expect(sequence.savings.toDecimalString()).toBe('80.00');
    const best = evaluateCart({ ...input, policy: { mode: 'best' } });
    expect(best.savings.toDecimalString()).toBe('100.00');
    expect(codes(best)).toEqual({ pct: 'NOT_COMBINABLE', fix: 'NOT_COMBINABLE', solo: 'APPLIED' });
    expect(best.search).toMatchObject({ method: 'branch-and-bound', candidates: 3, exact: true });
    const brute = evaluateCart({ ...input, policy: { mode: 'best', search: 'brute-force' } });
    expect(brute.search).toMatchObject({ method: 'brute-force', evaluated: 4 }); // {pct}, {fix}, {pct, fix}, {solo}
    expect(brute.applied.map((a) => a.promotionId)).toEqual(best.applied.map((a) => a.promotionId));
  });

  it('best mode falls back to a greedy search beyond exactLimit and says so', () => {
    const many = Array.from({ length: 5 }, (_, i) => ({
      id: `p${i}`,
      type: 'amount-off' as const,
      amount: `${i + 1}`,
    }));
    const result = run(cart, many, { policy: { mode: 'best', exactLimit: 3 } });
    expect(result.search).toMatchObject({ method: 'greedy', candidates: 5, exact: false });
    expect(result.discount.toDecimalString()).toBe('15.00');
  });

  it('gives every promotion exactly one decision, in the order given', () => {
    const result = run(cart, [fixed, { id: 'x', type: 'free-shipping' }, percent]);
    expect(result.decisions.map((d) => d.promotionId)).toEqual(['fix', 'x', 'pct']);
    expect(result.total.toDecimalString()).toBe('220.00');
  });
});

describe('compiled sets and validation', () => {
  it('a compiled set gives the same result and carries its campaigns', () => {
    const promotions = [{ id: 'a', type: 'amount-off' as const, amount: '30', campaignId: 'c' }];
    const set = compilePromotions(promotions, [{ id: 'c', budget: { spend: '10' } }]);
    expect(codes(evaluateCart({ cart, promotions: set, now: NOW }))).toEqual({
      a: 'CAMPAIGN_BUDGET_EXCEEDED',
    });
    expect(() => evaluateCart({ cart, promotions: set, campaigns: [], now: NOW })).toThrow(ValidationError);
  });

  it('rejects bad input naming the field, before any work', () => {
    const fails = (input: unknown) => {
      try {
        evaluateCart(input as never);
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        return (error as ValidationError).issues.map((i) => i.path.join('.'));
      }
      throw new Error('expected a ValidationError');
    };
    expect(fails({ cart: { lines: [line('a', 'X', 1, '1.234')] }, promotions: [], now: NOW })).toEqual([
      'cart.lines.0.unitPrice',
    ]);
    expect(fails({ cart: { lines: [line('a', 'X', 0, '1')] }, promotions: [], now: NOW })).toEqual([
      'cart.lines.0.quantity',
    ]);
    expect(
      fails({ cart: { lines: [line('a', 'X', 1, '1'), line('a', 'Y', 1, '1')] }, promotions: [], now: NOW }),
    ).toEqual(['cart.lines.1.id']);
    expect(
      fails({
        cart,
        promotions: [
          {
            id: 'p',
            type: 'threshold',
            tiers: [
              { spend: '200', off: '5' },
              { spend: '100', off: '10' },
            ],
          },
        ],
        now: NOW,
      }),
    ).toEqual(['promotions.0.tiers.1.spend']);
    // a higher tier that gave less would make spending more save less
    expect(
      fails({
        cart,
        promotions: [
          {
            id: 'p',
            type: 'threshold',
            tiers: [
              { spend: '100', off: '20' },
              { spend: '200', off: '10' },
            ],
          },
        ],
        now: NOW,
      }),
    ).toEqual(['promotions.0.tiers.1.off']);
    expect(
      fails({ cart, promotions: [{ id: 'p', type: 'percent-off', percentOff: '120%' }], now: NOW }),
    ).toEqual(['promotions.0.percentOff']);
    expect(fails({ cart, promotions: [{ id: 'p', type: 'amount-off', amount: '0.001' }], now: NOW })).toEqual(
      ['promotions.0.amount'],
    );
    expect(fails({ cart, promotions: [{ id: 'p', type: 'nope' }], now: NOW })).toEqual(['promotions.0.type']);
    expect(fails({ cart, promotions: 'all', now: NOW })).toEqual(['promotions']);
    expect(fails({ cart, promotions: [], now: 'yesterday' })).toEqual(['now']);
    expect(fails({ cart, promotions: [], now: NOW, policy: { mode: 'cheapest' } })).toEqual(['policy.mode']);
    expect(fails(null)).toEqual(['']);
  });
});
