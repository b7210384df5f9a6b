import {
  checkShipmentFilter,
  checkTrackingEventFilter,
  compareCodePoints,
  type InsertedEvent,
  type Shipment,
  type ShipmentFilter,
  type ShipmentState,
  shipmentExistsError,
  shipmentNotFoundError,
  shipmentVersionConflictError,
  type TrackingEvent,
  type TrackingEventDraft,
  type TrackingEventFilter,
  type TrackingReader,
  type TrackingTxPort,
  trackingNumberTakenError,
} from '@s2b2b/logistics';
import type { MemoryEngine, MemoryTxContext } from '../memory-engine.js';

/**
 * The tracking port in maps: shipments by id, an index by carrier tracking number and by order,
 * and each shipment's events. The engine's lock serialises transactions, so `lockShipments`
 * only reads; `insertEvents` records an event id once per shipment and `saveShipmentState`
 * checks the version, as every adapter must.
 *
 * @example
 * const tracking = new MemoryTrackingStore(engine);
 * await engine.transaction((ctx) => tracking.port(ctx).insertShipment(shipment));
 */
export class MemoryTrackingStore implements TrackingReader {
  readonly #shipments = new Map<string, Shipment>();
  readonly #byTracking = new Map<string, string>();
  readonly #byOrder = new Map<string, Set<string>>();
  readonly #events = new Map<string, TrackingEvent[]>();
  readonly #eventKeys = new Map<string, TrackingEvent>();
  #sequence = 0;
  readonly #engine: MemoryEngine;

  constructor(engine: MemoryEngine) {
    this.#engine = engine;
  }

  /** The port a transaction uses. */
  port(ctx: MemoryTxContext): TrackingTxPort {
    return {
      getShipment: async (id) => this.#getShipment(id),
      findShipment: async (carrierId, trackingNumber) => this.#findShipment(carrierId, trackingNumber),
      listShipments: async (filter) => this.#listShipments(checkShipmentFilter(filter)),
      listEvents: async (shipmentId, filter) =>
        this.#listEvents(shipmentId, checkTrackingEventFilter(shipmentId, filter)),
      insertShipment: async (shipment) => this.#insertShipment(ctx, shipment),
      lockShipments: async (ids) =>
        [...new Set(ids)].sort(compareCodePoints).flatMap((id) => {
          const shipment = this.#getShipment(id);
          return shipment ? [shipment] : [];
        }),
      insertEvents: async (drafts) => this.#insertEvents(ctx, drafts),
      saveShipmentState: async (id, expectedVersion, state, updatedAt) =>
        this.#save(ctx, id, expectedVersion, state, updatedAt),
    };
  }

  async getShipment(id: string): Promise<Shipment | null> {
    return this.#engine.read(() => this.#getShipment(id));
  }

  async findShipment(carrierId: string, trackingNumber: string): Promise<Shipment | null> {
    return this.#engine.read(() => this.#findShipment(carrierId, trackingNumber));
  }

  async listShipments(filter?: ShipmentFilter): Promise<Shipment[]> {
    const checked = checkShipmentFilter(filter);
    return this.#engine.read(() => this.#listShipments(checked));
  }

  async listEvents(shipmentId: string, filter?: TrackingEventFilter): Promise<TrackingEvent[]> {
    const checked = checkTrackingEventFilter(shipmentId, filter);
    return this.#engine.read(() => this.#listEvents(shipmentId, checked));
  }

  #getShipment(id: string): Shipment | null {
    const shipment = this.#shipments.get(id);
    return shipment ? structuredClone(shipment) : null;
  }

  #findShipment(carrierId: string, trackingNumber: string): Shipment | null {
    const id = this.#byTracking.get(trackingKey(carrierId, trackingNumber));
    return id === undefined ? null : this.#getShipment(id);
  }

  #listShipments(filter: ReturnType<typeof checkShipmentFilter>): Shipment[] {
    const { merchantId, orderId, carrierId, status, after, limit } = filter;
    const candidates =
      orderId === undefined
        ? [...this.#shipments.values()]
        : [...(this.#byOrder.get(orderId) ?? [])].map((id) => this.#shipments.get(id)!);
    return candidates
      .filter(
        (shipment) =>
          (merchantId === undefined || shipment.merchantId === merchantId) &&
          (carrierId === undefined || shipment.carrierId === carrierId) &&
          (status === undefined || shipment.status === status) &&
          (after === undefined || compareCodePoints(shipment.id, after) > 0),
      )
      .sort((a, b) => compareCodePoints(a.id, b.id))
      .slice(0, limit)
      .map((shipment) => structuredClone(shipment));
  }

  #listEvents(shipmentId: string, filter: ReturnType<typeof checkTrackingEventFilter>): TrackingEvent[] {
    const { afterSequence = 0, limit } = filter;
    return (this.#events.get(shipmentId) ?? [])
      .filter((event) => event.sequence > afterSequence)
      .slice(0, limit)
      .map((event) => structuredClone(event));
  }

  #insertShipment(ctx: MemoryTxContext, shipment: Shipment): void {
    if (this.#shipments.has(shipment.id)) throw shipmentExistsError(shipment.id);
    const key = trackingKey(shipment.carrierId, shipment.trackingNumber);
    if (this.#byTracking.has(key))
      throw trackingNumberTakenError(shipment.carrierId, shipment.trackingNumber);
    const stored: Shipment = {
      ...structuredClone(shipment),
      orderIds: [...new Set(shipment.orderIds)].sort(compareCodePoints),
      version: 0,
    };
    this.#shipments.set(stored.id, stored);
    this.#byTracking.set(key, stored.id);
    this.#events.set(stored.id, []);
    const added: string[] = [];
    for (const orderId of stored.orderIds) {
      const set = this.#byOrder.get(orderId) ?? new Set<string>();
      set.add(stored.id);
      this.#byOrder.set(orderId, set);
      added.push(orderId);
    }
    ctx.onRollback(() => {
      this.#shipments.delete(stored.id);
      this.#byTracking.delete(key);
      this.#events.delete(stored.id);
      for (const orderId of added) {
        const set = this.#byOrder.get(orderId)!;
        set.delete(stored.id);
        if (set.size === 0) this.#byOrder.delete(orderId);
      }
    });
  }

  #insertEvents(ctx: MemoryTxContext, drafts: readonly TrackingEventDraft[]): InsertedEvent[] {
    // Check every draft before writing anything.
    for (const draft of drafts) {
      if (!this.#shipments.has(draft.shipmentId)) throw shipmentNotFoundError(draft.shipmentId);
    }
    const results: InsertedEvent[] = [];
    for (const draft of drafts) {
      const key = eventKey(draft.shipmentId, draft.eventId);
      const existing = this.#eventKeys.get(key);
      if (existing) {
        results.push({ event: structuredClone(existing), inserted: false });
        continue;
      }
      this.#sequence += 1;
      const stored: TrackingEvent = { ...structuredClone(draft), sequence: this.#sequence };
      this.#eventKeys.set(key, stored);
      this.#events.get(draft.shipmentId)!.push(stored);
      const previousSequence = this.#sequence - 1;
      ctx.onRollback(() => {
        this.#eventKeys.delete(key);
        const list = this.#events.get(draft.shipmentId);
        if (list) list.splice(list.indexOf(stored), 1);
        this.#sequence = Math.min(this.#sequence, previousSequence);
      });
      results.push({ event: structuredClone(stored), inserted: true });
    }
    return results;
  }

  #save(
    ctx: MemoryTxContext,
    id: string,
    expectedVersion: number,
    state: ShipmentState,
    updatedAt: Date,
  ): Shipment {
    const current = this.#shipments.get(id);
    if (!current) throw shipmentNotFoundError(id);
    if (current.version !== expectedVersion)
      throw shipmentVersionConflictError(id, expectedVersion, current.version);
    const copy = structuredClone(state);
    const next: Shipment = {
      ...current,
      status: copy.status,
      statusAt: copy.statusAt,
      pickedUpAt: copy.pickedUpAt,
      deliveredAt: copy.deliveredAt,
      returnedAt: copy.returnedAt,
      exception: copy.exception,
      lastEventAt: copy.lastEventAt,
      lastLocation: copy.lastLocation,
      eta: copy.eta,
      etaSource: copy.etaSource,
      late: copy.late,
      eventCount: copy.eventCount,
      version: current.version + 1,
      updatedAt: new Date(updatedAt.getTime()),
    };
    this.#shipments.set(id, next);
    ctx.onRollback(() => this.#shipments.set(id, current));
    return structuredClone(next);
  }
}

function trackingKey(carrierId: string, trackingNumber: string): string {
  return `${carrierId}\u0000${trackingNumber}`;
}

function eventKey(shipmentId: string, eventId: string): string {
  return `${shipmentId}\u0000${eventId}`;
}
