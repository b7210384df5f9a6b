import type { JsonValue } from '../errors.js';

/** The stored result of a command: its value, or the business error it ended with. */
export type StoredOutcome =
  | { ok: true; value: JsonValue }
  | { ok: false; error: { name: string; code: string; message: string; details: Record<string, JsonValue> } };

/** What an idempotency record keeps for one (scope, key). */
export interface IdempotencyRecord {
  /** The command family the key belongs to (e.g. `credit.draw`). Keys are unique per scope. */
  scope: string;
  /** The caller-chosen idempotency key. */
  key: string;
  /** SHA-256 of the canonical payload (`payloadHash`). */
  payloadHash: string;
  /** The first outcome; `null` only while the claiming transaction is still open. */
  outcome: StoredOutcome | null;
  /** When the key was first claimed. */
  createdAt: Date;
}

/** The answer to `claim`. */
export type IdempotencyClaim = { status: 'claimed' } | { status: 'exists'; record: IdempotencyRecord };

/**
 * Idempotency records inside a transaction. `claim` must be atomic: of two transactions that
 * claim the same (scope, key) at once, exactly one gets `claimed`; the other waits for it and
 * then sees its committed record (or claims the key itself if the first rolled back).
 */
export interface IdempotencyPort {
  /** Inserts a pending record for (scope, key) unless one exists; returns the existing one otherwise. */
  claim(input: { scope: string; key: string; payloadHash: string; now: Date }): Promise<IdempotencyClaim>;
  /** Stores the outcome of a key claimed in this same transaction. */
  complete(input: { scope: string; key: string; outcome: StoredOutcome }): Promise<void>;
}

/** Reading and housekeeping of idempotency records outside a command. */
export interface IdempotencyReader {
  /** The record for (scope, key), or `null`. */
  get(scope: string, key: string): Promise<IdempotencyRecord | null>;
  /** Deletes records created before `before`; returns how many. */
  purge(before: Date): Promise<number>;
}
