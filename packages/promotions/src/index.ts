/**
 * `@s2b2b/promotions` — 满减, 打折, 秒杀 and coupons with a documented stacking policy, the best
 * combination for the buyer found exactly, discounts to the cent spread by largest remainder
 * (and reversed exactly on refunds), caps claimed atomically under concurrency, and campaign ROI.
 *
 * @packageDocumentation
 */
export {
  amountLikeSchema,
  type DiscountReversal,
  dealtShare,
  type LineReversal,
  type ReverseDiscountsInput,
  reverseDiscounts,
  reverseDiscountsInputSchema,
} from './allocation/reverse-discounts.js';
export { spreadMinorUnits } from './allocation/spread.js';
export {
  type ClaimInput,
  capDefinitionSchema,
  capIdSchema,
  claimEntrySchema,
  claimSchema,
  idempotencyKeySchema,
  type ReleaseInput,
  releaseSchema,
  type SaveCapsInput,
  saveCapsSchema,
  subjectSchema,
} from './caps/command-schemas.js';
export {
  PROMOTION_EVENT_TYPES,
  type PromotionEvent,
  type PromotionEventPayloads,
  type PromotionEventType,
} from './caps/events.js';
export {
  type ClaimableApplication,
  campaignCapIds,
  capsForPromotions,
  claimEntriesFor,
  promotionCapIds,
  refundReleaseEntries,
  usageFromCounters,
} from './caps/plan.js';
export {
  CAP_ERROR_CODES,
  type CapErrorCode,
  capExceededError,
  capNotFoundError,
  checkCapFilter,
  checkEntries,
  claimEntryNotFoundError,
  claimExistsError,
  claimNotFoundError,
  compareCapKeys,
  DEFAULT_CAP_PAGE,
  definitionConflict,
  MAX_CAP_PAGE,
  MAX_CLAIM_ENTRIES,
  releaseExceedsError,
  subjectMismatch,
} from './caps/rules.js';
export {
  type CapsResult,
  type ClaimEvaluationInput,
  type ClaimResult,
  createPromotionsService,
  outcomeCodec,
  type PromotionsService,
  type PromotionsServiceOptions,
  type RegisterPromotionsInput,
} from './caps/service.js';
export {
  CART_ERROR_CODES,
  type CartEvent,
  type CartPricing,
  type CartState,
  cartInputOf,
  emptyCart,
  pricingOf,
  reduceCart,
} from './cart/cart-reducer.js';
export * from './cart/schemas.js';
export * from './evaluate/index.js';
export * from './promotion/schemas.js';
export { type CampaignReport, campaignReport, type Incrementality } from './roi/campaign-report.js';
export {
  type CampaignComparison,
  type CampaignComparisonRow,
  campaignDiscounts,
  compareCampaigns,
} from './roi/compare-campaigns.js';
export { campaignComparisonTable } from './roi/comparison-table.js';
export {
  type CampaignOrderInput,
  type CampaignReportInput,
  campaignOrderSchema,
  campaignReportInputSchema,
  incrementalitySchema,
} from './roi/schemas.js';
export * from './store.js';
