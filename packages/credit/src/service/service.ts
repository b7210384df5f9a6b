import {
  type Clock,
  createIdGenerator,
  type EventListener,
  parseInput,
  runIdempotent,
  systemClock,
  ValidationError,
} from '@s2b2b/core';
import type { z } from 'zod';
import type { LedgerTransfer } from '../ledger/transfers.js';
import { lineNotFoundError } from '../lines/errors.js';
import type { CreditStorage, CreditTx, DrawingFilter, LineFilter, TransferFilter } from '../store.js';
import {
  creditIdSchema,
  drawingFilterSchema,
  lineFilterSchema,
  transferFilterSchema,
} from '../store-filters.js';
import { creditOutcomeCodec } from './codec.js';
import { type CloseDayOutcome, closeDay } from './commands/close-day.js';
import {
  cancelDraw,
  confirmDraw,
  type DrawOutcome,
  drawOnLine,
  type ExpireOutcome,
  expireHolds,
} from './commands/draws.js';
import { changeLimit, freezeLine, type LineOutcome, openLine, unfreezeLine } from './commands/lines.js';
import { type RefundOutcome, type RepayOutcome, refundCredit, repay } from './commands/repayments.js';
import type { CommandContext } from './context.js';
import type { CreditEvent } from './events.js';
import {
  type CancelDrawInput,
  type ChangeLimitInput,
  type CloseDayInput,
  type ConfirmDrawInput,
  cancelDrawSchema,
  changeLimitSchema,
  closeDaySchema,
  confirmDrawSchema,
  type DrawInput,
  drawSchema,
  type ExpireHoldsInput,
  expireHoldsSchema,
  type FreezeInput,
  freezeSchema,
  type OpenLineInput,
  openLineSchema,
  type RefundCreditInput,
  type RepayInput,
  refundCreditSchema,
  repaySchema,
  type StatementInput,
  statementSchema,
  type UnfreezeInput,
  unfreezeSchema,
} from './schemas.js';
import { buildStatement, type Statement } from './statement.js';
import { type DrawingView, drawingView, type LineView, lineView } from './views.js';

/**
 * Options of `createCreditService`.
 *
 * @example
 * const options: CreditServiceOptions = { storage: createMemoryStorage(), clock: systemClock, onEvent: (e) => bus.publish(e) };
 */
export interface CreditServiceOptions {
  /** Any storage with credit: `createMemoryStorage()`, `createPostgresStorage()`, or the host's own. */
  storage: CreditStorage;
  /** Where `now` comes from (default the system clock). */
  clock?: Clock;
  /**
   * Called with each event of a command after it committed (not on replays, never for a command
   * that rolled back — also when the host wraps the command in its own transaction). The outbox
   * (`storage.events.since`) is the reliable channel; a listener that throws makes the call throw
   * although the command is committed — a retry with the same key replays it.
   */
  onEvent?: EventListener<CreditEvent>;
  /** Ids for events, transfers and generated drawing ids (default UUIDv7 from the clock). */
  ids?: () => string;
}

/**
 * What a credit command returns: its outcome, and whether this was a replay of the idempotency
 * key (then nothing was written and this is the first outcome).
 *
 * @example
 * const { drawing, replayed }: CreditCommandResult<DrawOutcome> = await credit.draw(input);
 */
export type CreditCommandResult<O> = O & { replayed: boolean };

/**
 * The credit service: idempotent, validated commands over a credit storage, and reads.
 *
 * @example
 * const credit: CreditService = createCreditService({ storage });
 */
export interface CreditService {
  openLine(input: OpenLineInput): Promise<CreditCommandResult<LineOutcome>>;
  changeLimit(input: ChangeLimitInput): Promise<CreditCommandResult<LineOutcome>>;
  freeze(input: FreezeInput): Promise<CreditCommandResult<LineOutcome>>;
  unfreeze(input: UnfreezeInput): Promise<CreditCommandResult<LineOutcome>>;
  draw(input: DrawInput): Promise<CreditCommandResult<DrawOutcome>>;
  confirmDraw(input: ConfirmDrawInput): Promise<CreditCommandResult<DrawOutcome>>;
  cancelDraw(input: CancelDrawInput): Promise<CreditCommandResult<DrawOutcome>>;
  expireHolds(input: ExpireHoldsInput): Promise<CreditCommandResult<ExpireOutcome>>;
  repay(input: RepayInput): Promise<CreditCommandResult<RepayOutcome>>;
  refundCredit(input: RefundCreditInput): Promise<CreditCommandResult<RefundOutcome>>;
  closeDay(input: CloseDayInput): Promise<CreditCommandResult<CloseDayOutcome>>;
  getLine(lineId: string): Promise<LineView | null>;
  listLines(filter?: LineFilter): Promise<LineView[]>;
  getDrawing(drawingId: string): Promise<DrawingView | null>;
  listDrawings(filter?: DrawingFilter): Promise<DrawingView[]>;
  listTransfers(filter?: TransferFilter): Promise<LedgerTransfer[]>;
  statement(input: StatementInput): Promise<Statement>;
}

type Handler<I, O> = (tx: CreditTx, input: I, ctx: CommandContext) => Promise<O>;

/**
 * Creates the credit service. Every command validates its input (`ValidationError` naming the
 * field, nothing written), runs in one transaction with its idempotency key (scope
 * `credit.<command>`: a replay returns the first outcome and moves nothing; the same key with
 * another payload is `IDEMPOTENCY_CONFLICT`; a business refusal is stored and replayed, so a draw
 * refused for the limit stays refused), books its money as linked ledger transfers, and appends
 * its events to the outbox in that transaction; `onEvent` hears them after the commit. The
 * store enforces the ledger's invariants; business failures are `DomainError`s with the codes of
 * `CREDIT_ERROR_CODES`.
 *
 * @example
 * const credit = createCreditService({ storage: createMemoryStorage() });
 * await credit.openLine({ idempotencyKey: 'open-L-1', lineId: 'L-1', merchantId: 'M-1', limit: '50000.00' });
 * const { drawing } = await credit.draw({ idempotencyKey: 'co-1001', lineId: 'L-1', product: 'purchase', amount: '1200.00', hold: true });
 * await credit.confirmDraw({ idempotencyKey: 'ship-1001', drawingId: drawing.id, amount: '1000.00' });
 * await credit.repay({ idempotencyKey: 'bank-0001', lineId: 'L-1', amount: '1000.00' });
 */
export function createCreditService(options: CreditServiceOptions): CreditService {
  checkOptions(options);
  const { storage, onEvent } = options;
  const clock = options.clock ?? systemClock;
  const nextId = options.ids ?? createIdGenerator({ clock });

  async function run<S extends z.ZodType, O extends { events: CreditEvent[] }>(
    command: string,
    schema: S,
    raw: unknown,
    handler: Handler<z.output<S>, O>,
  ): Promise<CreditCommandResult<O>> {
    const input = parseInput(schema, raw) as z.output<S> & { idempotencyKey: string };
    const { idempotencyKey, ...payload } = input;
    const now = clock.now();
    const scope = `credit.${command}`;
    const { value, replayed } = await runIdempotent(
      storage,
      { scope, key: idempotencyKey, payload, now },
      async (tx) => {
        const outcome = await handler(tx, input, { now, scope, key: idempotencyKey, nextId });
        await tx.events.append(outcome.events);
        if (onEvent) {
          const listener = onEvent;
          tx.afterCommit(async () => {
            for (const event of outcome.events) await listener(event);
          });
        }
        return outcome;
      },
      creditOutcomeCodec<O>(),
    );
    return { ...value, replayed };
  }

  const id = (value: unknown, field: string) => parseInput(creditIdSchema, value, field);

  const viewOf = async (lineId: string): Promise<LineView | null> => {
    const line = await storage.credit.getLine(lineId);
    return line ? lineView(line, await storage.credit.listAccounts({ lineId })) : null;
  };

  return {
    openLine: (input) => run('open-line', openLineSchema, input, openLine),
    changeLimit: (input) => run('change-limit', changeLimitSchema, input, changeLimit),
    freeze: (input) => run('freeze', freezeSchema, input, freezeLine),
    unfreeze: (input) => run('unfreeze', unfreezeSchema, input, unfreezeLine),
    draw: (input) => run('draw', drawSchema, input, drawOnLine),
    confirmDraw: (input) => run('confirm-draw', confirmDrawSchema, input, confirmDraw),
    cancelDraw: (input) => run('cancel-draw', cancelDrawSchema, input, cancelDraw),
    expireHolds: (input) => run('expire-holds', expireHoldsSchema, input, expireHolds),
    repay: (input) => run('repay', repaySchema, input, repay),
    refundCredit: (input) => run('refund-credit', refundCreditSchema, input, refundCredit),
    closeDay: (input) => run('close-day', closeDaySchema, input, closeDay),
    getLine: async (lineId) => viewOf(id(lineId, 'lineId')),
    listLines: async (filter) => {
      const lines = await storage.credit.listLines(parseInput(lineFilterSchema, filter ?? {}, 'filter'));
      return Promise.all(
        lines.map(async (line) => lineView(line, await storage.credit.listAccounts({ lineId: line.id }))),
      );
    },
    getDrawing: async (drawingId) => {
      const drawing = await storage.credit.getDrawing(id(drawingId, 'drawingId'));
      return drawing ? drawingView(drawing) : null;
    },
    listDrawings: async (filter) =>
      (await storage.credit.listDrawings(parseInput(drawingFilterSchema, filter ?? {}, 'filter'))).map(
        drawingView,
      ),
    listTransfers: async (filter) =>
      storage.credit.listTransfers(parseInput(transferFilterSchema, filter ?? {}, 'filter')),
    statement: async (input) => {
      const { lineId, from, to } = parseInput(statementSchema, input);
      const line = await storage.credit.getLine(lineId);
      if (!line) throw lineNotFoundError(lineId);
      const transfers: LedgerTransfer[] = [];
      for (let after = 0; ; ) {
        const page = await storage.credit.listTransfers({ lineId, afterSequence: after, limit: 10_000 });
        transfers.push(...page);
        if (page.length < 10_000) break;
        after = page.at(-1)!.sequence;
      }
      const drawings: Awaited<ReturnType<typeof storage.credit.listDrawings>> = [];
      for (let after: string | undefined; ; ) {
        const page = await storage.credit.listDrawings({ lineId, after, limit: 10_000 });
        drawings.push(...page);
        if (page.length < 10_000) break;
        after = page.at(-1)!.id;
      }
      return buildStatement({ line, transfers, drawings, from, to });
    },
  };
}

function checkOptions(options: CreditServiceOptions): void {
  if (typeof options !== 'object' || options === null) {
    throw ValidationError.field('options', 'Expected { storage, clock?, onEvent?, ids? }', 'invalid_type');
  }
  const { storage, clock, onEvent, ids } = options;
  if (
    typeof storage?.transaction !== 'function' ||
    typeof storage.credit !== 'object' ||
    storage.credit === null
  ) {
    throw ValidationError.field(
      'storage',
      'Expected a storage with credit (createMemoryStorage(), createPostgresStorage(), or your own)',
      'invalid_type',
    );
  }
  if (clock !== undefined && typeof clock?.now !== 'function') {
    throw ValidationError.field('clock', 'Expected an object with now(): Date', 'invalid_type');
  }
  if (onEvent !== undefined && typeof onEvent !== 'function') {
    throw ValidationError.field('onEvent', 'Expected a function', 'invalid_type');
  }
  if (ids !== undefined && typeof ids !== 'function') {
    throw ValidationError.field('ids', 'Expected a function returning unique ids', 'invalid_type');
  }
}
