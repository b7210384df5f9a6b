import type { DomainEvent } from '@s2b2b/core';
import type { FollowUpPriority, FollowUpStatus, FollowUpTask } from '../store.js';

/**
 * What every follow-up event carries: the task after the change (times as ISO strings).
 *
 * @example
 * const payload: FollowUpEventPayload = { taskId: 't-1', merchantId: 'M-1', customerId: 'C-9', ruleId: null, action: 'call', priority: 'high', status: 'open', dueAt: '2026-03-01T16:00:00.000Z', outcome: null };
 */
export type FollowUpEventPayload = {
  taskId: string;
  merchantId: string;
  customerId: string;
  ruleId: string | null;
  action: string;
  priority: FollowUpPriority;
  status: FollowUpStatus;
  dueAt: string;
  outcome: string | null;
};

/**
 * Every follow-up event type: created, completed, cancelled, rescheduled.
 *
 * @example
 * FOLLOW_UP_EVENT_TYPES.includes('crm.follow_up_created') // true
 */
export const FOLLOW_UP_EVENT_TYPES = Object.freeze([
  'crm.follow_up_created',
  'crm.follow_up_completed',
  'crm.follow_up_cancelled',
  'crm.follow_up_rescheduled',
] as const);

/**
 * One of {@link FOLLOW_UP_EVENT_TYPES}.
 *
 * @example
 * const type: FollowUpEventType = 'crm.follow_up_completed';
 */
export type FollowUpEventType = (typeof FOLLOW_UP_EVENT_TYPES)[number];

/**
 * An event of the follow-up service, written to the outbox in the command's transaction and
 * passed to `onEvent` after it commits. `aggregateId` is the task id.
 *
 * @example
 * onEvent: (event: FollowUpEvent) => { if (event.type === 'crm.follow_up_created') notifySales(event.payload); }
 */
export type FollowUpEvent = DomainEvent<FollowUpEventType, FollowUpEventPayload>;

/**
 * A follow-up event about `task` with a fresh id.
 *
 * @example
 * followUpEvent('crm.follow_up_created', task, { id: 'e-1', now })
 */
export function followUpEvent(
  type: FollowUpEventType,
  task: FollowUpTask,
  ctx: { now: Date; nextId(): string },
): FollowUpEvent {
  return {
    id: ctx.nextId(),
    type,
    occurredAt: ctx.now,
    aggregateId: task.id,
    payload: {
      taskId: task.id,
      merchantId: task.merchantId,
      customerId: task.customerId,
      ruleId: task.ruleId,
      action: task.action,
      priority: task.priority,
      status: task.status,
      dueAt: task.dueAt.toISOString(),
      outcome: task.outcome,
    },
  };
}
