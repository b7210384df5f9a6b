export * from './clock.js';
export { diffSlaClock, type SlaChange } from './clock-changes.js';
export { reduceSlaClock, type SlaClockEvent } from './clock-reducer.js';
export { type SlaClockStatus, slaClockStatus } from './clock-status.js';
export { afterCounted, countedMs, UNKNOWN_CALENDAR } from './clock-time.js';
export {
  evaluateConditions,
  matchesCondition,
  type SlaCondition,
  type SlaConditions,
  slaConditionSchema,
  slaConditionsSchema,
} from './conditions.js';
export { createSlaClocks } from './create-clocks.js';
export { DEFAULT_SLA_POLICIES } from './default-policies.js';
export { CASE_FACTS, type CaseFact, type CaseFactSource, caseFacts } from './facts.js';
export { firstMatchingPolicy, matchSlaPolicy, type SlaSubject, slaSubjectSchema } from './match-policy.js';
export {
  DEFAULT_METRIC_CONDITIONS,
  durationMs,
  type EscalationLevel,
  escalationLevelSchema,
  type ParsedSlaPolicy,
  type SlaDuration,
  type SlaMetricTarget,
  type SlaPolicy,
  slaDurationSchema,
  slaMetricTargetSchema,
  slaPoliciesSchema,
  slaPolicyFilterSchema,
  slaPolicySchema,
} from './policy.js';
