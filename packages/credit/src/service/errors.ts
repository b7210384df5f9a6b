import { DomainError } from '@s2b2b/core';
import { LEDGER_ERROR_CODES } from '../ledger/errors.js';

/**
 * Every `DomainError` code the credit service and the credit stores throw, with what it means.
 * The codes are stable; hosts can switch on them. A business failure is stored with the
 * command's idempotency key: replaying the key throws the same error again
 * (`details.replayed: true`) — a draw refused for the limit stays refused, whatever was repaid
 * since; retry with a new key.
 *
 * @example
 * if (error.code === 'CREDIT_LIMIT_EXCEEDED') offer(error.details.available);
 */
export const CREDIT_ERROR_CODES = Object.freeze({
  ...LEDGER_ERROR_CODES,
  LINE_EXISTS: 'A line with that id already exists.',
  LINE_NOT_FOUND: 'No line has that id.',
  LINE_NOT_FROZEN: 'An unfreeze of a line that is not frozen.',
  DRAWING_EXISTS: 'A drawing with that id already exists.',
  DRAWING_NOT_FOUND: 'No drawing has that id.',
  DRAWING_NOT_HELD: 'A confirm or cancel of a drawing that was not reserved by a hold.',
  DRAWING_NOT_ACTIVE: 'A repayment named a drawing that owes nothing (held, repaid, voided or expired).',
  ADVANCE_EXCEEDED: 'An order loan asked for more than the order value times the advance rate.',
  NOTHING_TO_DRAW: 'The advance rounds to less than one minor unit.',
  NOTHING_DUE: 'A repayment from the credit balance on a line that owes nothing.',
  DATE_BEFORE_DRAWING: "A due date on or before the drawing's first day.",
  CLOSE_DAY_OUT_OF_ORDER: 'A close of day for a date before one already closed, or after today.',
} as const);

/**
 * One of {@link CREDIT_ERROR_CODES}.
 *
 * @example
 * const code: CreditErrorCode = 'LINE_FROZEN';
 */
export type CreditErrorCode = keyof typeof CREDIT_ERROR_CODES;

/**
 * `LINE_NOT_FROZEN`.
 *
 * @example
 * throw lineNotFrozenError('L-1');
 */
export function lineNotFrozenError(lineId: string): DomainError {
  return new DomainError('LINE_NOT_FROZEN', `Credit line ${JSON.stringify(lineId)} is not frozen`, {
    lineId,
  });
}

/**
 * `DRAWING_NOT_HELD`.
 *
 * @example
 * throw drawingNotHeldError('D-1', 'active');
 */
export function drawingNotHeldError(drawingId: string, status: string): DomainError {
  return new DomainError(
    'DRAWING_NOT_HELD',
    `Drawing ${JSON.stringify(drawingId)} was drawn without a hold (status ${status}); nothing to confirm or cancel`,
    { drawingId, status },
  );
}

/**
 * `DRAWING_NOT_ACTIVE`.
 *
 * @example
 * throw drawingNotActiveError('D-1', 'repaid');
 */
export function drawingNotActiveError(drawingId: string, status: string): DomainError {
  return new DomainError(
    'DRAWING_NOT_ACTIVE',
    `Drawing ${JSON.stringify(drawingId)} owes nothing (${status})`,
    {
      drawingId,
      status,
    },
  );
}

/**
 * `ADVANCE_EXCEEDED`.
 *
 * @example
 * throw advanceExceededError('L-1', '7500.00', '7000.00');
 */
export function advanceExceededError(lineId: string, requested: string, advance: string): DomainError {
  return new DomainError(
    'ADVANCE_EXCEEDED',
    `Credit line ${JSON.stringify(lineId)}: ${requested} asked for, at most ${advance} can be advanced`,
    { lineId, requested, advance },
  );
}

/**
 * `NOTHING_TO_DRAW`.
 *
 * @example
 * throw nothingToDrawError('L-1');
 */
export function nothingToDrawError(lineId: string): DomainError {
  return new DomainError('NOTHING_TO_DRAW', `Credit line ${JSON.stringify(lineId)}: the advance is zero`, {
    lineId,
  });
}

/**
 * `NOTHING_DUE`.
 *
 * @example
 * throw nothingDueError('L-1');
 */
export function nothingDueError(lineId: string): DomainError {
  return new DomainError('NOTHING_DUE', `Credit line ${JSON.stringify(lineId)} owes nothing`, { lineId });
}

/**
 * `DATE_BEFORE_DRAWING`.
 *
 * @example
 * throw dateBeforeDrawingError('D-1', '2026-02-28', '2026-03-01');
 */
export function dateBeforeDrawingError(drawingId: string, date: string, start: string): DomainError {
  return new DomainError(
    'DATE_BEFORE_DRAWING',
    `Drawing ${JSON.stringify(drawingId)} starts on ${start}; ${date} is before it`,
    { drawingId, date, start },
  );
}

/**
 * `CLOSE_DAY_OUT_OF_ORDER`.
 *
 * @example
 * throw closeDayOutOfOrderError('L-1', '2026-03-01', '2026-03-05', 'closed through');
 */
export function closeDayOutOfOrderError(
  lineId: string,
  asOf: string,
  bound: string,
  what: string,
): DomainError {
  return new DomainError(
    'CLOSE_DAY_OUT_OF_ORDER',
    `Credit line ${JSON.stringify(lineId)}: cannot close ${asOf}, ${what} ${bound}`,
    { lineId, asOf, bound },
  );
}
