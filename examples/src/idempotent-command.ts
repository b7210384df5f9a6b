/**
 * Making a host's own command idempotent with `runIdempotent`: a retried request returns the
 * first outcome and writes nothing; the same key with another payload is refused; a business
 * error spends the key, so a retry gets the same error.
 */
import {
  type CoreStorage,
  createIdGenerator,
  createRng,
  DomainError,
  formatMoney,
  isS2b2bError,
  manualClock,
  money,
  runIdempotent,
} from '@s2b2b/core';
import { createMemoryStorage } from '@s2b2b/storage-memory';
import type { ExampleIo, ExampleMeta } from './example.js';

/**
 * @example
 * meta.name // 'idempotent-command'
 */
export const meta: ExampleMeta = {
  name: 'idempotent-command',
  title: 'A host command made idempotent: replay, conflict and a spent key',
  description:
    'A “record payment” command of the host, wrapped in runIdempotent on memory storage: a client retry replays the first receipt, the same key with another amount is refused with IDEMPOTENCY_CONFLICT, and a payment over the limit is refused the same way every time.',
};

/** The host's command input: what the client sends, with its own idempotency key. */
interface RecordPayment {
  idempotencyKey: string;
  merchantId: string;
  /** Decimal string, CNY. */
  amount: string;
}

/** The limit of one payment, a business rule. */
const LIMIT = money('50000.00');

/**
 * Runs the example.
 *
 * @example
 * await run({ log: console.log, table: console.table })
 */
export async function run(io: ExampleIo): Promise<void> {
  const storage = createMemoryStorage();
  // Fixed clock and seeded ids: the example prints the same receipts on every run.
  const clock = manualClock('2026-03-02T09:30:00Z');
  const receiptIds = createIdGenerator({ clock, rng: createRng(7), prefix: 'rcpt' });
  const recordPayment = createRecordPayment(storage, clock, receiptIds);

  const request: RecordPayment = { idempotencyKey: 'pay-7f3a', merchantId: 'm-1001', amount: '1280.00' };
  const rows: Record<string, string>[] = [];
  const attempt = async (label: string, input: RecordPayment) => {
    clock.advance(1500);
    try {
      const { value, replayed } = await recordPayment(input);
      rows.push({
        call: label,
        key: input.idempotencyKey,
        amount: input.amount,
        replayed: String(replayed),
        result: value.receiptId,
      });
    } catch (error) {
      if (!isS2b2bError(error)) throw error;
      rows.push({
        call: label,
        key: input.idempotencyKey,
        amount: input.amount,
        replayed: '',
        result: `[${error.code}]`,
      });
    }
  };

  await attempt('first request', request);
  await attempt('client retry', { ...request });
  await attempt('same key, new amount', { ...request, amount: '1380.00' });
  await attempt('over the limit', { idempotencyKey: 'pay-9c01', merchantId: 'm-1001', amount: '68000.00' });
  await attempt('retry of that', { idempotencyKey: 'pay-9c01', merchantId: 'm-1001', amount: '68000.00' });
  io.log(`recordPayment() on ${storage.kind} storage, five calls:`);
  io.table(rows);

  const page = await storage.events.since(null);
  io.log();
  io.log(`The outbox holds ${page.events.length} event: the retry replayed the receipt and wrote nothing.`);
  for (const event of page.events)
    io.log(`  ${event.position}. ${event.type} ${JSON.stringify(event.payload)}`);
  const record = await storage.idempotency.get('payments.record', 'pay-9c01');
  io.log();
  io.log(
    `The refused payment spent its key: its record stores the error (${record?.outcome && !record.outcome.ok ? record.outcome.error.code : 'none'}), so every retry gets the same answer.`,
  );
}

/** The host's command: validate, write through the transaction, return a receipt. */
function createRecordPayment(storage: CoreStorage, clock: { now(): Date }, nextReceiptId: () => string) {
  const eventIds = createIdGenerator({ clock, rng: createRng(8), prefix: 'evt' });
  return (input: RecordPayment) =>
    runIdempotent(
      storage,
      {
        scope: 'payments.record',
        key: input.idempotencyKey,
        // The payload is what must match on a retry: everything but the key itself.
        payload: { merchantId: input.merchantId, amount: input.amount },
        now: clock.now(),
      },
      async (tx) => {
        const amount = money(input.amount);
        if (amount.greaterThan(LIMIT)) {
          throw new DomainError(
            'PAYMENT_LIMIT_EXCEEDED',
            `${formatMoney(amount)} is over the ${formatMoney(LIMIT)} limit of one payment`,
            { amount: amount.toDecimalString(), limit: LIMIT.toDecimalString() },
          );
        }
        const receiptId = nextReceiptId();
        await tx.events.append([
          {
            id: eventIds(),
            type: 'payments.recorded',
            occurredAt: clock.now(),
            aggregateId: input.merchantId,
            payload: { receiptId, amount: amount.toJSON() },
          },
        ]);
        return { receiptId };
      },
    );
}
