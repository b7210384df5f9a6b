import {
  ConflictError,
  type CoreStorage,
  DomainError,
  isS2b2bError,
  payloadHash,
  runIdempotent,
  ValidationError,
} from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { type ConformanceOptions, type StorageFactory, useStorage } from './factory.js';
import { endCursor, inParallel, readAll, testEvent, uniqueName } from './fixtures.js';

const NOW = new Date('2026-03-01T08:00:00.000Z');

/**
 * The idempotency-record contract: claim/complete/get/purge, replay returning the first
 * outcome, conflicting payloads rejected with nothing written, business failures spending
 * the key, and parallel commands with the same key executing exactly once.
 *
 * @example
 * describeIdempotencyConformance('memory', async () => ({ storage: createMemoryStorage() }));
 */
export function describeIdempotencyConformance(
  name: string,
  factory: StorageFactory,
  options: ConformanceOptions = {},
): void {
  const parallelism = options.parallelism ?? 50;

  describe(`${name}: idempotency conformance`, () => {
    let storage: CoreStorage;
    useStorage(factory, (opened) => {
      storage = opened;
    });

    it('claims a new key once, completes it and reads it back', async () => {
      const scope = uniqueName('scope');
      const hash = payloadHash({ a: 1 });
      const first = await storage.transaction(async (tx) => {
        const claim = await tx.idempotency.claim({ scope, key: 'k', payloadHash: hash, now: NOW });
        await tx.idempotency.complete({ scope, key: 'k', outcome: { ok: true, value: { total: '10.00' } } });
        return claim;
      });
      expect(first).toEqual({ status: 'claimed' });
      const second = await storage.transaction((tx) =>
        tx.idempotency.claim({ scope, key: 'k', payloadHash: hash, now: NOW }),
      );
      expect(second.status).toBe('exists');
      const record = await storage.idempotency.get(scope, 'k');
      expect(record).toEqual({
        scope,
        key: 'k',
        payloadHash: hash,
        outcome: { ok: true, value: { total: '10.00' } },
        createdAt: NOW,
      });
      expect(await storage.idempotency.get(scope, 'missing')).toBeNull();
      expect(await storage.idempotency.get(uniqueName('other-scope'), 'k')).toBeNull();
    });

    it('keeps no claim when the transaction rolls back', async () => {
      const scope = uniqueName('scope');
      await expect(
        storage.transaction(async (tx) => {
          await tx.idempotency.claim({ scope, key: 'k', payloadHash: 'h', now: NOW });
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await storage.idempotency.get(scope, 'k')).toBeNull();
    });

    it('replays the first outcome and writes nothing the second time', async () => {
      const scope = uniqueName('scope');
      const before = await endCursor(storage);
      let executions = 0;
      const command = { scope, key: 'order-1', payload: { amount: '12.30', lines: [1, 2] }, now: NOW };
      const run = () =>
        runIdempotent(storage, command, async (tx) => {
          executions += 1;
          await tx.events.append([testEvent('replayed', { n: executions })]);
          return { executions, at: NOW.toISOString() };
        });
      const first = await run();
      const second = await run();
      expect(first).toEqual({ value: { executions: 1, at: NOW.toISOString() }, replayed: false });
      expect(second).toEqual({ value: { executions: 1, at: NOW.toISOString() }, replayed: true });
      expect(executions).toBe(1);
      expect(await readAll(storage, before)).toHaveLength(1);
    });

    it('treats payloads with the same meaning as the same payload (key order does not matter)', async () => {
      const scope = uniqueName('scope');
      await runIdempotent(
        storage,
        { scope, key: 'k', payload: { a: 1, b: { c: 2, d: 3 } }, now: NOW },
        async () => 1,
      );
      const again = await runIdempotent(
        storage,
        { scope, key: 'k', payload: { b: { d: 3, c: 2 }, a: 1 }, now: NOW },
        async () => 2,
      );
      expect(again).toEqual({ value: 1, replayed: true });
    });

    it('rejects the same key with a different payload and writes nothing', async () => {
      const scope = uniqueName('scope');
      await runIdempotent(
        storage,
        { scope, key: 'k', payload: { amount: '1.00' }, now: NOW },
        async () => 'ok',
      );
      const before = await endCursor(storage);
      const attempt = runIdempotent(
        storage,
        { scope, key: 'k', payload: { amount: '2.00' }, now: NOW },
        async (tx) => {
          await tx.events.append([testEvent('conflict', {})]);
          return 'should not run';
        },
      );
      await expect(attempt).rejects.toBeInstanceOf(ConflictError);
      await expect(attempt).rejects.toMatchObject({
        code: 'IDEMPOTENCY_CONFLICT',
        details: { scope, key: 'k' },
      });
      expect(await readAll(storage, before)).toHaveLength(0);
      expect((await storage.idempotency.get(scope, 'k'))?.outcome).toEqual({ ok: true, value: 'ok' });
    });

    it('keeps keys of different scopes apart', async () => {
      const key = uniqueName('key');
      const a = await runIdempotent(
        storage,
        { scope: uniqueName('a'), key, payload: 1, now: NOW },
        async () => 'a',
      );
      const b = await runIdempotent(
        storage,
        { scope: uniqueName('b'), key, payload: 2, now: NOW },
        async () => 'b',
      );
      expect([a.value, b.value, a.replayed, b.replayed]).toEqual(['a', 'b', false, false]);
    });

    it('spends the key on a business error: writes roll back, the replay throws the same error', async () => {
      const scope = uniqueName('scope');
      const before = await endCursor(storage);
      let executions = 0;
      const run = () =>
        runIdempotent(storage, { scope, key: 'k', payload: { amount: '999.00' }, now: NOW }, async (tx) => {
          executions += 1;
          await tx.events.append([testEvent('rejected', {})]);
          throw new DomainError('CREDIT_LIMIT_EXCEEDED', 'Limit 500.00 exceeded', { limit: '500.00' });
        });
      await expect(run()).rejects.toMatchObject({
        code: 'CREDIT_LIMIT_EXCEEDED',
        details: { limit: '500.00' },
      });
      const replay = run();
      await expect(replay).rejects.toBeInstanceOf(DomainError);
      await expect(replay).rejects.toMatchObject({
        code: 'CREDIT_LIMIT_EXCEEDED',
        message: 'Limit 500.00 exceeded',
        details: { limit: '500.00', replayed: true },
      });
      expect(executions).toBe(1);
      expect(await readAll(storage, before)).toHaveLength(0);
      const record = await storage.idempotency.get(scope, 'k');
      expect(record?.outcome).toMatchObject({ ok: false, error: { code: 'CREDIT_LIMIT_EXCEEDED' } });
    });

    it('leaves no record after an unexpected error, so the key can be retried', async () => {
      const scope = uniqueName('scope');
      let executions = 0;
      const command = { scope, key: 'k', payload: {}, now: NOW };
      await expect(
        runIdempotent(storage, command, async () => {
          executions += 1;
          throw new TypeError('network blip');
        }),
      ).rejects.toThrow('network blip');
      expect(await storage.idempotency.get(scope, 'k')).toBeNull();
      const retried = await runIdempotent(storage, command, async () => {
        executions += 1;
        return 'done';
      });
      expect(retried).toEqual({ value: 'done', replayed: false });
      expect(executions).toBe(2);
    });

    it('rejects a bad key before touching storage', async () => {
      const scope = uniqueName('scope');
      for (const key of ['', 'x'.repeat(201), 'nul\u0000key']) {
        const attempt = runIdempotent(storage, { scope, key, payload: {}, now: NOW }, async () => 1);
        await expect(attempt).rejects.toBeInstanceOf(ValidationError);
        await expect(attempt).rejects.toMatchObject({ issues: [{ path: ['idempotencyKey'] }] });
      }
    });

    it(`executes ${parallelism} parallel commands with the same key exactly once`, async () => {
      const scope = uniqueName('scope');
      const before = await endCursor(storage);
      let executions = 0;
      const results = await inParallel(parallelism, () =>
        runIdempotent(
          storage,
          { scope, key: 'same', payload: { sku: 'A', qty: 3 }, now: NOW },
          async (tx) => {
            executions += 1;
            await tx.events.append([testEvent('once', { execution: executions })]);
            return { execution: executions };
          },
        ),
      );
      const failures = results.filter((result) => result.status === 'rejected');
      expect(failures).toEqual([]);
      const values = results.map((result) => (result.status === 'fulfilled' ? result.value : null));
      expect(executions).toBe(1);
      expect(values.filter((value) => value?.replayed === false)).toHaveLength(1);
      expect(new Set(values.map((value) => JSON.stringify(value?.value)))).toEqual(
        new Set(['{"execution":1}']),
      );
      expect(await readAll(storage, before)).toHaveLength(1);
    });

    it(`executes ${parallelism} parallel commands with different keys once each`, async () => {
      const scope = uniqueName('scope');
      const before = await endCursor(storage);
      const results = await inParallel(parallelism, (index) =>
        runIdempotent(storage, { scope, key: `k-${index}`, payload: { index }, now: NOW }, async (tx) => {
          await tx.events.append([testEvent('each', { index })]);
          return index;
        }),
      );
      expect(results.every((result) => result.status === 'fulfilled' && !result.value.replayed)).toBe(true);
      const events = await readAll(storage, before);
      expect(events.map((event) => (event.payload as { index: number }).index).sort((a, b) => a - b)).toEqual(
        Array.from({ length: parallelism }, (_, index) => index),
      );
    });

    it('lets exactly one of many parallel payloads win a key; the others conflict', async () => {
      const scope = uniqueName('scope');
      const results = await inParallel(parallelism, (index) =>
        runIdempotent(
          storage,
          { scope, key: 'contested', payload: { variant: index % 5 }, now: NOW },
          async () => ({
            variant: index % 5,
          }),
        ),
      );
      const won = results.filter((result) => result.status === 'fulfilled');
      const winner = won[0]?.status === 'fulfilled' ? won[0].value.value : null;
      expect(winner).not.toBeNull();
      // Every fulfilled result is the winner (executed once or replayed); every rejection is a conflict.
      for (const result of results) {
        if (result.status === 'fulfilled') expect(result.value.value).toEqual(winner);
        else expect(isS2b2bError(result.reason, 'IDEMPOTENCY_CONFLICT')).toBe(true);
      }
      expect(won.filter((result) => result.status === 'fulfilled' && !result.value.replayed)).toHaveLength(1);
      const variant = (winner as { variant: number }).variant;
      const sameVariant = Array.from({ length: parallelism }, (_, index) => index % 5).filter(
        (v) => v === variant,
      );
      expect(won).toHaveLength(sameVariant.length);
    });

    it('purges records created before a cut-off and keeps the rest', async () => {
      const scope = uniqueName('scope');
      const old = new Date('2001-01-01T00:00:00.000Z');
      const recent = new Date('2001-01-02T00:00:00.000Z');
      await runIdempotent(storage, { scope, key: 'old', payload: 1, now: old }, async () => 1);
      await runIdempotent(storage, { scope, key: 'recent', payload: 1, now: recent }, async () => 1);
      const removed = await storage.idempotency.purge(new Date('2001-01-01T12:00:00.000Z'));
      expect(removed).toBeGreaterThanOrEqual(1);
      expect(await storage.idempotency.get(scope, 'old')).toBeNull();
      expect(await storage.idempotency.get(scope, 'recent')).not.toBeNull();
    });
  });
}
