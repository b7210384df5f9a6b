export { stockOutcomeCodec } from './codec.js';
export {
  type AdjustInput,
  adjustSchema,
  type ClosePurchaseOrderInput,
  closePurchaseOrderSchema,
  type FulfilInput,
  fulfilSchema,
  type PlacePurchaseOrderInput,
  placePurchaseOrderSchema,
  type ReceiveInput,
  type ReleaseInput,
  type ReserveInput,
  receiveSchema,
  releaseSchema,
  reserveSchema,
  type SaveWarehouseInput,
  saveWarehouseSchema,
  settleLinesSchema,
  type TransferInInput,
  type TransferOutInput,
  transferInSchema,
  transferOutSchema,
} from './command-schemas.js';
export type { CommandContext, StockOutcome } from './commands/context.js';
export type { WarehouseOutcome } from './commands/warehouses.js';
export {
  documentClosedError,
  documentExistsError,
  documentNotFoundError,
  exceedsOpenError,
  insufficientStockError,
  lineNotFoundError,
  type Shortage,
  STOCK_ERROR_CODES,
  type StockErrorCode,
  unknownWarehouseError,
  violationError,
} from './errors.js';
export {
  STOCK_EVENT_TYPES,
  type StockEvent,
  type StockEventPayloads,
  type StockEventType,
} from './events.js';
export {
  checkMovementFilter,
  checkPositionFilter,
  DEFAULT_STOCK_PAGE,
  MAX_STOCK_PAGE,
  movementFilterSchema,
  positionFilterSchema,
} from './filters.js';
export {
  applyDeltas,
  checkMovement,
  compareCodePoints,
  comparePositionKeys,
  emptyPosition,
  MAX_STOCK_QUANTITY,
  positionId,
  type StockViolation,
  toStockPosition,
  uniquePositionKeys,
} from './positions.js';
export { rebuildPositions } from './rebuild-positions.js';
export {
  adjustmentQuantitySchema,
  costSchema,
  idempotencyKeySchema,
  lineQuantitySchema,
  MAX_COMMAND_LINES,
  MAX_LINE_QUANTITY,
  type Sourcing,
  type SourcingCandidate,
  type SourcingRequest,
  type SourcingRule,
  type StockLine,
  skuSchema,
  sourcingCandidateSchema,
  sourcingRequestSchema,
  sourcingRuleSchema,
  sourcingSchema,
  stockIdSchema,
  stockLineSchema,
  stockLinesSchema,
  textSchema,
} from './schemas.js';
export {
  createInventoryService,
  type InventoryService,
  type InventoryServiceOptions,
  type StockCommandResult,
  type WarehouseResult,
} from './service.js';
export { resolveSettlements, type SettleLine } from './settlements.js';
export {
  EXACT_SOURCING_BUDGET,
  planSourcing,
  type SourcingAllocation,
  type SourcingPlan,
  type UnmetLine,
} from './sourcing.js';
