import { DomainError } from '@s2b2b/core';
import type { FollowUpStatus } from '../store.js';

/**
 * Every `DomainError` code the follow-up service and stores throw, with what it means.
 *
 * @example
 * if (error.code === 'TASK_CLOSED') refresh();
 */
export const FOLLOW_UP_ERROR_CODES = Object.freeze({
  TASK_EXISTS: 'The task id is taken.',
  TASK_NOT_FOUND: 'The merchant has no task with that id.',
  TASK_CLOSED: 'The task is done or cancelled; it cannot change any more.',
} as const);

/**
 * One of {@link FOLLOW_UP_ERROR_CODES}.
 *
 * @example
 * const code: FollowUpErrorCode = 'TASK_CLOSED';
 */
export type FollowUpErrorCode = keyof typeof FOLLOW_UP_ERROR_CODES;

/**
 * `TASK_EXISTS`.
 *
 * @example
 * throw taskExistsError('t-1');
 */
export function taskExistsError(id: string): DomainError {
  return new DomainError('TASK_EXISTS', `Task ${JSON.stringify(id)} already exists`, { taskId: id });
}

/**
 * `TASK_NOT_FOUND`.
 *
 * @example
 * throw taskNotFoundError('M-1', 't-9');
 */
export function taskNotFoundError(merchantId: string, id: string): DomainError {
  return new DomainError(
    'TASK_NOT_FOUND',
    `Merchant ${JSON.stringify(merchantId)} has no task ${JSON.stringify(id)}`,
    {
      merchantId,
      taskId: id,
    },
  );
}

/**
 * `TASK_CLOSED`.
 *
 * @example
 * throw taskClosedError('M-1', 't-1', 'done');
 */
export function taskClosedError(merchantId: string, id: string, status: FollowUpStatus): DomainError {
  return new DomainError('TASK_CLOSED', `Task ${JSON.stringify(id)} is ${status}`, {
    merchantId,
    taskId: id,
    status,
  });
}
