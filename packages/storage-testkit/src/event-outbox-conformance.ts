import { type CoreStorage, type DomainEvent, isS2b2bError, ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { type ConformanceOptions, type StorageFactory, useStorage } from './factory.js';
import { endCursor, inParallel, readAll, testEvent, uniqueName } from './fixtures.js';

/**
 * The event-outbox contract: events appended in a transaction become visible in commit
 * order when it commits and never when it rolls back; a reader that passes back the cursor
 * sees every event exactly once, also while many transactions append in parallel.
 *
 * @example
 * describeEventOutboxConformance('memory', async () => ({ storage: createMemoryStorage() }));
 */
export function describeEventOutboxConformance(
  name: string,
  factory: StorageFactory,
  options: ConformanceOptions = {},
): void {
  const parallelism = options.parallelism ?? 50;

  describe(`${name}: event outbox conformance`, () => {
    let storage: CoreStorage;
    useStorage(factory, (opened) => {
      storage = opened;
    });

    it('returns committed events in order with every field intact', async () => {
      const before = await endCursor(storage);
      const aggregate = uniqueName('agg');
      const first: DomainEvent = {
        id: uniqueName('e'),
        type: 'testkit.order.placed',
        occurredAt: new Date('2026-11-11T00:00:00.123Z'),
        aggregateId: aggregate,
        payload: { amount: '1234.50', lines: [{ sku: '茶叶-01', qty: 2 }], note: null, ok: true },
      };
      const second = testEvent('order.paid', { amount: '1234.50' });
      await storage.transaction((tx) => tx.events.append([first, second]));
      const events = await readAll(storage, before);
      expect(events.map(({ position: _position, ...event }) => event)).toEqual([
        first,
        { ...second, aggregateId: undefined },
      ]);
      expect(typeof events[0]?.position).toBe('string');
    });

    it('appending nothing is a no-op', async () => {
      const before = await endCursor(storage);
      await storage.transaction((tx) => tx.events.append([]));
      expect(await readAll(storage, before)).toEqual([]);
    });

    it('never shows events of a rolled-back transaction', async () => {
      const before = await endCursor(storage);
      await expect(
        storage.transaction(async (tx) => {
          await tx.events.append([testEvent('ghost', {})]);
          throw new Error('rollback');
        }),
      ).rejects.toThrow('rollback');
      const kept = testEvent('kept', {});
      await storage.transaction((tx) => tx.events.append([kept]));
      expect((await readAll(storage, before)).map((event) => event.id)).toEqual([kept.id]);
    });

    it('pages with a limit and a cursor, and returns the same cursor when nothing is new', async () => {
      const before = await endCursor(storage);
      const batch = Array.from({ length: 7 }, (_, index) => testEvent('paged', { index }));
      await storage.transaction((tx) => tx.events.append(batch));
      const pages: number[][] = [];
      let cursor = before;
      for (;;) {
        const page = await storage.events.since(cursor, 3);
        if (page.events.length === 0) {
          expect(page.cursor).toBe(cursor);
          break;
        }
        pages.push(page.events.map((event) => (event.payload as { index: number }).index));
        expect(page.cursor).toBe(page.events.at(-1)?.position);
        cursor = page.cursor;
      }
      expect(pages).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
    });

    it('rejects a duplicate event id and keeps nothing of that transaction', async () => {
      const before = await endCursor(storage);
      const event = testEvent('unique', {});
      await storage.transaction((tx) => tx.events.append([event]));
      const attempt = storage.transaction(async (tx) => {
        await tx.events.append([testEvent('companion', {})]);
        await tx.events.append([{ ...event }]);
      });
      await expect(attempt).rejects.toSatisfy((error: unknown) => isS2b2bError(error, 'DUPLICATE_EVENT_ID'));
      expect((await readAll(storage, before)).map((stored) => stored.id)).toEqual([event.id]);
    });

    it('rejects bad events and bad reads with a ValidationError naming the field', async () => {
      const bad = { ...testEvent('bad', {}), type: 'no spaces allowed' };
      const attempt = storage.transaction((tx) => tx.events.append([bad]));
      await expect(attempt).rejects.toBeInstanceOf(ValidationError);
      await expect(attempt).rejects.toMatchObject({ issues: [{ path: ['events', 0, 'type'] }] });
      const noDate = { ...testEvent('bad', {}), occurredAt: new Date('nope') };
      await expect(storage.transaction((tx) => tx.events.append([noDate]))).rejects.toMatchObject({
        issues: [{ path: ['events', 0, 'occurredAt'] }],
      });
      const nul = { ...testEvent('bad', { note: 'a\u0000b' }) };
      await expect(storage.transaction((tx) => tx.events.append([nul]))).rejects.toMatchObject({
        issues: [{ path: ['events', 0, 'payload'] }],
      });
      const nulId = { ...testEvent('bad', {}), id: 'evt\u0000' };
      await expect(storage.transaction((tx) => tx.events.append([nulId]))).rejects.toMatchObject({
        issues: [{ path: ['events', 0, 'id'] }],
      });
      await expect(storage.events.since(null, 0)).rejects.toMatchObject({ code: 'VALIDATION' });
      await expect(storage.events.since('not a cursor')).rejects.toMatchObject({
        code: 'VALIDATION',
        issues: [{ path: ['cursor'] }],
      });
    });

    it(`lets a tailing reader see each of ${parallelism} parallel commits exactly once`, async () => {
      const start = await endCursor(storage);
      const marker = uniqueName('run');
      const seen: string[] = [];
      let cursor = start;
      let writing = true;
      const appended: string[] = [];
      const deadline = Date.now() + 30_000;
      const tail = (async () => {
        // Keep reading until every appended event was seen: adapters may show a commit a
        // moment after it happens, but must never skip or repeat one.
        while (writing || seen.length < appended.length) {
          const page = await storage.events.since(cursor, 7);
          for (const event of page.events) {
            if ((event.payload as { marker?: string }).marker === marker) seen.push(event.id);
          }
          cursor = page.cursor;
          if (page.events.length === 0) {
            if (Date.now() > deadline) return;
            await new Promise((resolve) => setTimeout(resolve, 2));
          }
        }
      })();
      const results = await inParallel(parallelism, async (index) => {
        const events = [
          testEvent('tail', { marker, index, part: 0 }),
          testEvent('tail', { marker, index, part: 1 }),
        ];
        await storage.transaction(async (tx) => {
          await tx.events.append(events.slice(0, 1));
          await new Promise((resolve) => setTimeout(resolve, index % 3));
          await tx.events.append(events.slice(1));
        });
        appended.push(...events.map((event) => event.id));
      });
      expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
      writing = false;
      await tail;
      expect(seen).toHaveLength(appended.length);
      expect(new Set(seen)).toEqual(new Set(appended));
    });
  });
}
