import { randomUUID } from 'node:crypto';
import type { CoreStorage, DomainEvent, StoredEvent } from '@s2b2b/core';

/** A name no other test run uses, so suites can share one storage. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomUUID()}`;
}

/** An event of type `testkit.<kind>` with a fresh id. */
export function testEvent(kind: string, payload: DomainEvent['payload'], aggregateId?: string): DomainEvent {
  return {
    id: randomUUID(),
    type: `testkit.${kind}`,
    occurredAt: new Date('2026-03-01T08:00:00.000Z'),
    aggregateId,
    payload,
  };
}

/** The cursor after every event committed so far. */
export async function endCursor(storage: CoreStorage): Promise<string | null> {
  let cursor: string | null = null;
  for (;;) {
    const page = await storage.events.since(cursor, 10_000);
    cursor = page.cursor;
    if (page.events.length < 10_000) return cursor;
  }
}

/** Every event after `cursor`, read page by page with `pageSize`. */
export async function readAll(
  storage: CoreStorage,
  cursor: string | null,
  pageSize = 1_000,
): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  let next = cursor;
  for (;;) {
    const page = await storage.events.since(next, pageSize);
    events.push(...page.events);
    if (page.events.length === 0) return events;
    next = page.cursor;
  }
}

/** Runs `count` async tasks at once and settles them all. */
export function inParallel<T>(
  count: number,
  task: (index: number) => Promise<T>,
): Promise<PromiseSettledResult<T>[]> {
  return Promise.allSettled(Array.from({ length: count }, (_, index) => task(index)));
}
