import type { JsonValue } from '@s2b2b/core';
import type { Shipment, ShipmentStatus } from '../../store.js';
import { SHIPMENT_EVENT_TYPE, type ShipmentEvent } from '../events.js';

/**
 * What a tracking command handler knows besides its input: when it runs, which command it is,
 * and where new ids come from.
 *
 * @example
 * const ctx: TrackingCommandContext = { now: new Date(), scope: 'logistics.ingest-events', key: 'k-1', nextId: () => crypto.randomUUID() };
 */
export interface TrackingCommandContext {
  now: Date;
  scope: string;
  key: string;
  nextId(): string;
}

/**
 * A typed shipment event for a status the shipment reached, with a fresh id at the command's time.
 *
 * @example
 * shipmentEvent(ctx, shipment, 'in-transit')
 */
export function shipmentEvent(
  ctx: TrackingCommandContext,
  shipment: Shipment,
  from: ShipmentStatus | null,
): ShipmentEvent {
  const payload = {
    shipmentId: shipment.id,
    carrierId: shipment.carrierId,
    trackingNumber: shipment.trackingNumber,
    merchantId: shipment.merchantId,
    orderIds: [...shipment.orderIds],
    from,
    to: shipment.status,
    at: shipment.statusAt.toISOString(),
    location: shipment.lastLocation,
    eta: shipment.eta ? shipment.eta.toISOString() : null,
    late: shipment.late,
  };
  return {
    id: ctx.nextId(),
    type: SHIPMENT_EVENT_TYPE[shipment.status],
    occurredAt: ctx.now,
    aggregateId: shipment.id,
    payload: payload satisfies Record<string, JsonValue>,
  };
}
