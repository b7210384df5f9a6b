export {
  type ConsolidatedLoad,
  type ConsolidationGroup,
  type ConsolidationResult,
  consolidate,
  type MerchantSaving,
  type OrderShare,
} from './consolidate.js';
export {
  type ConsolidationOrder,
  type ConsolidationProblem,
  type ConsolidationVehicle,
  consolidationOrderSchema,
  consolidationProblemSchema,
  consolidationVehicleSchema,
  MAX_CONSOLIDATION_ORDERS,
  MAX_EXACT_GROUP,
  type ParsedConsolidationProblem,
} from './schemas.js';
