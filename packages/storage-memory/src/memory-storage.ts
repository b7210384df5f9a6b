import type { CoreStorage, InfrastructureTx } from '@s2b2b/core';
import { MemoryEventStore } from './event-store.js';
import { MemoryIdempotencyStore } from './idempotency-store.js';
import { MemoryEngine } from './memory-engine.js';

/** The in-memory storage: every store port, kept in this process. */
export interface MemoryStorage extends CoreStorage {
  readonly kind: 'memory';
  /** The transaction engine, for hosts that add their own memory stores to the same transactions. */
  readonly engine: MemoryEngine;
}

/**
 * Creates the embedded default storage: all state in plain maps, transactions serialised by
 * one lock and undone on failure. Nothing survives the process; use it for tests, demos and
 * single-process tools, and `@s2b2b/storage-postgres` when state must last.
 *
 * @example
 * const storage = createMemoryStorage();
 * await runIdempotent(storage, { scope: 'demo', key: 'k-1', payload: {}, now: new Date() }, async (tx) => 'done');
 */
export function createMemoryStorage(): MemoryStorage {
  const engine = new MemoryEngine();
  const idempotency = new MemoryIdempotencyStore(engine);
  const events = new MemoryEventStore(engine);
  return {
    kind: 'memory',
    engine,
    idempotency,
    events,
    transaction<T>(fn: (tx: InfrastructureTx) => Promise<T>): Promise<T> {
      return engine.transaction((ctx) =>
        fn({ idempotency: idempotency.port(ctx), events: events.port(ctx) }),
      );
    },
    /** Nothing to release: the state lives as long as the object. */
    async close() {},
  };
}
