import type { z } from 'zod';
import type { CrmTx, FollowUpTask, InsertedTask, TaskChange } from '../store.js';
import { type FollowUpEvent, followUpEvent } from './events.js';
import type { cancelSchema, completeSchema, rescheduleSchema, scheduleSchema } from './schemas.js';

/**
 * What a follow-up command handler knows besides its input.
 *
 * @example
 * const ctx: FollowUpContext = { now: new Date(), nextId: () => crypto.randomUUID() };
 */
export interface FollowUpContext {
  now: Date;
  nextId(): string;
}

/**
 * What `schedule` and `planAndSchedule` did: each task, stored now or already there by its
 * dedup key, in input order; an event per stored task.
 *
 * @example
 * const created = outcome.tasks.filter((t) => t.inserted).length;
 */
export interface ScheduleOutcome {
  tasks: InsertedTask[];
  events: FollowUpEvent[];
}

/**
 * What `complete`, `cancel` and `reschedule` did: the task after the change, and its event.
 *
 * @example
 * const { task } = outcome; // task.status === 'done'
 */
export interface TaskOutcome {
  task: FollowUpTask;
  events: FollowUpEvent[];
}

/**
 * Stores the tasks of one merchant, skipping dedup keys the merchant already has.
 *
 * @throws DomainError `TASK_EXISTS`
 * @example
 * await storage.transaction((tx) => scheduleTasks(tx, scheduleSchema.parse(input), ctx));
 */
export async function scheduleTasks(
  tx: CrmTx,
  input: z.output<typeof scheduleSchema>,
  ctx: FollowUpContext,
): Promise<ScheduleOutcome> {
  const tasks: FollowUpTask[] = input.tasks.map((draft) => ({
    id: draft.taskId ?? ctx.nextId(),
    merchantId: input.merchantId,
    customerId: draft.customerId,
    ruleId: draft.ruleId ?? null,
    action: draft.action,
    reason: draft.reason ?? null,
    priority: draft.priority ?? 'normal',
    dedupKey:
      draft.dedupKey ?? `${draft.action}:${draft.customerId}:${draft.dueAt.toISOString().slice(0, 10)}`,
    status: 'open',
    dueAt: draft.dueAt,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    closedAt: null,
    outcome: null,
    note: null,
    version: 0,
  }));
  const results = await tx.crm.insertTasks(tasks);
  const events = results
    .filter((result) => result.inserted)
    .map((result) => followUpEvent('crm.follow_up_created', result.task, ctx));
  return { tasks: results, events };
}

async function change(
  tx: CrmTx,
  merchantId: string,
  taskId: string,
  ctx: FollowUpContext,
  build: (task: FollowUpTask) => TaskChange,
  type: FollowUpEvent['type'],
): Promise<TaskOutcome> {
  const current = await tx.crm.getTask(merchantId, taskId);
  const next = current ? build(current) : build({ dueAt: ctx.now, note: null } as FollowUpTask);
  const task = await tx.crm.updateOpenTask(merchantId, taskId, next);
  return { task, events: [followUpEvent(type, task, ctx)] };
}

/**
 * Marks an open task done.
 *
 * @throws DomainError `TASK_NOT_FOUND`, `TASK_CLOSED`
 * @example
 * await storage.transaction((tx) => completeTask(tx, completeSchema.parse(input), ctx));
 */
export function completeTask(
  tx: CrmTx,
  input: z.output<typeof completeSchema>,
  ctx: FollowUpContext,
): Promise<TaskOutcome> {
  return change(
    tx,
    input.merchantId,
    input.taskId,
    ctx,
    (task) => ({
      status: 'done',
      dueAt: task.dueAt,
      outcome: input.outcome ?? null,
      note: input.note ?? task.note,
      closedAt: ctx.now,
      updatedAt: ctx.now,
    }),
    'crm.follow_up_completed',
  );
}

/**
 * Cancels an open task.
 *
 * @throws DomainError `TASK_NOT_FOUND`, `TASK_CLOSED`
 * @example
 * await storage.transaction((tx) => cancelTask(tx, cancelSchema.parse(input), ctx));
 */
export function cancelTask(
  tx: CrmTx,
  input: z.output<typeof cancelSchema>,
  ctx: FollowUpContext,
): Promise<TaskOutcome> {
  return change(
    tx,
    input.merchantId,
    input.taskId,
    ctx,
    (task) => ({
      status: 'cancelled',
      dueAt: task.dueAt,
      outcome: input.reason ?? null,
      note: task.note,
      closedAt: ctx.now,
      updatedAt: ctx.now,
    }),
    'crm.follow_up_cancelled',
  );
}

/**
 * Moves an open task to another due time.
 *
 * @throws DomainError `TASK_NOT_FOUND`, `TASK_CLOSED`
 * @example
 * await storage.transaction((tx) => rescheduleTask(tx, rescheduleSchema.parse(input), ctx));
 */
export function rescheduleTask(
  tx: CrmTx,
  input: z.output<typeof rescheduleSchema>,
  ctx: FollowUpContext,
): Promise<TaskOutcome> {
  return change(
    tx,
    input.merchantId,
    input.taskId,
    ctx,
    (task) => ({
      status: 'open',
      dueAt: input.dueAt,
      outcome: null,
      note: input.note ?? task.note,
      closedAt: null,
      updatedAt: ctx.now,
    }),
    'crm.follow_up_rescheduled',
  );
}
