import type { z } from 'zod';
import type { Party } from '../common/vocabulary.js';
import type { CarrierTerms } from '../liability/carrier-claim.js';
import { compensationPlanJson, planCompensation } from '../liability/compensation.js';
import { type LiabilityRule, responsiblePartyFor } from '../liability/rules.js';
import type { SlaCalendars } from '../sla/clock.js';
import type { SlaChange } from '../sla/clock-changes.js';
import { createSlaClocks } from '../sla/create-clocks.js';
import { firstMatchingPolicy } from '../sla/match-policy.js';
import type { ParsedSlaPolicy } from '../sla/policy.js';
import type {
  AftersalesCase,
  AftersalesTx,
  CaseTransition,
  CaseTransitionDraft,
  EvidenceRef,
} from '../store.js';
import { type CaseAction, reduceCase } from './case-reducer.js';
import type {
  assignSchema,
  closeSchema,
  evaluateSchema,
  interveneSchema,
  openCaseSchema,
  reopenSchema,
  resolveSchema,
  respondSchema,
} from './command-schemas.js';
import { caseError } from './errors.js';
import { type CaseEvent, caseEvent } from './events.js';
import { syncCaseClocks } from './sync-clocks.js';

/**
 * What a command handler knows besides its input.
 *
 * @example
 * const ctx: CaseCommandContext = { now, scope: 'aftersales.open', key: 'k', nextId, policies, calendars, rules, carrierTerms: {} };
 */
export interface CaseCommandContext {
  now: Date;
  scope: string;
  key: string;
  nextId(): string;
  policies: readonly ParsedSlaPolicy[];
  calendars: SlaCalendars;
  rules: readonly LiabilityRule[];
  carrierTerms: CarrierTerms;
}

/**
 * What a case command did: the case after it, the transitions it recorded and its events.
 *
 * @example
 * const { case: record, transitions, events }: CaseOutcome = outcome;
 */
export interface CaseOutcome {
  case: AftersalesCase;
  transitions: CaseTransition[];
  events: CaseEvent[];
}

const SLA_EVENT_KINDS = new Set(['warning', 'breached', 'escalated']);

function slaTransitions(
  record: AftersalesCase,
  changes: SlaChange[],
  ctx: CaseCommandContext,
): CaseTransitionDraft[] {
  return changes.map((change) => ({
    caseId: record.id,
    kind: change.kind === 'escalated' ? 'case.escalated' : `sla.${change.kind}`,
    fromStatus: record.status,
    toStatus: record.status,
    actorParty: null,
    actorId: null,
    at: change.at,
    commandScope: ctx.scope,
    commandKey: ctx.key,
    data: JSON.parse(JSON.stringify(change)),
  }));
}

function slaEvents(record: AftersalesCase, changes: SlaChange[], ctx: CaseCommandContext): CaseEvent[] {
  return changes
    .filter((change) => SLA_EVENT_KINDS.has(change.kind))
    .map((change) => {
      const base = {
        caseId: record.id,
        metric: change.metric,
        cycle: change.cycle,
        at: change.at.toISOString(),
      };
      if (change.kind === 'warning')
        return caseEvent(ctx.nextId(), ctx.now, 'sla.warning', {
          ...base,
          deadline: change.deadline?.toISOString() ?? null,
        });
      if (change.kind === 'escalated')
        return caseEvent(ctx.nextId(), ctx.now, 'case.escalated', {
          ...base,
          level: change.level,
          notify: change.notify,
          atShare: change.atShare,
        });
      return caseEvent(ctx.nextId(), ctx.now, 'sla.breached', base);
    });
}

function evidenceOf(
  input: { kind: EvidenceRef['kind']; uri: string; sha256?: string | undefined }[],
  by: Party,
  at: Date,
): EvidenceRef[] {
  return input.map((e) => ({ kind: e.kind, uri: e.uri, sha256: e.sha256 ?? null, addedBy: by, addedAt: at }));
}

/**
 * `open`: builds the case, applies the first matching SLA policy, starts its clocks and stores it.
 *
 * @example
 * await openCase(tx, parsedInput, ctx)
 */
export async function openCase(
  tx: AftersalesTx,
  input: z.output<typeof openCaseSchema>,
  ctx: CaseCommandContext,
): Promise<CaseOutcome> {
  const { now } = ctx;
  const policy = firstMatchingPolicy(ctx.policies, {
    type: input.type,
    priority: input.priority,
    merchantTier: input.merchantTier ?? null,
    category: input.category ?? null,
  });
  const draft: AftersalesCase = {
    id: input.caseId ?? ctx.nextId(),
    orderId: input.orderId,
    merchantId: input.merchantId,
    merchantTier: input.merchantTier ?? null,
    supplierId: input.supplierId,
    carrierId: input.carrierId ?? null,
    category: input.category ?? null,
    type: input.type,
    reason: input.reason,
    priority: input.priority,
    currency: input.currency,
    description: input.description ?? null,
    lines: input.lines.map((line) => ({ ...line })),
    evidence: evidenceOf(input.evidence, 'merchant', now),
    shipment: input.shipment
      ? {
          shipmentId: input.shipment.shipmentId ?? null,
          freight: input.shipment.freight,
          declaredValue: input.shipment.declaredValue ?? null,
        }
      : null,
    status: 'open',
    withdrawn: false,
    platformResponded: false,
    platformIntervened: false,
    suggestedParty: responsiblePartyFor(input.reason, ctx.rules),
    assignee: null,
    partyResponded: false,
    resolution: null,
    previousResolutions: [],
    reopenCount: 0,
    policyId: policy?.id ?? null,
    clocks: policy ? createSlaClocks(policy) : [],
    nextDueAt: null,
    nextBreachAt: null,
    openedAt: now,
    resolvedAt: null,
    closedAt: null,
    updatedAt: now,
    version: 0,
  };
  const { record, changes } = syncCaseClocks(draft, now, 'observe', ctx.calendars);
  await tx.aftersales.insertCase(record);
  const transitions = await tx.aftersales.appendTransitions([
    {
      caseId: record.id,
      kind: 'opened',
      fromStatus: null,
      toStatus: 'open',
      actorParty: 'merchant',
      actorId: record.merchantId,
      at: now,
      commandScope: ctx.scope,
      commandKey: ctx.key,
      data: {
        policyId: record.policyId,
        type: record.type,
        reason: record.reason,
        priority: record.priority,
      },
    },
    ...slaTransitions(record, changes, ctx),
  ]);
  const events: CaseEvent[] = [
    caseEvent(ctx.nextId(), now, 'case.opened', {
      caseId: record.id,
      orderId: record.orderId,
      merchantId: record.merchantId,
      supplierId: record.supplierId,
      type: record.type,
      reason: record.reason,
      priority: record.priority,
      policyId: record.policyId,
      suggestedParty: record.suggestedParty,
    }),
    ...slaEvents(record, changes, ctx),
  ];
  return { case: record, transitions, events };
}

interface Change {
  action: CaseAction | null;
  kind: string;
  actorParty: Party | null;
  actorId: string | null;
  data: Record<string, unknown>;
  event: ((record: AftersalesCase) => CaseEvent) | null;
}

/**
 * The shape of every command on an existing case: lock it, let its clocks run to now (so a
 * breach that already happened is recorded at its instant, before the command), apply the
 * action, let the clocks observe the new state, save over the locked version, and record one
 * transition for the command and one per SLA change.
 *
 * @example
 * await changeCase(tx, 'case-1', ctx, (current) => ({ action: { type: 'intervene', at: ctx.now }, ... }))
 */
export async function changeCase(
  tx: AftersalesTx,
  caseId: string,
  ctx: CaseCommandContext,
  decide: (current: AftersalesCase) => Change,
): Promise<CaseOutcome> {
  const current = await tx.aftersales.lockCase(caseId);
  if (!current) throw caseError('CASE_NOT_FOUND', caseId);
  const ticked = syncCaseClocks(current, ctx.now, 'tick', ctx.calendars);
  const change = decide(ticked.record);
  let record = ticked.record;
  let changes = ticked.changes;
  if (change.action) {
    record = reduceCase(record, change.action);
    const observed = syncCaseClocks(record, ctx.now, 'observe', ctx.calendars);
    record = observed.record;
    changes = [...changes, ...observed.changes];
  }
  if (!change.action && changes.length === 0) return { case: current, transitions: [], events: [] };
  const saved = await tx.aftersales.saveCase(record, current.version);
  const drafts: CaseTransitionDraft[] = [
    ...slaTransitions(current, ticked.changes, ctx),
    ...(change.action
      ? [
          {
            caseId,
            kind: change.kind,
            fromStatus: current.status,
            toStatus: saved.status,
            actorParty: change.actorParty,
            actorId: change.actorId,
            at: ctx.now,
            commandScope: ctx.scope,
            commandKey: ctx.key,
            data: JSON.parse(JSON.stringify(change.data)),
          },
        ]
      : []),
    ...slaTransitions(saved, changes.slice(ticked.changes.length), ctx),
  ];
  const transitions = await tx.aftersales.appendTransitions(drafts);
  const events = [
    ...slaEvents(saved, ticked.changes, ctx),
    ...(change.event ? [change.event(saved)] : []),
    ...slaEvents(saved, changes.slice(ticked.changes.length), ctx),
  ];
  return { case: saved, transitions, events };
}

/**
 * `intervene`.
 *
 * @example
 * await intervene(tx, input, ctx)
 */
export function intervene(
  tx: AftersalesTx,
  input: z.output<typeof interveneSchema>,
  ctx: CaseCommandContext,
): Promise<CaseOutcome> {
  return changeCase(tx, input.caseId, ctx, () => ({
    action: { type: 'intervene', at: ctx.now },
    kind: 'intervened',
    actorParty: 'platform',
    actorId: input.agentId,
    data: { note: input.note ?? null },
    event: (record) =>
      caseEvent(ctx.nextId(), ctx.now, 'case.intervened', { caseId: record.id, agentId: input.agentId }),
  }));
}

/**
 * `assign`.
 *
 * @example
 * await assign(tx, input, ctx)
 */
export function assign(
  tx: AftersalesTx,
  input: z.output<typeof assignSchema>,
  ctx: CaseCommandContext,
): Promise<CaseOutcome> {
  return changeCase(tx, input.caseId, ctx, (current) => {
    const party = input.party ?? current.suggestedParty;
    const partyId =
      input.partyId ??
      (party === 'supplier'
        ? current.supplierId
        : party === 'carrier'
          ? current.carrierId
          : party === 'merchant'
            ? current.merchantId
            : null);
    return {
      action: { type: 'assign', at: ctx.now, party, partyId },
      kind: 'assigned',
      actorParty: 'platform',
      actorId: input.agentId,
      data: { party, partyId, suggested: party === current.suggestedParty, note: input.note ?? null },
      event: (record) =>
        caseEvent(ctx.nextId(), ctx.now, 'case.assigned', {
          caseId: record.id,
          party,
          partyId,
          agentId: input.agentId,
        }),
    };
  });
}

/**
 * `respond`.
 *
 * @example
 * await respond(tx, input, ctx)
 */
export function respond(
  tx: AftersalesTx,
  input: z.output<typeof respondSchema>,
  ctx: CaseCommandContext,
): Promise<CaseOutcome> {
  return changeCase(tx, input.caseId, ctx, () => ({
    action: {
      type: 'respond',
      at: ctx.now,
      from: input.from,
      partyId: input.partyId ?? null,
      requestInfo: input.requestInfo,
      evidence: evidenceOf(input.evidence, input.from, ctx.now),
    },
    kind: input.requestInfo ? 'info-requested' : 'responded',
    actorParty: input.from,
    actorId: input.partyId ?? null,
    data: { message: input.message, requestInfo: input.requestInfo, evidence: input.evidence.length },
    event: (record) =>
      caseEvent(ctx.nextId(), ctx.now, 'case.responded', {
        caseId: record.id,
        from: input.from,
        partyId: input.partyId ?? null,
        requestInfo: input.requestInfo,
      }),
  }));
}

/**
 * `resolve`: plans the compensation from the case (lines, reason, shipment) and decides it.
 *
 * @example
 * await resolve(tx, input, ctx)
 */
export function resolve(
  tx: AftersalesTx,
  input: z.output<typeof resolveSchema>,
  ctx: CaseCommandContext,
): Promise<CaseOutcome> {
  return changeCase(tx, input.caseId, ctx, (current) => {
    const plan = compensationPlanJson(
      planCompensation({
        reason: current.reason,
        resolution: input.resolution,
        currency: current.currency,
        lines: current.lines.map((line) => ({
          lineId: line.lineId,
          sku: line.sku,
          orderedQuantity: line.orderedQuantity,
          unitPrice: line.unitPrice,
          discount: line.discount,
          previouslyRefunded: line.previouslyRefunded,
          quantity: line.quantity,
        })),
        shipment: current.shipment
          ? { freight: current.shipment.freight, declaredValue: current.shipment.declaredValue }
          : undefined,
        carrierTerms: input.carrierTerms ?? ctx.carrierTerms,
        agreement: input.agreement ?? {},
        rules: [...ctx.rules],
      }),
    );
    return {
      action: {
        type: 'resolve',
        at: ctx.now,
        resolution: {
          kind: input.resolution.kind,
          decidedAt: ctx.now,
          decidedBy: input.agentId ?? null,
          note: input.note ?? null,
          plan,
        },
      },
      kind: 'resolved',
      actorParty: 'platform',
      actorId: input.agentId ?? null,
      data: { resolution: input.resolution.kind, totals: plan.totals, note: input.note ?? null },
      event: (record) =>
        caseEvent(ctx.nextId(), ctx.now, 'case.resolved', {
          caseId: record.id,
          resolution: plan.resolution,
          responsible: plan.responsible,
          entries: plan.entries,
          totals: plan.totals,
        }),
    };
  });
}

/**
 * `close`.
 *
 * @example
 * await close(tx, input, ctx)
 */
export function close(
  tx: AftersalesTx,
  input: z.output<typeof closeSchema>,
  ctx: CaseCommandContext,
): Promise<CaseOutcome> {
  return changeCase(tx, input.caseId, ctx, (current) => ({
    action: { type: 'close', at: ctx.now, withdrawn: input.withdrawn },
    kind: input.withdrawn ? 'withdrawn' : 'closed',
    actorParty: input.withdrawn ? 'merchant' : 'platform',
    actorId: input.withdrawn ? current.merchantId : null,
    data: { note: input.note ?? null },
    event: (record) =>
      caseEvent(ctx.nextId(), ctx.now, 'case.closed', { caseId: record.id, withdrawn: input.withdrawn }),
  }));
}

/**
 * `reopen`.
 *
 * @example
 * await reopen(tx, input, ctx)
 */
export function reopen(
  tx: AftersalesTx,
  input: z.output<typeof reopenSchema>,
  ctx: CaseCommandContext,
): Promise<CaseOutcome> {
  return changeCase(tx, input.caseId, ctx, (current) => ({
    action: { type: 'reopen', at: ctx.now },
    kind: 'reopened',
    actorParty: 'merchant',
    actorId: current.merchantId,
    data: { note: input.note ?? null },
    event: (record) =>
      caseEvent(ctx.nextId(), ctx.now, 'case.reopened', {
        caseId: record.id,
        reopenCount: record.reopenCount,
      }),
  }));
}

/**
 * `evaluate`: only time passes; records what the clocks reached (nothing when nothing did).
 *
 * @example
 * await evaluate(tx, input, ctx)
 */
export function evaluate(
  tx: AftersalesTx,
  input: z.output<typeof evaluateSchema>,
  ctx: CaseCommandContext,
): Promise<CaseOutcome> {
  return changeCase(tx, input.caseId, ctx, () => ({
    action: null,
    kind: 'evaluated',
    actorParty: null,
    actorId: null,
    data: {},
    event: null,
  }));
}
