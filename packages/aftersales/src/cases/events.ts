import type { DomainEvent, JsonValue } from '@s2b2b/core';
import type {
  CasePriority,
  CaseReason,
  CaseType,
  Party,
  ResolutionKind,
  SlaMetric,
} from '../common/vocabulary.js';
import type { CompensationPlanJson } from '../liability/compensation.js';

/**
 * The payload of each after-sales event, by type. Instants are ISO strings.
 *
 * @example
 * const payload: CaseEventPayloads['sla.breached'] = { caseId: 'case-1', metric: 'intervention', cycle: 1, at: '2025-10-01T02:00:00.000Z' };
 */
export type CaseEventPayloads = {
  'case.opened': {
    caseId: string;
    orderId: string;
    merchantId: string;
    supplierId: string;
    type: CaseType;
    reason: CaseReason;
    priority: CasePriority;
    policyId: string | null;
    suggestedParty: Party;
  };
  'case.intervened': { caseId: string; agentId: string };
  'case.assigned': { caseId: string; party: Party; partyId: string | null; agentId: string };
  'case.responded': { caseId: string; from: Party; partyId: string | null; requestInfo: boolean };
  'case.resolved': {
    caseId: string;
    resolution: ResolutionKind;
    responsible: Party;
    entries: CompensationPlanJson['entries'];
    totals: CompensationPlanJson['totals'];
  };
  'case.closed': { caseId: string; withdrawn: boolean };
  'case.reopened': { caseId: string; reopenCount: number };
  'sla.warning': { caseId: string; metric: SlaMetric; cycle: number; at: string; deadline: string | null };
  'sla.breached': { caseId: string; metric: SlaMetric; cycle: number; at: string };
  'case.escalated': {
    caseId: string;
    metric: SlaMetric;
    cycle: number;
    level: number;
    notify: string[];
    atShare: number;
    at: string;
  };
};

/**
 * One of the after-sales event types.
 *
 * @example
 * const type: CaseEventType = 'case.escalated';
 */
export type CaseEventType = keyof CaseEventPayloads;

/**
 * An event of the case service: written to the outbox in the command's transaction and passed
 * to `onEvent` after the outermost commit. `aggregateId` is the case id. SLA events carry the
 * exact instant their threshold was reached in `payload.at`; `occurredAt` is when the service
 * noticed (the command's now).
 *
 * @example
 * onEvent: (event: CaseEvent) => { if (event.type === 'case.escalated') page(event.payload.notify); }
 */
export type CaseEvent = { [K in CaseEventType]: DomainEvent<K, CaseEventPayloads[K]> }[CaseEventType];

/**
 * Every after-sales event type.
 *
 * @example
 * CASE_EVENT_TYPES.includes('sla.warning') // true
 */
export const CASE_EVENT_TYPES = Object.freeze([
  'case.opened',
  'case.intervened',
  'case.assigned',
  'case.responded',
  'case.resolved',
  'case.closed',
  'case.reopened',
  'sla.warning',
  'sla.breached',
  'case.escalated',
] as const satisfies readonly CaseEventType[]);

/**
 * A typed case event.
 *
 * @example
 * caseEvent('e-1', now, 'case.closed', { caseId: 'case-1', withdrawn: false })
 */
export function caseEvent<K extends CaseEventType>(
  id: string,
  occurredAt: Date,
  type: K,
  payload: CaseEventPayloads[K],
): CaseEvent {
  return {
    id,
    type,
    occurredAt,
    aggregateId: (payload as { caseId: string }).caseId,
    payload: payload as JsonValue,
  } as CaseEvent;
}
