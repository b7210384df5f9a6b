import type { DomainEvent } from '@s2b2b/core';
import type { ShipmentStatus } from '../store.js';

/**
 * What every shipment event carries: the shipment, the status change and the ETA after it.
 * Times are ISO strings.
 *
 * @example
 * const payload: ShipmentEventPayload = { shipmentId: 'shp-1', carrierId: 'SF', trackingNumber: 'SF1', merchantId: 'M-1', orderIds: ['SO-1'], from: 'in-transit', to: 'delivered', at: '2026-03-04T09:30:00.000Z', location: '杭州', eta: '2026-03-04T09:30:00.000Z', late: false };
 */
export type ShipmentEventPayload = {
  shipmentId: string;
  carrierId: string;
  trackingNumber: string;
  merchantId: string;
  orderIds: string[];
  /** `null` for `shipment.created`. */
  from: ShipmentStatus | null;
  to: ShipmentStatus;
  /** When the status was reached. */
  at: string;
  location: string | null;
  eta: string | null;
  late: boolean;
};

/**
 * The event type for each status a shipment reaches.
 *
 * @example
 * SHIPMENT_EVENT_TYPE['out-for-delivery'] // 'shipment.out_for_delivery'
 */
export const SHIPMENT_EVENT_TYPE = Object.freeze({
  created: 'shipment.created',
  'picked-up': 'shipment.picked_up',
  'in-transit': 'shipment.in_transit',
  'out-for-delivery': 'shipment.out_for_delivery',
  delivered: 'shipment.delivered',
  exception: 'shipment.exception',
  returned: 'shipment.returned',
} as const satisfies Record<ShipmentStatus, string>);

/**
 * One of the shipment event types.
 *
 * @example
 * const type: ShipmentEventType = 'shipment.delivered';
 */
export type ShipmentEventType = (typeof SHIPMENT_EVENT_TYPE)[ShipmentStatus];

/**
 * Every shipment event type.
 *
 * @example
 * SHIPMENT_EVENT_TYPES.includes('shipment.created') // true
 */
export const SHIPMENT_EVENT_TYPES = Object.freeze(
  Object.values(SHIPMENT_EVENT_TYPE),
) as readonly ShipmentEventType[];

/**
 * An event of the tracking service: `shipment.created`, then one `shipment.<status>` each time
 * ingestion moves a shipment to another status. Written to the outbox in the command's
 * transaction and passed to `onEvent` after it commits. `aggregateId` is the shipment id.
 *
 * @example
 * onEvent: (event: ShipmentEvent) => { if (event.type === 'shipment.delivered') notify(event.payload.orderIds); }
 */
export type ShipmentEvent = DomainEvent<ShipmentEventType, ShipmentEventPayload>;
