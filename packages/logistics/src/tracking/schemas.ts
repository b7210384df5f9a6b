import { z } from 'zod';
import { instantSchema, logisticsIdSchema, logisticsTextSchema, regionSchema } from '../common/inputs.js';
import { CARRIER_EVENT_STATUSES } from '../store.js';

/**
 * The most orders one shipment may carry.
 *
 * @example
 * MAX_SHIPMENT_ORDERS // 500
 */
export const MAX_SHIPMENT_ORDERS = 500;

/**
 * The most carrier events one `ingestEvents` call may carry.
 *
 * @example
 * MAX_INGEST_EVENTS // 1000
 */
export const MAX_INGEST_EVENTS = 1_000;

/**
 * How far in the future (by the service clock) a carrier event may be dated before it is
 * rejected as a clock error: 24 hours.
 *
 * @example
 * FUTURE_EVENT_TOLERANCE_MS // 86400000
 */
export const FUTURE_EVENT_TOLERANCE_MS = 86_400_000;

/**
 * A caller-chosen idempotency key: 1-200 characters, no NUL.
 *
 * @example
 * trackingIdempotencyKeySchema.parse('webhook-delivery-7781') // 'webhook-delivery-7781'
 */
export const trackingIdempotencyKeySchema = logisticsIdSchema;

/**
 * `createShipment`: a shipment handed to a carrier. `shipmentId` defaults to a generated id;
 * `orderIds` (1-500, unique) are the orders it carries; `transitDays` (from the quote) gives the
 * first ETA; `promisedBy` makes `late` meaningful.
 *
 * @example
 * createShipmentSchema.parse({
 *   idempotencyKey: 'ship-SO-1', carrierId: 'SF', trackingNumber: 'SF1234567890', merchantId: 'M-1',
 *   orderIds: ['SO-1'], transitDays: 2, promisedBy: '2026-03-05T00:00:00+08:00',
 * })
 */
export const createShipmentSchema = z
  .object({
    idempotencyKey: trackingIdempotencyKeySchema,
    shipmentId: logisticsIdSchema.optional(),
    carrierId: logisticsIdSchema,
    trackingNumber: logisticsIdSchema,
    merchantId: logisticsIdSchema,
    orderIds: z
      .array(logisticsIdSchema)
      .min(1, 'Expected at least one order')
      .max(MAX_SHIPMENT_ORDERS, `Expected at most ${MAX_SHIPMENT_ORDERS} orders`)
      .superRefine((ids, ctx) => {
        const seen = new Set<string>();
        ids.forEach((id, index) => {
          if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [index], message: 'Duplicate order id' });
          seen.add(id);
        });
      }),
    origin: regionSchema.optional(),
    destination: regionSchema.optional(),
    transitDays: z.number().int('Expected whole days').min(0).max(365),
    promisedBy: instantSchema.optional(),
    plannedPickupAt: instantSchema.optional(),
  })
  .strict();

/**
 * `createShipment`'s input as the caller writes it.
 *
 * @example
 * const input: CreateShipmentInput = { idempotencyKey: 'k', carrierId: 'SF', trackingNumber: 'SF1', merchantId: 'M', orderIds: ['SO-1'], transitDays: 2 };
 */
export type CreateShipmentInput = z.input<typeof createShipmentSchema>;

/**
 * One carrier event as a webhook or a poll delivers it. It names its shipment by `shipmentId`,
 * or by `carrierId` + `trackingNumber`. `eventId` is the carrier's id for the scan (a shipment
 * records it once); `correction: true` marks an event that overrides an earlier terminal one.
 *
 * @example
 * carrierEventSchema.parse({ carrierId: 'SF', trackingNumber: 'SF1234567890', eventId: 'scan-88', status: 'in-transit', occurredAt: '2026-03-03T02:15:00Z', location: '杭州转运中心' })
 */
export const carrierEventSchema = z
  .object({
    eventId: logisticsIdSchema,
    shipmentId: logisticsIdSchema.optional(),
    carrierId: logisticsIdSchema.optional(),
    trackingNumber: logisticsIdSchema.optional(),
    status: z.enum(CARRIER_EVENT_STATUSES),
    occurredAt: instantSchema,
    location: logisticsTextSchema.optional(),
    description: logisticsTextSchema.optional(),
    estimatedDelivery: instantSchema.optional(),
    correction: z.boolean().default(false),
  })
  .strict()
  .superRefine((event, ctx) => {
    const byTracking = event.carrierId !== undefined || event.trackingNumber !== undefined;
    if (
      event.shipmentId === undefined &&
      (event.carrierId === undefined || event.trackingNumber === undefined)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: event.carrierId === undefined ? ['carrierId'] : ['trackingNumber'],
        message: 'Name the shipment: shipmentId, or carrierId and trackingNumber',
      });
    }
    if (event.shipmentId !== undefined && byTracking) {
      ctx.addIssue({
        code: 'custom',
        path: ['shipmentId'],
        message: 'Name the shipment one way: shipmentId, or carrierId and trackingNumber',
      });
    }
  });

/**
 * A carrier event as the caller writes it.
 *
 * @example
 * const event: CarrierEventInput = { shipmentId: 'shp-1', eventId: 'e1', status: 'picked-up', occurredAt: new Date() };
 */
export type CarrierEventInput = z.input<typeof carrierEventSchema>;

/**
 * `ingestEvents`: 1-1,000 carrier events, for any shipments, in any order.
 *
 * @example
 * ingestEventsSchema.parse({ idempotencyKey: 'webhook-7781', events: [event] })
 */
export const ingestEventsSchema = z
  .object({
    idempotencyKey: trackingIdempotencyKeySchema,
    events: z
      .array(carrierEventSchema)
      .min(1, 'Expected at least one event')
      .max(MAX_INGEST_EVENTS, `Expected at most ${MAX_INGEST_EVENTS} events`),
  })
  .strict();

/**
 * `ingestEvents`' input as the caller writes it.
 *
 * @example
 * const input: IngestEventsInput = { idempotencyKey: 'poll-2026-03-03T10', events: [event] };
 */
export type IngestEventsInput = z.input<typeof ingestEventsSchema>;
