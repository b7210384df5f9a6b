import { type JsonValue, Money, type OutcomeCodec } from '@s2b2b/core';

/** The fields that hold instants in procurement values. */
const DATE_FIELDS = new Set([
  'at',
  'asOf',
  'opensAt',
  'closesAt',
  'needBy',
  'createdAt',
  'closedAt',
  'cancelledAt',
  'updatedAt',
  'submittedAt',
  'validFrom',
  'validTo',
  'expiresAt',
  'occurredAt',
  'periodStart',
]);

/**
 * Turns the JSON of procurement values back into the values: ISO strings in instant fields
 * (`opensAt`, `validFrom`, `occurredAt`, ...) become `Date`s and `{ amount, currency }` objects
 * become `Money`. Event payloads are left as JSON. Mutates and returns `json`.
 *
 * @example
 * reviveProcurementJson({ total: { amount: '450.00', currency: 'CNY' }, createdAt: '2026-03-08T00:00:00.000Z' })
 * // { total: Money 450.00 CNY, createdAt: Date }
 */
export function reviveProcurementJson<T>(json: JsonValue): T {
  return revive(json) as T;
}

function revive(value: unknown): unknown {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = revive(value[i]);
    return value;
  }
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (
    keys.length === 2 &&
    typeof record.amount === 'string' &&
    typeof record.currency === 'string' &&
    /^[A-Z]{3}$/.test(record.currency)
  ) {
    return Money.of(record.amount, record.currency);
  }
  for (const key of keys) {
    const field = record[key];
    if (key === 'payload') continue;
    if (DATE_FIELDS.has(key) && typeof field === 'string') record[key] = new Date(field);
    else if (typeof field === 'object' && field !== null) record[key] = revive(field);
  }
  return record;
}

/**
 * The idempotency codec of procurement commands: JSON out (Money as `{ amount, currency }`,
 * Dates as ISO strings), and back with {@link reviveProcurementJson}, so a replay returns the
 * same shape as the first run.
 *
 * @example
 * await runIdempotent(storage, command, execute, procurementCodec<RoundOutcome>());
 */
export function procurementCodec<T>(): OutcomeCodec<T> {
  return {
    encode: (value) => JSON.parse(JSON.stringify(value)) as JsonValue,
    decode: (json) => reviveProcurementJson<T>(structuredClone(json)),
  };
}
