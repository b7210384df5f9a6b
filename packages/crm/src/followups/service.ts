import {
  type Clock,
  createIdGenerator,
  type EventListener,
  parseInput,
  runIdempotent,
  systemClock,
  ValidationError,
} from '@s2b2b/core';
import { z } from 'zod';
import type { CrmStorage, CrmTx, FollowUpTask, TaskFilter } from '../store.js';
import { followUpOutcomeCodec } from './codec.js';
import {
  cancelTask,
  completeTask,
  type FollowUpContext,
  rescheduleTask,
  type ScheduleOutcome,
  scheduleTasks,
  type TaskOutcome,
} from './commands.js';
import type { FollowUpEvent } from './events.js';
import { planFollowUps } from './plan-follow-ups.js';
import {
  type CancelInput,
  type CompleteInput,
  cancelSchema,
  completeSchema,
  type PlanAndScheduleInput,
  planAndScheduleSchema,
  type RescheduleInput,
  rescheduleSchema,
  type ScheduleInput,
  scheduleSchema,
  taskFilterSchema,
} from './schemas.js';

/**
 * Options of `createFollowUpService`.
 *
 * @example
 * const options: FollowUpServiceOptions = { storage: createMemoryStorage(), clock: systemClock, onEvent: (e) => bus.publish(e) };
 */
export interface FollowUpServiceOptions {
  /** Any storage with follow-ups: `createMemoryStorage()`, `createPostgresStorage()`, or the host's own. */
  storage: CrmStorage;
  /** Where `now` comes from (default the system clock). */
  clock?: Clock;
  /**
   * Called with each event of a command after the outermost transaction committed (not on
   * replays, never on a rollback). The outbox (`storage.events.since`) is the reliable channel.
   */
  onEvent?: EventListener<FollowUpEvent>;
  /** Ids for tasks and events (default UUIDv7 from the clock). */
  ids?: () => string;
}

/**
 * What `schedule` and `planAndSchedule` return.
 *
 * @example
 * const { tasks, replayed }: ScheduleResult = await followUps.schedule(input);
 */
export interface ScheduleResult extends ScheduleOutcome {
  replayed: boolean;
}

/**
 * What `complete`, `cancel` and `reschedule` return.
 *
 * @example
 * const { task, replayed }: TaskResult = await followUps.complete(input);
 */
export interface TaskResult extends TaskOutcome {
  replayed: boolean;
}

/**
 * The follow-up service: idempotent, validated commands over a storage with follow-ups, and reads.
 *
 * @example
 * const followUps: FollowUpService = createFollowUpService({ storage });
 */
export interface FollowUpService {
  schedule(input: ScheduleInput): Promise<ScheduleResult>;
  /** Plans by the rules at the service clock's now (`planFollowUps`) and stores the drafts. */
  planAndSchedule(input: PlanAndScheduleInput): Promise<ScheduleResult>;
  complete(input: CompleteInput): Promise<TaskResult>;
  cancel(input: CancelInput): Promise<TaskResult>;
  reschedule(input: RescheduleInput): Promise<TaskResult>;
  getTask(merchantId: string, taskId: string): Promise<FollowUpTask | null>;
  listTasks(filter: TaskFilter): Promise<FollowUpTask[]>;
  /** Open tasks of a merchant due before `before` (default: now + 1 day), most urgent first. */
  listDue(merchantId: string, options?: { before?: Date; limit?: number }): Promise<FollowUpTask[]>;
}

type Handler<I, O> = (tx: CrmTx, input: I, ctx: FollowUpContext) => Promise<O>;

const idSchema = z.string().min(1).max(200);

/**
 * Creates the follow-up service. Every command validates its input (`ValidationError` naming the
 * field, nothing written), runs in one transaction with its idempotency key (scope
 * `crm.<command>`: a replay returns the first outcome and writes nothing; the same key with
 * another payload is `IDEMPOTENCY_CONFLICT`) and appends its events to the outbox in that
 * transaction; `onEvent` hears them after the commit. Tasks are also idempotent on their own:
 * a merchant's dedup key makes one task, whatever key or plan run delivers it.
 *
 * @example
 * const followUps = createFollowUpService({ storage: createMemoryStorage() });
 * const { tasks } = await followUps.planAndSchedule({
 *   idempotencyKey: 'plan-M-1-2026-03-01', merchantId: 'M-1',
 *   customers: [{ customerId: 'C-9', stage: 'at-risk', firstPurchase: '2025-06-01', lastPurchase: '2025-11-20', orders: 7 }],
 * });
 * await followUps.complete({ idempotencyKey: 'done-1', merchantId: 'M-1', taskId: tasks[0]!.task.id, outcome: 'ordered' });
 */
export function createFollowUpService(options: FollowUpServiceOptions): FollowUpService {
  checkOptions(options);
  const { storage, onEvent } = options;
  const clock = options.clock ?? systemClock;
  const nextId = options.ids ?? createIdGenerator({ clock });

  async function run<S extends z.ZodType, O extends { events: FollowUpEvent[] }>(
    command: string,
    schema: S,
    raw: unknown,
    handler: Handler<z.output<S>, O>,
    prepare?: (input: z.output<S>, now: Date) => unknown,
  ): Promise<O & { replayed: boolean }> {
    const input = parseInput(schema, raw) as z.output<S> & { idempotencyKey: string };
    const { idempotencyKey, ...payload } = input;
    const now = clock.now();
    const prepared = (prepare ? prepare(input, now) : input) as z.output<S>;
    const { value, replayed } = await runIdempotent(
      storage,
      { scope: `crm.${command}`, key: idempotencyKey, payload, now },
      async (tx) => {
        const outcome = await handler(tx, prepared, { now, nextId });
        await tx.events.append(outcome.events);
        if (onEvent) {
          const listener = onEvent;
          tx.afterCommit(async () => {
            for (const event of outcome.events) await listener(event);
          });
        }
        return outcome;
      },
      followUpOutcomeCodec<O>(),
    );
    return { ...value, replayed };
  }

  const list = (filter: TaskFilter) => storage.crm.listTasks(parseInput(taskFilterSchema, filter, 'filter'));

  return {
    schedule: (input) => run('schedule', scheduleSchema, input, scheduleTasks),
    planAndSchedule: (input) =>
      run(
        'plan-and-schedule',
        planAndScheduleSchema,
        input,
        async (tx, prepared, ctx) => {
          const plan = prepared as unknown as z.output<typeof scheduleSchema>;
          if (plan.tasks.length === 0) return { tasks: [], events: [] };
          return scheduleTasks(tx, plan, ctx);
        },
        (input, now) => {
          const drafts = planFollowUps({
            merchantId: input.merchantId,
            customers: input.customers,
            ...(input.events ? { events: input.events } : {}),
            ...(input.rules ? { rules: input.rules } : {}),
            ...(input.zone ? { zone: input.zone } : {}),
            now,
          });
          return { idempotencyKey: input.idempotencyKey, merchantId: input.merchantId, tasks: drafts };
        },
      ),
    complete: (input) => run('complete', completeSchema, input, completeTask),
    cancel: (input) => run('cancel', cancelSchema, input, cancelTask),
    reschedule: (input) => run('reschedule', rescheduleSchema, input, rescheduleTask),
    getTask: async (merchantId, taskId) =>
      storage.crm.getTask(
        parseInput(idSchema, merchantId, 'merchantId'),
        parseInput(idSchema, taskId, 'taskId'),
      ),
    listTasks: async (filter) => list(filter),
    listDue: async (merchantId, page = {}) => {
      const before = page.before ?? new Date(clock.now().getTime() + 86_400_000);
      return list({
        merchantId,
        status: 'open',
        dueBefore: before,
        ...(page.limit ? { limit: page.limit } : {}),
      });
    },
  };
}

function checkOptions(options: FollowUpServiceOptions): void {
  if (typeof options !== 'object' || options === null) {
    throw ValidationError.field('options', 'Expected { storage, clock?, onEvent?, ids? }', 'invalid_type');
  }
  const { storage, clock, onEvent, ids } = options;
  if (typeof storage?.transaction !== 'function' || typeof storage.crm !== 'object' || storage.crm === null) {
    throw ValidationError.field(
      'storage',
      'Expected a storage with crm (createMemoryStorage(), createPostgresStorage(), or your own)',
      'invalid_type',
    );
  }
  if (clock !== undefined && typeof clock?.now !== 'function') {
    throw ValidationError.field('clock', 'Expected an object with now(): Date', 'invalid_type');
  }
  if (onEvent !== undefined && typeof onEvent !== 'function') {
    throw ValidationError.field('onEvent', 'Expected a function', 'invalid_type');
  }
  if (ids !== undefined && typeof ids !== 'function') {
    throw ValidationError.field('ids', 'Expected a function returning unique ids', 'invalid_type');
  }
}
