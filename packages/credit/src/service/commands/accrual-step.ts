import type { IsoDate } from '../../interest/calendar-date.js';
import { lineAccountId, platformAccountId } from '../../ledger/accounts.js';
import type { TransferDraft } from '../../ledger/transfers.js';
import type { Drawing } from '../../lines/drawing.js';
import type { CreditLine } from '../../lines/line.js';
import { accrueDrawing } from '../accrue-drawing.js';
import { type CommandContext, singleTransfer } from '../context.js';

/**
 * What bringing a line's drawings up to a date posts.
 *
 * @example
 * const step: AccrualStep = { drawings, changed: new Set(['D-1']), drafts, interest: 1_800, penalty: 0 };
 */
export interface AccrualStep {
  /** The drawings with the accrued amounts added to what is due. */
  drawings: Drawing[];
  /** Ids of the drawings that changed. */
  changed: Set<string>;
  /** One interest and one penalty transfer per drawing that accrued any. */
  drafts: TransferDraft[];
  interest: number;
  penalty: number;
}

/**
 * Accrues every drawing to `asOf` (`accrueDrawing`) and the transfers that book it: interest
 * from the platform's interest income to the line's interest account, penalty interest likewise.
 *
 * @example
 * const step = accrueLine(line, drawings, '2026-03-11', ctx);
 */
export function accrueLine(
  line: CreditLine,
  drawings: readonly Drawing[],
  asOf: IsoDate,
  ctx: CommandContext,
): AccrualStep {
  const drafts: TransferDraft[] = [];
  const changed = new Set<string>();
  let interest = 0;
  let penalty = 0;
  const next = drawings.map((drawing) => {
    const step = accrueDrawing(drawing, asOf);
    if (step.accrual === drawing.accrual) return drawing;
    const sameAccrual = JSON.stringify(step.accrual) === JSON.stringify(drawing.accrual);
    if (sameAccrual && step.interest === 0 && step.penalty === 0) return drawing;
    changed.add(drawing.id);
    for (const [part, amount] of [
      ['interest', step.interest],
      ['penalty', step.penalty],
    ] as const) {
      if (amount <= 0) continue;
      drafts.push(
        singleTransfer(ctx, {
          debit: lineAccountId(line.id, part),
          credit: platformAccountId(
            line.currency,
            part === 'interest' ? 'interest-income' : 'penalty-income',
          ),
          amount,
          code: part,
          lineId: line.id,
          drawingId: drawing.id,
          reference: asOf,
        }),
      );
    }
    interest += step.interest;
    penalty += step.penalty;
    return {
      ...drawing,
      due: {
        ...drawing.due,
        interest: drawing.due.interest + step.interest,
        penalty: drawing.due.penalty + step.penalty,
      },
      accrual: step.accrual,
    };
  });
  return { drawings: next, changed, drafts, interest, penalty };
}
