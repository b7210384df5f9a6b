/**
 * `@s2b2b/crm` — who a merchant's customers are and what they are worth: customer summaries in
 * the BTYD conventions, BG/NBD, Pareto/NBD, Gamma-Gamma and BG/BB fitted by maximum likelihood
 * with their predictions and lifetime value, RFM scores and named segments, lifecycle stages and
 * their transitions, follow-up tasks (rules, a storage port and a service), and recommendations
 * from co-occurrence.
 *
 * @packageDocumentation
 */

export {
  civilDate,
  type DateInput,
  DEFAULT_ZONE,
  dateInputSchema,
  dayNumber,
  formatDay,
  isDateInput,
  isTimeZone,
  localDayOf,
  parseDay,
  toDay,
  zoneSchema,
} from '@s2b2b/core';
export { followUpOutcomeCodec } from './followups/codec.js';
export {
  cancelTask,
  completeTask,
  type FollowUpContext,
  rescheduleTask,
  type ScheduleOutcome,
  scheduleTasks,
  type TaskOutcome,
} from './followups/commands.js';
export {
  FOLLOW_UP_ERROR_CODES,
  type FollowUpErrorCode,
  taskClosedError,
  taskExistsError,
  taskNotFoundError,
} from './followups/errors.js';
export {
  FOLLOW_UP_EVENT_TYPES,
  type FollowUpEvent,
  type FollowUpEventPayload,
  type FollowUpEventType,
  followUpEvent,
} from './followups/events.js';
export {
  type PlanInput,
  planCustomerSchema,
  planEventSchema,
  planFollowUps,
  planInputSchema,
  type TaskDraft,
} from './followups/plan-follow-ups.js';
export {
  customerRuleSchema,
  DEFAULT_FOLLOW_UP_RULES,
  eventRuleSchema,
  type FollowUpRule,
  followUpRuleSchema,
} from './followups/rules.js';
export {
  type CancelInput,
  type CompleteInput,
  cancelSchema,
  checkTaskFilter,
  compareTasks,
  completeSchema,
  DEFAULT_TASK_PAGE,
  followUpKeySchema,
  MAX_TASK_PAGE,
  type PlanAndScheduleInput,
  planAndScheduleSchema,
  type RescheduleInput,
  rescheduleSchema,
  type ScheduleInput,
  scheduleSchema,
  taskDraftSchema,
  taskFilterSchema,
} from './followups/schemas.js';
export {
  createFollowUpService,
  type FollowUpService,
  type FollowUpServiceOptions,
  type ScheduleResult,
  type TaskResult,
} from './followups/service.js';
export {
  LIFECYCLE_STAGES,
  type LifecycleCustomer,
  type LifecycleRules,
  type LifecycleStage,
  type LifecycleTransitions,
  lifecycleCustomerSchema,
  lifecycleRulesSchema,
  lifecycleStages,
  lifecycleTransitions,
  type SnapshotStage,
  type StageRow,
} from './lifecycle/lifecycle.js';
export {
  HYP2F1_MAX_TERMS,
  hyp2f1,
  logHyp2f1Shifted,
  logHyp2f1ShiftedWithGradient,
  SHIFTED_MAX_TERMS,
} from './math/hyp2f1.js';
export { type MinimizeOptions, type MinimizeResult, minimize, type Objective } from './math/minimize.js';
export { digamma, lnBeta, lnGamma, logAddExp, logSubExp } from './math/special.js';
export {
  bgBbConditionalExpectedPurchases,
  bgBbExpectedPurchases,
  bgBbLogLikelihood,
  bgBbProbabilityAlive,
  bgBbPurchaseProbability,
  fitBgBb,
} from './models/bg-bb.js';
export {
  bgNbdConditionalExpectedPurchases,
  bgNbdExpectedPurchases,
  bgNbdLogLikelihood,
  bgNbdProbabilityAlive,
  bgNbdPurchaseProbability,
  fitBgNbd,
} from './models/bg-nbd.js';
export {
  type ClvInput,
  type ClvResult,
  clvInputSchema,
  customerLifetimeValue,
  type PurchaseModel,
  purchaseModelSchema,
} from './models/clv.js';
export { MODEL_ERROR_CODES, type ModelErrorCode } from './models/errors.js';
export { LOG_PARAMETER_LIMIT } from './models/fit-log-params.js';
export type { ModelFit } from './models/fit-result.js';
export { fitGammaGamma, gammaGammaExpectedSpend, gammaGammaLogLikelihood } from './models/gamma-gamma.js';
export { type GroupedRows, groupCheckedRows, groupSummaryRows } from './models/group-rows.js';
export {
  fitParetoNbd,
  paretoNbdConditionalExpectedPurchases,
  paretoNbdExpectedPurchases,
  paretoNbdLogLikelihood,
  paretoNbdLogLikelihoodWithGradient,
  paretoNbdProbabilityAlive,
} from './models/pareto-nbd.js';
export {
  type BgBbParams,
  type BgBbRow,
  type BgNbdParams,
  bgBbParamsSchema,
  bgBbRowSchema,
  bgNbdParamsSchema,
  type FitOptions,
  fitOptionsSchema,
  type GammaGammaParams,
  gammaGammaParamsSchema,
  type ParetoNbdParams,
  paretoNbdParamsSchema,
  type SpendRow,
  type SummaryRow,
  spendRowSchema,
  summaryRowSchema,
  summaryRowsSchema,
} from './models/schemas.js';
export {
  type SimulateBgNbdOptions,
  simulateBgNbd,
  simulateBgNbdSchema,
  simulateGammaGammaSpend,
  simulateSpendSchema,
} from './models/simulate.js';
export { expectedCumulativePurchases, trackingInputSchema } from './models/tracking.js';
export {
  associationOptionsSchema,
  basketsSchema,
  type ItemAssociation,
  itemAssociations,
} from './recommend/associations.js';
export { type Recommendation, recommendForCustomer, recommendInputSchema } from './recommend/recommend.js';
export { rfmValuesFromSummary } from './rfm/from-summary.js';
export { type RfmScore, rfmScores } from './rfm/rfm-scores.js';
export {
  type RfmOptions,
  type RfmSegmentRule,
  type RfmValues,
  rfmOptionsSchema,
  rfmSegmentRuleSchema,
  rfmTieRuleSchema,
  rfmValuesSchema,
} from './rfm/schemas.js';
export {
  DEFAULT_RFM_SEGMENTS,
  RF_GRID_SEGMENTS,
  type SegmentOptions,
  segmentCustomers,
  segmentOptionsSchema,
} from './rfm/segments.js';
export * from './store.js';
export { formatMinorUnits, toMinorUnits } from './summary/amount.js';
export {
  amountSchema,
  checkTransactions,
  customerIdSchema,
  isAmountInput,
  type SummarizeOptions,
  summarizeOptionsSchema,
  TIME_UNIT_DAYS,
  type TimeUnit,
  type Transaction,
  timeUnitSchema,
  transactionSchema,
  transactionsSchema,
} from './summary/schemas.js';
export {
  type CustomerSummary,
  type CustomerSummaryTable,
  type HoldoutSummary,
  summarizeCustomers,
} from './summary/summarize-customers.js';
