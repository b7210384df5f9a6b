import type { JsonValue, OutcomeCodec } from '@s2b2b/core';

/** The fields of credit outcomes that hold instants. */
const DATE_FIELDS = new Set([
  'openedAt',
  'updatedAt',
  'at',
  'createdAt',
  'drawnAt',
  'closedAt',
  'occurredAt',
  'expiresAt',
  'resolvedAt',
]);

/**
 * The idempotency codec of credit commands: JSON out, and back with every instant field
 * (`occurredAt`, `createdAt`, `drawnAt`, ...) revived as a `Date`, so a replay returns the same
 * shape as the first run.
 *
 * @example
 * await runIdempotent(storage, command, execute, creditOutcomeCodec<DrawOutcome>());
 */
export function creditOutcomeCodec<T>(): OutcomeCodec<T> {
  return {
    encode: (value) => JSON.parse(JSON.stringify(value)) as JsonValue,
    // revive builds a new tree, so the stored JSON is never shared with the caller
    decode: (json) => revive(json) as T,
  };
}

function revive(value: JsonValue): unknown {
  if (Array.isArray(value)) return value.map(revive);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    out[key] = DATE_FIELDS.has(key) && typeof field === 'string' ? new Date(field) : revive(field);
  }
  return out;
}
