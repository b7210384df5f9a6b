import { Money } from '@s2b2b/core';
import type { z } from 'zod';
import { calendarDate } from '../../interest/calendar-date.js';
import { lineAccountId, platformAccountId } from '../../ledger/accounts.js';
import type { TransferDraft } from '../../ledger/transfers.js';
import type { Drawing } from '../../lines/drawing.js';
import { drawingNotFoundError } from '../../lines/errors.js';
import { allocateRepayment } from '../../schedules/allocate-repayment.js';
import { DUE_COMPONENTS } from '../../schedules/schemas.js';
import type { CreditTx } from '../../store.js';
import { restartAccrual } from '../accrue-drawing.js';
import { type CommandContext, creditEvent, fromMinor, singleTransfer, toMinor } from '../context.js';
import { drawingNotActiveError, nothingDueError } from '../errors.js';
import type { CreditEvent } from '../events.js';
import type { refundCreditSchema, repaySchema } from '../schemas.js';
import { type DrawingView, drawingView, type LineView } from '../views.js';
import { accrueLine } from './accrual-step.js';
import { applyFreezeRule, drawingDaysPastDue, owedBy } from './freeze-rule.js';
import { requireLine, requireLockedLine } from './lines.js';
import { type CommandOutcome, currentView } from './outcome.js';

/**
 * What `repay` returns: the line and the drawings it paid, after, and how the money was split.
 *
 * @example
 * const { allocation, drawings }: RepayOutcome = await credit.repay(input);
 */
export interface RepayOutcome extends CommandOutcome {
  line: LineView;
  drawings: DrawingView[];
  allocation: {
    amount: string;
    applied: Record<(typeof DUE_COMPONENTS)[number], string>;
    /** What was left over and is now the merchant's credit (always `'0.00'` from the credit itself). */
    credit: string;
  };
}

/**
 * What `refundCredit` returns: the line after.
 *
 * @example
 * const { line }: RefundOutcome = await credit.refundCredit(input);
 */
export interface RefundOutcome extends CommandOutcome {
  line: LineView;
}

const ROLE = { penalty: 'penalty', fees: 'fees', interest: 'interest', principal: 'principal' } as const;

/**
 * `repay`: under the line's lock, brings every drawing's interest up to today, splits the money
 * over the drawings — oldest due date first, or only the one named — in the line's order
 * (penalty → fees → interest → principal by default) with `allocateRepayment`, and books it: one
 * transfer per drawing and part from the platform's funding (or the line's credit), and what is
 * left over to the line's credit account, never lost. Repaid drawings close (an assigned
 * invoice's memo is settled with them), the others start new accrual segments on what they still
 * owe, and a freeze the overdue rule made is lifted once nothing is past due.
 *
 * @example
 * await repay(tx, input, ctx);
 */
export async function repay(
  tx: CreditTx,
  input: z.output<typeof repaySchema>,
  ctx: CommandContext,
): Promise<RepayOutcome> {
  const line = await requireLockedLine(tx, input.lineId);
  const { currency, terms } = line;
  const amount = toMinor(input.amount, currency);
  const today = calendarDate(ctx.now, terms.zone);
  const locked = await tx.credit.lockDrawings(line.id, ['active']);
  if (input.drawingId !== undefined && !locked.some((drawing) => drawing.id === input.drawingId)) {
    const drawing = await tx.credit.getDrawing(input.drawingId);
    if (!drawing || drawing.lineId !== line.id) throw drawingNotFoundError(input.drawingId);
    throw drawingNotActiveError(drawing.id, drawing.status);
  }
  const accrued = accrueLine(line, locked, today, ctx);
  const targets = accrued.drawings
    .filter((drawing) => input.drawingId === undefined || drawing.id === input.drawingId)
    .sort(oldestFirst);
  const money = (minor: number) => Money.fromMinor(minor, currency);
  const allocation = allocateRepayment({
    amount: money(amount),
    dues: targets.map((drawing) => ({
      id: drawing.id,
      penalty: money(drawing.due.penalty),
      fees: money(drawing.due.fees),
      interest: money(drawing.due.interest),
      principal: money(drawing.due.principal),
    })),
    order: input.order ?? terms.allocationOrder,
    strategy: input.strategy,
  });
  const fromCredit = input.source === 'credit';
  if (fromCredit && allocation.applied.isZero()) throw nothingDueError(line.id);
  const source = fromCredit ? lineAccountId(line.id, 'credit') : platformAccountId(currency, 'funding');
  const drafts: TransferDraft[] = [...accrued.drafts];
  const reference = input.reference ?? null;
  const byId = new Map(accrued.drawings.map((drawing) => [drawing.id, drawing]));
  const paid: { drawing: Drawing; applied: Record<string, number>; settled: boolean }[] = [];
  for (const due of allocation.dues) {
    const drawing = byId.get(due.id!)!;
    const applied = Object.fromEntries(
      DUE_COMPONENTS.map((part) => [part, Number(due.applied[part].toMinorUnits())]),
    ) as Record<(typeof DUE_COMPONENTS)[number], number>;
    for (const part of terms.allocationOrder) {
      if (applied[part] === 0) continue;
      drafts.push(
        singleTransfer(ctx, {
          debit: source,
          credit: lineAccountId(line.id, ROLE[part]),
          amount: applied[part],
          code: fromCredit ? 'credit-applied' : 'repayment',
          lineId: line.id,
          drawingId: drawing.id,
          reference,
        }),
      );
    }
    if (DUE_COMPONENTS.every((part) => applied[part] === 0)) continue;
    const next: Drawing = {
      ...drawing,
      due: {
        penalty: drawing.due.penalty - applied.penalty,
        fees: drawing.due.fees - applied.fees,
        interest: drawing.due.interest - applied.interest,
        principal: drawing.due.principal - applied.principal,
      },
      repaid: {
        penalty: drawing.repaid.penalty + applied.penalty,
        fees: drawing.repaid.fees + applied.fees,
        interest: drawing.repaid.interest + applied.interest,
        principal: drawing.repaid.principal + applied.principal,
      },
    };
    const settled = owedBy(next) === 0;
    if (settled) {
      next.status = 'repaid';
      next.closedAt = ctx.now;
      next.daysPastDue = 0;
      if (drawing.basis.invoiceAmount) {
        drafts.push(
          singleTransfer(ctx, {
            debit: platformAccountId(currency, 'receivables'),
            credit: lineAccountId(line.id, 'invoices'),
            amount: drawing.basis.invoiceAmount,
            code: 'invoice-settled',
            lineId: line.id,
            drawingId: drawing.id,
            reference,
          }),
        );
      }
    } else {
      next.accrual = restartAccrual(next, today);
    }
    byId.set(drawing.id, next);
    accrued.changed.add(drawing.id);
    paid.push({ drawing: next, applied, settled });
  }
  const leftover = fromCredit ? 0 : Number(allocation.credit.toMinorUnits());
  if (leftover > 0) {
    drafts.push(
      singleTransfer(ctx, {
        debit: platformAccountId(currency, 'funding'),
        credit: lineAccountId(line.id, 'credit'),
        amount: leftover,
        code: 'overpayment',
        lineId: line.id,
        reference,
      }),
    );
  }
  if (drafts.length > 0) await tx.credit.createTransfers(drafts, ctx.now);
  const saved = new Map<string, Drawing>();
  for (const id of accrued.changed) saved.set(id, await tx.credit.updateDrawing(byId.get(id)!));
  const stillActive = [...byId.values()].filter((drawing) => drawing.status === 'active');
  const worst = Math.max(0, ...stillActive.map((drawing) => drawingDaysPastDue(drawing, today)));
  const frozen = await applyFreezeRule(tx, line, worst, ctx);

  const events: CreditEvent[] = [];
  if (accrued.interest + accrued.penalty > 0) {
    events.push(
      creditEvent(ctx, 'credit.interest_accrued', {
        lineId: line.id,
        currency,
        asOf: today,
        interest: fromMinor(accrued.interest, currency),
        penalty: fromMinor(accrued.penalty, currency),
      }),
    );
  }
  const parts = (values: Record<string, number>) =>
    Object.fromEntries(
      DUE_COMPONENTS.map((part) => [part, fromMinor(values[part] ?? 0, currency)]),
    ) as Record<(typeof DUE_COMPONENTS)[number], string>;
  const applied = parts(
    Object.fromEntries(
      DUE_COMPONENTS.map((part) => [part, Number(allocation.byComponent[part].toMinorUnits())]),
    ),
  );
  const used = fromCredit ? Number(allocation.applied.toMinorUnits()) : amount;
  events.push(
    creditEvent(ctx, 'credit.repaid', {
      lineId: line.id,
      currency,
      source: input.source,
      amount: fromMinor(used, currency),
      applied,
      credit: fromMinor(leftover, currency),
      drawings: paid.map(({ drawing, applied: split, settled }) => ({
        drawingId: drawing.id,
        applied: parts(split),
        settled,
      })),
      reference,
    }),
    ...frozen.events,
  );
  return {
    line: await currentView(tx, frozen.line),
    drawings: paid.map(({ drawing }) => drawingView(saved.get(drawing.id)!)),
    allocation: { amount: fromMinor(used, currency), applied, credit: fromMinor(leftover, currency) },
    events,
  };
}

/**
 * `refundCredit`: pays out part or all of the merchant's credit. The credit account refuses to
 * go below zero (`CREDIT_BALANCE_INSUFFICIENT`), atomically — no lock, no read first.
 *
 * @example
 * await refundCredit(tx, input, ctx);
 */
export async function refundCredit(
  tx: CreditTx,
  input: z.output<typeof refundCreditSchema>,
  ctx: CommandContext,
): Promise<RefundOutcome> {
  const line = await requireLine(tx, input.lineId);
  const amount = toMinor(input.amount, line.currency);
  await tx.credit.createTransfers(
    [
      singleTransfer(ctx, {
        debit: lineAccountId(line.id, 'credit'),
        credit: platformAccountId(line.currency, 'funding'),
        amount,
        code: 'refund',
        lineId: line.id,
        reference: input.reference ?? null,
      }),
    ],
    ctx.now,
  );
  return {
    line: await currentView(tx, line),
    events: [
      creditEvent(ctx, 'credit.refunded', {
        lineId: line.id,
        currency: line.currency,
        amount: fromMinor(amount, line.currency),
        reference: input.reference ?? null,
      }),
    ],
  };
}

/** Oldest due date first, then the earlier drawing, then by id. */
function oldestFirst(a: Drawing, b: Drawing): number {
  const due = (a.dueDate ?? '').localeCompare(b.dueDate ?? '');
  if (due !== 0) return due;
  const drawn = (a.drawnAt?.getTime() ?? 0) - (b.drawnAt?.getTime() ?? 0);
  if (drawn !== 0) return drawn;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
