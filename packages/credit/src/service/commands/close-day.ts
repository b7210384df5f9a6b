import type { z } from 'zod';
import { dpdBucket } from '../../delinquency/dpd-buckets.js';
import type { OverdueFreezeDecision } from '../../delinquency/overdue-freeze.js';
import { calendarDate, daysBetween, type IsoDate } from '../../interest/calendar-date.js';
import type { Drawing } from '../../lines/drawing.js';
import type { CreditTx } from '../../store.js';
import { type CommandContext, creditEvent, fromMinor } from '../context.js';
import { closeDayOutOfOrderError } from '../errors.js';
import type { CreditEvent } from '../events.js';
import type { closeDaySchema } from '../schemas.js';
import { type DrawingView, drawingView, type LineView } from '../views.js';
import { accrueLine } from './accrual-step.js';
import { applyFreezeRule, drawingDaysPastDue, owedBy } from './freeze-rule.js';
import { requireLockedLine } from './lines.js';
import { type CommandOutcome, currentView } from './outcome.js';

/**
 * What `closeDay` returns: the line after, its open drawings, and the delinquency of the line on
 * `asOf` with the freeze rule's decision.
 *
 * @example
 * const { daysPastDue, bucket, freeze }: CloseDayOutcome = await credit.closeDay({ idempotencyKey: 'eod-1', lineId: 'L-1' });
 */
export interface CloseDayOutcome extends CommandOutcome {
  line: LineView;
  asOf: IsoDate;
  drawings: DrawingView[];
  /** The worst drawing's days past due on `asOf`. */
  daysPastDue: number;
  bucket: string;
  interest: string;
  penalty: string;
  freeze: OverdueFreezeDecision;
}

/**
 * `closeDay`: under the line's lock, posts the interest and penalty interest of every day before
 * `asOf` (`accrueDrawing` per drawing), records each drawing's days past due on `asOf`, reports
 * `credit.overdue` when a drawing turns overdue or moves to a worse bucket, and applies the
 * automatic freeze. Running it again for the same day posts nothing more; a day before one
 * already closed, or after today, is refused.
 *
 * @example
 * await closeDay(tx, input, ctx);
 */
export async function closeDay(
  tx: CreditTx,
  input: z.output<typeof closeDaySchema>,
  ctx: CommandContext,
): Promise<CloseDayOutcome> {
  const line = await requireLockedLine(tx, input.lineId);
  const { currency, terms } = line;
  const today = calendarDate(ctx.now, terms.zone);
  const asOf = input.asOf ?? today;
  if (daysBetween(today, asOf) > 0) throw closeDayOutOfOrderError(line.id, asOf, today, 'today is');
  const locked = await tx.credit.lockDrawings(line.id, ['active']);
  for (const drawing of locked) {
    const through = latestAccrued(drawing);
    if (through !== null && daysBetween(asOf, through) > 0) {
      throw closeDayOutOfOrderError(line.id, asOf, through, `drawing ${drawing.id} is accrued to`);
    }
  }
  const accrued = accrueLine(line, locked, asOf, ctx);
  if (accrued.drafts.length > 0) await tx.credit.createTransfers(accrued.drafts, ctx.now);
  const events: CreditEvent[] = [];
  const drawings: Drawing[] = [];
  let worst = 0;
  for (const drawing of accrued.drawings) {
    const days = drawingDaysPastDue(drawing, asOf);
    worst = Math.max(worst, days);
    let next = drawing;
    if (days !== drawing.daysPastDue) {
      next = { ...drawing, daysPastDue: days };
      accrued.changed.add(drawing.id);
      const before = dpdBucket(drawing.daysPastDue, terms.dpdBuckets);
      const after = dpdBucket(days, terms.dpdBuckets);
      if (days > 0 && (drawing.daysPastDue === 0 || after.minDays > before.minDays)) {
        events.push(
          creditEvent(ctx, 'credit.overdue', {
            lineId: line.id,
            drawingId: drawing.id,
            currency,
            dueDate: drawing.dueDate!,
            daysPastDue: days,
            bucket: after.label,
            outstanding: fromMinor(owedBy(drawing), currency),
          }),
        );
      }
    }
    drawings.push(accrued.changed.has(drawing.id) ? await tx.credit.updateDrawing(next) : next);
  }
  if (accrued.interest + accrued.penalty > 0) {
    events.unshift(
      creditEvent(ctx, 'credit.interest_accrued', {
        lineId: line.id,
        currency,
        asOf,
        interest: fromMinor(accrued.interest, currency),
        penalty: fromMinor(accrued.penalty, currency),
      }),
    );
  }
  const frozen = await applyFreezeRule(tx, line, worst, ctx);
  events.push(...frozen.events);
  return {
    line: await currentView(tx, frozen.line),
    asOf,
    drawings: drawings.map(drawingView),
    daysPastDue: worst,
    bucket: dpdBucket(worst, terms.dpdBuckets).label,
    interest: fromMinor(accrued.interest, currency),
    penalty: fromMinor(accrued.penalty, currency),
    freeze: frozen.decision,
    events,
  };
}

/** The last day a drawing's interest or penalty interest has been posted up to. */
function latestAccrued(drawing: Drawing): IsoDate | null {
  const { accrual } = drawing;
  if (accrual === null) return null;
  const { interestThrough, penaltyThrough } = accrual;
  if (penaltyThrough === null) return interestThrough;
  return daysBetween(interestThrough, penaltyThrough) > 0 ? penaltyThrough : interestThrough;
}
