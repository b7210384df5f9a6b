import {
  type Clock,
  type CoreStorage,
  createIdGenerator,
  createRng,
  type DomainEvent,
  formatMoney,
  isS2b2bError,
  type JsonValue,
  money,
  runIdempotent,
  type StoredEvent,
} from '@s2b2b/core';
import type { CliStream } from '../io.js';
import type { Printer } from '../output.js';
import { createProgressBar } from '../progress.js';
import type { OpenedStorage, StorageSession } from '../storage.js';

/** What the storage section found. */
export interface StorageTourResult {
  kind: string;
  location: string;
  schema: string | undefined;
  /** Milliseconds to open (and on PostgreSQL, migrate) the storage. */
  openMs: number;
  /** Unique per run, part of every idempotency key, so reruns on the same data never collide. */
  runId: string;
  command: {
    scope: string;
    key: string;
    first: { orderId: string; replayed: boolean };
    replay: { orderId: string; replayed: boolean };
    /** The error the same key with another payload got (`IDEMPOTENCY_CONFLICT`), or null if none. */
    conflict: { code: string; message: string } | null;
  };
  batch: {
    commands: number;
    events: number;
    /** How many of the commands came back `replayed` when run again. */
    replayedOnRerun: number;
    /** Events the rerun added to the outbox: 0. */
    newEventsOnRerun: number;
  };
  outbox: {
    /** Committed events before this run (earlier runs on the same data). */
    before: number;
    /** Events this run committed. */
    thisRun: number;
    /** Events in all, now. */
    after: number;
    /** Events of this run by type. */
    byType: Record<string, number>;
    /** The first events of this run, as read back with `events.since(cursor)`. */
    sample: { position: string; type: string; aggregateId: string | null; summary: string }[];
  };
}

/** Options of `storageTour`. */
export interface StorageTourOptions {
  out: Printer;
  /** The storage to open; the caller closes the session when the demo's sections are done. */
  session: StorageSession;
  seed: number;
  clock: Clock;
  /** Where the progress bar draws (stderr). */
  progress: CliStream;
}

const CATALOGUE = [
  { sku: 'TEA-500G', name: '乌龙茶 500g', price: '38.00' },
  { sku: 'RICE-5KG', name: '东北大米 5kg', price: '45.90' },
  { sku: 'OIL-5L', name: '花生油 5L', price: '89.00' },
  { sku: 'NOODLE-24', name: '方便面 24包', price: '32.50' },
  { sku: 'WATER-24', name: '矿泉水 24瓶', price: '26.40' },
  { sku: 'SOY-1L', name: '生抽 1L', price: '12.80' },
] as const;

const ROUNDS = 20;
const LINES_PER_ROUND = 10;
const SAMPLE_SIZE = 8;
const PAGE = 500;

/**
 * Section 3 of the demo: idempotent commands and the event outbox on the chosen storage.
 *
 * @example
 * const result = await storageTour({ out, session: storageSession(planStorage(flags, io)), seed: 42, clock: systemClock, progress: io.stderr });
 * result.command.replay.replayed // true
 */
export async function storageTour(options: StorageTourOptions): Promise<StorageTourResult> {
  const { out, session } = options;
  const { plan } = session;
  out.heading(`3. Storage: idempotent commands and the outbox (${plan.kind})`);
  const where = plan.schema ? `${plan.location}, schema ${plan.schema}` : plan.location;
  if (plan.kind === 'pglite' && plan.fresh) {
    out.note(`Creating the PGlite database in ${plan.location} (first run only: a few seconds)…`);
  }
  const started = performance.now();
  const opened = await session.open();
  const openMs = performance.now() - started;
  out.line(`Opened ${plan.kind} storage (${where}) in ${Math.round(openMs)} ms.`);
  return tour(options, opened, openMs);
}

async function tour(
  options: StorageTourOptions,
  opened: OpenedStorage,
  openMs: number,
): Promise<StorageTourResult> {
  const { out, clock } = options;
  const { storage } = opened;
  const eventId = createIdGenerator({ prefix: 'evt' });
  const runId = createIdGenerator({ prefix: 'run' })();

  const start = await tail(storage, null);
  if (start.count > 0) {
    out.line(
      `Its outbox already holds ${start.count.toLocaleString('en-US')} events from earlier runs; this run adds its own.`,
    );
  }

  // One host command, made idempotent: place an order.
  const scope = 'demo.orders.place';
  const key = `${runId}/SO-1001`;
  const tea = CATALOGUE[0];
  const payload = {
    orderNo: 'SO-1001',
    merchant: '华东食品',
    sku: tea.sku,
    quantity: 12,
    unitPrice: tea.price,
  };
  const placeOrder = (input: typeof payload) =>
    runIdempotent(storage, { scope, key, payload: input, now: clock.now() }, async (tx) => {
      const now = clock.now();
      const orderId = createIdGenerator({ prefix: 'ord' })();
      const total = money(input.unitPrice).multiply(input.quantity);
      const events: DomainEvent[] = [
        {
          id: eventId(),
          type: 'demo.order_placed',
          occurredAt: now,
          aggregateId: orderId,
          payload: { orderNo: input.orderNo, merchant: input.merchant, total: total.toJSON() },
        },
        {
          id: eventId(),
          type: 'demo.stock_reserved',
          occurredAt: now,
          aggregateId: input.sku,
          payload: { sku: input.sku, quantity: input.quantity, orderId },
        },
      ];
      await tx.events.append(events);
      return { orderId };
    });

  out.line();
  out.line(
    `runIdempotent(storage, { scope: '${scope}', key: '…/SO-1001', payload }, …) twice with the same key:`,
  );
  const first = await placeOrder(payload);
  const afterFirst = await tail(storage, start.cursor);
  const replay = await placeOrder({ ...payload });
  const afterReplay = await tail(storage, start.cursor);
  const firstId = String((first.value as { orderId: string }).orderId);
  const replayId = String((replay.value as { orderId: string }).orderId);
  out.table(
    [
      { call: 'first', replayed: String(first.replayed), orderId: firstId, outbox: `+${afterFirst.count}` },
      {
        call: 'again',
        replayed: String(replay.replayed),
        orderId: replayId,
        outbox: `+${afterReplay.count - afterFirst.count}`,
      },
    ],
    {
      columns: [
        { key: 'call' },
        { key: 'replayed' },
        { key: 'orderId' },
        { key: 'outbox', header: 'events' },
      ],
    },
  );
  const replayOk = replay.replayed && replayId === firstId && afterReplay.count === afterFirst.count;
  out.line(
    `  ${replayOk ? out.good('✓') : out.bad('✗')} the replay returned the first outcome and wrote nothing`,
  );

  let conflict: StorageTourResult['command']['conflict'] = null;
  try {
    await placeOrder({ ...payload, quantity: 13 });
  } catch (error) {
    if (!isS2b2bError(error)) throw error;
    conflict = { code: error.code, message: error.message };
  }
  out.line();
  out.line('The same key with another payload (quantity 13 instead of 12) is refused:');
  if (conflict) out.paragraph(`${out.bad(`[${conflict.code}]`)} ${conflict.message}`, { indent: '  ' });
  else out.line(`  ${out.bad('✗')} it was not refused`);

  // A batch: 20 idempotent commands, 10 events each, with a progress bar on a terminal.
  const rng = createRng(options.seed).fork('rounds');
  const rounds = Array.from({ length: ROUNDS }, (_, index) => ({
    round: index + 1,
    lines: Array.from({ length: LINES_PER_ROUND }, () => {
      const item = CATALOGUE[rng.int(0, CATALOGUE.length - 1)]!;
      return { sku: item.sku, quantity: rng.int(1, 24), unitPrice: item.price };
    }),
  }));
  const reserveRound = (round: (typeof rounds)[number]) =>
    runIdempotent(
      storage,
      {
        scope: 'demo.rounds.reserve',
        key: `${runId}/round-${round.round}`,
        payload: round,
        now: clock.now(),
      },
      async (tx) => {
        const now = clock.now();
        const aggregateId = `round-${String(round.round).padStart(2, '0')}`;
        await tx.events.append(
          round.lines.map((line) => ({
            id: eventId(),
            type: 'demo.line_reserved',
            occurredAt: now,
            aggregateId,
            payload: {
              sku: line.sku,
              quantity: line.quantity,
              lineTotal: money(line.unitPrice).multiply(line.quantity).toJSON(),
            },
          })),
        );
        return { round: round.round, lines: round.lines.length } as JsonValue;
      },
    );

  out.line();
  out.line(
    `Now ${ROUNDS} buying-round commands of ${LINES_PER_ROUND} reserved lines each: ${ROUNDS * LINES_PER_ROUND} events.`,
  );
  const bar = createProgressBar({
    stream: options.progress,
    total: ROUNDS * LINES_PER_ROUND,
    label: '  appending events',
    enabled: !out.json,
  });
  const beforeBatch = await tail(storage, start.cursor);
  for (const round of rounds) {
    await reserveRound(round);
    bar.tick(round.lines.length);
  }
  bar.finish();
  const afterBatch = await tail(storage, beforeBatch.cursor);
  let replayedOnRerun = 0;
  for (const round of rounds) if ((await reserveRound(round)).replayed) replayedOnRerun += 1;
  const afterRerun = await tail(storage, afterBatch.cursor);
  out.line(
    `  ${out.good('✓')} ${afterBatch.count} events committed; running all ${ROUNDS} again replayed ${replayedOnRerun} and added ${afterRerun.count}`,
  );

  // Read this run's events back from the outbox.
  const mine = await tail(storage, start.cursor, SAMPLE_SIZE);
  const byType: Record<string, number> = {};
  for (const [type, count] of mine.byType) byType[type] = count;
  const sample = mine.first.map((event) => ({
    position: event.position,
    type: event.type,
    aggregateId: event.aggregateId ?? null,
    summary: summarize(event),
  }));
  out.line();
  out.line(
    `storage.events.since(cursor) reads them back in commit order (first ${sample.length} of ${mine.count}):`,
  );
  out.table(
    sample.map((event) => ({ ...event, aggregateId: shorten(event.aggregateId ?? '') })),
    {
      columns: [
        { key: 'position', header: 'pos' },
        { key: 'type' },
        { key: 'aggregateId', header: 'aggregate' },
        { key: 'summary', header: 'what' },
      ],
    },
  );
  out.line(
    `  ${Object.entries(byType)
      .map(([type, count]) => `${count} × ${type}`)
      .join(', ')}`,
  );

  return {
    kind: opened.kind,
    location: opened.location,
    schema: opened.schema,
    openMs: Math.round(openMs),
    runId,
    command: {
      scope,
      key,
      first: { orderId: firstId, replayed: first.replayed },
      replay: { orderId: replayId, replayed: replay.replayed },
      conflict,
    },
    batch: {
      commands: ROUNDS,
      events: afterBatch.count,
      replayedOnRerun,
      newEventsOnRerun: afterRerun.count,
    },
    outbox: { before: start.count, thisRun: mine.count, after: start.count + mine.count, byType, sample },
  };
}

interface Tail {
  /** Events after the cursor given. */
  count: number;
  /** The cursor after the last of them. */
  cursor: string | null;
  /** The first few, when asked for. */
  first: StoredEvent[];
  byType: Map<string, number>;
}

/** Reads the outbox from a cursor to its end, page by page. */
async function tail(storage: CoreStorage, from: string | null, keep = 0): Promise<Tail> {
  const result: Tail = { count: 0, cursor: from, first: [], byType: new Map() };
  for (;;) {
    const page = await storage.events.since(result.cursor, PAGE);
    for (const event of page.events) {
      if (result.first.length < keep) result.first.push(event);
      result.byType.set(event.type, (result.byType.get(event.type) ?? 0) + 1);
    }
    result.count += page.events.length;
    result.cursor = page.cursor;
    if (page.events.length < PAGE) return result;
  }
}

function summarize(event: StoredEvent): string {
  const payload = event.payload as Record<string, JsonValue>;
  const name = (sku: JsonValue | undefined) =>
    CATALOGUE.find((item) => item.sku === sku)?.name ?? String(sku);
  const amount = (value: JsonValue | undefined) => {
    const json = value as { amount?: string; currency?: string } | undefined;
    return json?.amount ? formatMoney(money(json.amount, json.currency)) : '';
  };
  switch (event.type) {
    case 'demo.order_placed':
      return `${payload.orderNo} ${payload.merchant} ${amount(payload.total)}`;
    case 'demo.stock_reserved':
      return `${name(payload.sku)} × ${payload.quantity}`;
    case 'demo.line_reserved':
      return `${name(payload.sku)} × ${payload.quantity} = ${amount(payload.lineTotal)}`;
    default:
      return JSON.stringify(payload);
  }
}

function shorten(id: string): string {
  return id.length > 16 ? `${id.slice(0, 12)}…${id.slice(-3)}` : id;
}
