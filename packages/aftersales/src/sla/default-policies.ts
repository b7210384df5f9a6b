import type { SlaPolicy } from './policy.js';

/**
 * The policies the case service uses unless given its own — a starting point, not a standard
 * (no regulation sets these numbers):
 *
 * | policy | applies to | first response | intervention | party response | resolution |
 * |---|---|---|---|---|---|
 * | `priority` (position 10) | priority high or urgent | 1 business hour | 4 h (calendar) | 8 business hours | 24 business hours |
 * | `standard` (position 1000) | every case | 4 business hours | 24 h (calendar) | 24 business hours | 72 business hours |
 *
 * Intervention counts wall-clock time: "the platform steps in within 24 hours" is a promise
 * to the merchant, holidays included. Every metric warns before its target and escalates to
 * `team-lead` at half of it, `ops-manager` at the breach and `director` at twice the target.
 *
 * @example
 * createCaseService({ storage, policies: [...DEFAULT_SLA_POLICIES] })
 */
export const DEFAULT_SLA_POLICIES: readonly SlaPolicy[] = Object.freeze([
  policy(
    'priority',
    10,
    { priorities: ['high', 'urgent'] },
    { first: 1, intervention: 4, party: 8, resolution: 24 },
  ),
  policy('standard', 1000, {}, { first: 4, intervention: 24, party: 24, resolution: 72 }),
]);

function policy(
  id: string,
  position: number,
  filter: SlaPolicy['filter'],
  hours: { first: number; intervention: number; party: number; resolution: number },
): SlaPolicy {
  const escalation = [
    { level: 1, atShare: 0.5, notify: ['team-lead'] },
    { level: 2, atShare: 1, notify: ['ops-manager'] },
    { level: 3, atShare: 2, notify: ['director'] },
  ];
  const warn = (h: number) => ({ minutes: Math.round(h * 60 * 0.25) });
  return {
    id,
    position,
    filter,
    metrics: [
      { metric: 'first-response', target: { hours: hours.first }, warnBefore: warn(hours.first), escalation },
      {
        metric: 'intervention',
        target: { hours: hours.intervention },
        basis: 'calendar',
        warnBefore: warn(hours.intervention),
        escalation,
      },
      { metric: 'party-response', target: { hours: hours.party }, warnBefore: warn(hours.party), escalation },
      {
        metric: 'resolution',
        target: { hours: hours.resolution },
        warnBefore: warn(hours.resolution),
        escalation,
      },
    ],
  };
}
