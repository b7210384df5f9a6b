import { DomainError, type JsonValue, NotFoundError, parseInput } from '@s2b2b/core';
import { z } from 'zod';
import {
  findResponse,
  type RecordedCommand,
  type ResponseResult,
  recordResponse,
} from '../http/stored-response.js';
import type { Order } from '../orders/order.js';
import { appendShopEvent } from '../orders/shop-event.js';
import type { Shop } from '../shop.js';

/**
 * Scope of a cancellation's recorded answer.
 *
 * @example
 * await storage.idempotency.get(CANCEL_SCOPE, 'cancel-7f3a') // the recorded { status, body }
 */
export const CANCEL_SCOPE = 'shop.cancel';

/**
 * The body of `POST /orders/:id/cancel` (may be empty).
 *
 * @example
 * cancelRequestSchema.parse({ reason: 'merchant changed the order' })
 */
export const cancelRequestSchema = z
  .object({ reason: z.string().trim().min(1).max(200).default('cancelled by the merchant') })
  .strict();

/**
 * Cancels a placed order: voids its held purchase loan, releases what its reservation still
 * holds, and gives its promotion caps back (the flash-sale units and redemptions), each an
 * idempotent command under a key derived from the request's; then marks the order cancelled.
 * The answer is recorded under the request's key.
 *
 * @throws NotFoundError when no order has the id; DomainError `ORDER_CANCELLED` when it is already cancelled
 * @example
 * const { status, body } = await cancelOrder(shop, 'cancel-7f3a', orderId, { reason: 'duplicate order' });
 * status // 200
 */
export async function cancelOrder(
  shop: Shop,
  key: string,
  orderId: string,
  raw: unknown,
): Promise<ResponseResult> {
  const { reason } = parseInput(cancelRequestSchema, raw ?? {});
  const now = shop.clock.now();
  const command: RecordedCommand = { scope: CANCEL_SCOPE, key, payload: { orderId, reason }, now };
  const earlier = await findResponse(shop.storage, command);
  if (earlier) return earlier;

  const order = await shop.orders.get(orderId);
  if (!order) throw new NotFoundError('order', orderId);
  if (order.status === 'cancelled') throw orderCancelled(orderId);

  const released: string[] = [];
  const drawing = await shop.credit.getDrawing(orderId);
  if (drawing?.status === 'held') {
    await shop.credit.cancelDraw({ idempotencyKey: `${key}:credit`, drawingId: orderId, reason });
    released.push('credit');
  }
  const reservation = await shop.stock.getReservation(orderId);
  if (reservation?.lines.some((line) => line.open > 0)) {
    await shop.stock.release({ idempotencyKey: `${key}:stock`, reservationId: orderId, reason });
    released.push('stock');
  }
  const claim = await shop.caps.getClaim(orderId);
  if (claim?.entries.some((entry) => entry.amount > entry.released)) {
    await shop.caps.release({ idempotencyKey: `${key}:caps`, claimId: orderId, reason });
    released.push('caps');
  }

  const cancelled: Order = { ...order, status: 'cancelled', cancelledAt: now.toISOString() };
  return recordResponse(
    shop.storage,
    command,
    { status: 200, body: { order: cancelled, released } as unknown as JsonValue },
    async (tx) => {
      if (!(await shop.orders.markCancelled(orderId, now))) throw orderCancelled(orderId);
      await appendShopEvent(shop, tx, 'shop.order.cancelled', orderId, { reason, released });
    },
  );
}

function orderCancelled(orderId: string): DomainError {
  return new DomainError('ORDER_CANCELLED', `Order ${JSON.stringify(orderId)} is already cancelled`, {
    orderId,
  });
}
