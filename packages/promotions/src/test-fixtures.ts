// Test helpers (not exported from index.ts).
import type { CartInput } from './cart/schemas.js';
import { type EvaluateCartInput, evaluateCart } from './evaluate/evaluate-cart.js';
import type { PromotionInput } from './promotion/schemas.js';

/** 2026-03-08 10:30 in Shanghai. */
export const NOW = new Date('2026-03-08T02:30:00.000Z');

/** A cart line: `[id, sku, quantity, unitPrice, categories?, merchantId?]`. */
export function line(
  id: string,
  sku: string,
  quantity: number,
  unitPrice: string,
  categories: string[] = [],
  merchantId?: string,
) {
  return { id, sku, quantity, unitPrice, categories, ...(merchantId ? { merchantId } : {}) };
}

/** Evaluates a cart with the given promotions at {@link NOW} (sequence mode unless given). */
export function run(cart: CartInput, promotions: PromotionInput[], extra: Partial<EvaluateCartInput> = {}) {
  return evaluateCart({ cart, promotions, now: NOW, ...extra });
}

/** Each line's discount as decimal strings, by line id. */
export function lineDiscounts(result: ReturnType<typeof run>): Record<string, string> {
  return Object.fromEntries(result.lines.map((l) => [l.lineId, l.discount.toDecimalString()]));
}

/** The decision code of each promotion, by id. */
export function codes(result: ReturnType<typeof run>): Record<string, string> {
  return Object.fromEntries(result.decisions.map((d) => [d.promotionId, d.code]));
}
