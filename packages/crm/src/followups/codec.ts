import type { JsonValue, OutcomeCodec } from '@s2b2b/core';

const TASK_DATES = ['dueAt', 'createdAt', 'updatedAt', 'closedAt'] as const;

/**
 * The idempotency codec of follow-up commands: JSON out, and back with the Dates revived (every
 * date of `task` / `tasks[].task`, `occurredAt` of events), so a replay returns the same shape as
 * the first run.
 *
 * @example
 * await runIdempotent(storage, command, execute, followUpOutcomeCodec<TaskOutcome>());
 */
export function followUpOutcomeCodec<T>(): OutcomeCodec<T> {
  return {
    encode: (value) => JSON.parse(JSON.stringify(value)) as JsonValue,
    decode: (json) => revive(structuredClone(json)) as T,
  };
}

function reviveTask(task: Record<string, unknown>): void {
  for (const field of TASK_DATES)
    if (typeof task[field] === 'string') task[field] = new Date(task[field] as string);
}

function revive(json: JsonValue): JsonValue {
  const record = json as Record<string, unknown>;
  if (record.task && typeof record.task === 'object') reviveTask(record.task as Record<string, unknown>);
  if (Array.isArray(record.tasks)) {
    for (const entry of record.tasks as { task: Record<string, unknown> }[]) reviveTask(entry.task);
  }
  if (Array.isArray(record.events)) {
    for (const event of record.events as Record<string, unknown>[])
      event.occurredAt = new Date(event.occurredAt as string);
  }
  return json;
}
