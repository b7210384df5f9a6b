import { DomainError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { reverseDiscounts } from '../allocation/reverse-discounts.js';
import { evaluateCart } from '../evaluate/evaluate-cart.js';
import { line, NOW } from '../test-fixtures.js';
import {
  type CartEvent,
  type CartState,
  cartInputOf,
  emptyCart,
  pricingOf,
  reduceCart,
} from './cart-reducer.js';

const promotions = [
  { id: 'mj', type: 'threshold' as const, tiers: [{ spend: '199', off: '20' }] },
  { id: 'vip', type: 'percent-off' as const, percentOff: '10%', coupon: { codes: ['VIP10'] } },
];

const apply = (state: CartState, ...events: CartEvent[]) => events.reduce(reduceCart, state);
const price = (state: CartState) =>
  reduceCart(state, {
    type: 'priced',
    pricing: pricingOf(evaluateCart({ cart: cartInputOf(state), promotions, now: NOW })),
  });
const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).code;
  }
  return 'none';
};

describe('reduceCart', () => {
  it('edits, prices, places, refunds — never changing the state it was given', () => {
    const start = emptyCart('cart-1');
    const edited = apply(
      start,
      { type: 'line-added', line: line('a', 'TEA', 2, '68') },
      { type: 'line-added', line: line('b', 'POT', 1, '99') },
      { type: 'code-entered', code: ' vip10 ' },
      { type: 'quantity-changed', lineId: 'a', quantity: 3 },
    );
    expect(start.lines).toEqual([]);
    expect(edited.couponCodes).toEqual(['VIP10']);
    expect(edited.version).toBe(4);
    const priced = price(edited);
    // 204 + 99 = 303: 10 % → 272.70 (item stage), then 满199减20 → 252.70
    expect(priced.pricing?.total).toBe('252.70');
    expect(priced.pricing?.applied.map((a) => [a.promotionId, a.total, a.code])).toEqual([
      ['vip', '30.30', 'VIP10'],
      ['mj', '20.00', null],
    ]);
    const placed = reduceCart(priced, { type: 'placed', claimId: 'order-1' });
    expect(placed).toMatchObject({ status: 'placed', claimId: 'order-1' });
    expect(codeOf(() => reduceCart(placed, { type: 'line-removed', lineId: 'a' }))).toBe('CART_NOT_OPEN');
    const refunded = reduceCart(placed, { type: 'refunded', lines: [{ lineId: 'a', quantity: 2 }] });
    expect(refunded.refunded).toEqual({ a: 2 });
    // the reducer's record of refunded units feeds reverseDiscounts for the next refund
    const next = reverseDiscounts({
      lines: placed.pricing!.lines,
      refund: [{ lineId: 'a', quantity: 1 }],
      refunded: Object.entries(refunded.refunded).map(([lineId, quantity]) => ({ lineId, quantity })),
    });
    const all = reverseDiscounts({ lines: placed.pricing!.lines, refund: [{ lineId: 'a', quantity: 3 }] });
    const firstTwo = reverseDiscounts({
      lines: placed.pricing!.lines,
      refund: [{ lineId: 'a', quantity: 2 }],
    });
    expect(firstTwo.refund.add(next.refund).equals(all.refund)).toBe(true);
    expect(
      codeOf(() => reduceCart(refunded, { type: 'refunded', lines: [{ lineId: 'a', quantity: 2 }] })),
    ).toBe('REFUND_EXCEEDS_QUANTITY');
  });

  it('any edit drops the pricing; placing needs a fresh one', () => {
    const cart = price(apply(emptyCart('c'), { type: 'line-added', line: line('a', 'TEA', 3, '68') }));
    expect(cart.pricing).not.toBeNull();
    const changed = reduceCart(cart, { type: 'shipping-set', shipping: '8' });
    expect(changed.pricing).toBeNull();
    expect(codeOf(() => reduceCart(changed, { type: 'placed', claimId: 'o' }))).toBe('CART_NOT_PRICED');
    expect(codeOf(() => reduceCart(emptyCart('e'), { type: 'placed', claimId: 'o' }))).toBe(
      'CART_NOT_PRICED',
    );
    expect(codeOf(() => reduceCart(cart, { type: 'line-added', line: line('a', 'X', 1, '1') }))).toBe(
      'LINE_EXISTS',
    );
    expect(codeOf(() => reduceCart(cart, { type: 'quantity-changed', lineId: 'zz', quantity: 1 }))).toBe(
      'LINE_NOT_FOUND',
    );
    expect(codeOf(() => reduceCart(cart, { type: 'cancelled' }))).toBe('CART_NOT_PLACED');
    const removed = apply(cart, { type: 'code-entered', code: 'x' }, { type: 'code-removed', code: 'X' });
    expect(removed.couponCodes).toEqual([]);
    const cancelled = apply(price(removed), { type: 'placed', claimId: 'o' }, { type: 'cancelled' });
    expect(cancelled.status).toBe('cancelled');
    expect(
      codeOf(() => reduceCart(cancelled, { type: 'refunded', lines: [{ lineId: 'a', quantity: 1 }] })),
    ).toBe('CART_NOT_PLACED');
  });
});
