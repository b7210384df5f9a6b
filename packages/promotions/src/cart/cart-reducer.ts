import { DomainError } from '@s2b2b/core';
import { produce } from 'immer';
import type { CartEvaluation } from '../evaluate/evaluate-cart.js';
import type { CartLine } from './schemas.js';

/**
 * The prices a cart was placed at, as JSON-friendly strings: each line's subtotal and
 * adjustments (what `reverseDiscounts` takes), each applied promotion's total, and the total.
 *
 * @example
 * const pricing: CartPricing = pricingOf(evaluateCart(input));
 */
export interface CartPricing {
  total: string;
  savings: string;
  lines: {
    lineId: string;
    quantity: number;
    subtotal: string;
    adjustments: { promotionId: string; amount: string }[];
  }[];
  applied: { promotionId: string; total: string; units: number; code: string | null }[];
}

/**
 * A cart through its life: `open` while the buyer edits it (every edit drops the pricing),
 * `placed` once checked out at a fresh pricing (with the cap claim that holds its promotions),
 * then `cancelled`, or refunded unit by unit. `version` counts the events applied.
 *
 * @example
 * const cart: CartState = emptyCart('cart-1');
 */
export interface CartState {
  id: string;
  status: 'open' | 'placed' | 'cancelled';
  currency: string;
  channel: string | null;
  lines: CartLine[];
  shipping: string;
  couponCodes: string[];
  pricing: CartPricing | null;
  claimId: string | null;
  /** Units refunded so far, by line id. */
  refunded: Record<string, number>;
  version: number;
}

/**
 * What can happen to a cart.
 *
 * @example
 * const event: CartEvent = { type: 'code-entered', code: 'NEW20' };
 */
export type CartEvent =
  | { type: 'line-added'; line: CartLine }
  | { type: 'quantity-changed'; lineId: string; quantity: number }
  | { type: 'line-removed'; lineId: string }
  | { type: 'code-entered'; code: string }
  | { type: 'code-removed'; code: string }
  | { type: 'shipping-set'; shipping: string }
  | { type: 'priced'; pricing: CartPricing }
  | { type: 'placed'; claimId: string }
  | { type: 'cancelled' }
  | { type: 'refunded'; lines: { lineId: string; quantity: number }[] };

/**
 * Every `DomainError` code `reduceCart` throws.
 *
 * @example
 * CART_ERROR_CODES.CART_NOT_PRICED
 */
export const CART_ERROR_CODES = Object.freeze({
  CART_NOT_OPEN: 'The cart was placed or cancelled; it can no longer be edited or placed.',
  CART_NOT_PRICED:
    'The cart changed since it was last priced (or was never priced); price it before placing it.',
  CART_NOT_PLACED: 'Only a placed cart can be cancelled or refunded.',
  LINE_EXISTS: 'A line with that id is already in the cart.',
  LINE_NOT_FOUND: 'No line of the cart has that id.',
  REFUND_EXCEEDS_QUANTITY: 'More units would be refunded than the line has left.',
} as const);

/**
 * A new, empty, open cart.
 *
 * @example
 * emptyCart('cart-1', { currency: 'CNY', channel: 'mini-program' })
 */
export function emptyCart(id: string, options: { currency?: string; channel?: string } = {}): CartState {
  return {
    id,
    status: 'open',
    currency: options.currency ?? 'CNY',
    channel: options.channel ?? null,
    lines: [],
    shipping: '0',
    couponCodes: [],
    pricing: null,
    claimId: null,
    refunded: {},
    version: 0,
  };
}

/**
 * The pricing to record in a `priced` event, from an evaluation.
 *
 * @example
 * state = reduceCart(state, { type: 'priced', pricing: pricingOf(evaluation) });
 */
export function pricingOf(evaluation: CartEvaluation): CartPricing {
  return {
    total: evaluation.total.toDecimalString(),
    savings: evaluation.savings.toDecimalString(),
    lines: evaluation.lines.map((line) => ({
      lineId: line.lineId,
      quantity: line.quantity,
      subtotal: line.subtotal.toDecimalString(),
      adjustments: line.adjustments.map((a) => ({
        promotionId: a.promotionId,
        amount: a.amount.toDecimalString(),
      })),
    })),
    applied: evaluation.applied.map((a) => ({
      promotionId: a.promotionId,
      total: a.total.toDecimalString(),
      units: a.units,
      code: a.code,
    })),
  };
}

/**
 * The cart input of `evaluateCart` for a cart state.
 *
 * @example
 * evaluateCart({ cart: cartInputOf(state), promotions, now })
 */
export function cartInputOf(state: CartState) {
  return {
    id: state.id,
    currency: state.currency,
    ...(state.channel === null ? {} : { channel: state.channel }),
    lines: state.lines,
    shipping: state.shipping,
    couponCodes: state.couponCodes,
  };
}

/**
 * Advances a cart: a pure reducer `(state, event) => state` written with immer (the input is
 * never changed). Edits (`line-added`, `quantity-changed`, `line-removed`, `code-entered`,
 * `code-removed`, `shipping-set`) need an open cart and drop the pricing; `priced` records one;
 * `placed` needs a pricing of the cart as it is; `cancelled` and `refunded` need a placed cart,
 * and refunds never pass a line's quantity. Codes are compared trimmed and upper-case.
 *
 * @throws DomainError with the codes of {@link CART_ERROR_CODES}
 * @example
 * let cart = emptyCart('c-1');
 * cart = reduceCart(cart, { type: 'line-added', line: { id: 'l1', sku: 'TEA', quantity: 2, unitPrice: '68', categories: [] } });
 * cart = reduceCart(cart, { type: 'priced', pricing: pricingOf(evaluateCart({ cart: cartInputOf(cart), promotions, now })) });
 * cart = reduceCart(cart, { type: 'placed', claimId: 'order-1' });
 */
export function reduceCart(state: CartState, event: CartEvent): CartState {
  return produce(state, (draft) => {
    const edit = () => {
      if (draft.status !== 'open') throw cartError('CART_NOT_OPEN', draft.id, { status: draft.status });
      draft.pricing = null;
    };
    const lineIndex = (lineId: string) => {
      const index = draft.lines.findIndex((line) => line.id === lineId);
      if (index < 0) throw cartError('LINE_NOT_FOUND', draft.id, { lineId });
      return index;
    };
    switch (event.type) {
      case 'line-added':
        edit();
        if (draft.lines.some((line) => line.id === event.line.id)) {
          throw cartError('LINE_EXISTS', draft.id, { lineId: event.line.id });
        }
        draft.lines.push({ ...event.line, categories: [...event.line.categories] });
        break;
      case 'quantity-changed':
        edit();
        draft.lines[lineIndex(event.lineId)]!.quantity = event.quantity;
        break;
      case 'line-removed':
        edit();
        draft.lines.splice(lineIndex(event.lineId), 1);
        break;
      case 'code-entered': {
        edit();
        const code = event.code.trim().toUpperCase();
        if (!draft.couponCodes.includes(code)) draft.couponCodes.push(code);
        break;
      }
      case 'code-removed': {
        edit();
        const code = event.code.trim().toUpperCase();
        draft.couponCodes = draft.couponCodes.filter((c) => c !== code);
        break;
      }
      case 'shipping-set':
        edit();
        draft.shipping = event.shipping;
        break;
      case 'priced':
        if (draft.status !== 'open') throw cartError('CART_NOT_OPEN', draft.id, { status: draft.status });
        draft.pricing = structuredClone(event.pricing);
        break;
      case 'placed': {
        if (draft.status !== 'open') throw cartError('CART_NOT_OPEN', draft.id, { status: draft.status });
        const pricing = draft.pricing;
        const fresh =
          pricing !== null &&
          pricing.lines.length === draft.lines.length &&
          pricing.lines.every(
            (line, i) => line.lineId === draft.lines[i]!.id && line.quantity === draft.lines[i]!.quantity,
          );
        if (!fresh) throw cartError('CART_NOT_PRICED', draft.id, {});
        draft.status = 'placed';
        draft.claimId = event.claimId;
        break;
      }
      case 'cancelled':
        if (draft.status !== 'placed') throw cartError('CART_NOT_PLACED', draft.id, { status: draft.status });
        draft.status = 'cancelled';
        break;
      case 'refunded': {
        if (draft.status !== 'placed') throw cartError('CART_NOT_PLACED', draft.id, { status: draft.status });
        const wanted = new Map<string, number>();
        for (const r of event.lines) wanted.set(r.lineId, (wanted.get(r.lineId) ?? 0) + r.quantity);
        for (const [lineId, quantity] of wanted) {
          const line = draft.lines[lineIndex(lineId)]!;
          const done = draft.refunded[lineId] ?? 0;
          if (done + quantity > line.quantity) {
            throw cartError('REFUND_EXCEEDS_QUANTITY', draft.id, {
              lineId,
              quantity: line.quantity,
              refunded: done,
              requested: quantity,
            });
          }
        }
        for (const [lineId, quantity] of wanted)
          draft.refunded[lineId] = (draft.refunded[lineId] ?? 0) + quantity;
        break;
      }
    }
    draft.version += 1;
  });
}

function cartError(
  code: keyof typeof CART_ERROR_CODES,
  cartId: string,
  details: Record<string, string | number>,
): DomainError {
  return new DomainError(code, `Cart ${JSON.stringify(cartId)}: ${CART_ERROR_CODES[code]}`, {
    cartId,
    ...details,
  });
}
