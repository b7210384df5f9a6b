import type { CoreStorage } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { type StorageFactory, useStorage } from './factory.js';
import { endCursor, readAll, testEvent, uniqueName } from './fixtures.js';

const NOW = new Date('2026-03-01T08:00:00.000Z');

/**
 * The transaction contract: a function's writes across ports commit together, none survive
 * when it throws, the original error and the function's value come back unchanged, and
 * `afterCommit` callbacks run only after a commit, in order, outside the transaction.
 *
 * @example
 * describeTransactionConformance('memory', async () => ({ storage: createMemoryStorage() }));
 */
export function describeTransactionConformance(name: string, factory: StorageFactory): void {
  describe(`${name}: transaction conformance`, () => {
    let storage: CoreStorage;
    useStorage(factory, (opened) => {
      storage = opened;
    });

    it("returns the function's value", async () => {
      await expect(storage.transaction(async () => ({ answer: 42 }))).resolves.toEqual({ answer: 42 });
    });

    it('commits writes to several ports together', async () => {
      const before = await endCursor(storage);
      const scope = uniqueName('scope');
      const event = testEvent('together', {});
      await storage.transaction(async (tx) => {
        await tx.idempotency.claim({ scope, key: 'k', payloadHash: 'h', now: NOW });
        await tx.events.append([event]);
        await tx.idempotency.complete({ scope, key: 'k', outcome: { ok: true, value: null } });
      });
      expect((await readAll(storage, before)).map((stored) => stored.id)).toEqual([event.id]);
      expect((await storage.idempotency.get(scope, 'k'))?.outcome).toEqual({ ok: true, value: null });
    });

    it('keeps nothing of a transaction that throws, and rethrows the same error', async () => {
      const before = await endCursor(storage);
      const scope = uniqueName('scope');
      const failure = new RangeError('stop here');
      const attempt = storage.transaction(async (tx) => {
        await tx.idempotency.claim({ scope, key: 'k', payloadHash: 'h', now: NOW });
        await tx.events.append([testEvent('lost', {})]);
        await tx.idempotency.complete({ scope, key: 'k', outcome: { ok: true, value: 1 } });
        throw failure;
      });
      await expect(attempt).rejects.toBe(failure);
      expect(await readAll(storage, before)).toEqual([]);
      expect(await storage.idempotency.get(scope, 'k')).toBeNull();
    });

    it('runs afterCommit callbacks after the commit, in order, outside the transaction', async () => {
      const before = await endCursor(storage);
      const seen: string[] = [];
      const value = await storage.transaction(async (tx) => {
        await tx.events.append([testEvent('committed', {})]);
        tx.afterCommit(async () => {
          // the write is visible and a new transaction starts without deadlocking
          seen.push(`first:${(await readAll(storage, before)).length}`);
          await storage.transaction(async (inner) => {
            inner.afterCommit(() => {
              seen.push('nested');
            });
          });
        });
        tx.afterCommit(() => {
          seen.push('second');
        });
        seen.push('body');
        return 'done';
      });
      expect(value).toBe('done');
      expect(seen).toEqual(['body', 'first:1', 'nested', 'second']);
    });

    it('drops afterCommit callbacks of a rollback, and of a rolled-back nested transaction only', async () => {
      const seen: string[] = [];
      await expect(
        storage.transaction(async (tx) => {
          tx.afterCommit(() => {
            seen.push('lost');
          });
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      await storage.transaction(async (tx) => {
        tx.afterCommit(() => {
          seen.push('outer');
        });
        await storage
          .transaction(async (inner) => {
            inner.afterCommit(() => {
              seen.push('inner, rolled back');
            });
            throw new Error('inner fails');
          })
          .catch(() => undefined);
        await storage.transaction(async (inner) => {
          inner.afterCommit(() => {
            seen.push('inner, kept');
          });
        });
      });
      expect(seen).toEqual(['outer', 'inner, kept']);
    });

    it('keeps the commit when an afterCommit callback throws, and rejects with its error', async () => {
      const before = await endCursor(storage);
      const failure = new Error('listener down');
      await expect(
        storage.transaction(async (tx) => {
          await tx.events.append([testEvent('kept', {})]);
          tx.afterCommit(() => {
            throw failure;
          });
        }),
      ).rejects.toBe(failure);
      expect(await readAll(storage, before)).toHaveLength(1);
    });

    it('runs many transactions in parallel without losing any write', async () => {
      const before = await endCursor(storage);
      const scope = uniqueName('scope');
      await Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          storage.transaction(async (tx) => {
            await tx.idempotency.claim({ scope, key: `k-${index}`, payloadHash: 'h', now: NOW });
            await tx.events.append([testEvent('parallel', { index })]);
            await tx.idempotency.complete({ scope, key: `k-${index}`, outcome: { ok: true, value: index } });
          }),
        ),
      );
      expect(await readAll(storage, before)).toHaveLength(20);
      for (let index = 0; index < 20; index += 1) {
        expect((await storage.idempotency.get(scope, `k-${index}`))?.outcome).toEqual({
          ok: true,
          value: index,
        });
      }
    });
  });
}
