import { z } from 'zod';
import { LIFECYCLE_STAGES } from '../lifecycle/lifecycle.js';
import { FOLLOW_UP_PRIORITIES } from '../store.js';

const id = z.string().min(1).max(100);
const days = z.number().int().min(0).max(36_500);

/**
 * A rule on customers: it fires for a customer whose stage is in `stages` or whose segment is in
 * `segments` (either list may be omitted; neither = everyone) and who meets every bound given,
 * at most once per `repeatEveryDays` window (default 30): the task's dedup key is
 * `<rule id>:<customer id>:<window>`, so re-running the plan the same day or week adds nothing.
 * The task is due by the end of the day `dueInDays` after the plan's day.
 *
 * @example
 * customerRuleSchema.parse({ kind: 'customer', id: 'win-back-call', stages: ['at-risk'], action: 'call', priority: 'high', dueInDays: 0 })
 */
export const customerRuleSchema = z
  .object({
    kind: z.literal('customer'),
    id,
    action: id,
    priority: z.enum(FOLLOW_UP_PRIORITIES),
    dueInDays: days,
    repeatEveryDays: z.number().int().min(1).max(36_500).optional(),
    stages: z.array(z.enum(LIFECYCLE_STAGES)).optional(),
    segments: z.array(z.string().min(1).max(100)).optional(),
    minOrders: z.number().int().min(0).optional(),
    maxOrders: z.number().int().min(0).optional(),
    minDaysSinceFirst: days.optional(),
    minDaysSinceLast: days.optional(),
    maxDaysSinceLast: days.optional(),
    reason: z.string().max(500).optional(),
  })
  .strict();

/**
 * A rule on events (an after-sales complaint, a large order, a failed delivery): every event of
 * one of `eventTypes` makes a task for its customer, due by the end of the day `dueInDays` after
 * the event; dedup key `<rule id>:<event id>`.
 *
 * @example
 * eventRuleSchema.parse({ kind: 'event', id: 'complaint-call', eventTypes: ['complaint'], action: 'call', priority: 'high', dueInDays: 0 })
 */
export const eventRuleSchema = z
  .object({
    kind: z.literal('event'),
    id,
    action: id,
    priority: z.enum(FOLLOW_UP_PRIORITIES),
    dueInDays: days,
    eventTypes: z.array(z.string().min(1).max(100)).min(1),
    reason: z.string().max(500).optional(),
  })
  .strict();

/**
 * A follow-up rule: on customers or on events.
 *
 * @example
 * followUpRuleSchema.parse(DEFAULT_FOLLOW_UP_RULES[0])
 */
export const followUpRuleSchema = z.discriminatedUnion('kind', [customerRuleSchema, eventRuleSchema]);

/**
 * A value of {@link followUpRuleSchema}.
 *
 * @example
 * const rule: FollowUpRule = { kind: 'event', id: 'complaint-call', eventTypes: ['complaint'], action: 'call', priority: 'high', dueInDays: 0 };
 */
export type FollowUpRule = z.infer<typeof followUpRuleSchema>;

/**
 * The default rules:
 * - `first-repeat-offer`: a new customer with one order and no second one 14 days after it →
 *   a first-repeat offer, due the same day (at most once a year per customer);
 * - `win-back-call`: at risk (stage `at-risk`, or RFM segment At Risk / Can't Lose Them) → a call,
 *   high priority, due today (at most monthly);
 * - `vip-service`: loyal (stage `loyal`, or segment Champions) → VIP service within 3 days (at
 *   most quarterly);
 * - `complaint-call`: a `complaint` event → a call, high priority, due the same day.
 *
 * @example
 * planFollowUps({ merchantId: 'M-1', customers, rules: DEFAULT_FOLLOW_UP_RULES, now })
 */
export const DEFAULT_FOLLOW_UP_RULES: readonly FollowUpRule[] = Object.freeze([
  {
    kind: 'customer',
    id: 'first-repeat-offer',
    stages: ['new'],
    maxOrders: 1,
    minDaysSinceFirst: 14,
    action: 'first-repeat-offer',
    priority: 'normal',
    dueInDays: 0,
    repeatEveryDays: 365,
    reason: 'New customer without a second order 14 days after the first',
  },
  {
    kind: 'customer',
    id: 'win-back-call',
    stages: ['at-risk'],
    segments: ['At Risk', "Can't Lose Them"],
    action: 'call',
    priority: 'high',
    dueInDays: 0,
    repeatEveryDays: 30,
    reason: 'At risk of churning',
  },
  {
    kind: 'customer',
    id: 'vip-service',
    stages: ['loyal'],
    segments: ['Champions'],
    action: 'vip-service',
    priority: 'normal',
    dueInDays: 3,
    repeatEveryDays: 90,
    reason: 'Loyal customer',
  },
  {
    kind: 'event',
    id: 'complaint-call',
    eventTypes: ['complaint'],
    action: 'call',
    priority: 'high',
    dueInDays: 0,
    reason: 'Complaint received',
  },
] satisfies FollowUpRule[]);
