import type { SlaClock } from './clock.js';
import type { SlaCondition, SlaConditions } from './conditions.js';
import { DEFAULT_METRIC_CONDITIONS, durationMs, type ParsedSlaPolicy } from './policy.js';

/**
 * The clocks a policy gives a case, before any cycle started: one per metric target, with the
 * target, warning, escalation levels and conditions copied from the policy.
 *
 * @example
 * const clocks = createSlaClocks(slaPolicySchema.parse(policy)); // then reduceSlaClock(..., { type: 'observe', ... })
 */
export function createSlaClocks(policy: ParsedSlaPolicy): SlaClock[] {
  return policy.metrics.map((target) => ({
    metric: target.metric,
    policyId: policy.id,
    basis: target.basis,
    calendar: target.calendar,
    targetMs: durationMs(target.target),
    warnBeforeMs: target.warnBefore ? durationMs(target.warnBefore) : null,
    escalation: target.escalation.map((level) => ({ ...level, notify: [...level.notify] })),
    conditions: cloneConditions(target.conditions ?? DEFAULT_METRIC_CONDITIONS[target.metric]),
    recurring: target.recurring,
    cycles: [],
  }));
}

function cloneConditions(conditions: SlaConditions): SlaConditions {
  const copy: SlaConditions = { start: cloneCondition(conditions.start) };
  for (const key of ['stop', 'pause', 'resume', 'cancel', 'reset'] as const) {
    const condition = conditions[key];
    if (condition) copy[key] = cloneCondition(condition);
  }
  return copy;
}

function cloneCondition(condition: SlaCondition): SlaCondition {
  const copy: SlaCondition = {};
  if (condition.all) copy.all = [...condition.all];
  if (condition.any) copy.any = [...condition.any];
  if (condition.none) copy.none = [...condition.none];
  return copy;
}
