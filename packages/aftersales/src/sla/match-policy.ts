import { parseInput } from '@s2b2b/core';
import { z } from 'zod';
import { aftersalesIdSchema } from '../common/ids.js';
import { CASE_PRIORITIES, CASE_TYPES, type CasePriority, type CaseType } from '../common/vocabulary.js';
import { type ParsedSlaPolicy, type SlaPolicy, slaPoliciesSchema } from './policy.js';

/**
 * What a policy filter looks at.
 *
 * @example
 * slaSubjectSchema.parse({ type: 'return', priority: 'normal', merchantTier: 'gold', category: 'tea' })
 */
export const slaSubjectSchema = z.object({
  type: z.enum(CASE_TYPES),
  priority: z.enum(CASE_PRIORITIES),
  merchantTier: aftersalesIdSchema.nullable(),
  category: aftersalesIdSchema.nullable(),
});

/**
 * What a policy filter looks at.
 *
 * @example
 * const subject: SlaSubject = { type: 'return', priority: 'high', merchantTier: null, category: 'tea' };
 */
export interface SlaSubject {
  type: CaseType;
  priority: CasePriority;
  merchantTier: string | null;
  category: string | null;
}

/**
 * The policy that applies to a case: the first, by `position` then id, whose filter matches
 * (every list it gives contains the case's value; a filter on `merchantTiers` or `categories`
 * never matches a case without one). `null` when none does — then the case runs without SLA
 * clocks, so keep a catch-all policy (empty filter) last.
 *
 * @example
 * matchSlaPolicy([vip, standard], { type: 'return', priority: 'normal', merchantTier: 'gold', category: null })?.id // 'vip'
 */
export function matchSlaPolicy(policies: readonly SlaPolicy[], subject: SlaSubject): ParsedSlaPolicy | null {
  const parsed = parseInput(slaPoliciesSchema, policies, 'policies');
  const checked = parseInput(slaSubjectSchema, subject, 'subject');
  return firstMatchingPolicy(parsed, checked);
}

/**
 * {@link matchSlaPolicy} on policies already validated (the service validates them once).
 *
 * @example
 * firstMatchingPolicy(parsedPolicies, subject)
 */
export function firstMatchingPolicy(
  policies: readonly ParsedSlaPolicy[],
  subject: SlaSubject,
): ParsedSlaPolicy | null {
  const ordered = [...policies].sort(
    (a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  for (const policy of ordered) {
    const { types, priorities, merchantTiers, categories } = policy.filter;
    if (types && !types.includes(subject.type)) continue;
    if (priorities && !priorities.includes(subject.priority)) continue;
    if (merchantTiers && (subject.merchantTier === null || !merchantTiers.includes(subject.merchantTier)))
      continue;
    if (categories && (subject.category === null || !categories.includes(subject.category))) continue;
    return policy;
  }
  return null;
}
