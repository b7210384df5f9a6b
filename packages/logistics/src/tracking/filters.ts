import { parseInput } from '@s2b2b/core';
import { z } from 'zod';
import { logisticsIdSchema } from '../common/inputs.js';
import { SHIPMENT_STATUSES, type ShipmentFilter, type TrackingEventFilter } from '../store.js';

/**
 * Shipments a list read returns when no `limit` is given.
 *
 * @example
 * DEFAULT_SHIPMENT_PAGE // 100
 */
export const DEFAULT_SHIPMENT_PAGE = 100;

/**
 * The largest `limit` `listShipments` accepts.
 *
 * @example
 * MAX_SHIPMENT_PAGE // 1000
 */
export const MAX_SHIPMENT_PAGE = 1_000;

/**
 * Events `listEvents` returns when no `limit` is given.
 *
 * @example
 * DEFAULT_EVENT_PAGE_SIZE // 1000
 */
export const DEFAULT_EVENT_PAGE_SIZE = 1_000;

/**
 * The largest `limit` `listEvents` accepts.
 *
 * @example
 * MAX_EVENT_PAGE_SIZE // 10000
 */
export const MAX_EVENT_PAGE_SIZE = 10_000;

/**
 * A {@link ShipmentFilter}, checked; `limit` defaults to {@link DEFAULT_SHIPMENT_PAGE}.
 *
 * @example
 * shipmentFilterSchema.parse({ merchantId: 'M-1' }) // { merchantId: 'M-1', limit: 100 }
 */
export const shipmentFilterSchema = z
  .object({
    merchantId: logisticsIdSchema.optional(),
    orderId: logisticsIdSchema.optional(),
    carrierId: logisticsIdSchema.optional(),
    status: z.enum(SHIPMENT_STATUSES).optional(),
    after: logisticsIdSchema.optional(),
    limit: z.number().int().min(1).max(MAX_SHIPMENT_PAGE).default(DEFAULT_SHIPMENT_PAGE),
  })
  .strict();

/**
 * A {@link TrackingEventFilter}, checked; `limit` defaults to {@link DEFAULT_EVENT_PAGE_SIZE}.
 *
 * @example
 * trackingEventFilterSchema.parse({ afterSequence: 40 }) // { afterSequence: 40, limit: 1000 }
 */
export const trackingEventFilterSchema = z
  .object({
    afterSequence: z.number().int().min(0).optional(),
    limit: z.number().int().min(1).max(MAX_EVENT_PAGE_SIZE).default(DEFAULT_EVENT_PAGE_SIZE),
  })
  .strict();

/**
 * What adapters call first in `listShipments`: the filter checked (`ValidationError` naming the
 * field) with the default limit filled in.
 *
 * @example
 * const { merchantId, orderId, after, limit } = checkShipmentFilter(filter);
 */
export function checkShipmentFilter(
  filter: ShipmentFilter | undefined,
): z.output<typeof shipmentFilterSchema> {
  return parseInput(shipmentFilterSchema, filter ?? {});
}

/**
 * What adapters call first in `listEvents`: the shipment id and the filter checked.
 *
 * @example
 * const { afterSequence, limit } = checkTrackingEventFilter('shp-1', filter);
 */
export function checkTrackingEventFilter(
  shipmentId: string,
  filter: TrackingEventFilter | undefined,
): z.output<typeof trackingEventFilterSchema> {
  parseInput(logisticsIdSchema, shipmentId, 'shipmentId');
  return parseInput(trackingEventFilterSchema, filter ?? {});
}
