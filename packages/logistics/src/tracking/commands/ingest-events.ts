import type { z } from 'zod';
import { compareCodePoints } from '../../common/compare.js';
import type { Shipment, TrackingEvent, TrackingEventDraft, TrackingTx } from '../../store.js';
import { deriveShipmentState, isTerminalStatus } from '../derive-state.js';
import type { ShipmentEvent } from '../events.js';
import { FUTURE_EVENT_TOLERANCE_MS, type ingestEventsSchema } from '../schemas.js';
import { compareTrackingEvents } from '../timeline.js';
import { shipmentEvent, type TrackingCommandContext } from './context.js';

/**
 * What ingestion did with one carrier event, and what each outcome means.
 *
 * @example
 * INGEST_OUTCOMES['status-changed']
 */
export const INGEST_OUTCOMES = Object.freeze({
  'status-changed': 'Recorded, and the shipment moved to another status.',
  recorded: 'Recorded in the history; the status did not change (see `note`).',
  duplicate: 'Already recorded with the same content: nothing changed.',
  conflict: 'Already recorded with other content: the first version is kept.',
  'unknown-shipment': 'No shipment has that id or carrier tracking number.',
  rejected: 'Not recorded (see `note`).',
} as const);

/**
 * One of {@link INGEST_OUTCOMES}.
 *
 * @example
 * const outcome: IngestOutcome = 'duplicate';
 */
export type IngestOutcome = keyof typeof INGEST_OUTCOMES;

/**
 * Why an event was only recorded, or rejected: `out-of-order` (it happened before the latest
 * event already recorded, so the status follows the later one), `after-terminal` (it happened
 * after the shipment was delivered or returned, and is no correction), `same-status` (the latest
 * event, with the status the shipment already had), `future` (dated more than 24 h after the
 * service clock).
 *
 * @example
 * const note: IngestNote = 'out-of-order';
 */
export type IngestNote = 'same-status' | 'out-of-order' | 'after-terminal' | 'future';

/**
 * The outcome for one input event, in input order.
 *
 * @example
 * const { index, outcome, shipmentId, status }: IngestResult = result.results[0]!;
 */
export interface IngestResult {
  /** Position in the input. */
  index: number;
  eventId: string;
  shipmentId: string | null;
  outcome: IngestOutcome;
  note: IngestNote | null;
  /** The shipment's status after the whole call (`null` for an unknown shipment). */
  status: Shipment['status'] | null;
}

/**
 * What `ingestEvents` did.
 *
 * @example
 * const { results, shipments, events }: IngestEventsOutcome = outcome;
 */
export interface IngestEventsOutcome {
  results: IngestResult[];
  /** The shipments that recorded at least one event, after the call, in id order. */
  shipments: Shipment[];
  events: ShipmentEvent[];
}

type Parsed = z.output<typeof ingestEventsSchema>;
type ParsedEvent = Parsed['events'][number];

/**
 * Ingests carrier events for any number of shipments in one transaction: resolves each event's
 * shipment (by id, or carrier + tracking number), locks those shipments in id order, records
 * the new events (a (shipment, event id) pair only once: a repeat is `duplicate`, or `conflict`
 * when its content differs), derives each shipment's state from its whole history with
 * `deriveShipmentState`, and saves it over the locked version. Each new event is classified by
 * adding the call's events to the history one at a time in timeline order; every status change
 * becomes a `shipment.<status>` event.
 *
 * @example
 * await storage.transaction((tx) => ingestCarrierEvents(tx, ingestEventsSchema.parse(input), ctx));
 */
export async function ingestCarrierEvents(
  tx: TrackingTx,
  input: Parsed,
  ctx: TrackingCommandContext,
): Promise<IngestEventsOutcome> {
  const resolved = await resolveShipments(tx, input.events);
  const ids = [...new Set(resolved.filter((id): id is string => id !== null))].sort(compareCodePoints);
  const locked = new Map((await tx.tracking.lockShipments(ids)).map((shipment) => [shipment.id, shipment]));

  const results: IngestResult[] = input.events.map((event, index) => ({
    index,
    eventId: event.eventId,
    shipmentId: resolved[index] ?? null,
    outcome: 'unknown-shipment',
    note: null,
    status: null,
  }));
  const latestAllowed = ctx.now.getTime() + FUTURE_EVENT_TOLERANCE_MS;
  const drafts: TrackingEventDraft[] = [];
  const draftIndex: number[] = [];
  const firstInCall = new Map<string, number>();
  input.events.forEach((event, index) => {
    const shipmentId = resolved[index];
    if (shipmentId === null || shipmentId === undefined || !locked.has(shipmentId)) return;
    const result = results[index]!;
    result.shipmentId = shipmentId;
    if (event.occurredAt.getTime() > latestAllowed) {
      result.outcome = 'rejected';
      result.note = 'future';
      return;
    }
    const draft = toDraft(shipmentId, event, ctx.now);
    const key = `${shipmentId}\u0000${event.eventId}`;
    const earlier = firstInCall.get(key);
    if (earlier !== undefined) {
      result.outcome = sameContent(drafts[earlier]!, draft) ? 'duplicate' : 'conflict';
      return;
    }
    firstInCall.set(key, drafts.length);
    drafts.push(draft);
    draftIndex.push(index);
  });

  const inserted = drafts.length > 0 ? await tx.tracking.insertEvents(drafts) : [];
  const fresh = new Map<string, TrackingEvent[]>();
  inserted.forEach(({ event, inserted: isNew }, k) => {
    const result = results[draftIndex[k]!]!;
    if (!isNew) {
      result.outcome = sameContent(event, drafts[k]!) ? 'duplicate' : 'conflict';
      return;
    }
    const list = fresh.get(event.shipmentId) ?? [];
    list.push(event);
    fresh.set(event.shipmentId, list);
  });

  const events: ShipmentEvent[] = [];
  const saved: Shipment[] = [];
  const outcomeOf = new Map<string, { outcome: IngestOutcome; note: IngestNote | null }>();
  for (const shipmentId of ids) {
    const added = fresh.get(shipmentId);
    const before = locked.get(shipmentId);
    if (!added || !before) continue;
    const history = await allEvents(tx, shipmentId);
    const addedKeys = new Set(added.map((event) => event.eventId));
    const timeline = history.filter((event) => !addedKeys.has(event.eventId));
    let state = deriveShipmentState(before, timeline);
    for (const event of [...added].sort(compareTrackingEvents)) {
      const latest = timeline.reduce<TrackingEvent | null>(
        (max, candidate) => (max === null || compareTrackingEvents(candidate, max) > 0 ? candidate : max),
        null,
      );
      timeline.push(event);
      const next = deriveShipmentState(before, timeline);
      let outcome: { outcome: IngestOutcome; note: IngestNote | null };
      if (next.status !== state.status) {
        outcome = { outcome: 'status-changed', note: null };
        events.push(shipmentEvent(ctx, { ...before, ...next }, state.status));
      } else if (latest !== null && compareTrackingEvents(event, latest) < 0) {
        outcome = { outcome: 'recorded', note: 'out-of-order' };
      } else if (isTerminalStatus(state.status) && !event.correction) {
        outcome = { outcome: 'recorded', note: 'after-terminal' };
      } else {
        outcome = { outcome: 'recorded', note: 'same-status' };
      }
      outcomeOf.set(`${shipmentId}\u0000${event.eventId}`, outcome);
      state = next;
    }
    const after = deriveShipmentState(before, history);
    saved.push(await tx.tracking.saveShipmentState(shipmentId, before.version, after, ctx.now));
  }

  drafts.forEach((draft, k) => {
    const found = outcomeOf.get(`${draft.shipmentId}\u0000${draft.eventId}`);
    if (found) Object.assign(results[draftIndex[k]!]!, found);
  });
  const statusOf = new Map<string, Shipment['status']>([
    ...[...locked.values()].map((shipment) => [shipment.id, shipment.status] as const),
    ...saved.map((shipment) => [shipment.id, shipment.status] as const),
  ]);
  for (const result of results) {
    if (result.shipmentId !== null) result.status = statusOf.get(result.shipmentId) ?? null;
    if (result.status === null) result.shipmentId = null;
  }
  return { results, shipments: saved, events };
}

/** The shipment id of each event: its own, or the one its carrier tracking number resolves to. */
async function resolveShipments(tx: TrackingTx, events: readonly ParsedEvent[]): Promise<(string | null)[]> {
  const byTracking = new Map<string, string | null>();
  for (const event of events) {
    if (event.shipmentId !== undefined) continue;
    const key = `${event.carrierId}\u0000${event.trackingNumber}`;
    if (byTracking.has(key)) continue;
    const shipment = await tx.tracking.findShipment(event.carrierId!, event.trackingNumber!);
    byTracking.set(key, shipment?.id ?? null);
  }
  return events.map((event) =>
    event.shipmentId !== undefined
      ? event.shipmentId
      : byTracking.get(`${event.carrierId}\u0000${event.trackingNumber}`)!,
  );
}

/** Every recorded event of a shipment, page by page. */
async function allEvents(tx: TrackingTx, shipmentId: string): Promise<TrackingEvent[]> {
  const events: TrackingEvent[] = [];
  let afterSequence = 0;
  for (;;) {
    const page = await tx.tracking.listEvents(shipmentId, { afterSequence, limit: 10_000 });
    events.push(...page);
    if (page.length < 10_000) return events;
    afterSequence = page[page.length - 1]!.sequence;
  }
}

function toDraft(shipmentId: string, event: ParsedEvent, now: Date): TrackingEventDraft {
  return {
    shipmentId,
    eventId: event.eventId,
    status: event.status,
    occurredAt: event.occurredAt,
    receivedAt: now,
    location: event.location ?? null,
    description: event.description ?? null,
    estimatedDelivery: event.estimatedDelivery ?? null,
    correction: event.correction,
  };
}

/** Same event content (what the carrier said; when it was received does not count). */
function sameContent(a: TrackingEventDraft, b: TrackingEventDraft): boolean {
  return (
    a.status === b.status &&
    a.occurredAt.getTime() === b.occurredAt.getTime() &&
    a.location === b.location &&
    a.description === b.description &&
    (a.estimatedDelivery?.getTime() ?? null) === (b.estimatedDelivery?.getTime() ?? null) &&
    a.correction === b.correction
  );
}
