import {
  type Clock,
  createIdGenerator,
  type EventListener,
  parseInput,
  runIdempotent,
  systemClock,
  ValidationError,
} from '@s2b2b/core';
import type { z } from 'zod';
import { logisticsIdSchema } from '../common/inputs.js';
import type { Shipment, ShipmentFilter, TrackingEvent, TrackingStorage, TrackingTx } from '../store.js';
import { trackingOutcomeCodec } from './codec.js';
import type { TrackingCommandContext } from './commands/context.js';
import { type CreateShipmentOutcome, createShipment } from './commands/create-shipment.js';
import { type IngestEventsOutcome, ingestCarrierEvents } from './commands/ingest-events.js';
import type { ShipmentEvent } from './events.js';
import { shipmentFilterSchema } from './filters.js';
import {
  type CreateShipmentInput,
  createShipmentSchema,
  type IngestEventsInput,
  ingestEventsSchema,
} from './schemas.js';
import { sortTimeline } from './timeline.js';

/**
 * Options of `createTrackingService`.
 *
 * @example
 * const options: TrackingServiceOptions = { storage: createMemoryStorage(), clock: systemClock, onEvent: (e) => bus.publish(e) };
 */
export interface TrackingServiceOptions {
  /** Any storage with tracking: `createMemoryStorage()`, `createPostgresStorage()`, or the host's own. */
  storage: TrackingStorage;
  /** Where `now` comes from (default the system clock). */
  clock?: Clock;
  /**
   * Called with each event of a command after it committed (not on replays). The outbox
   * (`storage.events.since`) is the reliable channel; a listener that throws makes the call
   * throw although the command is committed — a retry with the same key replays it.
   */
  onEvent?: EventListener<ShipmentEvent>;
  /** Ids for events and generated shipment ids (default UUIDv7 from the clock). */
  ids?: () => string;
}

/**
 * What `createShipment` returns.
 *
 * @example
 * const { shipment, replayed }: CreateShipmentResult = await tracking.createShipment(input);
 */
export interface CreateShipmentResult extends CreateShipmentOutcome {
  replayed: boolean;
}

/**
 * What `ingestEvents` returns.
 *
 * @example
 * const { results, shipments, replayed }: IngestEventsResult = await tracking.ingestEvents(input);
 */
export interface IngestEventsResult extends IngestEventsOutcome {
  replayed: boolean;
}

/**
 * The tracking service: idempotent, validated commands over a tracking storage, and reads.
 *
 * @example
 * const tracking: TrackingService = createTrackingService({ storage });
 */
export interface TrackingService {
  createShipment(input: CreateShipmentInput): Promise<CreateShipmentResult>;
  ingestEvents(input: IngestEventsInput): Promise<IngestEventsResult>;
  getShipment(id: string): Promise<Shipment | null>;
  findShipment(carrierId: string, trackingNumber: string): Promise<Shipment | null>;
  listShipments(filter?: ShipmentFilter): Promise<Shipment[]>;
  /** A merchant's shipments, by id (`after` and `limit` page them). */
  listByMerchant(merchantId: string, page?: { after?: string; limit?: number }): Promise<Shipment[]>;
  /** The shipments carrying an order, by id. */
  listByOrder(orderId: string, page?: { after?: string; limit?: number }): Promise<Shipment[]>;
  /** A shipment's carrier events in timeline order (`[]` for an unknown shipment). */
  getTimeline(shipmentId: string): Promise<TrackingEvent[]>;
}

type Handler<I, O> = (tx: TrackingTx, input: I, ctx: TrackingCommandContext) => Promise<O>;

/**
 * Creates the tracking service. Every command validates its input (`ValidationError` naming the
 * field, nothing written), runs in one transaction with its idempotency key (scope
 * `logistics.<command>`: a replay returns the first outcome and writes nothing; the same key with
 * another payload is `IDEMPOTENCY_CONFLICT`) and appends its events to the outbox in that
 * transaction. Carrier events are idempotent on their own too: a shipment records an event id
 * once, whatever key delivers it.
 *
 * @example
 * const tracking = createTrackingService({ storage: createMemoryStorage() });
 * const { shipment } = await tracking.createShipment({
 *   idempotencyKey: 'ship-SO-1', carrierId: 'SF', trackingNumber: 'SF1234567890', merchantId: 'M-1',
 *   orderIds: ['SO-1'], transitDays: 2,
 * });
 * await tracking.ingestEvents({
 *   idempotencyKey: 'webhook-1',
 *   events: [{ carrierId: 'SF', trackingNumber: 'SF1234567890', eventId: 'e1', status: 'picked-up', occurredAt: new Date() }],
 * });
 * (await tracking.getShipment(shipment.id))?.status // 'picked-up'
 */
export function createTrackingService(options: TrackingServiceOptions): TrackingService {
  checkOptions(options);
  const { storage, onEvent } = options;
  const clock = options.clock ?? systemClock;
  const nextId = options.ids ?? createIdGenerator({ clock });

  async function run<S extends z.ZodType, O extends { events: ShipmentEvent[] }>(
    command: string,
    schema: S,
    raw: unknown,
    handler: Handler<z.output<S>, O>,
  ): Promise<O & { replayed: boolean }> {
    const input = parseInput(schema, raw) as z.output<S> & { idempotencyKey: string };
    const { idempotencyKey, ...payload } = input;
    const now = clock.now();
    const scope = `logistics.${command}`;
    const { value, replayed } = await runIdempotent(
      storage,
      { scope, key: idempotencyKey, payload, now },
      async (tx) => {
        const outcome = await handler(tx, input, { now, scope, key: idempotencyKey, nextId });
        await tx.events.append(outcome.events);
        if (onEvent) {
          const listener = onEvent;
          tx.afterCommit(async () => {
            for (const event of outcome.events) await listener(event);
          });
        }
        return outcome;
      },
      trackingOutcomeCodec<O>(),
    );
    return { ...value, replayed };
  }

  const id = (value: unknown, field: string) => parseInput(logisticsIdSchema, value, field);
  const page = (filter: ShipmentFilter) =>
    storage.tracking.listShipments(parseInput(shipmentFilterSchema, filter));

  return {
    createShipment: (input) =>
      run<typeof createShipmentSchema, CreateShipmentOutcome>(
        'create-shipment',
        createShipmentSchema,
        input,
        createShipment,
      ),
    ingestEvents: (input) =>
      run<typeof ingestEventsSchema, IngestEventsOutcome>(
        'ingest-events',
        ingestEventsSchema,
        input,
        ingestCarrierEvents,
      ),
    getShipment: async (shipmentId) => storage.tracking.getShipment(id(shipmentId, 'shipmentId')),
    findShipment: async (carrierId, trackingNumber) =>
      storage.tracking.findShipment(id(carrierId, 'carrierId'), id(trackingNumber, 'trackingNumber')),
    listShipments: async (filter) => page(filter ?? {}),
    listByMerchant: async (merchantId, options = {}) =>
      page({ ...options, merchantId: id(merchantId, 'merchantId') }),
    listByOrder: async (orderId, options = {}) => page({ ...options, orderId: id(orderId, 'orderId') }),
    getTimeline: async (shipmentId) => {
      const checked = id(shipmentId, 'shipmentId');
      const events: TrackingEvent[] = [];
      let afterSequence = 0;
      for (;;) {
        const batch = await storage.tracking.listEvents(checked, { afterSequence, limit: 10_000 });
        events.push(...batch);
        if (batch.length < 10_000) return sortTimeline(events);
        afterSequence = batch[batch.length - 1]!.sequence;
      }
    },
  };
}

function checkOptions(options: TrackingServiceOptions): void {
  if (typeof options !== 'object' || options === null) {
    throw ValidationError.field('options', 'Expected { storage, clock?, onEvent?, ids? }', 'invalid_type');
  }
  const { storage, clock, onEvent, ids } = options;
  if (
    typeof storage?.transaction !== 'function' ||
    typeof storage.tracking !== 'object' ||
    storage.tracking === null
  ) {
    throw ValidationError.field(
      'storage',
      'Expected a storage with tracking (createMemoryStorage(), createPostgresStorage(), or your own)',
      'invalid_type',
    );
  }
  if (clock !== undefined && typeof clock?.now !== 'function') {
    throw ValidationError.field('clock', 'Expected an object with now(): Date', 'invalid_type');
  }
  if (onEvent !== undefined && typeof onEvent !== 'function') {
    throw ValidationError.field('onEvent', 'Expected a function', 'invalid_type');
  }
  if (ids !== undefined && typeof ids !== 'function') {
    throw ValidationError.field('ids', 'Expected a function returning unique ids', 'invalid_type');
  }
}
