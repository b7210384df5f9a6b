import { describe, expect, it } from 'vitest';
import { MemoryEngine } from './memory-engine.js';

function recorder(engine: MemoryEngine) {
  const state = new Map<string, number>();
  const set = (ctx: { onRollback(undo: () => void): void }, key: string, value: number) => {
    const had = state.has(key);
    const previous = state.get(key);
    state.set(key, value);
    ctx.onRollback(() => (had ? state.set(key, previous!) : state.delete(key)));
  };
  return { state, set, engine };
}

describe('MemoryEngine', () => {
  it('undoes every write of a failed transaction, newest first', async () => {
    const { state, set, engine } = recorder(new MemoryEngine());
    await engine.transaction(async (ctx) => set(ctx, 'a', 1));
    await expect(
      engine.transaction(async (ctx) => {
        set(ctx, 'a', 2);
        set(ctx, 'a', 3);
        set(ctx, 'b', 1);
        throw new Error('fail');
      }),
    ).rejects.toThrow('fail');
    expect([...state]).toEqual([['a', 1]]);
  });

  it('runs a nested transaction as a savepoint', async () => {
    const { state, set, engine } = recorder(new MemoryEngine());
    await engine.transaction(async (ctx) => {
      set(ctx, 'outer', 1);
      await expect(
        engine.transaction(async (inner) => {
          set(inner, 'inner', 1);
          throw new Error('inner fails');
        }),
      ).rejects.toThrow('inner fails');
      await engine.transaction(async (inner) => set(inner, 'kept', 1));
    });
    expect(Object.fromEntries(state)).toEqual({ outer: 1, kept: 1 });
  });

  it('serialises transactions in arrival order', async () => {
    const engine = new MemoryEngine();
    const order: string[] = [];
    const slow = engine.transaction(async () => {
      order.push('slow:start');
      await new Promise((resolve) => setTimeout(resolve, 20));
      order.push('slow:end');
    });
    const fast = engine.transaction(async () => {
      order.push('fast');
    });
    const read = engine.read(() => order.push('read'));
    await Promise.all([slow, fast, read]);
    expect(order).toEqual(['slow:start', 'slow:end', 'fast', 'read']);
  });

  it('does not let a promise that outlives its transaction join a finished one', async () => {
    const { state, set, engine } = recorder(new MemoryEngine());
    let late: Promise<unknown> = Promise.resolve();
    await engine.transaction(async () => {
      late = new Promise((resolve) => setTimeout(resolve, 5)).then(() =>
        engine.transaction(async (ctx) => {
          set(ctx, 'late', 1);
          throw new Error('late failure');
        }),
      );
      late.catch(() => undefined);
    });
    await expect(late).rejects.toThrow('late failure');
    expect(state.has('late')).toBe(false);
    // The engine is still usable afterwards.
    await engine.transaction(async (ctx) => set(ctx, 'after', 1));
    expect(state.get('after')).toBe(1);
  });
});
