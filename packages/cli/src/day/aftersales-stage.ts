import {
  type CaseReason,
  type CaseType,
  createCaseService,
  type OpenCaseInput,
  type Party,
  type ResolveInput,
} from '@s2b2b/aftersales';
import { chinaCalendar, createRng, Money, manualClock, type Rng } from '@s2b2b/core';
import { firstOrderOf, orderView, type VerticalId, verticalOf } from '@s2b2b/scenario';
import type { ReportSlaClock } from '../report/model.js';
import type { DayContext } from './context.js';

/**
 * What after-sales did through the day.
 *
 * @example
 * const { cases, compliance }: AftersalesResult = await runAftersales(ctx);
 */
export interface AftersalesResult {
  cases: number;
  /** Cases by status at the end of the day. */
  statuses: Record<string, number>;
  resolved: number;
  breaches: number;
  escalations: number;
  clocks: ReportSlaClock[];
  /** Per metric: clocks met, breached, still running (or paused). */
  compliance: { metric: string; met: number; breached: number; running: number }[];
  /** Met over met + breached, over every metric. */
  complianceRate: number;
  /** Complaints for the CRM follow-ups: a quality case is a complaint of the customer who ordered. */
  complaints: { id: string; type: 'complaint'; customerId: string; at: string }[];
}

/** Days back the cases come from: orders delivered over the last week. */
const LOOKBACK_DAYS = 6;

const REASONS: Readonly<Record<VerticalId, readonly [CaseType, CaseReason, number][]>> = {
  fresh: [
    ['refund-only', 'quality-defect', 0.5],
    ['return', 'transport-damage', 0.3],
    ['refund-only', 'missing-item', 0.2],
  ],
  apparel: [
    ['return', 'not-as-described', 0.5],
    ['exchange', 'wrong-item', 0.3],
    ['return', 'quality-defect', 0.2],
  ],
  industrial: [
    ['return', 'quality-defect', 0.6],
    ['repair', 'quality-defect', 0.2],
    ['refund-only', 'missing-item', 0.2],
  ],
};

interface Action {
  at: number;
  seq: number;
  kind: 'open' | 'respond' | 'assign' | 'party' | 'resolve' | 'tick';
  caseIndex: number;
}

/**
 * Stage 9 of the day: after-sales on the China calendar (09:00-18:00 working hours). Cases come
 * from last week's orders at the vertical's case rate — spoiled or damaged fresh food, apparel
 * that does not fit or is not as described, industrial parts failing inspection (opened as high
 * priority: strict quality) — and open over the two days before and the day itself. The agents'
 * day is drawn from the seed: the platform answers (some cases wait), assigns the responsible
 * party, the party answers, some cases are resolved and closed. A scheduler calls `evaluateDue`
 * every hour, so warnings, breaches and escalations are raised at their instants; at 23:59 every
 * case is evaluated and its clocks read with `slaStatus`.
 *
 * @example
 * const aftersales = await runAftersales(ctx);
 * aftersales.complianceRate // met / (met + breached)
 */
export async function runAftersales(ctx: DayContext): Promise<AftersalesResult> {
  const { scenario } = ctx;
  const rng = createRng(scenario.seed).fork('aftersales');
  const calendar = chinaCalendar();
  const clock = manualClock(ctx.at('08:00', 2));
  let breaches = 0;
  let escalations = 0;
  const cases = createCaseService({
    storage: ctx.storage,
    clock,
    calendars: { default: calendar },
    onEvent: (event) => {
      if (event.type === 'sla.breached') breaches += 1;
      if (event.type === 'case.escalated') escalations += 1;
    },
  });
  const drafts = draftCases(ctx, rng);
  const actions = scheduleActions(ctx, rng, drafts);
  const bar = ctx.progress('after-sales    ', actions.length + drafts.length);
  const assignee = new Map<number, { party: Party; partyId: string | null }>();
  const live = new Set<number>();
  for (const action of actions) {
    clock.set(new Date(action.at));
    if (action.kind === 'tick') {
      await cases.evaluateDue({ limit: 1000 });
      bar.tick();
      continue;
    }
    const draft = drafts[action.caseIndex]!;
    const caseId = draft.caseId;
    const key = (name: string) => ctx.key('aftersales', `${ctx.label(caseId)}-${name}`);
    switch (action.kind) {
      case 'open':
        await cases.open({ idempotencyKey: key('open'), ...draft.input });
        live.add(action.caseIndex);
        break;
      case 'respond':
        await cases.respond({
          idempotencyKey: key('respond'),
          caseId,
          from: 'platform',
          message: '已收到，正在核实',
        });
        break;
      case 'assign': {
        const { case: assigned } = await cases.assign({
          idempotencyKey: key('assign'),
          caseId,
          agentId: 'agent-1',
        });
        if (assigned.assignee) assignee.set(action.caseIndex, assigned.assignee);
        break;
      }
      case 'party': {
        const who = assignee.get(action.caseIndex);
        if (!who) break;
        await cases.respond({
          idempotencyKey: key('party'),
          caseId,
          from: who.party,
          ...(who.partyId !== null ? { partyId: who.partyId } : {}),
          message: '已核实，同意处理',
        });
        break;
      }
      case 'resolve':
        if (!assignee.has(action.caseIndex)) break;
        await cases.resolve({ idempotencyKey: key('resolve'), caseId, resolution: draft.resolution });
        await cases.close({ idempotencyKey: key('close'), caseId });
        live.delete(action.caseIndex);
        break;
    }
    bar.tick();
  }

  const end = ctx.at('23:59');
  clock.set(end);
  const clocks: ReportSlaClock[] = [];
  const statuses: Record<string, number> = {};
  for (const [index, draft] of drafts.entries()) {
    const { case: record } = live.has(index)
      ? await cases.evaluate({
          idempotencyKey: ctx.key('aftersales', `${ctx.label(draft.caseId)}-eod`),
          caseId: draft.caseId,
        })
      : { case: (await cases.getCase(draft.caseId))! };
    statuses[record.status] = (statuses[record.status] ?? 0) + 1;
    for (const status of await cases.slaStatus(draft.caseId, end)) {
      if (status.state === 'not-started' || status.state === 'cancelled') continue;
      const cycle = record.clocks.find((c) => c.metric === status.metric)?.cycles.at(-1);
      if (!cycle) continue;
      clocks.push({
        caseId: ctx.label(draft.caseId),
        metric: status.metric,
        startedAt: cycle.startedAt.toISOString(),
        deadline: (status.deadline ?? cycle.deadline ?? end).toISOString(),
        usedMinutes: Math.round(status.elapsedMs / 60_000),
        targetMinutes: Math.round(status.targetMs / 60_000),
        status: status.breached ? 'breached' : status.state === 'completed' ? 'met' : status.state,
      });
    }
    bar.tick();
  }
  bar.finish();

  const metrics = [...new Set(clocks.map((c) => c.metric))];
  const compliance = metrics.map((metric) => {
    const mine = clocks.filter((c) => c.metric === metric);
    return {
      metric,
      met: mine.filter((c) => c.status === 'met').length,
      breached: mine.filter((c) => c.status === 'breached').length,
      running: mine.filter((c) => c.status === 'running' || c.status === 'paused').length,
    };
  });
  const met = compliance.reduce((n, c) => n + c.met, 0);
  const missed = compliance.reduce((n, c) => n + c.breached, 0);
  return {
    cases: drafts.length,
    statuses,
    resolved: (statuses.resolved ?? 0) + (statuses.closed ?? 0),
    breaches,
    escalations,
    clocks,
    compliance,
    complianceRate: met + missed === 0 ? 1 : met / (met + missed),
    complaints: drafts
      .filter((d) => d.input.reason === 'quality-defect')
      .map((d) => ({
        id: ctx.label(d.caseId),
        type: 'complaint' as const,
        customerId: d.customerId,
        at: new Date(d.openedAt).toISOString(),
      })),
  };
}

interface CaseDraft {
  caseId: string;
  customerId: string;
  openedAt: number;
  input: Omit<OpenCaseInput, 'idempotencyKey'> & { reason: CaseReason };
  resolution: ResolveInput['resolution'];
}

/** Which of last week's orders come back, as what, and when. */
function draftCases(ctx: DayContext, rng: Rng): CaseDraft[] {
  const { scenario } = ctx;
  const supplierOf = new Map<string, string>();
  for (const a of scenario.agreements) if (!supplierOf.has(a.sku)) supplierOf.set(a.sku, a.supplierId);
  const merchants = new Map(scenario.merchants.map((m) => [m.merchantId, m]));
  const drafts: CaseDraft[] = [];
  const from = firstOrderOf(scenario.orders, ctx.day - LOOKBACK_DAYS);
  const to = firstOrderOf(scenario.orders, ctx.day);
  for (let index = from; index < to; index++) {
    const order = orderView(scenario, index);
    const vertical = order.customer.vertical;
    if (rng.next() >= verticalOf(vertical).traits.caseRate) continue;
    // Opened the day after delivery at the earliest, two days before the day at the earliest.
    const firstDay = Math.max(order.day + 1, ctx.day - 2);
    const daysBefore = ctx.day - rng.int(firstDay, ctx.day);
    const minute = rng.int(8 * 60, 20 * 60);
    const openedAt = ctx
      .at(
        `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`,
        daysBefore,
      )
      .getTime();
    const line = rng.pick(order.lines);
    const [type, reason] = pickShare(rng, REASONS[vertical]);
    const strict = verticalOf(vertical).traits.strictQuality && reason === 'quality-defect';
    const caseId = ctx.id(`AS-${order.orderId.slice(3)}`);
    const quantity = Math.max(1, Math.min(line.quantity, rng.int(1, Math.ceil(line.quantity / 3))));
    drafts.push({
      caseId,
      customerId: order.customer.customerId,
      openedAt,
      input: {
        caseId,
        orderId: ctx.id(order.orderId),
        merchantId: ctx.id(order.merchantId),
        merchantTier: merchants.get(order.merchantId)!.size,
        supplierId: ctx.id(supplierOf.get(line.sku.sku)!),
        carrierId: reason === 'transport-damage' ? 'DB' : 'SF',
        category: vertical,
        type,
        reason,
        priority: strict ? 'high' : 'normal',
        // A damaged delivery is claimed from the carrier: the waybill's freight and declared value.
        ...(reason === 'transport-damage'
          ? {
              shipment: {
                freight: '25.00',
                declaredValue: Money.of(line.sku.unitPrice).multiply(line.quantity).toDecimalString(),
              },
            }
          : {}),
        lines: [
          {
            lineId: line.lineId,
            sku: ctx.sku(line.sku.sku),
            orderedQuantity: line.quantity,
            unitPrice: line.sku.unitPrice,
            quantity,
          },
        ],
      },
      resolution:
        type === 'exchange'
          ? { kind: 'replacement', returnFreight: '12.00' }
          : type === 'repair'
            ? { kind: 'repair', repairCost: '80.00' }
            : type === 'return'
              ? { kind: 'refund', returnFreight: '12.00' }
              : { kind: 'refund' },
    });
  }
  return drafts.sort((a, b) => a.openedAt - b.openedAt || (a.caseId < b.caseId ? -1 : 1));
}

/** Every case's day as timed actions, with the scheduler's hourly ticks, in time order. */
function scheduleActions(ctx: DayContext, rng: Rng, drafts: readonly CaseDraft[]): Action[] {
  const minute = 60_000;
  const end = ctx.at('23:30').getTime();
  const actions: Action[] = [];
  let seq = 0;
  const push = (at: number, kind: Action['kind'], caseIndex: number) => {
    if (at <= end) actions.push({ at, seq: seq++, kind, caseIndex });
  };
  drafts.forEach((draft, i) => {
    push(draft.openedAt, 'open', i);
    if (rng.next() < 0.12) return; // nobody has looked at it yet
    let t = draft.openedAt + Math.round(rng.exponential(1 / 150)) * minute;
    push(t, 'respond', i);
    if (draft.input.priority !== 'high' && rng.next() < 0.3) return;
    t += Math.round(30 + rng.exponential(1 / 120)) * minute;
    push(t, 'assign', i);
    if (rng.next() < 0.4) return;
    t += Math.round(rng.exponential(1 / 300)) * minute;
    push(t, 'party', i);
    if (rng.next() < 0.5) return;
    t += Math.round(30 + rng.exponential(1 / 240)) * minute;
    push(t, 'resolve', i);
  });
  for (let daysBefore = 2; daysBefore >= 0; daysBefore--) {
    for (let hour = 9; hour <= 23; hour++) {
      push(ctx.at(`${String(hour).padStart(2, '0')}:00`, daysBefore).getTime(), 'tick', -1);
    }
  }
  return actions.sort((a, b) => a.at - b.at || a.seq - b.seq);
}

/** One of the rows, each drawn with the probability of its last field (the shares add up to 1). */
function pickShare<T extends readonly unknown[]>(rng: Rng, rows: readonly T[]): T {
  let u = rng.next();
  for (const row of rows) {
    u -= row[row.length - 1] as number;
    if (u < 0) return row;
  }
  return rows[rows.length - 1]!;
}
