export {
  type CarrierTerms,
  type ClaimShipment,
  carrierClaimCap,
  carrierTermsSchema,
} from './carrier-claim.js';
export {
  COMPENSATION_ERROR_CODES,
  type CompensationAllocation,
  type CompensationPlan,
  type CompensationPlanJson,
  compensationPlanJson,
  planCompensation,
  type SettlementEntry,
} from './compensation.js';
export {
  compensationLineSchema,
  type PlanCompensationInput,
  planCompensationSchema,
  type Resolution,
  resolutionSchema,
} from './compensation-schemas.js';
export { type LineRefund, lineRefund, REFUND_EXCEEDS_LINE, type RefundLine } from './line-refund.js';
export {
  type Bearer,
  bearerSchema,
  COMPENSATION_COMPONENTS,
  type CompensationComponent,
  DEFAULT_LIABILITY_RULES,
  type LiabilityRule,
  liabilityRuleSchema,
  liabilityRulesSchema,
  responsiblePartyFor,
  ruleFor,
} from './rules.js';
