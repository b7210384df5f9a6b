export {
  type AccrualState,
  DRAW_PRODUCTS,
  DRAWING_STATUSES,
  type DrawBasis,
  type Drawing,
  type DrawingStatus,
  type DrawProduct,
  type DueAmounts,
} from './drawing.js';
export {
  drawingExistsError,
  drawingNotFoundError,
  lineExistsError,
  lineNotFoundError,
  staleDrawingError,
  staleLineError,
} from './errors.js';
export {
  type CreditLine,
  LINE_STATUSES,
  type LineFreeze,
  type LineStatus,
  type LineTerms,
} from './line.js';
