import { createIdGenerator, manualClock } from '@s2b2b/core';
import {
  bgNbdConditionalExpectedPurchases,
  bgNbdProbabilityAlive,
  createFollowUpService,
  fitBgNbd,
  formatDay,
  rfmScores,
  rfmValuesFromSummary,
  segmentCustomers,
  simulateBgNbd,
  summarizeCustomers,
} from '@s2b2b/crm';
import type { Printer } from '../output.js';
import type { StorageSession } from '../storage.js';

/**
 * What the CRM section found.
 *
 * @example
 * const { fit, followUps, ok }: CrmTourResult = await crmTour(options);
 */
export interface CrmTourResult {
  kind: string;
  customers: number;
  transactions: number;
  /** Customers per RFM segment. */
  segments: Record<string, number>;
  fit: { r: number; alpha: number; a: number; b: number; logLikelihood: number; ms: number };
  /** The published CDNOW check: E[Y(39) | 2, 30.43, 38.86] and P(alive) at the paper's parameters. */
  published: { expected: number; alive: number };
  followUps: {
    merchantId: string;
    planned: number;
    /** Tasks a second run of the same plan added (0: the dedup keys hold). */
    addedByRerun: number;
    due: number;
    completed: boolean;
    events: number;
  };
  ok: boolean;
  ms: number;
}

/**
 * Options of `crmTour`.
 *
 * @example
 * const options: CrmTourOptions = { out, session, seed: 1 };
 */
export interface CrmTourOptions {
  out: Printer;
  session: StorageSession;
  seed: number;
}

const NOW = '2026-03-01T02:00:00Z';

/**
 * The CRM section of `s2b2b demo`: 2,000 seeded customers summarised in the BTYD conventions,
 * segmented by RFM and fitted with BG/NBD; the published CDNOW prediction; then follow-ups on the
 * demo's storage for a merchant of this run — planned, planned again (nothing added), one done.
 *
 * @example
 * const result = await crmTour({ out, session, seed: 1 });
 */
export async function crmTour(options: CrmTourOptions): Promise<CrmTourResult> {
  const { out, session, seed } = options;
  const started = performance.now();
  out.heading(`8. CRM: segments, lifetime value, follow-ups (${session.plan.kind})`);
  const drawn = simulateBgNbd({
    params: { r: 0.5, alpha: 6, a: 0.8, b: 2.5 },
    customers: 2000,
    days: 364,
    acquisitionDays: 91,
    unitDays: 7,
    seed,
  });
  const table = summarizeCustomers(
    drawn.map((p, i) => ({
      customerId: p.customerId,
      date: formatDay(20454 + p.day),
      amount: 20 + (i % 50) * 3,
    })),
    { observationEnd: formatDay(20454 + 363), timeUnit: 'week', zone: 'UTC' },
  );
  const segments: Record<string, number> = {};
  for (const s of segmentCustomers(rfmScores(rfmValuesFromSummary(table)))) {
    segments[s.segment] = (segments[s.segment] ?? 0) + 1;
  }
  const fitStarted = performance.now();
  const fit = fitBgNbd(table.customers);
  const fitMs = Math.round(performance.now() - fitStarted);
  out.line(
    `${table.customers.length.toLocaleString('en-US')} seeded customers, ${drawn.length.toLocaleString('en-US')} purchases: ` +
      `${table.totals.repeatBuyers.toLocaleString('en-US')} repeat buyers; BG/NBD r ${fit.params.r.toFixed(3)}, α ${fit.params.alpha.toFixed(3)}, ` +
      `a ${fit.params.a.toFixed(3)}, b ${fit.params.b.toFixed(3)} in ${fitMs} ms`,
  );
  out.table(
    Object.entries(segments)
      .sort(([, a], [, b]) => b - a)
      .map(([segment, customers]) => ({ segment, customers })),
  );
  const paper = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
  const cdnow = { frequency: 2, recency: 30.43, T: 38.86 };
  const published = {
    expected: bgNbdConditionalExpectedPurchases(paper, cdnow, 39),
    alive: bgNbdProbabilityAlive(paper, cdnow),
  };
  out.line(
    `CDNOW (Fader, Hardie & Lee 2005): E[purchases in 39 weeks | 2, 30.43, 38.86] = ${published.expected.toFixed(3)}, P(alive) = ${published.alive.toFixed(4)}`,
  );

  const { storage, kind } = await session.open();
  let events = 0;
  const followUps = createFollowUpService({
    storage,
    clock: manualClock(NOW),
    onEvent: () => {
      events += 1;
    },
  });
  const runId = createIdGenerator({ prefix: 'run' })();
  const merchantId = `M-${runId.slice(-6)}`;
  const customers = [
    {
      customerId: 'C-王',
      stage: 'loyal' as const,
      firstPurchase: '2025-06-03',
      lastPurchase: '2026-02-20',
      orders: 5,
    },
    {
      customerId: 'C-李',
      stage: 'at-risk' as const,
      firstPurchase: '2025-05-10',
      lastPurchase: '2025-10-30',
      orders: 4,
    },
    {
      customerId: 'C-张',
      stage: 'new' as const,
      firstPurchase: '2026-02-05',
      lastPurchase: '2026-02-05',
      orders: 1,
    },
    {
      customerId: 'C-周',
      stage: 'new' as const,
      firstPurchase: '2026-02-27',
      lastPurchase: '2026-02-27',
      orders: 1,
    },
  ];
  const plan = await followUps.planAndSchedule({ idempotencyKey: `${runId}/plan`, merchantId, customers });
  const rerun = await followUps.planAndSchedule({
    idempotencyKey: `${runId}/plan-again`,
    merchantId,
    customers,
  });
  const due = await followUps.listDue(merchantId);
  const call = plan.tasks.find((t) => t.task.action === 'call')?.task;
  const done = call
    ? await followUps.complete({
        idempotencyKey: `${runId}/done`,
        merchantId,
        taskId: call.id,
        outcome: 'reordered',
      })
    : undefined;
  out.line(`Follow-ups for ${merchantId} on ${kind}, as of ${NOW}:`);
  out.table(
    plan.tasks.map((t) => ({
      customer: t.task.customerId,
      action: t.task.action,
      priority: t.task.priority,
      due: t.task.dueAt.toISOString(),
      status: t.task.id === call?.id ? 'done' : 'open',
    })),
  );
  const planned = plan.tasks.filter((t) => t.inserted).length;
  const addedByRerun = rerun.tasks.filter((t) => t.inserted).length;
  out.line(`A second run of the same plan added ${addedByRerun} tasks; ${due.length} were due by tomorrow.`);
  const ok =
    Math.abs(published.expected - 1.226) < 0.001 &&
    Math.abs(published.alive - 0.7266) < 0.0001 &&
    planned === 3 &&
    addedByRerun === 0 &&
    done?.task.status === 'done' &&
    events === 4;
  return {
    kind,
    customers: table.customers.length,
    transactions: drawn.length,
    segments,
    fit: { ...fit.params, logLikelihood: fit.logLikelihood, ms: fitMs },
    published,
    followUps: {
      merchantId,
      planned,
      addedByRerun,
      due: due.length,
      completed: done?.task.status === 'done',
      events,
    },
    ok,
    ms: Math.round(performance.now() - started),
  };
}
