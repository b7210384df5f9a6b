/**
 * The words of after-sales: what a merchant asks for, why, who can be responsible, how a case
 * ends. Every list is frozen and has a type of its members.
 */

/**
 * What the merchant asks for (the case type): 仅退款, 退货退款, 换货, 维修, or a complaint.
 *
 * @example
 * CASE_TYPES.includes('return') // true
 */
export const CASE_TYPES = Object.freeze([
  'refund-only',
  'return',
  'exchange',
  'repair',
  'complaint',
] as const);

/**
 * One of {@link CASE_TYPES}.
 *
 * @example
 * const type: CaseType = 'return';
 */
export type CaseType = (typeof CASE_TYPES)[number];

/**
 * Why the case was opened; the liability rule table maps each reason to who pays.
 *
 * @example
 * CASE_REASONS.includes('transport-damage') // true
 */
export const CASE_REASONS = Object.freeze([
  'quality-defect',
  'not-as-described',
  'wrong-item',
  'missing-item',
  'transport-damage',
  'transport-loss',
  'late-delivery',
  'no-reason-return',
  'merchant-error',
  'misuse',
] as const);

/**
 * One of {@link CASE_REASONS}.
 *
 * @example
 * const reason: CaseReason = 'quality-defect';
 */
export type CaseReason = (typeof CASE_REASONS)[number];

/**
 * Case priorities, lowest first.
 *
 * @example
 * CASE_PRIORITIES[0] // 'low'
 */
export const CASE_PRIORITIES = Object.freeze(['low', 'normal', 'high', 'urgent'] as const);

/**
 * One of {@link CASE_PRIORITIES}.
 *
 * @example
 * const priority: CasePriority = 'high';
 */
export type CasePriority = (typeof CASE_PRIORITIES)[number];

/**
 * The parties of a case: the platform that runs it, the merchant who bought (the claimant),
 * the supplier who sold the goods, and the carrier who moved them.
 *
 * @example
 * PARTIES // ['platform', 'merchant', 'supplier', 'carrier']
 */
export const PARTIES = Object.freeze(['platform', 'merchant', 'supplier', 'carrier'] as const);

/**
 * One of {@link PARTIES}.
 *
 * @example
 * const party: Party = 'supplier';
 */
export type Party = (typeof PARTIES)[number];

/**
 * Where a case is: `open` (waiting for the platform), `in-progress` (the platform stepped in),
 * `awaiting-merchant` (the platform asked the merchant for information), `resolved` (a
 * resolution is decided), `closed`.
 *
 * @example
 * CASE_STATUSES.includes('awaiting-merchant') // true
 */
export const CASE_STATUSES = Object.freeze([
  'open',
  'in-progress',
  'awaiting-merchant',
  'resolved',
  'closed',
] as const);

/**
 * One of {@link CASE_STATUSES}.
 *
 * @example
 * const status: CaseStatus = 'in-progress';
 */
export type CaseStatus = (typeof CASE_STATUSES)[number];

/**
 * How a case can be resolved.
 *
 * @example
 * RESOLUTION_KINDS.includes('partial-refund') // true
 */
export const RESOLUTION_KINDS = Object.freeze([
  'refund',
  'replacement',
  'repair',
  'partial-refund',
  'reject',
] as const);

/**
 * One of {@link RESOLUTION_KINDS}.
 *
 * @example
 * const kind: ResolutionKind = 'replacement';
 */
export type ResolutionKind = (typeof RESOLUTION_KINDS)[number];

/**
 * The SLA metrics a policy can set: the platform's first response, the platform's
 * intervention (the 24-hour promise), the responsible party's response, and resolution.
 *
 * @example
 * SLA_METRICS.includes('intervention') // true
 */
export const SLA_METRICS = Object.freeze([
  'first-response',
  'intervention',
  'party-response',
  'resolution',
] as const);

/**
 * One of {@link SLA_METRICS}.
 *
 * @example
 * const metric: SlaMetric = 'resolution';
 */
export type SlaMetric = (typeof SLA_METRICS)[number];
