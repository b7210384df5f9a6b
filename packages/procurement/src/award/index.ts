export { awardParsedRound, awardRound } from './award-round.js';
export { type AwardedQuantity, awardSkuDemand, MAX_AWARD_CELLS } from './award-sku.js';
export { type EligibilityContext, type EligibleOffer, selectOffers } from './eligibility.js';
export {
  type AwardRoundInput,
  type AwardRoundParsed,
  awardRoundSchema,
  capacityUsedSchema,
  type DemandLine,
  demandLineSchema,
  demandLinesSchema,
  MAX_REQUEST_LINES,
  MAX_ROUND_SKUS,
  type RoundRequest,
  type RoundSku,
  roundRequestSchema,
  roundSkuSchema,
} from './schemas.js';
export { planSupply, type SupplyOffer, type SupplyPlan, supplyPlanCells } from './supply-plan.js';
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
