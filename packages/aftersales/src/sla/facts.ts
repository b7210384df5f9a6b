import {
  CASE_PRIORITIES,
  CASE_STATUSES,
  type CasePriority,
  type CaseStatus,
  PARTIES,
  type Party,
} from '../common/vocabulary.js';

/**
 * Every fact an SLA condition can test. Response facts count since the case was last opened
 * or reopened (and `party-responded` since the last assignment), so a reopened case starts
 * new cycles.
 *
 * - `live`: the case is open, in progress or awaiting the merchant (not resolved or closed)
 * - `status:<status>`: the case is in that status
 * - `platform-responded`, `platform-intervened`: the platform replied / stepped in
 * - `assigned`, `assigned:<party>`: a responsible party is assigned (that party)
 * - `party-responded`: the assigned party responded
 * - `withdrawn`: the merchant withdrew the case
 * - `reopened`: the case was reopened at least once
 * - `priority:<priority>`: the case has that priority
 *
 * @example
 * CASE_FACTS.includes('status:awaiting-merchant') // true
 */
export const CASE_FACTS = Object.freeze([
  'live',
  ...CASE_STATUSES.map((status) => `status:${status}` as const),
  'platform-responded',
  'platform-intervened',
  'assigned',
  ...PARTIES.map((party) => `assigned:${party}` as const),
  'party-responded',
  'withdrawn',
  'reopened',
  ...CASE_PRIORITIES.map((priority) => `priority:${priority}` as const),
] as const);

/**
 * One of {@link CASE_FACTS}.
 *
 * @example
 * const fact: CaseFact = 'platform-intervened';
 */
export type CaseFact = (typeof CASE_FACTS)[number];

/**
 * What the SLA conditions look at in a case.
 *
 * @example
 * const view: CaseFactSource = { status: 'open', priority: 'normal', platformResponded: false, platformIntervened: false,
 *   assignee: null, partyResponded: false, withdrawn: false, reopenCount: 0 };
 */
export interface CaseFactSource {
  status: CaseStatus;
  priority: CasePriority;
  platformResponded: boolean;
  platformIntervened: boolean;
  assignee: { party: Party } | null;
  partyResponded: boolean;
  withdrawn: boolean;
  reopenCount: number;
}

/**
 * The facts that hold for a case.
 *
 * @example
 * caseFacts({ status: 'open', priority: 'high', platformResponded: false, platformIntervened: false, assignee: null,
 *   partyResponded: false, withdrawn: false, reopenCount: 0 }).has('live') // true
 */
export function caseFacts(source: CaseFactSource): ReadonlySet<CaseFact> {
  const facts = new Set<CaseFact>([`status:${source.status}`, `priority:${source.priority}`]);
  if (source.status === 'open' || source.status === 'in-progress' || source.status === 'awaiting-merchant')
    facts.add('live');
  if (source.platformResponded) facts.add('platform-responded');
  if (source.platformIntervened) facts.add('platform-intervened');
  if (source.assignee) {
    facts.add('assigned');
    facts.add(`assigned:${source.assignee.party}`);
  }
  if (source.partyResponded) facts.add('party-responded');
  if (source.withdrawn) facts.add('withdrawn');
  if (source.reopenCount > 0) facts.add('reopened');
  return facts;
}
