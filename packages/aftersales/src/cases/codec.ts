import type { JsonValue, OutcomeCodec } from '@s2b2b/core';
import type { AftersalesCase } from '../store.js';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const DATE_KEYS = new Set(['deadline', 'runningSince', 'at', 'occurredAt']);

/** Whether a key holds an instant in the kit's JSON (`...At`, `deadline`, `runningSince`, `at`). */
function isDateKey(key: string): boolean {
  return DATE_KEYS.has(key) || (key.endsWith('At') && key.length > 2);
}

/**
 * Revives the instants of after-sales JSON in place: every ISO string under a key ending in
 * `At`, or named `deadline`, `runningSince` or `at`, becomes a `Date`. (Case JSON carries no
 * other such keys.)
 *
 * @example
 * reviveDates(JSON.parse(text)) // openedAt, clocks[].cycles[].deadline ... are Dates again
 */
export function reviveDates<T>(value: T): T {
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    for (const [key, child] of Object.entries(record)) {
      if (typeof child === 'string' && isDateKey(key) && ISO.test(child)) record[key] = new Date(child);
      else visit(child);
    }
  };
  visit(value);
  return value;
}

/**
 * A case as JSON (instants as ISO strings), for a JSONB column or a document store.
 *
 * @example
 * await sql.query('INSERT ... VALUES ($1)', [caseToJson(record)]);
 */
export function caseToJson(record: AftersalesCase): JsonValue {
  return JSON.parse(JSON.stringify(record)) as JsonValue;
}

/**
 * A case back from {@link caseToJson}.
 *
 * @example
 * const record = caseFromJson(row.data);
 */
export function caseFromJson(json: unknown): AftersalesCase {
  return reviveDates(structuredClone(json)) as AftersalesCase;
}

/**
 * The idempotency codec of case commands: JSON out, and back with the instants revived — the
 * case's (see {@link reviveDates}), each transition's `at` and each event's `occurredAt`;
 * transition data and event payloads stay JSON — so a replay returns the same shape as the
 * first run.
 *
 * @example
 * await runIdempotent(storage, command, execute, caseOutcomeCodec<CaseOutcome>());
 */
export function caseOutcomeCodec<T>(): OutcomeCodec<T> {
  return {
    encode: (value) => JSON.parse(JSON.stringify(value)) as JsonValue,
    decode: (json) => {
      const value = structuredClone(json) as Record<string, unknown>;
      if (value.case) reviveDates(value.case);
      for (const transition of (value.transitions ?? []) as Record<string, unknown>[])
        transition.at = new Date(transition.at as string);
      for (const event of (value.events ?? []) as Record<string, unknown>[])
        event.occurredAt = new Date(event.occurredAt as string);
      return value as T;
    },
  };
}
