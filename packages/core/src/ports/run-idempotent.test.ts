import { describe, expect, it } from 'vitest';
import { ConflictError, DomainError, ValidationError } from '../errors.js';
import type { DomainEvent } from './events.js';
import type { IdempotencyRecord } from './idempotency.js';
import { type OutcomeCodec, runIdempotent } from './run-idempotent.js';
import type { InfrastructureTx, TransactionRunner } from './unit-of-work.js';

/** A minimal single-threaded runner: copy-on-write state, so a throw discards the copy. */
function fakeStorage() {
  let records = new Map<string, IdempotencyRecord>();
  let events: DomainEvent[] = [];
  const stats = { transactions: 0 };
  const runner: TransactionRunner<InfrastructureTx> = {
    async transaction(fn) {
      stats.transactions += 1;
      const draft = new Map([...records].map(([k, v]) => [k, structuredClone(v)]));
      const draftEvents = [...events];
      const callbacks: (() => void | Promise<void>)[] = [];
      const tx: InfrastructureTx = {
        afterCommit: (callback) => {
          callbacks.push(callback);
        },
        idempotency: {
          async claim({ scope, key, payloadHash, now }) {
            const existing = draft.get(`${scope}|${key}`);
            if (existing) return { status: 'exists', record: structuredClone(existing) };
            draft.set(`${scope}|${key}`, { scope, key, payloadHash, outcome: null, createdAt: now });
            return { status: 'claimed' };
          },
          async complete({ scope, key, outcome }) {
            draft.get(`${scope}|${key}`)!.outcome = outcome;
          },
        },
        events: {
          async append(batch) {
            draftEvents.push(...batch);
          },
        },
      };
      const value = await fn(tx);
      records = draft;
      events = draftEvents;
      for (const callback of callbacks) await callback();
      return value;
    },
  };
  return { runner, stats, records: () => records, events: () => events };
}

const now = new Date('2026-03-01T08:00:00.000Z');
const event = (id: string): DomainEvent => ({ id, type: 'demo.done', occurredAt: now, payload: {} });

describe('runIdempotent', () => {
  it('runs once, then replays the stored outcome', async () => {
    const storage = fakeStorage();
    let runs = 0;
    const command = { scope: 'demo.add', key: 'k-1', payload: { a: 1 }, now };
    const execute = async (tx: InfrastructureTx) => {
      runs += 1;
      await tx.events.append([event(`e-${runs}`)]);
      return { total: '10.00' };
    };
    expect(await runIdempotent(storage.runner, command, execute)).toEqual({
      value: { total: '10.00' },
      replayed: false,
    });
    expect(await runIdempotent(storage.runner, command, execute)).toEqual({
      value: { total: '10.00' },
      replayed: true,
    });
    expect(runs).toBe(1);
    expect(storage.events()).toHaveLength(1);
  });

  it('returns what a replay would return on the first run too (the JSON round trip by default)', async () => {
    const storage = fakeStorage();
    const command = { scope: 'demo.date', key: 'k', payload: {}, now };
    const first = await runIdempotent(storage.runner, command, async () => ({ at: now }));
    const again = await runIdempotent(storage.runner, command, async () => ({ at: now }));
    expect(first.value).toEqual({ at: '2026-03-01T08:00:00.000Z' });
    expect(again.value).toEqual(first.value);
  });

  it('uses a codec to bring typed values back', async () => {
    const storage = fakeStorage();
    const codec: OutcomeCodec<Date> = {
      encode: (value) => value.toISOString(),
      decode: (json) => new Date(json as string),
    };
    const command = { scope: 'demo.codec', key: 'k', payload: {}, now };
    const first = await runIdempotent(storage.runner, command, async () => now, codec);
    const again = await runIdempotent(storage.runner, command, async () => new Date(0), codec);
    expect(first.value).toBeInstanceOf(Date);
    expect(again).toEqual({ value: now, replayed: true });
  });

  it('rejects a reused key with another payload', async () => {
    const storage = fakeStorage();
    await runIdempotent(storage.runner, { scope: 's', key: 'k', payload: { a: 1 }, now }, async () => 1);
    const attempt = runIdempotent(
      storage.runner,
      { scope: 's', key: 'k', payload: { a: 2 }, now },
      async () => 2,
    );
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(attempt).rejects.toMatchObject({ code: 'IDEMPOTENCY_CONFLICT' });
  });

  it('records a business error once; its replay costs one transaction and rethrows it', async () => {
    const storage = fakeStorage();
    const command = { scope: 's', key: 'k', payload: {}, now };
    const fail = async (tx: InfrastructureTx) => {
      await tx.events.append([event('never')]);
      throw new DomainError('ROUND_CLOSED', 'Round is closed', { roundId: 'r-1' });
    };
    await expect(runIdempotent(storage.runner, command, fail)).rejects.toMatchObject({
      code: 'ROUND_CLOSED',
    });
    expect(storage.stats.transactions).toBe(2);
    expect(storage.events()).toEqual([]);
    await expect(runIdempotent(storage.runner, command, fail)).rejects.toMatchObject({
      code: 'ROUND_CLOSED',
      details: { roundId: 'r-1', replayed: true },
    });
    expect(storage.stats.transactions).toBe(3);
  });

  it('refuses a result PostgreSQL could not store (NUL in a string) and keeps nothing', async () => {
    const storage = fakeStorage();
    const attempt = runIdempotent(
      storage.runner,
      { scope: 's', key: 'nul', payload: {}, now },
      async (tx) => {
        await tx.events.append([event('e-nul')]);
        return { note: 'a\u0000b' };
      },
    );
    await expect(attempt).rejects.toMatchObject({ code: 'VALIDATION', issues: [{ path: ['outcome'] }] });
    expect(storage.records().size).toBe(0);
    expect(storage.events()).toEqual([]);
  });

  it('validates the command before opening a transaction', async () => {
    const storage = fakeStorage();
    const cases = [
      { scope: '', key: 'k', payload: {}, now },
      { scope: 's', key: '', payload: {}, now },
      { scope: 's', key: 'k', payload: {}, now: new Date('invalid') },
      { scope: 's', key: 'k', payload: { bad: Number.NaN }, now },
      { scope: 's\u0000', key: 'k', payload: {}, now },
    ];
    for (const command of cases) {
      await expect(runIdempotent(storage.runner, command, async () => 1)).rejects.toBeInstanceOf(
        ValidationError,
      );
    }
    expect(storage.stats.transactions).toBe(0);
  });
});
