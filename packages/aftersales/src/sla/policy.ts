import { z } from 'zod';
import { aftersalesIdSchema } from '../common/ids.js';
import { CASE_PRIORITIES, CASE_TYPES, SLA_METRICS, type SlaMetric } from '../common/vocabulary.js';
import { type SlaConditions, slaConditionsSchema } from './conditions.js';

/**
 * A length of SLA time: hours and/or minutes (of business time or of calendar time, as the
 * metric says).
 *
 * @example
 * slaDurationSchema.parse({ hours: 24 })
 */
export const slaDurationSchema = z
  .object({
    hours: z.number().finite().min(0).max(100_000).optional(),
    minutes: z.number().finite().min(0).max(6_000_000).optional(),
  })
  .strict()
  .refine((d) => (d.hours ?? 0) > 0 || (d.minutes ?? 0) > 0, { message: 'Expected a positive duration' });

/**
 * A length of SLA time.
 *
 * @example
 * const target: SlaDuration = { hours: 24 };
 */
export type SlaDuration = z.input<typeof slaDurationSchema>;

/**
 * Milliseconds of an {@link SlaDuration}, rounded to the millisecond.
 *
 * @example
 * durationMs({ hours: 1, minutes: 30 }) // 5_400_000
 */
export function durationMs(duration: { hours?: number | undefined; minutes?: number | undefined }): number {
  return Math.round((duration.hours ?? 0) * 3_600_000 + (duration.minutes ?? 0) * 60_000);
}

/**
 * One escalation level: when the elapsed share of the target reaches `atShare` (0.5 = half the
 * target used; 1 = breached; 1.5 = half the target again past it), `notify` is told, raised as
 * a `case.escalated` event.
 *
 * @example
 * escalationLevelSchema.parse({ level: 1, atShare: 0.75, notify: ['platform-lead'] })
 */
export const escalationLevelSchema = z
  .object({
    level: z.number().int().min(1).max(99),
    atShare: z.number().finite().gt(0).max(100),
    notify: z.array(aftersalesIdSchema).min(1),
  })
  .strict();

/**
 * One escalation level.
 *
 * @example
 * const level: EscalationLevel = { level: 2, atShare: 1, notify: ['ops-manager'] };
 */
export type EscalationLevel = z.output<typeof escalationLevelSchema>;

/**
 * One metric of a policy: its target, whether it counts business or calendar time (and on
 * which calendar), a warning before the target, escalation levels, and optionally its own
 * conditions (default {@link DEFAULT_METRIC_CONDITIONS}).
 *
 * @example
 * slaMetricTargetSchema.parse({ metric: 'intervention', target: { hours: 24 }, warnBefore: { hours: 4 } })
 */
export const slaMetricTargetSchema = z
  .object({
    metric: z.enum(SLA_METRICS),
    target: slaDurationSchema,
    /** `business` (default): working time of the calendar; `calendar`: wall-clock time. */
    basis: z.enum(['business', 'calendar']).default('business'),
    /** Which of the service's calendars (default `'default'`). */
    calendar: aftersalesIdSchema.default('default'),
    /** Raise `sla.warning` this long before the target; must be shorter than the target. */
    warnBefore: slaDurationSchema.optional(),
    escalation: z.array(escalationLevelSchema).default([]),
    conditions: slaConditionsSchema.optional(),
    /** `false`: only the first cycle counts (a reopened case gets no new one). Default `true`. */
    recurring: z.boolean().default(true),
  })
  .strict()
  .superRefine((target, ctx) => {
    if (target.warnBefore && durationMs(target.warnBefore) >= durationMs(target.target))
      ctx.addIssue({
        code: 'custom',
        message: 'warnBefore must be shorter than target',
        path: ['warnBefore'],
      });
    for (let i = 1; i < target.escalation.length; i++) {
      const previous = target.escalation[i - 1];
      const current = target.escalation[i];
      if (previous && current && (current.level <= previous.level || current.atShare <= previous.atShare))
        ctx.addIssue({
          code: 'custom',
          message: 'Escalation levels must rise in level and in atShare',
          path: ['escalation', i],
        });
    }
  });

/**
 * One metric of a policy, as written.
 *
 * @example
 * const target: SlaMetricTarget = { metric: 'resolution', target: { hours: 72 } };
 */
export type SlaMetricTarget = z.input<typeof slaMetricTargetSchema>;

/**
 * Which cases a policy applies to: each list that is given must contain the case's value.
 *
 * @example
 * slaPolicyFilterSchema.parse({ types: ['return'], priorities: ['high', 'urgent'] })
 */
export const slaPolicyFilterSchema = z
  .object({
    types: z.array(z.enum(CASE_TYPES)).optional(),
    priorities: z.array(z.enum(CASE_PRIORITIES)).optional(),
    merchantTiers: z.array(aftersalesIdSchema).optional(),
    categories: z.array(aftersalesIdSchema).optional(),
  })
  .strict();

/**
 * An SLA policy: a filter, a match position (lower first; the first policy that matches
 * applies, ties by id), and its metric targets (each metric at most once).
 *
 * @example
 * slaPolicySchema.parse({
 *   id: 'standard', position: 100, filter: {},
 *   metrics: [{ metric: 'intervention', target: { hours: 24 } }, { metric: 'resolution', target: { hours: 72 } }],
 * })
 */
export const slaPolicySchema = z
  .object({
    id: aftersalesIdSchema,
    name: z.string().max(200).optional(),
    position: z.number().int().min(0).max(1_000_000),
    filter: slaPolicyFilterSchema.default({}),
    metrics: z.array(slaMetricTargetSchema).min(1),
  })
  .strict()
  .superRefine((policy, ctx) => {
    const seen = new Set<string>();
    policy.metrics.forEach((target, index) => {
      if (seen.has(target.metric))
        ctx.addIssue({
          code: 'custom',
          message: `${target.metric} appears twice`,
          path: ['metrics', index, 'metric'],
        });
      seen.add(target.metric);
    });
  });

/**
 * An SLA policy as written.
 *
 * @example
 * const policy: SlaPolicy = { id: 'vip', position: 10, filter: { merchantTiers: ['gold'] }, metrics: [{ metric: 'intervention', target: { hours: 4 } }] };
 */
export type SlaPolicy = z.input<typeof slaPolicySchema>;

/**
 * An SLA policy after validation, with defaults applied.
 *
 * @example
 * const parsed: ParsedSlaPolicy = slaPolicySchema.parse(policy);
 */
export type ParsedSlaPolicy = z.output<typeof slaPolicySchema>;

/**
 * A list of policies, ids unique.
 *
 * @example
 * slaPoliciesSchema.parse([standardPolicy, vipPolicy])
 */
export const slaPoliciesSchema = z.array(slaPolicySchema).superRefine((policies, ctx) => {
  const seen = new Set<string>();
  policies.forEach((policy, index) => {
    if (seen.has(policy.id))
      ctx.addIssue({ code: 'custom', message: `Policy id ${policy.id} is used twice`, path: [index, 'id'] });
    seen.add(policy.id);
  });
});

/**
 * The conditions each metric uses unless its policy gives its own:
 *
 * | metric | start | stop | pause | cancel |
 * |---|---|---|---|---|
 * | `first-response` | `live` | `platform-responded` | — | `withdrawn` |
 * | `intervention` | `live` | `platform-intervened` | — | `withdrawn` |
 * | `party-response` | `live` and `assigned:supplier` or `assigned:carrier` | `party-responded` | — | `withdrawn` |
 * | `resolution` | `live` | `status:resolved` or `status:closed`, not `withdrawn` | `status:awaiting-merchant` | `withdrawn` |
 *
 * @example
 * DEFAULT_METRIC_CONDITIONS.resolution.pause // { any: ['status:awaiting-merchant'] }
 */
export const DEFAULT_METRIC_CONDITIONS: Readonly<Record<SlaMetric, SlaConditions>> = Object.freeze({
  'first-response': {
    start: { all: ['live'] },
    stop: { any: ['platform-responded'] },
    cancel: { any: ['withdrawn'] },
  },
  intervention: {
    start: { all: ['live'] },
    stop: { any: ['platform-intervened'] },
    cancel: { any: ['withdrawn'] },
  },
  'party-response': {
    start: { all: ['live'], any: ['assigned:supplier', 'assigned:carrier'] },
    stop: { any: ['party-responded'] },
    cancel: { any: ['withdrawn'] },
  },
  resolution: {
    start: { all: ['live'] },
    stop: { any: ['status:resolved', 'status:closed'], none: ['withdrawn'] },
    pause: { any: ['status:awaiting-merchant'] },
    cancel: { any: ['withdrawn'] },
  },
});
