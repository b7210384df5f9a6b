export { accrueDrawing, type DrawingAccrual, restartAccrual, startAccrual } from './accrue-drawing.js';
export { creditOutcomeCodec } from './codec.js';
export type { CloseDayOutcome } from './commands/close-day.js';
export type { DrawOutcome, ExpireOutcome } from './commands/draws.js';
export type { LineOutcome } from './commands/lines.js';
export type { CommandOutcome } from './commands/outcome.js';
export type { RefundOutcome, RepayOutcome } from './commands/repayments.js';
export { type CommandContext, fromMinor, moneyOf, toMinor } from './context.js';
export {
  advanceExceededError,
  CREDIT_ERROR_CODES,
  type CreditErrorCode,
  closeDayOutOfOrderError,
  dateBeforeDrawingError,
  drawingNotActiveError,
  drawingNotHeldError,
  lineNotFrozenError,
  nothingDueError,
  nothingToDrawError,
} from './errors.js';
export {
  CREDIT_EVENT_TYPES,
  type CreditEvent,
  type CreditEventPayloads,
  type CreditEventType,
} from './events.js';
export { lineAccountDrafts, platformAccountDrafts } from './line-accounts.js';
export { type DrawRequest, type PricedDraw, priceDraw } from './price-draw.js';
export {
  allocationOrderSchema,
  amountSchema,
  type CancelDrawInput,
  type ChangeLimitInput,
  type CloseDayInput,
  type ConfirmDrawInput,
  cancelDrawSchema,
  changeLimitSchema,
  closeDaySchema,
  confirmDrawSchema,
  creditTextSchema,
  DEFAULT_LINE_TERMS,
  type DrawInput,
  drawSchema,
  type ExpireHoldsInput,
  expireHoldsSchema,
  type FreezeInput,
  freezeSchema,
  idempotencyKeySchema,
  type LineTermsInput,
  limitSchema,
  lineCurrencySchema,
  lineTermsSchema,
  type OpenLineInput,
  openLineSchema,
  type RefundCreditInput,
  type RepayInput,
  rateSchema,
  refundCreditSchema,
  repaySchema,
  type StatementInput,
  statementSchema,
  type UnfreezeInput,
  unfreezeSchema,
} from './schemas.js';
export {
  type CreditCommandResult,
  type CreditService,
  type CreditServiceOptions,
  createCreditService,
} from './service.js';
export {
  buildStatement,
  type Statement,
  type StatementBalance,
  type StatementBalances,
  type StatementEntry,
} from './statement.js';
export { type DrawingView, drawingView, type LineView, lineView } from './views.js';
