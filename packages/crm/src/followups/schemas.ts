import { parseInput } from '@s2b2b/core';
import { z } from 'zod';
import { FOLLOW_UP_PRIORITIES, FOLLOW_UP_STATUSES, type TaskFilter } from '../store.js';
import { planCustomerSchema, planEventSchema } from './plan-follow-ups.js';
import { followUpRuleSchema } from './rules.js';

const id = z.string().min(1).max(200);
const text = z.string().max(2000);
const instant = z.union([
  z.date().refine((date) => !Number.isNaN(date.getTime()), 'Expected a valid Date'),
  z.iso.datetime({ offset: true }).transform((value) => new Date(value)),
]);

/**
 * A caller-chosen idempotency key: 1–200 characters.
 *
 * @example
 * followUpKeySchema.parse('plan-M-1-2026-03-01')
 */
export const followUpKeySchema = id;

/**
 * A task to schedule by hand or from a plan. `dedupKey` defaults to
 * `<action>:<customer>:<due day as ISO date in UTC>`; `taskId` to a generated id.
 *
 * @example
 * taskDraftSchema.parse({ customerId: 'C-9', action: 'call', dueAt: '2026-03-01T16:00:00Z' })
 */
export const taskDraftSchema = z
  .object({
    taskId: id.optional(),
    customerId: id,
    action: z.string().min(1).max(100),
    dueAt: instant,
    priority: z.enum(FOLLOW_UP_PRIORITIES).optional(),
    ruleId: z.string().min(1).max(100).nullable().optional(),
    reason: text.nullable().optional(),
    dedupKey: id.optional(),
  })
  .strict();

/**
 * `schedule`: tasks for one merchant (1–10,000).
 *
 * @example
 * scheduleSchema.parse({ idempotencyKey: 'k-1', merchantId: 'M-1', tasks: [{ customerId: 'C-9', action: 'call', dueAt: new Date() }] })
 */
export const scheduleSchema = z
  .object({
    idempotencyKey: followUpKeySchema,
    merchantId: id,
    tasks: z.array(taskDraftSchema).min(1).max(10_000),
  })
  .strict();

/**
 * `schedule`'s input.
 *
 * @example
 * const input: ScheduleInput = { idempotencyKey: 'k-1', merchantId: 'M-1', tasks: [] };
 */
export type ScheduleInput = z.input<typeof scheduleSchema>;

/**
 * `planAndSchedule`: the planner's input without `now` (the service clock gives it).
 *
 * @example
 * planAndScheduleSchema.parse({ idempotencyKey: 'plan-2026-03-01', merchantId: 'M-1', customers: [] })
 */
export const planAndScheduleSchema = z
  .object({
    idempotencyKey: followUpKeySchema,
    merchantId: id,
    customers: z.array(planCustomerSchema).max(1_000_000),
    events: z.array(planEventSchema).max(1_000_000).optional(),
    rules: z.array(followUpRuleSchema).max(200).optional(),
    zone: z.string().optional(),
  })
  .strict();

/**
 * `planAndSchedule`'s input.
 *
 * @example
 * const input: PlanAndScheduleInput = { idempotencyKey: 'plan-2026-03-01', merchantId: 'M-1', customers };
 */
export type PlanAndScheduleInput = z.input<typeof planAndScheduleSchema>;

/**
 * `complete`: an open task done, with what came of it.
 *
 * @example
 * completeSchema.parse({ idempotencyKey: 'k-2', merchantId: 'M-1', taskId: 't-1', outcome: 'ordered' })
 */
export const completeSchema = z
  .object({
    idempotencyKey: followUpKeySchema,
    merchantId: id,
    taskId: id,
    outcome: text.optional(),
    note: text.optional(),
  })
  .strict();

/**
 * `complete`'s input.
 *
 * @example
 * const input: CompleteInput = { idempotencyKey: 'k-2', merchantId: 'M-1', taskId: 't-1' };
 */
export type CompleteInput = z.input<typeof completeSchema>;

/**
 * `cancel`: an open task dropped, with why.
 *
 * @example
 * cancelSchema.parse({ idempotencyKey: 'k-3', merchantId: 'M-1', taskId: 't-1', reason: 'customer closed' })
 */
export const cancelSchema = z
  .object({ idempotencyKey: followUpKeySchema, merchantId: id, taskId: id, reason: text.optional() })
  .strict();

/**
 * `cancel`'s input.
 *
 * @example
 * const input: CancelInput = { idempotencyKey: 'k-3', merchantId: 'M-1', taskId: 't-1' };
 */
export type CancelInput = z.input<typeof cancelSchema>;

/**
 * `reschedule`: an open task moved to another due time.
 *
 * @example
 * rescheduleSchema.parse({ idempotencyKey: 'k-4', merchantId: 'M-1', taskId: 't-1', dueAt: '2026-03-05T10:00:00+08:00' })
 */
export const rescheduleSchema = z
  .object({
    idempotencyKey: followUpKeySchema,
    merchantId: id,
    taskId: id,
    dueAt: instant,
    note: text.optional(),
  })
  .strict();

/**
 * `reschedule`'s input.
 *
 * @example
 * const input: RescheduleInput = { idempotencyKey: 'k-4', merchantId: 'M-1', taskId: 't-1', dueAt: new Date() };
 */
export type RescheduleInput = z.input<typeof rescheduleSchema>;

/**
 * Tasks a list returns when no `limit` is given.
 *
 * @example
 * DEFAULT_TASK_PAGE // 100
 */
export const DEFAULT_TASK_PAGE = 100;

/**
 * The largest `limit` a list accepts.
 *
 * @example
 * MAX_TASK_PAGE // 1000
 */
export const MAX_TASK_PAGE = 1_000;

/**
 * A {@link TaskFilter}, checked; `limit` defaults to {@link DEFAULT_TASK_PAGE}.
 *
 * @example
 * taskFilterSchema.parse({ merchantId: 'M-1', status: 'open' })
 */
export const taskFilterSchema = z
  .object({
    merchantId: id,
    status: z.enum(FOLLOW_UP_STATUSES).optional(),
    customerId: id.optional(),
    dueBefore: z.date().optional(),
    after: z.object({ dueAt: z.date(), id }).strict().optional(),
    limit: z.number().int().min(1).max(MAX_TASK_PAGE).default(DEFAULT_TASK_PAGE),
  })
  .strict();

/**
 * What adapters call first in `listTasks`: the filter checked (`ValidationError` naming the
 * field) with the default limit.
 *
 * @example
 * const { merchantId, status, limit } = checkTaskFilter(filter);
 */
export function checkTaskFilter(filter: TaskFilter): z.output<typeof taskFilterSchema> {
  return parseInput(taskFilterSchema, filter, 'filter');
}

/**
 * The order of `listTasks`: due time, then id (code units).
 *
 * @example
 * tasks.sort(compareTasks)
 */
export function compareTasks(a: { dueAt: Date; id: string }, b: { dueAt: Date; id: string }): number {
  return a.dueAt.getTime() - b.dueAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
