/**
 * The follow-up port: what the follow-up service needs from storage. `@s2b2b/storage-memory` and
 * `@s2b2b/storage-postgres` implement it as `storage.crm` (reads) and `tx.crm` (reads and writes
 * inside `storage.transaction`); a host can implement it on its own database and prove it with
 * `describeCrmConformance` from `@s2b2b/storage-testkit`.
 *
 * Two rules hold in every adapter, atomically: a merchant has at most one task per `dedupKey`
 * (whatever its status — so a rule that fires again in the same window, or a replayed import,
 * never doubles a task), and a task leaves `open` at most once (completing, cancelling or
 * rescheduling a closed task is refused).
 */
import type { CoreStorage, InfrastructureTx } from '@s2b2b/core';

/**
 * The statuses of a follow-up task. `done` and `cancelled` are final.
 *
 * @example
 * FOLLOW_UP_STATUSES.includes('open') // true
 */
export const FOLLOW_UP_STATUSES = Object.freeze(['open', 'done', 'cancelled'] as const);

/**
 * One of {@link FOLLOW_UP_STATUSES}.
 *
 * @example
 * const status: FollowUpStatus = 'done';
 */
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/**
 * How urgent a task is.
 *
 * @example
 * FOLLOW_UP_PRIORITIES // ['high', 'normal', 'low']
 */
export const FOLLOW_UP_PRIORITIES = Object.freeze(['high', 'normal', 'low'] as const);

/**
 * One of {@link FOLLOW_UP_PRIORITIES}.
 *
 * @example
 * const priority: FollowUpPriority = 'high';
 */
export type FollowUpPriority = (typeof FOLLOW_UP_PRIORITIES)[number];

/**
 * A follow-up task: who to contact, what to do and by when.
 *
 * @example
 * const task: FollowUpTask = {
 *   id: 't-1', merchantId: 'M-1', customerId: 'C-9', ruleId: 'win-back-call', action: 'call',
 *   reason: 'At risk: no purchase for 95 days', priority: 'high', dedupKey: 'win-back-call:C-9:684',
 *   status: 'open', dueAt: new Date('2026-03-01T16:00:00Z'), createdAt: new Date(), updatedAt: new Date(),
 *   closedAt: null, outcome: null, note: null, version: 0,
 * };
 */
export interface FollowUpTask {
  id: string;
  merchantId: string;
  customerId: string;
  /** The rule that created it (`null` for a task scheduled by hand). */
  ruleId: string | null;
  /** The suggested action: `call`, `first-repeat-offer`, `vip-service`, or the host's own. */
  action: string;
  reason: string | null;
  priority: FollowUpPriority;
  /** Unique per merchant: the same key never makes a second task. */
  dedupKey: string;
  status: FollowUpStatus;
  /** Due by this instant (the end of the due day in the merchant's zone, for planned tasks). */
  dueAt: Date;
  createdAt: Date;
  updatedAt: Date;
  /** When it was completed or cancelled. */
  closedAt: Date | null;
  /** What came of it (completions) or why it was dropped (cancellations). */
  outcome: string | null;
  note: string | null;
  /** Rises with every change. */
  version: number;
}

/**
 * Which tasks `listTasks` returns: one merchant's, sorted by (dueAt, id), after the cursor
 * `after`, at most `limit` (default 100, at most 1,000).
 *
 * @example
 * await storage.crm.listTasks({ merchantId: 'M-1', status: 'open', dueBefore: new Date('2026-03-02T00:00:00Z') });
 */
export interface TaskFilter {
  merchantId: string;
  status?: FollowUpStatus;
  customerId?: string;
  /** Only tasks due strictly before this instant. */
  dueBefore?: Date;
  /** Continue after this task (the last of the previous page). */
  after?: { dueAt: Date; id: string };
  limit?: number;
}

/**
 * What `insertTasks` did with each task, in input order: stored now (`inserted: true`) or not,
 * because the merchant already has a task with that `dedupKey` (`inserted: false`, with that task).
 *
 * @example
 * const [{ task, inserted }]: InsertedTask[] = await tx.crm.insertTasks([task]);
 */
export interface InsertedTask {
  task: FollowUpTask;
  inserted: boolean;
}

/**
 * The fields a change of an open task writes.
 *
 * @example
 * const change: TaskChange = { status: 'done', dueAt, outcome: 'ordered', note: null, closedAt: now, updatedAt: now };
 */
export interface TaskChange {
  status: FollowUpStatus;
  dueAt: Date;
  outcome: string | null;
  note: string | null;
  closedAt: Date | null;
  updatedAt: Date;
}

/**
 * Reading follow-up tasks. Returned values are copies; `null` when not found. Outside a
 * transaction a read sees only committed state.
 *
 * @example
 * const task = await storage.crm.getTask('M-1', 't-1'); // or null
 */
export interface CrmReader {
  getTask(merchantId: string, id: string): Promise<FollowUpTask | null>;
  listTasks(filter: TaskFilter): Promise<FollowUpTask[]>;
}

/**
 * Follow-up tasks inside a transaction. The store keeps the two rules of this port atomically:
 * `insertTasks` stores a task only if its merchant has no task with the same `dedupKey` (of
 * parallel inserts of one key exactly one stores it), and `updateOpenTask` changes a task only
 * while it is open (of parallel completions exactly one succeeds).
 *
 * @example
 * await storage.transaction(async (tx) => tx.crm.updateOpenTask('M-1', 't-1', change));
 */
export interface CrmTxPort extends CrmReader {
  /**
   * Stores each task unless its (merchantId, dedupKey) is taken — by a stored task or an earlier
   * one of the same call. @throws DomainError `TASK_EXISTS` when a task id is taken
   */
  insertTasks(tasks: readonly FollowUpTask[]): Promise<InsertedTask[]>;
  /**
   * Applies `change` to an open task and raises its version. Returns the task after it.
   *
   * @throws DomainError `TASK_NOT_FOUND`, `TASK_CLOSED`
   */
  updateOpenTask(merchantId: string, id: string, change: TaskChange): Promise<FollowUpTask>;
}

/**
 * A transaction of a storage that has follow-ups: the infrastructure ports plus `crm`.
 *
 * @example
 * await runIdempotent(storage, command, async (tx: CrmTx) => tx.crm.insertTasks(tasks));
 */
export interface CrmTx extends InfrastructureTx {
  readonly crm: CrmTxPort;
}

/**
 * A storage with follow-ups: `storage.crm` reads, `storage.transaction` hands out {@link CrmTx}.
 * `createMemoryStorage()` and `createPostgresStorage()` return one.
 *
 * @example
 * const followUps = createFollowUpService({ storage: createMemoryStorage() });
 */
export interface CrmStorage extends CoreStorage {
  readonly crm: CrmReader;
  transaction<T>(fn: (tx: CrmTx) => Promise<T>): Promise<T>;
}
