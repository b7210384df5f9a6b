import { AsyncLocalStorage } from 'node:async_hooks';

/** What a write inside a memory transaction registers so that a rollback can undo it. */
export interface MemoryTxContext {
  /** Registers how to undo a write just made; undos run newest first on rollback. */
  onRollback(undo: () => void): void;
  /** Registers work for after the outermost transaction commits (dropped on rollback). */
  afterCommit(callback: () => void | Promise<void>): void;
}

interface ActiveTransaction {
  engine: MemoryEngine;
  undos: (() => void)[];
  afterCommit: (() => void | Promise<void>)[];
  done: boolean;
}

/**
 * The transaction engine under every in-memory store: one FIFO lock serialises
 * transactions (so they are trivially serializable), and an undo log restores the state
 * when a transaction throws. A transaction started inside another one (same async context)
 * joins it as a savepoint: its failure undoes only its own writes (and drops its
 * `afterCommit` callbacks). Callbacks run once the outermost transaction has committed.
 *
 * Domain memory stores keep plain `Map`s and call `ctx.onRollback` after each write.
 *
 * @example
 * const engine = new MemoryEngine();
 * await engine.transaction(async (ctx) => { map.set(k, v); ctx.onRollback(() => map.delete(k)); });
 */
export class MemoryEngine {
  #tail: Promise<void> = Promise.resolve();
  readonly #context = new AsyncLocalStorage<ActiveTransaction>();

  /** Runs `fn` atomically: all of its writes stay, or (when it throws) none do. */
  async transaction<T>(fn: (ctx: MemoryTxContext) => Promise<T>): Promise<T> {
    const active = this.#active();
    if (active) return this.#savepoint(active, fn);
    const release = await this.#acquire();
    const tx: ActiveTransaction = { engine: this, undos: [], afterCommit: [], done: false };
    let value: T;
    try {
      value = await this.#context.run(tx, () => this.#savepoint(tx, fn));
    } finally {
      tx.done = true;
      release();
    }
    // committed: run the callbacks in order, outside the lock and outside the transaction
    await this.#context.exit(async () => {
      for (const callback of tx.afterCommit) await callback();
    });
    return value;
  }

  /** Runs a read under the lock (or directly inside a transaction), so it never sees uncommitted writes. */
  async read<T>(fn: () => T): Promise<T> {
    if (this.#active()) return fn();
    const release = await this.#acquire();
    try {
      return fn();
    } finally {
      release();
    }
  }

  #active(): ActiveTransaction | undefined {
    const active = this.#context.getStore();
    // A promise left running after its transaction ended must not join the finished one.
    return active?.engine === this && !active.done ? active : undefined;
  }

  async #savepoint<T>(tx: ActiveTransaction, fn: (ctx: MemoryTxContext) => Promise<T>): Promise<T> {
    const mark = tx.undos.length;
    const callbacks = tx.afterCommit.length;
    const ctx: MemoryTxContext = {
      onRollback: (undo) => tx.undos.push(undo),
      afterCommit: (callback) => {
        if (tx.done) throw new Error('afterCommit called after the transaction ended');
        tx.afterCommit.push(callback);
      },
    };
    try {
      return await fn(ctx);
    } catch (error) {
      while (tx.undos.length > mark) tx.undos.pop()!();
      tx.afterCommit.length = callbacks;
      throw error;
    }
  }

  async #acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => {
      release = resolve;
    });
    const previous = this.#tail;
    this.#tail = previous.then(() => next);
    await previous;
    return release;
  }
}
