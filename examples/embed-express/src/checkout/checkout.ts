import { DomainError, isS2b2bError, type JsonValue, Money, parseInput, runIdempotent } from '@s2b2b/core';
import { type CartInput, evaluateCart } from '@s2b2b/promotions';
import { toHttpError } from '../http/http-error.js';
import {
  findResponse,
  type RecordedCommand,
  type ResponseResult,
  recordResponse,
} from '../http/stored-response.js';
import type { Order, Pricing } from '../orders/order.js';
import { appendShopEvent } from '../orders/shop-event.js';
import type { Shop } from '../shop.js';
import { cartOf } from './cart-of.js';
import { type CheckoutRequest, checkoutRequestSchema } from './checkout-request.js';
import { pricingOf } from './pricing-of.js';
import { isRefusal } from './refusal.js';

/**
 * Scope of a checkout's recorded answer (its steps use the services' own scopes).
 *
 * @example
 * await storage.idempotency.get(CHECKOUT_SCOPE, 'checkout-7f3a') // the recorded { status, body }
 */
export const CHECKOUT_SCOPE = 'shop.checkout';

/**
 * The step that refused a checkout (`refusedAt` of a refused answer).
 *
 * @example
 * const step: CheckoutStep = 'credit';
 */
export type CheckoutStep = 'caps' | 'stock' | 'credit';

/**
 * Places an order: prices the cart with the catalogue's promotions, claims their caps (the
 * flash-sale units among them), reserves the stock, and holds a purchase loan for the amount
 * due on the merchant's credit line — each step an idempotent command under a key derived from
 * the request's, all carrying the order's id. When a step is refused the steps before it are
 * undone (the reservation released, then the claim), so a refused checkout holds nothing; the
 * answer says which step refused and what was given back.
 *
 * The answer is recorded under the request's key: a replay gets it again. A checkout cut
 * short by an outage (a 5xx) resumes on a retry with the same key, every finished step
 * replaying its first outcome.
 *
 * A promotion whose cap runs out between the pricing and the claim (another checkout took the
 * last flash-sale units) is dropped and the cart priced again without it.
 *
 * @throws ValidationError naming the field of the body; DomainError `UNKNOWN_SKU`,
 *   `LINE_NOT_FOUND`, `LINE_NOT_OWNED` before anything is written
 * @example
 * const { status, body } = await checkout(shop, 'checkout-7f3a', { merchantId: 'M-1', creditLineId: 'L-1', warehouseId: 'WH-SH', lines: [{ sku: 'RICE-5KG', quantity: 2 }] });
 * status // 201, or 409 / 422 with { error, refusedAt, compensated }
 */
export async function checkout(shop: Shop, key: string, raw: unknown): Promise<ResponseResult> {
  const request = parseInput(checkoutRequestSchema, raw);
  const now = shop.clock.now();
  const command: RecordedCommand = { scope: CHECKOUT_SCOPE, key, payload: request, now };
  const earlier = await findResponse(shop.storage, command);
  if (earlier) return earlier;

  const cart = cartOf(shop.catalog, request);
  await checkCreditLine(shop, request);
  const { value: order } = await runIdempotent(
    shop.storage,
    { scope: 'shop.checkout.order', key, payload: request, now },
    async () => ({ orderId: shop.ids() }),
  );
  const orderId = order.orderId;

  const priced = await priceAndClaim(shop, { key, orderId, request, cart, now });
  if (!priced.ok) return refuse(shop, command, priced.refusal, 'caps', []);
  const { pricing, claimed } = priced;
  const undoCaps = async (reason: string) => {
    if (!claimed) return [];
    await releaseIgnoringClosed(() =>
      shop.caps.release({ idempotencyKey: `${key}:undo-caps`, claimId: orderId, reason }),
    );
    return ['caps'];
  };

  try {
    await shop.stock.reserve({
      idempotencyKey: `${key}:stock`,
      orderId,
      reservationId: orderId,
      warehouseId: request.warehouseId,
      lines: request.lines.map(({ sku, quantity }) => ({ sku, quantity })),
    });
  } catch (error) {
    if (!isRefusal(error)) throw error;
    const compensated = await undoCaps(`checkout refused: ${codeOf(error)}`);
    return refuse(shop, command, error, 'stock', compensated);
  }

  if (!Money.of(pricing.total, pricing.currency).isZero()) {
    try {
      await shop.credit.draw({
        idempotencyKey: `${key}:credit`,
        lineId: request.creditLineId,
        drawingId: orderId,
        product: 'purchase',
        amount: pricing.total,
        hold: true,
        reference: orderId,
      });
    } catch (error) {
      if (!isRefusal(error)) throw error;
      const reason = `checkout refused: ${codeOf(error)}`;
      await releaseIgnoringClosed(() =>
        shop.stock.release({ idempotencyKey: `${key}:undo-stock`, reservationId: orderId, reason }),
      );
      const compensated = ['stock', ...(await undoCaps(reason))];
      return refuse(shop, command, error, 'credit', compensated);
    }
  }

  const placed: Order = {
    id: orderId,
    merchantId: request.merchantId,
    creditLineId: request.creditLineId,
    warehouseId: request.warehouseId,
    status: 'placed',
    pricing,
    placedAt: now.toISOString(),
    cancelledAt: null,
  };
  return recordResponse(
    shop.storage,
    command,
    { status: 201, body: { order: placed } as unknown as JsonValue },
    async (tx) => {
      await shop.orders.insert(placed);
      await appendShopEvent(shop, tx, 'shop.order.placed', orderId, {
        merchantId: placed.merchantId,
        creditLineId: placed.creditLineId,
        warehouseId: placed.warehouseId,
        total: pricing.total,
        currency: pricing.currency,
      });
    },
  );
}

/** The credit line exists and is the merchant's (read before anything is written). */
async function checkCreditLine(shop: Shop, request: CheckoutRequest): Promise<void> {
  const line = await shop.credit.getLine(request.creditLineId);
  if (!line) {
    throw new DomainError('LINE_NOT_FOUND', `No credit line ${JSON.stringify(request.creditLineId)}`, {
      lineId: request.creditLineId,
    });
  }
  if (line.merchantId !== request.merchantId) {
    throw new DomainError(
      'LINE_NOT_OWNED',
      `Credit line ${JSON.stringify(request.creditLineId)} is not merchant ${JSON.stringify(request.merchantId)}'s`,
      { lineId: request.creditLineId, merchantId: request.merchantId },
    );
  }
}

interface PricingContext {
  key: string;
  orderId: string;
  request: CheckoutRequest;
  cart: CartInput;
  now: Date;
}

type Priced = { ok: true; pricing: Pricing; claimed: boolean } | { ok: false; refusal: unknown };

/**
 * Prices the cart on the caps' current usage and claims what the applied promotions use. On
 * `CAP_EXCEEDED` the promotions of that cap are dropped and the cart priced again; every
 * attempt is recorded (`<key>#<n>`), so a retry takes the same path.
 */
async function priceAndClaim(shop: Shop, context: PricingContext): Promise<Priced> {
  const { key, orderId, request, cart, now } = context;
  const dropped: string[] = [];
  for (let attempt = 1; ; attempt += 1) {
    const promotions = shop.catalog.without(dropped);
    const { value } = await runIdempotent(
      shop.storage,
      { scope: 'shop.checkout.price', key: `${key}#${attempt}`, payload: { orderId, dropped }, now },
      async () => {
        const usage = await shop.caps.usageSnapshot({
          promotions,
          customerId: request.merchantId,
          codes: request.couponCodes,
        });
        const evaluation = evaluateCart({
          cart,
          promotions,
          customer: { id: request.merchantId },
          now,
          usage,
        });
        return pricingOf(evaluation, shop.catalog, dropped) as unknown as JsonValue;
      },
    );
    const pricing = value as unknown as Pricing;
    try {
      const { claim } = await shop.caps.claimEvaluation({
        idempotencyKey: `${key}#${attempt}:caps`,
        claimId: orderId,
        customerId: request.merchantId,
        reference: orderId,
        evaluation: {
          currency: pricing.currency,
          applied: pricing.applied.map(({ promotionId, total, units, code }) => ({
            promotionId,
            total,
            units,
            code,
          })),
        },
        promotions,
      });
      return { ok: true, pricing, claimed: claim !== null };
    } catch (error) {
      if (!isS2b2bError(error, 'CAP_EXCEEDED')) {
        if (isRefusal(error)) return { ok: false, refusal: error };
        throw error;
      }
      const fresh = (await promotionsOfCap(shop, String(error.details.capId))).filter(
        (id) => !dropped.includes(id),
      );
      // Nothing left to drop: the cap is not a promotion's of this catalogue; refuse.
      if (fresh.length === 0) return { ok: false, refusal: error };
      dropped.push(...fresh);
    }
  }
}

/** The catalogue's promotions a cap belongs to: its promotion's, or every promotion of its campaign. */
async function promotionsOfCap(shop: Shop, capId: string): Promise<string[]> {
  const cap = await shop.caps.getCap(capId);
  if (cap?.promotionId) return [cap.promotionId];
  if (cap?.campaignId) {
    return shop.catalog.promotions
      .filter((promotion) => promotion.campaignId === cap.campaignId)
      .map((promotion) => promotion.id);
  }
  return [];
}

/** Runs a compensating release; one that finds nothing left to give back has nothing to undo. */
async function releaseIgnoringClosed(release: () => Promise<unknown>): Promise<void> {
  try {
    await release();
  } catch (error) {
    if (isS2b2bError(error, 'NOTHING_TO_RELEASE') || isS2b2bError(error, 'RESERVATION_CLOSED')) return;
    throw error;
  }
}

const codeOf = (error: unknown) => (isS2b2bError(error) ? error.code : 'ERROR');

/** Records a refused checkout's answer: the error as the error handler shapes it, the step, what was given back. */
function refuse(
  shop: Shop,
  command: RecordedCommand,
  error: unknown,
  refusedAt: CheckoutStep,
  compensated: string[],
): Promise<ResponseResult> {
  const { status, body } = toHttpError(error);
  return recordResponse(shop.storage, command, {
    status,
    body: { ...body, refusedAt, compensated } as unknown as JsonValue,
  });
}
