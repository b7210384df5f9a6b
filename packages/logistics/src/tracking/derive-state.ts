import type { ShipmentRecord, ShipmentState, ShipmentStatus, TrackingEventDraft } from '../store.js';
import { sortTimeline } from './timeline.js';

const DAY_MS = 86_400_000;

/** The fields of an event the state depends on. */
type StateEvent = Pick<
  TrackingEventDraft,
  'eventId' | 'status' | 'occurredAt' | 'location' | 'description' | 'estimatedDelivery' | 'correction'
>;

/**
 * Whether a status is terminal (`delivered`, `returned`).
 *
 * @example
 * isTerminalStatus('delivered') // true
 */
export function isTerminalStatus(status: ShipmentStatus): boolean {
  return status === 'delivered' || status === 'returned';
}

/**
 * A shipment's state from its whole event history, folded in timeline order
 * (`compareTrackingEvents`), so arrival order, duplicates and late events never matter:
 *
 * 1. every event updates `lastEventAt` and, when it has one, `lastLocation`; the latest
 *    `estimatedDelivery` is the carrier's ETA;
 * 2. a shipment in a terminal status (`delivered`, `returned`) stays there: later events are
 *    kept in the history but change nothing — unless the event is a `correction` (the carrier
 *    says the terminal event was wrong), which applies like any other;
 * 3. otherwise the event's status becomes the status (the latest scan wins, so a parcel back at
 *    the depot after a failed delivery is `in-transit` again); an `exception` stays open until
 *    the next event;
 * 4. `pickedUpAt` is the first event that shows the parcel moving; `deliveredAt` / `returnedAt`
 *    the event that made it so;
 * 5. ETA: the delivery time once delivered; none once returned; else the carrier's estimate;
 *    else `pickedUpAt` (or `plannedPickupAt`, or `createdAt`) + `transitDays` calendar days
 *    (business days are not in core yet). `late` when the ETA or the delivery is after `promisedBy`.
 *
 * @example
 * const state = deriveShipmentState(record, [
 *   { eventId: 'e1', status: 'picked-up', occurredAt: new Date('2026-03-02T10:00:00Z'), location: '上海', description: null, estimatedDelivery: null, correction: false },
 * ]);
 * state.status // 'picked-up'
 * state.eta?.toISOString() // '2026-03-04T10:00:00.000Z' with transitDays 2
 */
export function deriveShipmentState(
  record: Pick<ShipmentRecord, 'createdAt' | 'transitDays' | 'promisedBy' | 'plannedPickupAt'>,
  events: readonly StateEvent[],
): ShipmentState {
  let status: ShipmentStatus = 'created';
  let statusAt = record.createdAt;
  let pickedUpAt: Date | null = null;
  let deliveredAt: Date | null = null;
  let returnedAt: Date | null = null;
  let exception: ShipmentState['exception'] = null;
  let lastEventAt: Date | null = null;
  let lastLocation: string | null = null;
  let carrierEta: Date | null = null;

  for (const event of sortTimeline(events)) {
    lastEventAt = event.occurredAt;
    if (event.location !== null) lastLocation = event.location;
    if (event.estimatedDelivery !== null) carrierEta = event.estimatedDelivery;
    if (isTerminalStatus(status) && !event.correction) continue;
    status = event.status;
    statusAt = event.occurredAt;
    if (pickedUpAt === null && event.status !== 'exception' && event.status !== 'returned') {
      pickedUpAt = event.occurredAt;
    }
    deliveredAt = event.status === 'delivered' ? event.occurredAt : null;
    returnedAt = event.status === 'returned' ? event.occurredAt : null;
    exception =
      event.status === 'exception' ? { at: event.occurredAt, description: event.description } : null;
  }

  let eta: Date | null;
  let etaSource: ShipmentState['etaSource'];
  if (deliveredAt !== null) {
    eta = deliveredAt;
    etaSource = 'delivered';
  } else if (returnedAt !== null) {
    eta = null;
    etaSource = null;
  } else if (carrierEta !== null) {
    eta = carrierEta;
    etaSource = 'carrier';
  } else {
    const base = pickedUpAt ?? record.plannedPickupAt ?? record.createdAt;
    eta = new Date(base.getTime() + record.transitDays * DAY_MS);
    etaSource = 'transit-days';
  }
  const late = record.promisedBy !== null && eta !== null && eta.getTime() > record.promisedBy.getTime();
  return {
    status,
    statusAt: new Date(statusAt.getTime()),
    pickedUpAt: copy(pickedUpAt),
    deliveredAt: copy(deliveredAt),
    returnedAt: copy(returnedAt),
    exception: exception
      ? { at: new Date(exception.at.getTime()), description: exception.description }
      : null,
    lastEventAt: copy(lastEventAt),
    lastLocation,
    eta: copy(eta),
    etaSource,
    late,
    eventCount: events.length,
  };
}

function copy(date: Date | null): Date | null {
  return date === null ? null : new Date(date.getTime());
}
