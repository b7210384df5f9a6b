import { ValidationError } from '../errors.js';
import type { DomainEvent } from './events.js';

/** U+0000, which PostgreSQL text and jsonb cannot store; every adapter rejects it alike. */
export const NUL = '\u0000';

/** Events `since` returns when no limit is given. */
export const DEFAULT_EVENT_PAGE = 100;
/** The largest page `since` accepts. */
export const MAX_EVENT_PAGE = 10_000;

/**
 * Checks events before an adapter appends them and returns detached copies (payload through
 * a JSON round trip, `occurredAt` copied, `aggregateId` normalised to `undefined` when absent).
 * Every adapter calls it, so all reject the same inputs with the same `ValidationError`.
 *
 * @example
 * const rows = checkEventsForAppend([{ id: 'e-1', type: 'demo.done', occurredAt: now, payload: {} }]);
 */
export function checkEventsForAppend(events: readonly DomainEvent[]): DomainEvent[] {
  if (!Array.isArray(events)) throw ValidationError.field('events', 'Expected an array of events');
  return events.map((event, index) => {
    const where = (field: string) => ['events', index, field];
    if (typeof event !== 'object' || event === null) {
      throw ValidationError.field(['events', index], 'Expected an event object');
    }
    if (
      typeof event.id !== 'string' ||
      event.id.length === 0 ||
      event.id.length > 200 ||
      event.id.includes(NUL)
    ) {
      throw ValidationError.field(where('id'), 'Expected an event id of 1-200 characters, without NUL');
    }
    if (typeof event.type !== 'string' || !/^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)+$/i.test(event.type)) {
      throw ValidationError.field(where('type'), 'Expected a dotted event type such as "credit.drawn"');
    }
    if (!(event.occurredAt instanceof Date) || Number.isNaN(event.occurredAt.getTime())) {
      throw ValidationError.field(where('occurredAt'), 'Expected a valid Date');
    }
    if (
      event.aggregateId !== undefined &&
      event.aggregateId !== null &&
      typeof event.aggregateId !== 'string'
    ) {
      throw ValidationError.field(where('aggregateId'), 'Expected a string or nothing');
    }
    let text: string;
    try {
      text = JSON.stringify(event.payload ?? null);
    } catch {
      throw ValidationError.field(where('payload'), 'Expected a JSON-serialisable payload');
    }
    const payload = JSON.parse(text) as DomainEvent['payload'];
    if (containsNul(payload)) {
      throw ValidationError.field(where('payload'), 'Payload strings must not contain NUL (U+0000)');
    }
    return {
      id: event.id,
      type: event.type,
      occurredAt: new Date(event.occurredAt.getTime()),
      aggregateId: event.aggregateId ?? undefined,
      payload,
    };
  });
}

/**
 * Checks the `limit` of an outbox read.
 *
 * @example
 * checkEventPageLimit(100) // ok; checkEventPageLimit(0) throws ValidationError on `limit`
 */
export function checkEventPageLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_EVENT_PAGE) {
    throw ValidationError.field('limit', `Expected an integer from 1 to ${MAX_EVENT_PAGE}`);
  }
}

/**
 * Whether a JSON value holds U+0000 in any string or key (PostgreSQL cannot store it).
 *
 * @example
 * containsNul({ note: 'a\u0000b' }) // true
 */
export function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes(NUL);
  if (Array.isArray(value)) return value.some(containsNul);
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).some(([key, item]) => key.includes(NUL) || containsNul(item));
  }
  return false;
}
