import { ConflictError, DomainError, type JsonValue, ValidationError } from '../errors.js';
import { payloadHash } from './canonical-json.js';
import { containsNul, NUL } from './event-checks.js';
import type { IdempotencyRecord, StoredOutcome } from './idempotency.js';
import type { InfrastructureTx, TransactionRunner } from './unit-of-work.js';

/** Turns a command's result into JSON for the idempotency record and back. */
export interface OutcomeCodec<T> {
  encode(value: T): JsonValue;
  decode(json: JsonValue): T;
}

/** The JSON round trip: `toJSON` is honoured (Dates become ISO strings, Money becomes strings). */
export const jsonCodec: OutcomeCodec<JsonValue> = {
  encode: (value) => JSON.parse(JSON.stringify(value ?? null)) as JsonValue,
  decode: (json) => json,
};

/** One idempotent command: who it is, and what it carries. */
export interface IdempotentCommand {
  /** Command family, e.g. `credit.draw`; keys are unique per scope. */
  scope: string;
  /** Caller-chosen idempotency key (1-200 characters). */
  key: string;
  /** The validated input: the same key with a different payload is a `ConflictError`. */
  payload: unknown;
  /** The service clock's now; stored as the record's creation time. */
  now: Date;
}

/** What `runIdempotent` returns: the value, and whether it was replayed from the record. */
export interface CommandResult<T> {
  value: T;
  replayed: boolean;
}

const MAX_KEY_LENGTH = 200;

/** Errors rebuilt from a stored outcome: already recorded, so they pass straight through. */
const replayedErrors = new WeakSet<Error>();

/**
 * Runs a mutating command exactly once per idempotency key, atomically with its writes.
 *
 * In one transaction it claims (scope, key), runs `execute`, and stores the encoded outcome.
 * Replaying the key returns the first outcome (`replayed: true`) and writes nothing; the same
 * key with another payload throws `ConflictError` (`IDEMPOTENCY_CONFLICT`). If `execute`
 * throws a `DomainError`, its writes roll back but the failure is recorded, so a replay
 * throws the same error (the key is spent, as in TigerBeetle and Stripe); any other error
 * leaves no record and the key can be retried.
 *
 * @example
 * const { value } = await runIdempotent(storage, { scope: 'demo.add', key, payload, now }, async (tx) => {
 *   await tx.events.append([event]);
 *   return { total: '10.00' };
 * });
 */
export async function runIdempotent<Tx extends InfrastructureTx, T = JsonValue>(
  runner: TransactionRunner<Tx>,
  command: IdempotentCommand,
  execute: (tx: Tx) => Promise<T>,
  codec: OutcomeCodec<T> = jsonCodec as unknown as OutcomeCodec<T>,
): Promise<CommandResult<T>> {
  validateCommand(command);
  const hash = payloadHash(command.payload);
  const claimInput = { scope: command.scope, key: command.key, payloadHash: hash, now: command.now };
  try {
    return await runner.transaction(async (tx) => {
      const claim = await tx.idempotency.claim(claimInput);
      if (claim.status === 'exists') return replay(claim.record, hash, codec);
      const value = await execute(tx);
      const encoded = codec.encode(value);
      if (containsNul(encoded)) {
        throw ValidationError.field('outcome', 'Command results must not contain NUL (U+0000) in any string');
      }
      await tx.idempotency.complete({
        scope: command.scope,
        key: command.key,
        outcome: { ok: true, value: encoded },
      });
      return { value: codec.decode(encoded), replayed: false };
    });
  } catch (error) {
    if (!(error instanceof DomainError) || replayedErrors.has(error)) throw error;
    // The command's writes rolled back; spend the key on the business error it ended with.
    const outcome: StoredOutcome = {
      ok: false,
      error: { name: error.name, code: error.code, message: error.message, details: { ...error.details } },
    };
    const replayed = await runner.transaction(async (tx) => {
      const claim = await tx.idempotency.claim(claimInput);
      if (claim.status === 'exists') return replay(claim.record, hash, codec);
      await tx.idempotency.complete({ scope: command.scope, key: command.key, outcome });
      return null;
    });
    if (replayed) return replayed;
    throw error;
  }
}

function replay<T>(record: IdempotencyRecord, hash: string, codec: OutcomeCodec<T>): CommandResult<T> {
  if (record.payloadHash !== hash) {
    throw new ConflictError(
      'IDEMPOTENCY_CONFLICT',
      `Idempotency key ${JSON.stringify(record.key)} of ${record.scope} was already used with a different payload`,
      { scope: record.scope, key: record.key },
    );
  }
  const outcome = record.outcome;
  if (outcome === null) {
    throw new ConflictError(
      'IDEMPOTENCY_INCOMPLETE',
      `Idempotency key ${JSON.stringify(record.key)} of ${record.scope} was claimed but has no outcome`,
      { scope: record.scope, key: record.key },
    );
  }
  if (outcome.ok) return { value: codec.decode(outcome.value), replayed: true };
  const replayedError = new DomainError(outcome.error.code, outcome.error.message, {
    ...outcome.error.details,
    replayed: true,
  });
  replayedErrors.add(replayedError);
  throw replayedError;
}

function validateCommand(command: IdempotentCommand): void {
  const { scope, key } = command;
  if (typeof scope !== 'string' || scope.length === 0 || scope.length > 100 || scope.includes(NUL)) {
    throw ValidationError.field('scope', 'Expected a command scope of 1-100 characters, without NUL');
  }
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH || key.includes(NUL)) {
    throw ValidationError.field(
      'idempotencyKey',
      `Expected an idempotency key of 1-${MAX_KEY_LENGTH} characters, without NUL`,
    );
  }
  if (!(command.now instanceof Date) || Number.isNaN(command.now.getTime())) {
    throw ValidationError.field('now', 'Expected a valid Date');
  }
}
