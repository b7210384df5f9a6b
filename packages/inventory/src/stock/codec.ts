import type { JsonValue, OutcomeCodec } from '@s2b2b/core';

/**
 * The idempotency codec of stock commands: JSON out, and back with the Dates revived
 * (`occurredAt` of movements and events, `createdAt` of documents), so a replay returns the
 * same shape as the first run.
 *
 * @example
 * await runIdempotent(storage, command, execute, stockOutcomeCodec<StockOutcome>());
 */
export function stockOutcomeCodec<T>(): OutcomeCodec<T> {
  return {
    encode: (value) => JSON.parse(JSON.stringify(value)) as JsonValue,
    decode: (json) => revive(structuredClone(json)) as T,
  };
}

function revive(json: JsonValue): JsonValue {
  const record = json as Record<string, unknown>;
  for (const field of ['movements', 'events'] as const) {
    const items = record[field];
    if (Array.isArray(items)) {
      for (const item of items as Record<string, unknown>[])
        item.occurredAt = new Date(item.occurredAt as string);
    }
  }
  const document = record.document as Record<string, unknown> | null | undefined;
  if (document) document.createdAt = new Date(document.createdAt as string);
  return json;
}
