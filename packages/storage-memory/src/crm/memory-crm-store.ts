import {
  type CrmReader,
  type CrmTxPort,
  checkTaskFilter,
  compareTasks,
  type FollowUpTask,
  type InsertedTask,
  type TaskChange,
  type TaskFilter,
  taskClosedError,
  taskExistsError,
  taskNotFoundError,
} from '@s2b2b/crm';
import type { MemoryEngine, MemoryTxContext } from '../memory-engine.js';

/**
 * The follow-up port in maps: tasks by (merchant, id) and an index by (merchant, dedup key). The
 * engine's lock serialises transactions, so the dedup check and the open-only update are atomic
 * as every adapter must make them; a batch is checked before anything is written.
 *
 * @example
 * const crm = new MemoryCrmStore(engine);
 * await engine.transaction((ctx) => crm.port(ctx).insertTasks([task]));
 */
export class MemoryCrmStore implements CrmReader {
  readonly #tasks = new Map<string, FollowUpTask>();
  readonly #byDedup = new Map<string, string>();
  readonly #ids = new Set<string>();
  readonly #engine: MemoryEngine;

  constructor(engine: MemoryEngine) {
    this.#engine = engine;
  }

  /** The port a transaction uses. */
  port(ctx: MemoryTxContext): CrmTxPort {
    return {
      getTask: async (merchantId, id) => this.#get(merchantId, id),
      listTasks: async (filter) => this.#list(filter),
      insertTasks: async (tasks) => this.#insert(ctx, tasks),
      updateOpenTask: async (merchantId, id, change) => this.#update(ctx, merchantId, id, change),
    };
  }

  async getTask(merchantId: string, id: string): Promise<FollowUpTask | null> {
    return this.#engine.read(() => this.#get(merchantId, id));
  }

  async listTasks(filter: TaskFilter): Promise<FollowUpTask[]> {
    const checked = checkTaskFilter(filter);
    return this.#engine.read(() => this.#list(checked));
  }

  #get(merchantId: string, id: string): FollowUpTask | null {
    const task = this.#tasks.get(key(merchantId, id));
    return task ? structuredClone(task) : null;
  }

  #list(filter: TaskFilter): FollowUpTask[] {
    const { merchantId, status, customerId, dueBefore, after, limit } = checkTaskFilter(filter);
    return [...this.#tasks.values()]
      .filter(
        (task) =>
          task.merchantId === merchantId &&
          (status === undefined || task.status === status) &&
          (customerId === undefined || task.customerId === customerId) &&
          (dueBefore === undefined || task.dueAt.getTime() < dueBefore.getTime()) &&
          (after === undefined || compareTasks(task, after) > 0),
      )
      .sort(compareTasks)
      .slice(0, limit)
      .map((task) => structuredClone(task));
  }

  #insert(ctx: MemoryTxContext, tasks: readonly FollowUpTask[]): InsertedTask[] {
    const fresh = new Set<string>();
    for (const task of tasks) {
      if (this.#ids.has(task.id) || fresh.has(task.id)) throw taskExistsError(task.id);
      fresh.add(task.id);
    }
    const results: InsertedTask[] = [];
    for (const task of tasks) {
      const dedup = key(task.merchantId, task.dedupKey);
      const existing = this.#byDedup.get(dedup);
      if (existing !== undefined) {
        results.push({ task: structuredClone(this.#tasks.get(existing)!), inserted: false });
        continue;
      }
      const stored: FollowUpTask = { ...structuredClone(task), version: 0 };
      const at = key(task.merchantId, task.id);
      this.#tasks.set(at, stored);
      this.#byDedup.set(dedup, at);
      this.#ids.add(task.id);
      ctx.onRollback(() => {
        this.#tasks.delete(at);
        this.#byDedup.delete(dedup);
        this.#ids.delete(task.id);
      });
      results.push({ task: structuredClone(stored), inserted: true });
    }
    return results;
  }

  #update(ctx: MemoryTxContext, merchantId: string, id: string, change: TaskChange): FollowUpTask {
    const at = key(merchantId, id);
    const current = this.#tasks.get(at);
    if (!current) throw taskNotFoundError(merchantId, id);
    if (current.status !== 'open') throw taskClosedError(merchantId, id, current.status);
    const next: FollowUpTask = {
      ...current,
      ...structuredClone(change),
      version: current.version + 1,
    };
    this.#tasks.set(at, next);
    ctx.onRollback(() => this.#tasks.set(at, current));
    return structuredClone(next);
  }
}

function key(merchantId: string, id: string): string {
  return `${merchantId}\u0000${id}`;
}
