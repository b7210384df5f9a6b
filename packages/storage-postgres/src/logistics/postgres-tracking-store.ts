import {
  checkShipmentFilter,
  checkTrackingEventFilter,
  compareCodePoints,
  type EtaSource,
  type InsertedEvent,
  type Shipment,
  type ShipmentState,
  type ShipmentStatus,
  shipmentExistsError,
  shipmentNotFoundError,
  shipmentVersionConflictError,
  type TrackingEvent,
  type TrackingEventDraft,
  type TrackingReader,
  type TrackingTxPort,
  trackingNumberTakenError,
} from '@s2b2b/logistics';
import type { SqlExecutor } from '../sql-client.js';

type Time = Date | string;

interface ShipmentRow {
  id: string;
  carrier_id: string;
  tracking_number: string;
  merchant_id: string;
  order_ids: string[] | null;
  origin: string | null;
  destination: string | null;
  transit_days: number;
  promised_by: Time | null;
  planned_pickup_at: Time | null;
  created_at: Time;
  status: ShipmentStatus;
  status_at: Time;
  picked_up_at: Time | null;
  delivered_at: Time | null;
  returned_at: Time | null;
  exception_at: Time | null;
  exception_description: string | null;
  last_event_at: Time | null;
  last_location: string | null;
  eta: Time | null;
  eta_source: EtaSource | null;
  late: boolean;
  event_count: number;
  version: string | number;
  updated_at: Time;
}

interface EventRow {
  sequence: string | number;
  shipment_id: string;
  event_id: string;
  status: TrackingEvent['status'];
  occurred_at: Time;
  received_at: Time;
  location: string | null;
  description: string | null;
  estimated_delivery: Time | null;
  correction: boolean;
}

const SHIPMENT_COLUMNS = `s.id, s.carrier_id, s.tracking_number, s.merchant_id, s.origin, s.destination, s.transit_days,
  s.promised_by, s.planned_pickup_at, s.created_at, s.status, s.status_at, s.picked_up_at, s.delivered_at, s.returned_at,
  s.exception_at, s.exception_description, s.last_event_at, s.last_location, s.eta, s.eta_source, s.late, s.event_count,
  s.version, s.updated_at`;
const EVENT_COLUMNS = `sequence, shipment_id, event_id, status, occurred_at, received_at, location, description,
  estimated_delivery, correction`;
/** Rows per INSERT (10 parameters an event × 1,000 stays far below PostgreSQL's 65,535). */
const BATCH = 1_000;

/**
 * The tracking read side on an executor (the client, or the open transaction when called inside one).
 *
 * @example
 * const reader = trackingReader(storage.sql, '"s2b2b"');
 */
export function trackingReader(sql: SqlExecutor, schema: string): TrackingReader {
  const t = tables(schema);
  const select = `SELECT ${SHIPMENT_COLUMNS},
      ARRAY(SELECT o.order_id FROM ${t.orders} o WHERE o.shipment_id = s.id ORDER BY o.order_id) AS order_ids
    FROM ${t.shipments} s`;
  return {
    async getShipment(id) {
      const { rows } = await sql.query<ShipmentRow>(`${select} WHERE s.id = $1`, [id]);
      return rows[0] ? toShipment(rows[0]) : null;
    },
    async findShipment(carrierId, trackingNumber) {
      const { rows } = await sql.query<ShipmentRow>(
        `${select} WHERE s.carrier_id = $1 AND s.tracking_number = $2`,
        [carrierId, trackingNumber],
      );
      return rows[0] ? toShipment(rows[0]) : null;
    },
    async listShipments(filter) {
      const { merchantId, orderId, carrierId, status, after, limit } = checkShipmentFilter(filter);
      const { rows } = await sql.query<ShipmentRow>(
        `${select}
          WHERE ($1::text IS NULL OR s.merchant_id = $1)
            AND ($2::text IS NULL OR EXISTS (SELECT 1 FROM ${t.orders} f WHERE f.shipment_id = s.id AND f.order_id = $2))
            AND ($3::text IS NULL OR s.carrier_id = $3) AND ($4::text IS NULL OR s.status = $4)
            AND ($5::text IS NULL OR s.id > $5)
          ORDER BY s.id LIMIT $6`,
        [merchantId ?? null, orderId ?? null, carrierId ?? null, status ?? null, after ?? null, limit],
      );
      return rows.map(toShipment);
    },
    async listEvents(shipmentId, filter) {
      const { afterSequence, limit } = checkTrackingEventFilter(shipmentId, filter);
      const { rows } = await sql.query<EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM ${t.events} WHERE shipment_id = $1 AND sequence > $2 ORDER BY sequence LIMIT $3`,
        [shipmentId, afterSequence ?? 0, limit],
      );
      return rows.map(toEvent);
    },
  };
}

/**
 * The tracking port on one transaction. The two rules hold in SQL: an event is recorded by
 * `INSERT … ON CONFLICT (shipment_id, event_id) DO NOTHING`, so of parallel inserts of one event
 * exactly one records it; a state is saved by `UPDATE … WHERE id = $1 AND version = $2`, checked
 * by its row count. `lockShipments` takes `SELECT … FOR UPDATE` in id order.
 *
 * @example
 * const port = trackingTxPort(tx, '"s2b2b"');
 */
export function trackingTxPort(tx: SqlExecutor, schema: string): TrackingTxPort {
  const t = tables(schema);
  const reader = trackingReader(tx, schema);
  return {
    ...reader,
    async insertShipment(shipment) {
      const inserted = await tx.query(
        `INSERT INTO ${t.shipments} (id, carrier_id, tracking_number, merchant_id, origin, destination, transit_days,
           promised_by, planned_pickup_at, created_at, status, status_at, picked_up_at, delivered_at, returned_at,
           exception_at, exception_description, last_event_at, last_location, eta, eta_source, late, event_count,
           version, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::timestamptz, $9::timestamptz, $10::timestamptz, $11, $12::timestamptz,
           $13::timestamptz, $14::timestamptz, $15::timestamptz, $16::timestamptz, $17, $18::timestamptz, $19,
           $20::timestamptz, $21, $22, $23, 0, $24::timestamptz)
         ON CONFLICT DO NOTHING`,
        [
          shipment.id,
          shipment.carrierId,
          shipment.trackingNumber,
          shipment.merchantId,
          shipment.origin,
          shipment.destination,
          shipment.transitDays,
          iso(shipment.promisedBy),
          iso(shipment.plannedPickupAt),
          iso(shipment.createdAt),
          ...stateParams(shipment),
          iso(shipment.updatedAt),
        ],
      );
      if (inserted.rowCount === 0) {
        const { rows } = await tx.query(`SELECT 1 FROM ${t.shipments} WHERE id = $1`, [shipment.id]);
        if (rows.length > 0) throw shipmentExistsError(shipment.id);
        throw trackingNumberTakenError(shipment.carrierId, shipment.trackingNumber);
      }
      const orderIds = [...new Set(shipment.orderIds)];
      if (orderIds.length > 0) {
        await tx.query(
          `INSERT INTO ${t.orders} (order_id, shipment_id) SELECT o, $1 FROM unnest($2::text[]) AS o`,
          [shipment.id, orderIds],
        );
      }
    },
    async lockShipments(ids) {
      const unique = [...new Set(ids)].sort(compareCodePoints);
      if (unique.length === 0) return [];
      const { rows } = await tx.query<ShipmentRow>(
        `SELECT ${SHIPMENT_COLUMNS},
            ARRAY(SELECT o.order_id FROM ${t.orders} o WHERE o.shipment_id = s.id ORDER BY o.order_id) AS order_ids
           FROM ${t.shipments} s WHERE s.id = ANY($1::text[]) ORDER BY s.id FOR UPDATE OF s`,
        [unique],
      );
      return rows.map(toShipment);
    },
    async insertEvents(drafts) {
      if (drafts.length === 0) return [];
      const shipmentIds = [...new Set(drafts.map((draft) => draft.shipmentId))];
      const known = await tx.query<{ id: string }>(
        `SELECT id FROM ${t.shipments} WHERE id = ANY($1::text[])`,
        [shipmentIds],
      );
      const found = new Set(known.rows.map((row) => row.id));
      const missing = shipmentIds.find((id) => !found.has(id));
      if (missing !== undefined) throw shipmentNotFoundError(missing);
      const recorded = new Map<string, TrackingEvent>();
      for (let start = 0; start < drafts.length; start += BATCH) {
        const params: unknown[] = [];
        const values = drafts.slice(start, start + BATCH).map((draft) => {
          const base = params.length;
          params.push(...eventParams(draft));
          const slots = Array.from({ length: 9 }, (_, index) => `$${base + index + 1}`);
          for (const at of [3, 4, 7]) slots[at] = `${slots[at]}::timestamptz`;
          return `(${slots.join(', ')})`;
        });
        const { rows } = await tx.query<EventRow>(
          `INSERT INTO ${t.events} (shipment_id, event_id, status, occurred_at, received_at, location, description,
             estimated_delivery, correction)
           VALUES ${values.join(', ')}
           ON CONFLICT (shipment_id, event_id) DO NOTHING RETURNING ${EVENT_COLUMNS}`,
          params,
        );
        for (const row of rows) recorded.set(key(row.shipment_id, row.event_id), toEvent(row));
      }
      const pending = drafts.filter((draft) => !recorded.has(key(draft.shipmentId, draft.eventId)));
      const existing = new Map<string, TrackingEvent>();
      if (pending.length > 0) {
        const { rows } = await tx.query<EventRow>(
          `SELECT ${EVENT_COLUMNS} FROM ${t.events}
            WHERE (shipment_id, event_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
          [pending.map((draft) => draft.shipmentId), pending.map((draft) => draft.eventId)],
        );
        for (const row of rows) existing.set(key(row.shipment_id, row.event_id), toEvent(row));
      }
      const claimed = new Set<string>();
      return drafts.map((draft): InsertedEvent => {
        const id = key(draft.shipmentId, draft.eventId);
        const fresh = recorded.get(id);
        if (fresh && !claimed.has(id)) {
          claimed.add(id);
          return { event: { ...fresh }, inserted: true };
        }
        return { event: { ...(fresh ?? existing.get(id)!) }, inserted: false };
      });
    },
    async saveShipmentState(id, expectedVersion, state, updatedAt) {
      const updated = await tx.query(
        `UPDATE ${t.shipments} SET status = $3, status_at = $4::timestamptz, picked_up_at = $5::timestamptz,
            delivered_at = $6::timestamptz, returned_at = $7::timestamptz, exception_at = $8::timestamptz,
            exception_description = $9, last_event_at = $10::timestamptz, last_location = $11, eta = $12::timestamptz,
            eta_source = $13, late = $14, event_count = $15, version = version + 1, updated_at = $16::timestamptz
          WHERE id = $1 AND version = $2`,
        [id, expectedVersion, ...stateParams(state), iso(updatedAt)],
      );
      if (updated.rowCount !== 1) {
        const { rows } = await tx.query<{ version: string | number }>(
          `SELECT version FROM ${t.shipments} WHERE id = $1`,
          [id],
        );
        if (!rows[0]) throw shipmentNotFoundError(id);
        throw shipmentVersionConflictError(id, expectedVersion, Number(rows[0].version));
      }
      const shipment = await reader.getShipment(id);
      if (!shipment) throw shipmentNotFoundError(id);
      return shipment;
    },
  };
}

function tables(schema: string) {
  return {
    shipments: `${schema}.logistics_shipments`,
    orders: `${schema}.logistics_shipment_orders`,
    events: `${schema}.logistics_tracking_events`,
  };
}

function key(shipmentId: string, eventId: string): string {
  return `${shipmentId}\u0000${eventId}`;
}

function iso(date: Date | null): string | null {
  return date === null ? null : date.toISOString();
}

function time(value: Time): Date {
  return new Date(value);
}

function maybeTime(value: Time | null): Date | null {
  return value === null ? null : new Date(value);
}

/** The state columns in UPDATE order ($3…$15 there, $11…$23 in the INSERT). */
function stateParams(state: ShipmentState): unknown[] {
  return [
    state.status,
    iso(state.statusAt),
    iso(state.pickedUpAt),
    iso(state.deliveredAt),
    iso(state.returnedAt),
    iso(state.exception?.at ?? null),
    state.exception?.description ?? null,
    iso(state.lastEventAt),
    state.lastLocation,
    iso(state.eta),
    state.etaSource,
    state.late,
    state.eventCount,
  ];
}

function eventParams(draft: TrackingEventDraft): unknown[] {
  return [
    draft.shipmentId,
    draft.eventId,
    draft.status,
    draft.occurredAt.toISOString(),
    draft.receivedAt.toISOString(),
    draft.location,
    draft.description,
    iso(draft.estimatedDelivery),
    draft.correction,
  ];
}

function toShipment(row: ShipmentRow): Shipment {
  const exceptionAt = maybeTime(row.exception_at);
  return {
    id: row.id,
    carrierId: row.carrier_id,
    trackingNumber: row.tracking_number,
    merchantId: row.merchant_id,
    orderIds: [...(row.order_ids ?? [])],
    origin: row.origin,
    destination: row.destination,
    transitDays: Number(row.transit_days),
    promisedBy: maybeTime(row.promised_by),
    plannedPickupAt: maybeTime(row.planned_pickup_at),
    createdAt: time(row.created_at),
    status: row.status,
    statusAt: time(row.status_at),
    pickedUpAt: maybeTime(row.picked_up_at),
    deliveredAt: maybeTime(row.delivered_at),
    returnedAt: maybeTime(row.returned_at),
    exception: exceptionAt === null ? null : { at: exceptionAt, description: row.exception_description },
    lastEventAt: maybeTime(row.last_event_at),
    lastLocation: row.last_location,
    eta: maybeTime(row.eta),
    etaSource: row.eta_source,
    late: row.late,
    eventCount: Number(row.event_count),
    version: Number(row.version),
    updatedAt: time(row.updated_at),
  };
}

function toEvent(row: EventRow): TrackingEvent {
  return {
    shipmentId: row.shipment_id,
    eventId: row.event_id,
    status: row.status,
    occurredAt: time(row.occurred_at),
    receivedAt: time(row.received_at),
    location: row.location,
    description: row.description,
    estimatedDelivery: maybeTime(row.estimated_delivery),
    correction: row.correction,
    sequence: Number(row.sequence),
  };
}
