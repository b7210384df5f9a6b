import { TZDate } from '@date-fns/tz';
import {
  civilDate,
  DEFAULT_ZONE,
  dateInputSchema,
  localDayOf,
  parseInput,
  toDay,
  ValidationError,
  zoneSchema,
} from '@s2b2b/core';
import { z } from 'zod';
import { LIFECYCLE_STAGES } from '../lifecycle/lifecycle.js';
import type { FollowUpPriority } from '../store.js';
import { customerIdSchema } from '../summary/schemas.js';
import { DEFAULT_FOLLOW_UP_RULES, type FollowUpRule, followUpRuleSchema } from './rules.js';

/**
 * A customer as the planner reads them: stage and segment (either may be missing: then rules on
 * it do not match), first and last purchase, orders.
 *
 * @example
 * planCustomerSchema.parse({ customerId: 'C-9', stage: 'at-risk', segment: 'At Risk', firstPurchase: '2025-06-01', lastPurchase: '2025-11-20', orders: 7 })
 */
export const planCustomerSchema = z
  .object({
    customerId: customerIdSchema,
    stage: z.enum(LIFECYCLE_STAGES).optional(),
    segment: z.string().min(1).max(100).optional(),
    firstPurchase: dateInputSchema,
    lastPurchase: dateInputSchema,
    orders: z.number().int().min(0),
  })
  .strict();

/**
 * An event for event rules: its id (dedup), type, customer and time.
 *
 * @example
 * planEventSchema.parse({ id: 'AS-77', type: 'complaint', customerId: 'C-9', at: '2026-03-01T09:12:00+08:00' })
 */
export const planEventSchema = z
  .object({
    id: z.string().min(1).max(200),
    type: z.string().min(1).max(100),
    customerId: customerIdSchema,
    at: dateInputSchema,
  })
  .strict();

/**
 * The input of {@link planFollowUps}. `now` is passed in (pure code never reads the clock);
 * `zone` (default Asia/Shanghai) decides calendar days and due times; rules default to
 * {@link DEFAULT_FOLLOW_UP_RULES}.
 *
 * @example
 * planInputSchema.parse({ merchantId: 'M-1', customers: [], now: '2026-03-01T02:00:00Z' })
 */
export const planInputSchema = z
  .object({
    merchantId: z.string().min(1).max(200),
    customers: z.array(planCustomerSchema).max(1_000_000),
    events: z.array(planEventSchema).max(1_000_000).optional(),
    rules: z.array(followUpRuleSchema).max(200).optional(),
    now: dateInputSchema,
    zone: zoneSchema.optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    const seen = new Set<string>();
    (input.rules ?? []).forEach((rule, i) => {
      if (seen.has(rule.id))
        ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: 'Duplicate rule id' });
      seen.add(rule.id);
    });
  });

/**
 * The input of {@link planFollowUps}.
 *
 * @example
 * const input: PlanInput = { merchantId: 'M-1', customers, events, now: new Date() };
 */
export type PlanInput = Omit<z.input<typeof planInputSchema>, 'rules'> & { rules?: readonly FollowUpRule[] };

/**
 * A task the planner proposes (the service stores it, skipping dedup keys already taken).
 *
 * @example
 * const draft: TaskDraft = { customerId: 'C-9', ruleId: 'win-back-call', action: 'call', priority: 'high', reason: 'At risk of churning', dueAt: new Date(), dedupKey: 'win-back-call:C-9:684' };
 */
export interface TaskDraft {
  customerId: string;
  ruleId: string | null;
  action: string;
  priority: FollowUpPriority;
  reason: string | null;
  dueAt: Date;
  dedupKey: string;
}

/**
 * Turns segments, stages and events into follow-up tasks by the rules, in rule order then
 * customer (or event) order: for each customer rule, each customer it matches; for each event
 * rule, each event of its types. Due times are the end of the due day in `zone` (the next local
 * midnight). Pure: the same input gives the same drafts.
 *
 * @throws ValidationError for bad input, or a customer whose last purchase is before the first
 * @example
 * planFollowUps({
 *   merchantId: 'M-1',
 *   customers: [{ customerId: 'C-1', stage: 'new', firstPurchase: '2026-02-10', lastPurchase: '2026-02-10', orders: 1 }],
 *   now: '2026-03-01T02:00:00Z',
 * })[0] // { customerId: 'C-1', ruleId: 'first-repeat-offer', action: 'first-repeat-offer', dueAt: 2026-03-01T16:00:00.000Z, ... }
 */
export function planFollowUps(input: PlanInput): TaskDraft[] {
  const checked = parseInput(planInputSchema, input, 'input');
  const zone = checked.zone ?? DEFAULT_ZONE;
  const dayOf = localDayOf(zone);
  const today = toDay(checked.now, dayOf);
  const rules = checked.rules ?? DEFAULT_FOLLOW_UP_RULES;
  const endOfDay = (day: number) => {
    const { year, month, day: date } = civilDate(day + 1);
    return new Date(new TZDate(year, month - 1, date, zone).getTime());
  };
  const customers = checked.customers.map((customer, i) => {
    const first = toDay(customer.firstPurchase, dayOf);
    const last = toDay(customer.lastPurchase, dayOf);
    if (last < first) {
      throw ValidationError.field(
        ['input', 'customers', i, 'lastPurchase'],
        'Expected lastPurchase ≥ firstPurchase',
      );
    }
    return { ...customer, sinceFirst: today - first, sinceLast: today - last };
  });
  const drafts: TaskDraft[] = [];
  for (const rule of rules) {
    if (rule.kind === 'event') {
      for (const event of checked.events ?? []) {
        if (!rule.eventTypes.includes(event.type)) continue;
        drafts.push({
          customerId: event.customerId,
          ruleId: rule.id,
          action: rule.action,
          priority: rule.priority,
          reason: rule.reason ?? null,
          dueAt: endOfDay(toDay(event.at, dayOf) + rule.dueInDays),
          dedupKey: `${rule.id}:${event.id}`,
        });
      }
      continue;
    }
    const window = Math.floor(today / (rule.repeatEveryDays ?? 30));
    for (const customer of customers) {
      if (!matches(rule, customer)) continue;
      drafts.push({
        customerId: customer.customerId,
        ruleId: rule.id,
        action: rule.action,
        priority: rule.priority,
        reason: rule.reason ?? null,
        dueAt: endOfDay(today + rule.dueInDays),
        dedupKey: `${rule.id}:${customer.customerId}:${window}`,
      });
    }
  }
  return drafts;
}

function matches(
  rule: Extract<FollowUpRule, { kind: 'customer' }>,
  customer: {
    stage?: string | undefined;
    segment?: string | undefined;
    orders: number;
    sinceFirst: number;
    sinceLast: number;
  },
): boolean {
  const audience = rule.stages !== undefined || rule.segments !== undefined;
  if (audience) {
    const byStage = customer.stage !== undefined && (rule.stages ?? []).includes(customer.stage as never);
    const bySegment = customer.segment !== undefined && (rule.segments ?? []).includes(customer.segment);
    if (!byStage && !bySegment) return false;
  }
  if (rule.minOrders !== undefined && customer.orders < rule.minOrders) return false;
  if (rule.maxOrders !== undefined && customer.orders > rule.maxOrders) return false;
  if (rule.minDaysSinceFirst !== undefined && customer.sinceFirst < rule.minDaysSinceFirst) return false;
  if (rule.minDaysSinceLast !== undefined && customer.sinceLast < rule.minDaysSinceLast) return false;
  if (rule.maxDaysSinceLast !== undefined && customer.sinceLast > rule.maxDaysSinceLast) return false;
  return true;
}
