export { awardParsedRound, awardRound } from './award-round.js';
export { type AwardedQuantity, awardSkuDemand, MAX_AWARD_CELLS } from './award-sku.js';
export { type EligibilityContext, type EligibleOffer, selectOffers } from './eligibility.js';
export { parseAwardRound, requestsAreValid } from './parse-round.js';
export {
  type AwardRoundInput,
  type AwardRoundParsed,
  awardRoundHeadSchema,
  awardRoundSchema,
  capacityUsedSchema,
  type DemandLine,
  demandLineSchema,
  demandLinesSchema,
  MAX_REQUEST_LINES,
  MAX_ROUND_REQUESTS,
  MAX_ROUND_SKUS,
  type RoundRequest,
  type RoundSku,
  roundRequestSchema,
  roundSkuSchema,
} from './schemas.js';
export {
  createSupplyWorkspace,
  planSupply,
  type SupplyOffer,
  type SupplyPlan,
  type SupplyWorkspace,
  supplyPlanCells,
} from './supply-plan.js';
export type {
  AwardLine,
  Exclusion,
  LineAllocation,
  MerchantAllocation,
  PurchaseOrderDraft,
  PurchaseOrderLine,
  RoundAward,
  SkuAward,
} from './types.js';
