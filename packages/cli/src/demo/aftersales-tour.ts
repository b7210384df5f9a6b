import { type CaseEvent, createCaseService } from '@s2b2b/aftersales';
import {
  chinaCalendar,
  createIdGenerator,
  formatMoney,
  Money,
  type MoneyJson,
  manualClock,
} from '@s2b2b/core';
import type { Printer } from '../output.js';
import type { StorageSession } from '../storage.js';

/**
 * What the after-sales section found.
 *
 * @example
 * const { deadlines, breaches, totals, ok }: AftersalesTourResult = await aftersalesTour(options);
 */
export interface AftersalesTourResult {
  kind: string;
  /** The case of this run (`AS-<tag>`): its own per run, so reruns on the same data never meet. */
  caseId: string;
  calendar: { workingDays2025: number; oneWorkingDayAfter20250930: string };
  /** The deadlines the case opened with (ISO instants). */
  deadlines: { firstResponse: string; intervention: string; resolution: string };
  /** The SLA metrics that breached over the holiday, in order, with their breach instants. */
  breaches: { metric: string; at: string }[];
  escalations: number;
  /** The settlement of the refund: net per party. */
  totals: { party: string; amount: MoneyJson }[];
  /** Transitions recorded for the case. */
  transitions: number;
  /** The `case.*` and `sla.*` events the section committed (heard by `onEvent` after the commit), by type. */
  events: { committed: number; byType: Record<string, number> };
  ok: boolean;
  ms: number;
}

/**
 * Options of `aftersalesTour`.
 *
 * @example
 * const options: AftersalesTourOptions = { out, session: storageSession(plan) };
 */
export interface AftersalesTourOptions {
  out: Printer;
  /** The demo's storage (already opened by an earlier section, or opened here). */
  session: StorageSession;
}

const local = (iso: string | Date | null) =>
  iso === null
    ? '—'
    : new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
const at = (text: string) => new Date(`${text}+08:00`);

/**
 * Section 10 of the demo: `@s2b2b/aftersales` on the demo's storage and the China calendar. A
 * quality return opened on Tue 2025-09-30 10:00 gets its deadlines (first response 14:00,
 * intervention 10-01 10:00, resolution 10-17 10:00 after the holiday and the worked Saturday);
 * nobody looks at it until 10-09, so the first-response and intervention clocks breach and
 * escalate at their exact instants; the platform steps in, the supplier answers, and the refund
 * (3 of 10 at ¥19.90 less the ¥4.50 of discount they carried, plus ¥12.00 return freight) is
 * settled: the merchant +¥67.20, the supplier −¥67.20. It runs on a clock of its own, so its
 * numbers are the same on every run; a fresh case and keys each run.
 *
 * @example
 * const result = await aftersalesTour({ out, session });
 * result.ok // true
 */
export async function aftersalesTour(options: AftersalesTourOptions): Promise<AftersalesTourResult> {
  const { out, session } = options;
  const started = performance.now();
  out.heading(
    `10. After-sales: SLA clocks on the China calendar, escalation, a refund to the cent (${session.plan.kind})`,
  );
  const { storage, kind } = await session.open();
  const calendar = chinaCalendar();
  const clock = manualClock(at('2025-09-30T10:00:00'));
  const byType: Record<string, number> = {};
  const heard: CaseEvent[] = [];
  const cases = createCaseService({
    storage,
    clock,
    calendars: { default: calendar },
    onEvent: (event) => {
      byType[event.type] = (byType[event.type] ?? 0) + 1;
      heard.push(event);
    },
  });
  const runId = createIdGenerator({ prefix: 'run' })();
  const caseId = `AS-${runId.slice(-6)}`;
  const key = (name: string) => `${runId}/${name}`;

  const { case: opened } = await cases.open({
    idempotencyKey: key('open'),
    caseId,
    orderId: `SO-${runId.slice(-6)}`,
    merchantId: 'M-茶香',
    supplierId: 'SUP-云岭',
    carrierId: 'SF',
    category: 'tea',
    type: 'return',
    reason: 'quality-defect',
    lines: [
      {
        lineId: 'L1',
        sku: 'PUER-357G',
        orderedQuantity: 10,
        unitPrice: '19.90',
        discount: '15.00',
        quantity: 3,
      },
    ],
  });
  const deadlineOf = (metric: string) =>
    opened.clocks.find((c) => c.metric === metric)?.cycles[0]?.deadline?.toISOString() ?? '';
  const deadlines = {
    firstResponse: deadlineOf('first-response'),
    intervention: deadlineOf('intervention'),
    resolution: deadlineOf('resolution'),
  };
  out.line(
    `${caseId} opened Tue 2025-09-30 10:00: first response by ${local(deadlines.firstResponse)}, intervention by ${local(deadlines.intervention)}, resolution by ${local(deadlines.resolution)} (72 business hours past the holiday)`,
  );

  clock.set(at('2025-10-09T09:30:00'));
  await cases.evaluate({ idempotencyKey: key('evaluate'), caseId });
  const breaches = heard
    .filter((e) => e.type === 'sla.breached')
    .map((e) => {
      const p = e.payload as { metric: string; at: string };
      return { metric: p.metric, at: p.at };
    });
  const escalations = heard.filter((e) => e.type === 'case.escalated').length;
  out.line(
    `Nobody looked until 2025-10-09 09:30: ${breaches.map((b) => `${b.metric} breached ${local(b.at)}`).join(', ')}; ${escalations} escalations`,
  );
  await cases.intervene({ idempotencyKey: key('intervene'), caseId, agentId: 'agent-1' });
  await cases.assign({ idempotencyKey: key('assign'), caseId, agentId: 'agent-1' });
  clock.set(at('2025-10-10T11:00:00'));
  await cases.respond({
    idempotencyKey: key('supplier'),
    caseId,
    from: 'supplier',
    message: 'Batch 42 had a bad seal',
  });
  const { case: resolved } = await cases.resolve({
    idempotencyKey: key('resolve'),
    caseId,
    resolution: { kind: 'refund', returnFreight: '12.00' },
  });
  await cases.close({ idempotencyKey: key('close'), caseId });
  const plan = resolved.resolution!.plan;
  out.table(
    plan.entries.map((e) => ({
      payer: e.payer,
      payee: e.payee,
      component: e.component,
      amount: formatMoney(Money.fromJSON(e.amount)),
    })),
  );
  const transitions = (await cases.listTransitions(caseId)).length;
  const totals = plan.totals.map((t) => ({ party: t.party, amount: t.amount }));
  const calendarFacts = {
    workingDays2025: calendar.workingDaysBetween('2025-01-01', '2025-12-31'),
    oneWorkingDayAfter20250930: calendar.addWorkingDays('2025-09-30', 1),
  };
  const net = (party: string) => totals.find((t) => t.party === party)?.amount.amount;
  const ok =
    calendarFacts.workingDays2025 === 248 &&
    calendarFacts.oneWorkingDayAfter20250930 === '2025-10-09' &&
    deadlines.firstResponse === at('2025-09-30T14:00:00').toISOString() &&
    deadlines.intervention === at('2025-10-01T10:00:00').toISOString() &&
    deadlines.resolution === at('2025-10-17T10:00:00').toISOString() &&
    breaches.map((b) => b.metric).join() === 'first-response,intervention' &&
    net('merchant') === '67.20' &&
    net('supplier') === '-67.20' &&
    net('platform') === '0.00';
  out.line(
    `Settled: merchant ${formatMoney(Money.of(net('merchant') ?? '0'))}, supplier ${formatMoney(Money.of(net('supplier') ?? '0'))}; ${transitions} transitions recorded on ${kind}`,
  );
  return {
    kind,
    caseId,
    calendar: calendarFacts,
    deadlines,
    breaches,
    escalations,
    totals,
    transitions,
    events: { committed: heard.length, byType },
    ok,
    ms: Math.round(performance.now() - started),
  };
}
