/**
 * The event outbox: events appended in a transaction become visible together when it
 * commits, and never when it rolls back; a relay tails them with a cursor and sees each
 * committed event exactly once, in commit order.
 */
import { createIdGenerator, createRng, type DomainEvent, manualClock } from '@s2b2b/core';
import { createMemoryStorage } from '@s2b2b/storage-memory';
import type { ExampleIo, ExampleMeta } from './example.js';

/**
 * @example
 * meta.name // 'event-outbox'
 */
export const meta: ExampleMeta = {
  name: 'event-outbox',
  title: 'Append events in transactions, roll one back, tail the outbox with a cursor',
  description:
    'Three transactions append events; the second throws and leaves nothing behind. A relay then reads the outbox two events at a time with storage.events.since(cursor), saves the cursor, and later picks up only what is new.',
};

/**
 * Runs the example.
 *
 * @example
 * await run({ log: console.log, table: console.table })
 */
export async function run(io: ExampleIo): Promise<void> {
  const storage = createMemoryStorage();
  const clock = manualClock('2026-03-02T10:00:00Z');
  const nextId = createIdGenerator({ clock, rng: createRng(11), prefix: 'evt' });
  const event = (type: string, aggregateId: string, payload: DomainEvent['payload']): DomainEvent => {
    clock.advance(1000);
    return { id: nextId(), type, occurredAt: clock.now(), aggregateId, payload };
  };

  // 1. A transaction that commits: three events, visible together.
  await storage.transaction(async (tx) => {
    await tx.events.append([
      event('orders.placed', 'SO-2001', {
        merchant: '华东食品',
        total: { amount: '456.00', currency: 'CNY' },
      }),
      event('stock.reserved', 'TEA-500G', { orderNo: 'SO-2001', quantity: 12 }),
    ]);
    await tx.events.append([event('invoices.issued', 'INV-2001', { orderNo: 'SO-2001' })]);
  });
  io.log('Transaction 1 appended 3 events and committed.');

  // 2. A transaction that fails after appending: its events are gone with it.
  try {
    await storage.transaction(async (tx) => {
      await tx.events.append([
        event('orders.placed', 'SO-2002', { merchant: '小王便利店' }),
        event('stock.reserved', 'RICE-5KG', { orderNo: 'SO-2002', quantity: 40 }),
      ]);
      throw new Error('payment gateway timed out');
    });
  } catch (error) {
    io.log(`Transaction 2 appended 2 events, then failed ("${(error as Error).message}"): rolled back.`);
  }

  // 3. Another commit.
  await storage.transaction(async (tx) => {
    await tx.events.append([
      event('orders.placed', 'SO-2003', { merchant: 'Lotus Mart' }),
      event('stock.reserved', 'OIL-5L', { orderNo: 'SO-2003', quantity: 6 }),
    ]);
  });
  io.log('Transaction 3 appended 2 events and committed.');

  // A relay: read two at a time, publish, save the cursor.
  io.log();
  io.log('A relay tails the outbox with since(cursor, 2), saving the cursor after each page:');
  let cursor: string | null = null;
  const rows: Record<string, string>[] = [];
  for (let pageNo = 1; ; pageNo++) {
    const page = await storage.events.since(cursor, 2);
    const pageRows = page.events.map((e) => ({
      page: String(pageNo),
      position: e.position,
      type: e.type,
      aggregate: e.aggregateId ?? '',
      'cursor saved': '',
    }));
    if (pageRows.length === 0) {
      pageRows.push({
        page: String(pageNo),
        position: '',
        type: '(nothing new)',
        aggregate: '',
        'cursor saved': '',
      });
    }
    pageRows[pageRows.length - 1]!['cursor saved'] = String(page.cursor);
    rows.push(...pageRows);
    cursor = page.cursor;
    if (page.events.length === 0) break;
  }
  io.table(rows);
  io.log(`Nothing from transaction 2: the relay saw 5 events, each once. Saved cursor: ${cursor}.`);

  // Later: one more commit; the relay resumes from its saved cursor.
  await storage.transaction(async (tx) => {
    await tx.events.append([event('invoices.issued', 'INV-2003', { orderNo: 'SO-2003' })]);
  });
  const later = await storage.events.since(cursor, 2);
  io.log();
  io.log(
    `Later, since(${JSON.stringify(cursor)}) returns only what is new: ${later.events.map((e) => `${e.position}. ${e.type} ${e.aggregateId}`).join(', ')}; next cursor ${later.cursor}.`,
  );
}
