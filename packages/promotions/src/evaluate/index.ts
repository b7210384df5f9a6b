export type { SearchReport } from './best/best-selection.js';
export {
  type CompiledPromotion,
  campaignListSchema,
  compilePromotions,
  isPromotionSet,
  isRateTemplate,
  type PromotionSet,
  STAGES,
  type Stage,
  stageOf,
} from './compile.js';
export {
  type AppliedPromotion,
  type CartEvaluation,
  type EvaluateCartInput,
  type EvaluatedLine,
  evaluateCart,
  evaluateCartInputSchema,
  type PromotionDecision,
} from './evaluate-cart.js';
export { REASON_CODES, type ReasonCode, reasonMessage } from './reasons.js';
