export { type CaseAction, reduceCase } from './case-reducer.js';
export { caseFromJson, caseOutcomeCodec, caseToJson, reviveDates } from './codec.js';
export * from './command-schemas.js';
export { type CaseCommandContext, type CaseOutcome, changeCase } from './commands.js';
export { CASE_ERROR_CODES, type CaseErrorCode, caseError } from './errors.js';
export {
  CASE_EVENT_TYPES,
  type CaseEvent,
  type CaseEventPayloads,
  type CaseEventType,
  caseEvent,
} from './events.js';
export {
  caseFilterSchema,
  checkCaseFilter,
  checkDueCaseQuery,
  checkTransitionFilter,
  compareCodePoints,
  dueCaseQuerySchema,
  transitionFilterSchema,
} from './filters.js';
export {
  type CaseResult,
  type CaseService,
  type CaseServiceOptions,
  createCaseService,
  type DueCasesInput,
} from './service.js';
export { syncCaseClocks } from './sync-clocks.js';
