export { procurementCodec, reviveProcurementJson } from './codec.js';
export {
  type CancelRequestInput,
  type CancelRoundInput,
  type ChangeRequestInput,
  type CloseRoundInput,
  cancelRequestSchema,
  cancelRoundSchema,
  changeRequestSchema,
  closeRoundSchema,
  type OpenRoundInput,
  openRoundSchema,
  requestItemSchema,
  requestItemsSchema,
  type SaveAgreementInput,
  type SaveSupplierInput,
  type SubmitRequestInput,
  saveAgreementSchema,
  saveSupplierSchema,
  submitRequestSchema,
} from './command-schemas.js';
export type { ProcurementCommandContext } from './commands/context.js';
export type { AgreementOutcome, SupplierOutcome } from './commands/market.js';
export type { RequestOutcome } from './commands/requests.js';
export type { CloseOutcome, RoundOutcome } from './commands/rounds.js';
export {
  allocationExistsError,
  awardExistsError,
  capacityExceededError,
  fitsCapacity,
  PROCUREMENT_ERROR_CODES,
  type ProcurementErrorCode,
  procurementError,
  purchaseOrderExistsError,
  requestExistsError,
  requestNotFoundError,
  requestVersionConflictError,
  roundExistsError,
  roundNotFoundError,
  roundVersionConflictError,
} from './errors.js';
export {
  PROCUREMENT_EVENT_TYPES,
  type ProcurementEvent,
  type ProcurementEventPayloads,
  type ProcurementEventType,
} from './events.js';
export { expandItems } from './expand-items.js';
export {
  agreementFilterSchema,
  allocationFilterSchema,
  checkAgreementFilter,
  checkAllocationFilter,
  checkPurchaseOrderFilter,
  checkRequestFilter,
  checkSupplierFilter,
  DEFAULT_PROCUREMENT_PAGE,
  MAX_PROCUREMENT_PAGE,
  purchaseOrderFilterSchema,
  requestFilterSchema,
  supplierFilterSchema,
} from './filters.js';
export { type RequestTransition, reduceRequest } from './request-reducer.js';
export { checkTakesRequests, type RoundTransition, reduceRound } from './round-reducer.js';
export {
  createProcurementService,
  type ProcurementService,
  type ProcurementServiceOptions,
  type Replayable,
} from './service.js';
