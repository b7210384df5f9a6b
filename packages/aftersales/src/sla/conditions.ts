import { z } from 'zod';
import { CASE_FACTS, type CaseFact } from './facts.js';

/**
 * A condition over case facts, in the style of Zendesk's filters: every fact of `all` holds,
 * at least one of `any` holds (when `any` is given and not empty), and none of `none` holds.
 * An empty condition `{}` always matches.
 *
 * @example
 * slaConditionSchema.parse({ all: ['live'], none: ['status:awaiting-merchant'] })
 */
export const slaConditionSchema = z
  .object({
    all: z.array(z.enum(CASE_FACTS)).optional(),
    any: z.array(z.enum(CASE_FACTS)).optional(),
    none: z.array(z.enum(CASE_FACTS)).optional(),
  })
  .strict();

/**
 * A condition over case facts.
 *
 * @example
 * const stop: SlaCondition = { any: ['status:resolved', 'status:closed'], none: ['withdrawn'] };
 */
export type SlaCondition = z.output<typeof slaConditionSchema>;

/**
 * Whether a condition holds for a set of facts.
 *
 * @example
 * matchesCondition({ any: ['platform-responded'] }, new Set(['live'])) // false
 */
export function matchesCondition(condition: SlaCondition, facts: ReadonlySet<CaseFact>): boolean {
  if (condition.all && !condition.all.every((fact) => facts.has(fact))) return false;
  if (condition.any && condition.any.length > 0 && !condition.any.some((fact) => facts.has(fact)))
    return false;
  if (condition.none?.some((fact) => facts.has(fact))) return false;
  return true;
}

/**
 * The six conditions of an SLA clock (ServiceNow's set). `start` is required; a missing
 * condition never matches, except `resume`: without it a paused clock resumes as soon as
 * `pause` stops matching.
 *
 * @example
 * slaConditionsSchema.parse({ start: { all: ['live'] }, stop: { any: ['platform-responded'] } })
 */
export const slaConditionsSchema = z
  .object({
    start: slaConditionSchema,
    stop: slaConditionSchema.optional(),
    pause: slaConditionSchema.optional(),
    resume: slaConditionSchema.optional(),
    cancel: slaConditionSchema.optional(),
    reset: slaConditionSchema.optional(),
  })
  .strict();

/**
 * The conditions of one SLA clock.
 *
 * @example
 * const conditions: SlaConditions = { start: { all: ['live'] }, stop: { any: ['platform-intervened'] } };
 */
export type SlaConditions = z.output<typeof slaConditionsSchema>;

/**
 * Which of a clock's conditions hold: `resume` is `!pause` when the clock has no resume condition.
 *
 * @example
 * evaluateConditions({ start: { all: ['live'] } }, new Set(['live'])) // { start: true, stop: false, ... }
 */
export function evaluateConditions(
  conditions: SlaConditions,
  facts: ReadonlySet<CaseFact>,
): { start: boolean; stop: boolean; pause: boolean; resume: boolean; cancel: boolean; reset: boolean } {
  const holds = (condition: SlaCondition | undefined) =>
    condition ? matchesCondition(condition, facts) : false;
  const pause = holds(conditions.pause);
  return {
    start: holds(conditions.start),
    stop: holds(conditions.stop),
    pause,
    resume: conditions.resume ? holds(conditions.resume) : !pause,
    cancel: holds(conditions.cancel),
    reset: holds(conditions.reset),
  };
}
