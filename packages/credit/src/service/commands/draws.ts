import type { z } from 'zod';
import { addDays, calendarDate, daysBetween } from '../../interest/calendar-date.js';
import { lineAccountId, platformAccountId } from '../../ledger/accounts.js';
import type { TransferDraft } from '../../ledger/transfers.js';
import type { Drawing } from '../../lines/drawing.js';
import { drawingNotFoundError } from '../../lines/errors.js';
import type { CreditTx } from '../../store.js';
import { startAccrual } from '../accrue-drawing.js';
import {
  type CommandContext,
  creditEvent,
  fromMinor,
  singleTransfer,
  toMinor,
  transferMeta,
} from '../context.js';
import { dateBeforeDrawingError, drawingNotHeldError } from '../errors.js';
import type { CreditEvent } from '../events.js';
import { priceDraw } from '../price-draw.js';
import type { cancelDrawSchema, confirmDrawSchema, drawSchema, expireHoldsSchema } from '../schemas.js';
import { type DrawingView, drawingView } from '../views.js';
import { requireLine } from './lines.js';
import type { CommandOutcome } from './outcome.js';

/**
 * What `draw`, `confirmDraw` and `cancelDraw` return: the drawing after the command.
 *
 * @example
 * const { drawing }: DrawOutcome = await credit.draw(input);
 */
export interface DrawOutcome extends CommandOutcome {
  drawing: DrawingView;
}

/**
 * What `expireHolds` returns: the drawings whose holds expired.
 *
 * @example
 * const { expired }: ExpireOutcome = await credit.expireHolds({ idempotencyKey: 'sweep-1' });
 */
export interface ExpireOutcome extends CommandOutcome {
  expired: DrawingView[];
}

/**
 * `draw`: prices the draw (`priceDraw`), then books it as one linked batch — the principal from
 * the platform's funding (pending when held), and for receivables financing the discount fee and
 * the invoice assigned — and stores the drawing. The line is not locked: its principal account
 * checks the limit and the freeze atomically, so parallel draws never lend past the limit.
 *
 * @example
 * await drawOnLine(tx, input, ctx);
 */
export async function drawOnLine(
  tx: CreditTx,
  input: z.output<typeof drawSchema>,
  ctx: CommandContext,
): Promise<DrawOutcome> {
  const line = await requireLine(tx, input.lineId);
  const { terms, currency } = line;
  const priced = priceDraw(line.id, input, terms, currency);
  const drawingId = input.drawingId ?? ctx.nextId();
  const reference = input.reference ?? null;
  const hold = input.product === 'receivables' ? undefined : input.hold;
  const held = hold !== undefined && hold !== false;
  const today = calendarDate(ctx.now, terms.zone);
  const tenorDays = input.product === 'receivables' ? undefined : input.tenorDays;
  const fixedDue = input.dueDate ?? null;
  if (fixedDue !== null && daysBetween(today, fixedDue) <= 0)
    throw dateBeforeDrawingError(drawingId, fixedDue, today);
  const dueDate = fixedDue ?? addDays(today, tenorDays ?? terms.tenorDays);

  const holdId = ctx.nextId();
  const expiresAt = held
    ? new Date(
        ctx.now.getTime() +
          (typeof hold === 'object' ? hold.timeoutSeconds : terms.holdTimeoutSeconds) * 1000,
      )
    : null;
  const principal = lineAccountId(line.id, 'principal');
  const funding = platformAccountId(currency, 'funding');
  const drafts: TransferDraft[] = [
    held
      ? {
          kind: 'pending',
          id: holdId,
          debitAccountId: principal,
          creditAccountId: funding,
          amount: priced.principal,
          expiresAt,
          ...transferMeta(ctx, 'draw', line.id, drawingId, reference),
        }
      : singleTransfer(ctx, {
          debit: principal,
          credit: funding,
          amount: priced.principal,
          code: 'draw',
          lineId: line.id,
          drawingId,
          reference,
        }),
  ];
  if (priced.fee > 0) {
    drafts.push(
      singleTransfer(ctx, {
        debit: lineAccountId(line.id, 'fees'),
        credit: platformAccountId(currency, 'fee-income'),
        amount: priced.fee,
        code: 'fee',
        lineId: line.id,
        drawingId,
        reference,
      }),
    );
  }
  if (priced.invoice > 0) {
    drafts.push(
      singleTransfer(ctx, {
        debit: lineAccountId(line.id, 'invoices'),
        credit: platformAccountId(currency, 'receivables'),
        amount: priced.invoice,
        code: 'invoice',
        lineId: line.id,
        drawingId,
        reference,
      }),
    );
  }
  // The drawing first: the line's principal row, which every draw on the line waits for, stays
  // locked from the transfers to the commit, so the less that follows them the better.
  const drawing = await tx.credit.insertDrawing({
    id: drawingId,
    lineId: line.id,
    currency,
    product: priced.product,
    status: held ? 'held' : 'active',
    holdId: held ? holdId : null,
    requested: priced.principal,
    drawn: held ? 0 : priced.principal,
    due: { penalty: 0, fees: priced.fee, interest: 0, principal: held ? 0 : priced.principal },
    repaid: { penalty: 0, fees: 0, interest: 0, principal: 0 },
    reference,
    basis: priced.basis,
    annualRate: priced.annualRate,
    penaltyMarkup: terms.penaltyMarkup,
    penaltyBaseRate: terms.annualRate,
    dayCount: terms.dayCount,
    tenorDays: held && fixedDue === null ? (tenorDays ?? terms.tenorDays) : daysBetween(today, dueDate),
    createdAt: ctx.now,
    drawnAt: held ? null : ctx.now,
    dueDate: held ? fixedDue : dueDate,
    accrual: held ? null : startAccrual(priced.principal, today),
    daysPastDue: 0,
    closedAt: null,
    version: 1,
  });
  await tx.credit.createTransfers(drafts, ctx.now);
  const amount = fromMinor(priced.principal, currency);
  const event: CreditEvent = held
    ? creditEvent(ctx, 'credit.draw_held', {
        lineId: line.id,
        drawingId,
        product: priced.product,
        currency,
        amount,
        expiresAt: expiresAt!.toISOString(),
        reference,
      })
    : creditEvent(ctx, 'credit.drawn', {
        lineId: line.id,
        drawingId,
        product: priced.product,
        currency,
        amount,
        fee: fromMinor(priced.fee, currency),
        dueDate,
        reference,
        held: null,
        released: null,
      });
  return { drawing: drawingView(drawing), events: [event] };
}

/**
 * The drawing, or `DRAWING_NOT_FOUND`; `DRAWING_NOT_HELD` unless a hold reserved it.
 *
 * @example
 * const drawing = await requireHeldDrawing(tx, 'D-1');
 */
async function requireHeldDrawing(tx: CreditTx, drawingId: string): Promise<Drawing & { holdId: string }> {
  const drawing = await tx.credit.getDrawing(drawingId);
  if (!drawing) throw drawingNotFoundError(drawingId);
  if (drawing.holdId === null) throw drawingNotHeldError(drawingId, drawing.status);
  return drawing as Drawing & { holdId: string };
}

/**
 * `confirmDraw`: posts the hold — all of it, or `amount` (the rest goes back to the line's
 * available credit) — and starts the loan: interest from today, due after its tenor (or on the
 * due date the draw fixed). The hold row is where parallel confirms, cancels and the expiry sweep
 * meet: exactly one of them resolves it, the others get `HOLD_ALREADY_RESOLVED` (or
 * `HOLD_EXPIRED` past the timeout).
 *
 * @example
 * await confirmDraw(tx, input, ctx);
 */
export async function confirmDraw(
  tx: CreditTx,
  input: z.output<typeof confirmDrawSchema>,
  ctx: CommandContext,
): Promise<DrawOutcome> {
  const drawing = await requireHeldDrawing(tx, input.drawingId);
  const line = await requireLine(tx, drawing.lineId);
  const amount = input.amount === undefined ? null : toMinor(input.amount, drawing.currency);
  const [posted] = await tx.credit.createTransfers(
    [
      {
        kind: 'post',
        id: ctx.nextId(),
        pendingId: drawing.holdId,
        amount,
        ...transferMeta(ctx, 'draw', drawing.lineId, drawing.id, drawing.reference),
      },
    ],
    ctx.now,
  );
  const principal = posted!.amount;
  const today = calendarDate(ctx.now, line.terms.zone);
  const dueDate = drawing.dueDate ?? addDays(today, drawing.tenorDays);
  if (daysBetween(today, dueDate) <= 0) throw dateBeforeDrawingError(drawing.id, dueDate, today);
  const updated = await tx.credit.updateDrawing({
    ...drawing,
    status: 'active',
    drawn: principal,
    due: { ...drawing.due, principal },
    drawnAt: ctx.now,
    dueDate,
    tenorDays: daysBetween(today, dueDate),
    accrual: startAccrual(principal, today),
  });
  return {
    drawing: drawingView(updated),
    events: [
      creditEvent(ctx, 'credit.drawn', {
        lineId: drawing.lineId,
        drawingId: drawing.id,
        product: drawing.product,
        currency: drawing.currency,
        amount: fromMinor(principal, drawing.currency),
        fee: fromMinor(drawing.due.fees, drawing.currency),
        dueDate,
        reference: drawing.reference,
        held: fromMinor(drawing.requested, drawing.currency),
        released: fromMinor(drawing.requested - principal, drawing.currency),
      }),
    ],
  };
}

/**
 * `cancelDraw`: voids the hold; the whole amount goes back to the line's available credit.
 *
 * @example
 * await cancelDraw(tx, input, ctx);
 */
export async function cancelDraw(
  tx: CreditTx,
  input: z.output<typeof cancelDrawSchema>,
  ctx: CommandContext,
): Promise<DrawOutcome> {
  const drawing = await requireHeldDrawing(tx, input.drawingId);
  await tx.credit.createTransfers(
    [
      {
        kind: 'void',
        id: ctx.nextId(),
        pendingId: drawing.holdId,
        ...transferMeta(ctx, 'draw', drawing.lineId, drawing.id, input.reason ?? drawing.reference),
      },
    ],
    ctx.now,
  );
  const updated = await tx.credit.updateDrawing({ ...drawing, status: 'voided', closedAt: ctx.now });
  return {
    drawing: drawingView(updated),
    events: [
      creditEvent(ctx, 'credit.draw_cancelled', {
        lineId: drawing.lineId,
        drawingId: drawing.id,
        currency: drawing.currency,
        amount: fromMinor(drawing.requested, drawing.currency),
        reason: input.reason ?? null,
      }),
    ],
  };
}

/**
 * `expireHolds`: the store expires the holds due at `now` (`expireHolds`), and their drawings
 * are closed as `expired`.
 *
 * @example
 * await expireHolds(tx, input, ctx);
 */
export async function expireHolds(
  tx: CreditTx,
  input: z.output<typeof expireHoldsSchema>,
  ctx: CommandContext,
): Promise<ExpireOutcome> {
  const { holds } = await tx.credit.expireHolds({
    now: ctx.now,
    limit: input.limit,
    lineId: input.lineId ?? null,
    commandScope: ctx.scope,
    commandKey: ctx.key,
  });
  const expired: DrawingView[] = [];
  const events: CreditEvent[] = [];
  for (const hold of holds) {
    if (hold.drawingId === null) continue;
    const drawing = await tx.credit.getDrawing(hold.drawingId);
    if (drawing?.status !== 'held') continue;
    const updated = await tx.credit.updateDrawing({ ...drawing, status: 'expired', closedAt: ctx.now });
    expired.push(drawingView(updated));
    events.push(
      creditEvent(ctx, 'credit.hold_expired', {
        lineId: drawing.lineId,
        drawingId: drawing.id,
        currency: drawing.currency,
        amount: fromMinor(hold.amount, drawing.currency),
        expiresAt: hold.expiresAt?.toISOString() ?? ctx.now.toISOString(),
      }),
    );
  }
  return { expired, events };
}
