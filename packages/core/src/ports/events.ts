import type { JsonValue } from '../errors.js';

/**
 * Something that happened in a domain, reported to the host (`onEvent`) and, on storage that
 * has an outbox, written in the same transaction as the state change.
 *
 * @example
 * const event: DomainEvent = { id: 'e-1', type: 'credit.drawn', occurredAt: now, aggregateId: 'line-1', payload: { amount: '100.00' } }
 */
export interface DomainEvent<TType extends string = string, TPayload extends JsonValue = JsonValue> {
  /** Unique id of the event (a UUIDv7 from `createIdGenerator` sorts by time). */
  id: string;
  /** Dotted type, `<domain>.<what happened>`: `credit.drawn`, `stock.reserved`, `sla.breached`. */
  type: TType;
  /** When it happened (the service clock's now). */
  occurredAt: Date;
  /** The aggregate it concerns (credit line, round, case), when there is one. */
  aggregateId?: string | undefined;
  /** The event data, JSON only (amounts as strings). */
  payload: TPayload;
}

/** An event as read back from the outbox, with its opaque position. */
export interface StoredEvent extends DomainEvent {
  /** Opaque, adapter-defined position; pass the last one back to `since` to continue. */
  position: string;
}

/** One page of events read from the outbox. */
export interface EventPage {
  /** Events after the cursor, in commit order, at most `limit`. */
  events: StoredEvent[];
  /** The cursor to pass next time: the last event's position, or the cursor given when nothing is new. */
  cursor: string | null;
}

/** Writes events inside the caller's transaction. */
export interface EventOutboxPort {
  /** Appends events; they become visible to `since` only when the transaction commits. */
  append(events: readonly DomainEvent[]): Promise<void>;
}

/** Reads committed events. */
export interface EventReader {
  /**
   * Events committed after `cursor` (`null` = from the start), oldest first. A reader that
   * keeps passing back the returned cursor sees every committed event exactly once.
   */
  since(cursor: string | null, limit?: number): Promise<EventPage>;
}

/** Callback services call with the events of each committed command. */
export type EventListener<E extends DomainEvent = DomainEvent> = (event: E) => void | Promise<void>;
