import { compareCodePoints } from '../common/compare.js';
import type { CarrierEventStatus, TrackingEventDraft } from '../store.js';

/**
 * How far along each carrier status is, to order events that happened at the same instant
 * (a parcel scanned out for delivery and delivered in one second is delivered).
 *
 * @example
 * STATUS_RANK.delivered > STATUS_RANK['out-for-delivery'] // true
 */
export const STATUS_RANK: Readonly<Record<CarrierEventStatus, number>> = Object.freeze({
  'picked-up': 1,
  'in-transit': 2,
  exception: 3,
  'out-for-delivery': 4,
  delivered: 5,
  returned: 6,
});

/**
 * Timeline order of carrier events: by the time they happened, then by how far along the
 * status is, then by event id (code points) — a total order, so the same events always make the
 * same timeline whatever order they arrived in.
 *
 * @example
 * events.sort(compareTrackingEvents)
 */
export function compareTrackingEvents(
  a: Pick<TrackingEventDraft, 'occurredAt' | 'status' | 'eventId'>,
  b: Pick<TrackingEventDraft, 'occurredAt' | 'status' | 'eventId'>,
): number {
  return (
    a.occurredAt.getTime() - b.occurredAt.getTime() ||
    STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
    compareCodePoints(a.eventId, b.eventId)
  );
}

/**
 * The events in timeline order (a sorted copy).
 *
 * @example
 * sortTimeline(await storage.tracking.listEvents('shp-1')).map((e) => e.status)
 */
export function sortTimeline<E extends Pick<TrackingEventDraft, 'occurredAt' | 'status' | 'eventId'>>(
  events: readonly E[],
): E[] {
  return [...events].sort(compareTrackingEvents);
}
