/**
 * The tracking port: what the tracking service needs from storage. `@s2b2b/storage-memory` and
 * `@s2b2b/storage-postgres` implement it as `storage.tracking` (reads) and `tx.tracking` (reads
 * and writes inside `storage.transaction`); a host can implement it on its own database and
 * prove it with `describeTrackingConformance` from `@s2b2b/storage-testkit`.
 *
 * A shipment's state is never written from what a caller believes it to be: the service locks
 * the shipment, records the carrier events, derives the state from the whole history with the
 * pure `deriveShipmentState`, and saves it conditionally on the version it locked.
 */
import type { CoreStorage, InfrastructureTx } from '@s2b2b/core';

/**
 * The statuses of a shipment, in the order a parcel normally goes through them; `exception` and
 * `returned` can come at any point. `delivered` and `returned` are terminal.
 *
 * @example
 * SHIPMENT_STATUSES.includes('out-for-delivery') // true
 */
export const SHIPMENT_STATUSES = Object.freeze([
  'created',
  'picked-up',
  'in-transit',
  'out-for-delivery',
  'delivered',
  'exception',
  'returned',
] as const);

/**
 * One of {@link SHIPMENT_STATUSES}.
 *
 * @example
 * const status: ShipmentStatus = 'in-transit';
 */
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

/**
 * The statuses a shipment does not leave on an ordinary carrier event (only a `correction` does).
 *
 * @example
 * TERMINAL_STATUSES // ['delivered', 'returned']
 */
export const TERMINAL_STATUSES = Object.freeze([
  'delivered',
  'returned',
] as const satisfies readonly ShipmentStatus[]);

/**
 * The statuses a carrier event may report: every status but `created`, which only the platform sets.
 *
 * @example
 * CARRIER_EVENT_STATUSES.includes('created') // false
 */
export const CARRIER_EVENT_STATUSES = Object.freeze([
  'picked-up',
  'in-transit',
  'out-for-delivery',
  'delivered',
  'exception',
  'returned',
] as const satisfies readonly ShipmentStatus[]);

/**
 * One of {@link CARRIER_EVENT_STATUSES}.
 *
 * @example
 * const status: CarrierEventStatus = 'delivered';
 */
export type CarrierEventStatus = (typeof CARRIER_EVENT_STATUSES)[number];

/**
 * Where the current ETA comes from: the zone's transit days from pickup (or the planned pickup,
 * or creation), the carrier's own estimate on its latest event that carries one, or the actual
 * delivery.
 *
 * @example
 * const source: EtaSource = 'carrier';
 */
export type EtaSource = 'transit-days' | 'carrier' | 'delivered';

/**
 * What a shipment is, fixed when it is created.
 *
 * @example
 * const record: ShipmentRecord = {
 *   id: 'shp-1', carrierId: 'SF', trackingNumber: 'SF1234567890', merchantId: 'M-1', orderIds: ['SO-1'],
 *   origin: '上海', destination: '浙江/杭州', transitDays: 2, promisedBy: null, plannedPickupAt: null, createdAt: new Date(),
 * };
 */
export interface ShipmentRecord {
  id: string;
  carrierId: string;
  /** Unique per carrier. */
  trackingNumber: string;
  merchantId: string;
  /** The orders it carries, unique, sorted by code point. */
  orderIds: string[];
  origin: string | null;
  destination: string | null;
  /** Calendar days in transit (from the quote). */
  transitDays: number;
  /** The delivery promised to the customer, if any. */
  promisedBy: Date | null;
  /** When the carrier is due to collect it, if known (the ETA counts from it until a pickup scan). */
  plannedPickupAt: Date | null;
  createdAt: Date;
}

/**
 * What the carrier events say about a shipment: derived from its whole history by
 * `deriveShipmentState`, never written piecemeal.
 *
 * @example
 * const { status, eta, late }: ShipmentState = deriveShipmentState(record, events);
 */
export interface ShipmentState {
  status: ShipmentStatus;
  /** When the current status was reached (the event's time; `createdAt` for `created`). */
  statusAt: Date;
  /** The first event that shows the parcel moving (picked up, in transit, out for delivery, delivered). */
  pickedUpAt: Date | null;
  deliveredAt: Date | null;
  returnedAt: Date | null;
  /** The open exception while the status is `exception`. */
  exception: { at: Date; description: string | null } | null;
  /** The latest event time in the history, and its location (the latest known one). */
  lastEventAt: Date | null;
  lastLocation: string | null;
  eta: Date | null;
  etaSource: EtaSource | null;
  /** The ETA (or the delivery) is after `promisedBy`. */
  late: boolean;
  /** Carrier events in the history. */
  eventCount: number;
}

/**
 * A shipment as stored: what it is, what its events say, and a version that rises with every
 * saved state (the port saves conditionally on it).
 *
 * @example
 * const shipment: Shipment = await storage.tracking.getShipment('shp-1'); // or null
 */
export interface Shipment extends ShipmentRecord, ShipmentState {
  version: number;
  updatedAt: Date;
}

/**
 * A carrier event before the store has recorded it.
 *
 * @example
 * const draft: TrackingEventDraft = {
 *   shipmentId: 'shp-1', eventId: 'SF-scan-88', status: 'in-transit', occurredAt: new Date(), receivedAt: new Date(),
 *   location: '杭州转运中心', description: null, estimatedDelivery: null, correction: false,
 * };
 */
export interface TrackingEventDraft {
  shipmentId: string;
  /** The carrier's id of the event: one shipment records it at most once. */
  eventId: string;
  status: CarrierEventStatus;
  /** When it happened, by the carrier. Timelines are in this order, not in arrival order. */
  occurredAt: Date;
  /** When the platform received it. */
  receivedAt: Date;
  location: string | null;
  description: string | null;
  /** The carrier's own ETA, if it gives one. */
  estimatedDelivery: Date | null;
  /** The carrier says an earlier terminal event was wrong: this event may leave `delivered` / `returned`. */
  correction: boolean;
}

/**
 * A recorded carrier event. `sequence` is unique and rises in the order the store recorded them.
 *
 * @example
 * const { eventId, status, sequence }: TrackingEvent = (await storage.tracking.listEvents('shp-1'))[0]!;
 */
export interface TrackingEvent extends TrackingEventDraft {
  sequence: number;
}

/**
 * Which shipments `listShipments` returns: sorted by id (code points), after `after`, at most
 * `limit` (default 100, at most 1,000).
 *
 * @example
 * await storage.tracking.listShipments({ merchantId: 'M-1', limit: 50 });
 */
export interface ShipmentFilter {
  merchantId?: string;
  orderId?: string;
  carrierId?: string;
  status?: ShipmentStatus;
  after?: string;
  limit?: number;
}

/**
 * Which events `listEvents` returns: ascending by sequence (arrival order), after
 * `afterSequence`, at most `limit` (default 1,000, at most 10,000).
 *
 * @example
 * await storage.tracking.listEvents('shp-1', { afterSequence: 0, limit: 500 });
 */
export interface TrackingEventFilter {
  afterSequence?: number;
  limit?: number;
}

/**
 * What `insertEvents` did with each draft, in draft order: recorded now (`inserted: true`), or
 * already there (`inserted: false`, with the event as first recorded).
 *
 * @example
 * const [{ event, inserted }]: InsertedEvent[] = await tx.tracking.insertEvents([draft]);
 */
export interface InsertedEvent {
  event: TrackingEvent;
  inserted: boolean;
}

/**
 * Reading tracking state. Returned values are copies; `null` when not found. Outside a
 * transaction a read sees only committed state; `tx.tracking` reads through its transaction.
 *
 * @example
 * const shipment = await storage.tracking.findShipment('SF', 'SF1234567890'); // or null
 */
export interface TrackingReader {
  getShipment(id: string): Promise<Shipment | null>;
  findShipment(carrierId: string, trackingNumber: string): Promise<Shipment | null>;
  listShipments(filter?: ShipmentFilter): Promise<Shipment[]>;
  listEvents(shipmentId: string, filter?: TrackingEventFilter): Promise<TrackingEvent[]>;
}

/**
 * Tracking inside a transaction. The store keeps two rules atomically, whatever the caller
 * does: a (shipment, event id) pair is recorded at most once, and a state is saved only over the
 * version it was derived from — so parallel ingestions never lose an event or an update.
 *
 * Lock order, the same in every adapter so concurrent commands cannot deadlock: shipments in
 * code-point order of their ids (`lockShipments` sorts).
 *
 * @example
 * await storage.transaction(async (tx) => {
 *   const [shipment] = await tx.tracking.lockShipments(['shp-1']);
 *   await tx.tracking.insertEvents([draft]);
 * });
 */
export interface TrackingTxPort extends TrackingReader {
  /** Stores a new shipment (its state as given, version 0). @throws DomainError `SHIPMENT_EXISTS`, `TRACKING_NUMBER_TAKEN` */
  insertShipment(shipment: Shipment): Promise<void>;
  /** Locks the shipments that exist among `ids` until the transaction ends, in id order, and returns them in that order. */
  lockShipments(ids: readonly string[]): Promise<Shipment[]>;
  /**
   * Records each draft unless its (shipment, event id) is already recorded — atomically, so of
   * parallel inserts of one event exactly one records it. @throws DomainError `SHIPMENT_NOT_FOUND`
   */
  insertEvents(drafts: readonly TrackingEventDraft[]): Promise<InsertedEvent[]>;
  /**
   * Saves a derived state if the shipment is still at `expectedVersion`; the version becomes
   * `expectedVersion + 1`. Returns the shipment.
   *
   * @throws DomainError `SHIPMENT_NOT_FOUND`, `SHIPMENT_VERSION_CONFLICT`
   */
  saveShipmentState(
    id: string,
    expectedVersion: number,
    state: ShipmentState,
    updatedAt: Date,
  ): Promise<Shipment>;
}

/**
 * A transaction of a storage that has tracking: the infrastructure ports plus `tracking`, so
 * state, idempotency outcome and outbox events commit together.
 *
 * @example
 * await runIdempotent(storage, command, async (tx: TrackingTx) => tx.tracking.lockShipments([id]));
 */
export interface TrackingTx extends InfrastructureTx {
  readonly tracking: TrackingTxPort;
}

/**
 * A storage with tracking: `storage.tracking` reads, `storage.transaction` hands out
 * {@link TrackingTx}. `createMemoryStorage()` and `createPostgresStorage()` return one.
 *
 * @example
 * const service = createTrackingService({ storage: createMemoryStorage() });
 */
export interface TrackingStorage extends CoreStorage {
  readonly tracking: TrackingReader;
  transaction<T>(fn: (tx: TrackingTx) => Promise<T>): Promise<T>;
}
