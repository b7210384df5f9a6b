import type { DomainEvent, InfrastructureTx, JsonValue } from '@s2b2b/core';
import type { Shop } from '../shop.js';

/**
 * Appends one of the shop's events (`shop.order.placed`, `shop.order.cancelled`) to the outbox
 * in `tx`, and relays it to the shop's `onEvent` once the transaction has committed.
 *
 * @example
 * await appendShopEvent(shop, tx, 'shop.order.placed', order.id, { total: '178.00' });
 */
export async function appendShopEvent(
  shop: Shop,
  tx: InfrastructureTx,
  type: string,
  aggregateId: string,
  payload: JsonValue,
): Promise<DomainEvent> {
  const event: DomainEvent = { id: shop.ids(), type, occurredAt: shop.clock.now(), aggregateId, payload };
  await tx.events.append([event]);
  const listener = shop.onEvent;
  if (listener) tx.afterCommit(() => listener(event));
  return event;
}
