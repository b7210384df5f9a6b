import { fixedClock, isS2b2bError } from '@s2b2b/core';
import {
  type CarrierEventInput,
  type CarrierEventStatus,
  createTrackingService,
  deriveShipmentState,
  type Shipment,
  type ShipmentEvent,
  type TrackingEvent,
  type TrackingService,
  type TrackingStorage,
} from '@s2b2b/logistics';
import { expect } from 'vitest';
import { uniqueName } from '../fixtures.js';

/**
 * The instant every tracking conformance command runs at; the carrier events are dated in the
 * days before it.
 *
 * @example
 * createTrackingService({ storage, clock: fixedClock(TRACKING_NOW) });
 */
export const TRACKING_NOW = new Date('2026-03-10T00:00:00.000Z');

/**
 * A service on the storage under test, ids unique to one test, and helpers to write events.
 *
 * @example
 * const { service, ship, scan } = trackingScenario(storage);
 */
export interface TrackingScenario {
  service: TrackingService;
  /** Events passed to `onEvent`, in order. */
  heard: ShipmentEvent[];
  /** An id unique to this test, from a name. */
  id(name: string): string;
  /** A fresh idempotency key. */
  key(name?: string): string;
  /** Creates a shipment (carrier `SF`, tracking number = `id(name)`, 2 transit days) and returns it. */
  ship(
    name: string,
    fields?: { merchantId?: string; orderIds?: string[]; promisedBy?: string },
  ): Promise<Shipment>;
  /** A carrier event for shipment `name` by tracking number, on `2026-03-0<day>T<time>Z`. */
  scan(
    name: string,
    eventId: string,
    status: CarrierEventStatus,
    at: string,
    extra?: Partial<CarrierEventInput>,
  ): CarrierEventInput;
}

/**
 * Opens a tracking scenario: a service at {@link TRACKING_NOW} that records what `onEvent` hears.
 *
 * @example
 * const { service, ship, scan, key } = trackingScenario(storage);
 * await ship('a');
 * await service.ingestEvents({ idempotencyKey: key(), events: [scan('a', 'e1', 'picked-up', '2T09:00:00')] });
 */
export function trackingScenario(storage: TrackingStorage): TrackingScenario {
  const heard: ShipmentEvent[] = [];
  const service = createTrackingService({
    storage,
    clock: fixedClock(TRACKING_NOW),
    onEvent: (event) => {
      heard.push(event);
    },
  });
  const run = uniqueName('trk').slice(4, 16);
  const id = (name: string) => `${name}-${run}`;
  return {
    service,
    heard,
    id,
    key: (name = 'cmd') => uniqueName(name),
    async ship(name, fields = {}) {
      const { shipment } = await service.createShipment({
        idempotencyKey: uniqueName('ship'),
        shipmentId: id(name),
        carrierId: 'SF',
        trackingNumber: id(name),
        merchantId: fields.merchantId ?? id('merchant'),
        orderIds: fields.orderIds ?? [id(`order-${name}`)],
        transitDays: 2,
        ...(fields.promisedBy ? { promisedBy: fields.promisedBy } : {}),
      });
      return shipment;
    },
    scan: (name, eventId, status, at, extra = {}) => ({
      carrierId: 'SF',
      trackingNumber: id(name),
      eventId,
      status,
      occurredAt: `2026-03-0${at}Z`,
      ...extra,
    }),
  };
}

/**
 * Every event of a shipment, read page by page (arrival order).
 *
 * @example
 * const history = await allTrackingEvents(storage, 'shp-1');
 */
export async function allTrackingEvents(
  storage: TrackingStorage,
  shipmentId: string,
): Promise<TrackingEvent[]> {
  const events: TrackingEvent[] = [];
  let afterSequence = 0;
  for (;;) {
    const page = await storage.tracking.listEvents(shipmentId, { afterSequence, limit: 500 });
    events.push(...page);
    if (page.length < 500) return events;
    afterSequence = page[page.length - 1]!.sequence;
  }
}

/**
 * Asserts that a shipment's stored state is exactly what `deriveShipmentState` makes of its
 * stored history, that each event id appears once, and that the event count matches.
 *
 * @example
 * await expectStateMatchesHistory(storage, shipment.id);
 */
export async function expectStateMatchesHistory(
  storage: TrackingStorage,
  shipmentId: string,
): Promise<Shipment> {
  const shipment = await storage.tracking.getShipment(shipmentId);
  expect(shipment).not.toBeNull();
  const history = await allTrackingEvents(storage, shipmentId);
  expect(new Set(history.map((event) => event.eventId)).size).toBe(history.length);
  const { version: _version, updatedAt: _updatedAt, ...rest } = shipment!;
  const record = {
    createdAt: shipment!.createdAt,
    transitDays: shipment!.transitDays,
    promisedBy: shipment!.promisedBy,
    plannedPickupAt: shipment!.plannedPickupAt,
  };
  expect(rest).toMatchObject(deriveShipmentState(record, history));
  return shipment!;
}

/**
 * The code a settled promise failed with (`'ok'` when it succeeded), failing the test on
 * anything that is not a kit error.
 *
 * @example
 * expect(trackingOutcomeCode(settled)).toBe('TRACKING_NUMBER_TAKEN');
 */
export function trackingOutcomeCode(result: PromiseSettledResult<unknown>): string {
  if (result.status === 'fulfilled') return 'ok';
  if (!isS2b2bError(result.reason)) throw result.reason;
  return result.reason.code;
}
