import type {
  IdempotencyClaim,
  IdempotencyPort,
  IdempotencyReader,
  IdempotencyRecord,
  StoredOutcome,
} from '@s2b2b/core';
import { DomainError } from '@s2b2b/core';
import type { MemoryEngine, MemoryTxContext } from './memory-engine.js';

/** Idempotency records in a `Map`, keyed by scope and key. */
export class MemoryIdempotencyStore implements IdempotencyReader {
  readonly #records = new Map<string, IdempotencyRecord>();
  readonly #engine: MemoryEngine;

  constructor(engine: MemoryEngine) {
    this.#engine = engine;
  }

  /** The port a transaction uses. */
  port(ctx: MemoryTxContext): IdempotencyPort {
    return {
      claim: async ({ scope, key, payloadHash, now }): Promise<IdempotencyClaim> => {
        const id = recordId(scope, key);
        const existing = this.#records.get(id);
        if (existing) return { status: 'exists', record: copy(existing) };
        this.#records.set(id, { scope, key, payloadHash, outcome: null, createdAt: new Date(now.getTime()) });
        ctx.onRollback(() => this.#records.delete(id));
        return { status: 'claimed' };
      },
      complete: async ({ scope, key, outcome }) => {
        const id = recordId(scope, key);
        const record = this.#records.get(id);
        if (!record) {
          throw new DomainError(
            'IDEMPOTENCY_NOT_CLAIMED',
            `Key ${JSON.stringify(key)} of ${scope} was not claimed`,
            {
              scope,
              key,
            },
          );
        }
        const previous = record.outcome;
        record.outcome = structuredClone(outcome) as StoredOutcome;
        ctx.onRollback(() => {
          record.outcome = previous;
        });
      },
    };
  }

  async get(scope: string, key: string): Promise<IdempotencyRecord | null> {
    return this.#engine.read(() => {
      const record = this.#records.get(recordId(scope, key));
      return record ? copy(record) : null;
    });
  }

  async purge(before: Date): Promise<number> {
    return this.#engine.transaction(async (ctx) => {
      let removed = 0;
      for (const [id, record] of this.#records) {
        if (record.createdAt.getTime() < before.getTime()) {
          this.#records.delete(id);
          ctx.onRollback(() => this.#records.set(id, record));
          removed += 1;
        }
      }
      return removed;
    });
  }
}

function recordId(scope: string, key: string): string {
  return `${scope.length}:${scope}:${key}`;
}

function copy(record: IdempotencyRecord): IdempotencyRecord {
  return structuredClone(record);
}
