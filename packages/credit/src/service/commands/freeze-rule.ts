import { Money } from '@s2b2b/core';
import { daysPastDue } from '../../delinquency/days-past-due.js';
import { type OverdueFreezeDecision, overdueFreezeDecision } from '../../delinquency/overdue-freeze.js';
import type { IsoDate } from '../../interest/calendar-date.js';
import type { Drawing } from '../../lines/drawing.js';
import type { CreditLine } from '../../lines/line.js';
import type { CreditTx } from '../../store.js';
import { type CommandContext, creditEvent } from '../context.js';
import type { CreditEvent } from '../events.js';

/**
 * Everything a drawing still owes.
 *
 * @example
 * owedBy(drawing) // penalty + fees + interest + principal, in minor units
 */
export function owedBy(drawing: Pick<Drawing, 'due'>): number {
  const { penalty, fees, interest, principal } = drawing.due;
  return penalty + fees + interest + principal;
}

/**
 * Days past due of one drawing on `asOf` (`daysPastDue`): 0 unless it still owes something after
 * its due date.
 *
 * @example
 * drawingDaysPastDue(drawing, '2026-04-05') // 5 for a drawing due 2026-03-31 and unpaid
 */
export function drawingDaysPastDue(drawing: Drawing, asOf: IsoDate): number {
  if (drawing.status !== 'active' || drawing.dueDate === null) return 0;
  return daysPastDue({
    asOf,
    dues: [{ dueDate: drawing.dueDate, outstanding: Money.fromMinor(owedBy(drawing), drawing.currency) }],
  }).daysPastDue;
}

/**
 * Applies the automatic freeze rule (`overdueFreezeDecision`) to a locked line whose worst
 * drawing is `worst` days past due: freezes it past the line's threshold, lifts a freeze the rule
 * made once nothing is overdue, never lifts a person's.
 *
 * @example
 * const { line, events, decision } = await applyFreezeRule(tx, line, 31, ctx);
 */
export async function applyFreezeRule(
  tx: CreditTx,
  line: CreditLine,
  worst: number,
  ctx: CommandContext,
): Promise<{ line: CreditLine; events: CreditEvent[]; decision: OverdueFreezeDecision }> {
  const decision = overdueFreezeDecision({
    daysPastDue: worst,
    freezeAfterDays: line.terms.freezeAfterDaysPastDue,
    freeze: line.freeze ? { automatic: line.freeze.automatic } : null,
  });
  if (decision.action === 'none') return { line, events: [], decision };
  if (decision.action === 'freeze') {
    const updated = await tx.credit.updateLine({
      ...line,
      status: 'frozen',
      freeze: { reason: decision.reason, automatic: true, at: ctx.now },
      updatedAt: ctx.now,
    });
    return {
      line: updated,
      decision,
      events: [
        creditEvent(ctx, 'credit.frozen', {
          lineId: line.id,
          reason: decision.reason,
          automatic: true,
          daysPastDue: worst,
        }),
      ],
    };
  }
  const updated = await tx.credit.updateLine({ ...line, status: 'active', freeze: null, updatedAt: ctx.now });
  return {
    line: updated,
    decision,
    events: [
      creditEvent(ctx, 'credit.unfrozen', { lineId: line.id, reason: decision.reason, automatic: true }),
    ],
  };
}
