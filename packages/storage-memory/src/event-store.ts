import type { DomainEvent, EventOutboxPort, EventPage, EventReader, StoredEvent } from '@s2b2b/core';
import {
  ConflictError,
  checkEventPageLimit,
  checkEventsForAppend,
  DEFAULT_EVENT_PAGE,
  ValidationError,
} from '@s2b2b/core';
import type { MemoryEngine, MemoryTxContext } from './memory-engine.js';

/**
 * The event outbox in an array. Transactions are serialised, so commit order is append
 * order and a position is simply the 1-based index.
 */
export class MemoryEventStore implements EventReader {
  readonly #events: StoredEvent[] = [];
  readonly #ids = new Set<string>();
  readonly #engine: MemoryEngine;

  constructor(engine: MemoryEngine) {
    this.#engine = engine;
  }

  /** The port a transaction uses. */
  port(ctx: MemoryTxContext): EventOutboxPort {
    return {
      append: async (events: readonly DomainEvent[]) => {
        const batch: StoredEvent[] = checkEventsForAppend(events).map((event) => ({
          ...event,
          position: '',
        }));
        const seen = new Set<string>();
        for (const event of batch) {
          if (this.#ids.has(event.id) || seen.has(event.id)) {
            throw new ConflictError(
              'DUPLICATE_EVENT_ID',
              `Event ${JSON.stringify(event.id)} was already appended`,
              {
                eventId: event.id,
              },
            );
          }
          seen.add(event.id);
        }
        const start = this.#events.length;
        for (const [offset, event] of batch.entries()) {
          event.position = String(start + offset + 1);
          this.#events.push(event);
          this.#ids.add(event.id);
        }
        ctx.onRollback(() => {
          for (const event of this.#events.splice(start)) this.#ids.delete(event.id);
        });
      },
    };
  }

  async since(cursor: string | null, limit = DEFAULT_EVENT_PAGE): Promise<EventPage> {
    const after = parseCursor(cursor);
    checkEventPageLimit(limit);
    return this.#engine.read(() => {
      const events = this.#events.slice(after, after + limit).map((event) => structuredClone(event));
      const last = events.at(-1);
      return { events, cursor: last ? last.position : cursor };
    });
  }
}

function parseCursor(cursor: string | null): number {
  if (cursor === null) return 0;
  if (typeof cursor !== 'string' || !/^(0|[1-9][0-9]{0,15})$/.test(cursor)) {
    throw ValidationError.field(
      'cursor',
      `Expected a cursor returned by since(), got ${JSON.stringify(cursor)}`,
    );
  }
  return Number(cursor);
}
