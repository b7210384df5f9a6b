import { manualClock } from '@s2b2b/core';
import {
  createFollowUpService,
  lifecycleStages,
  rfmScores,
  rfmValuesFromSummary,
  segmentCustomers,
  summarizeCustomers,
} from '@s2b2b/crm';
import { dateOfDay } from '@s2b2b/scenario';
import type { DayContext } from './context.js';
import { orderRows } from './history.js';

/**
 * What the CRM stage found and planned.
 *
 * @example
 * const { segments, followUps }: CrmResult = await runCrm(ctx, complaints);
 */
export interface CrmResult {
  customers: number;
  /** Customers per RFM segment at the end of the day, largest first. */
  segments: { segment: string; customers: number }[];
  /** Customers whose segment changed over the last 30 days (`new` for customers who had not bought yet). */
  movements: { from: string; to: string; customers: number }[];
  /** Customers per lifecycle stage. */
  stages: Record<string, number>;
  followUps: {
    merchants: number;
    /** Tasks created, by action. */
    byAction: Record<string, number>;
    created: number;
  };
}

/** Days back the segment movements compare with. */
export const MOVEMENT_DAYS = 30;

/**
 * Stage 10 of the day, at 20:00: every customer's orders of the two years and the day,
 * summarised (`summarizeCustomers`), scored and segmented by RFM across the platform, and
 * compared with their segments 30 days earlier; lifecycle stages from first and last purchase;
 * then, per merchant on the run's storage, `planAndSchedule` creates the follow-ups — VIP service
 * for loyal customers, win-back calls for those at risk, first-repeat offers, and a call for
 * every customer whose after-sales case was a quality complaint.
 *
 * @example
 * const crm = await runCrm(ctx, aftersales.complaints);
 * crm.followUps.created // tasks on the storage
 */
export async function runCrm(
  ctx: DayContext,
  complaints: readonly { id: string; type: 'complaint'; customerId: string; at: string }[],
): Promise<CrmResult> {
  const { scenario } = ctx;
  const rows = orderRows(scenario, 0, ctx.day + 1);
  const segmentsAt = (end: string) => {
    const table = summarizeCustomers(rows, { observationEnd: end, timeUnit: 'day' });
    return new Map(
      segmentCustomers(rfmScores(rfmValuesFromSummary(table))).map((s) => [s.customerId, s.segment]),
    );
  };
  const now = segmentsAt(ctx.date);
  const before = segmentsAt(dateOfDay(ctx.day - MOVEMENT_DAYS, scenario.calendar));
  const sizes = new Map<string, number>();
  for (const segment of now.values()) sizes.set(segment, (sizes.get(segment) ?? 0) + 1);
  const moves = new Map<string, number>();
  for (const [customerId, segment] of now) {
    const from = before.get(customerId) ?? 'new';
    if (from !== segment)
      moves.set(`${from}\u0000${segment}`, (moves.get(`${from}\u0000${segment}`) ?? 0) + 1);
  }

  const history = new Map<string, { first: string; last: string; orders: number }>();
  for (const row of rows) {
    const h = history.get(row.customerId);
    if (!h) history.set(row.customerId, { first: row.date, last: row.date, orders: 1 });
    else {
      h.last = row.date;
      h.orders += 1;
    }
  }
  const at = ctx.at('20:00');
  const stageRows = lifecycleStages({
    customers: [...history].map(([customerId, h]) => ({
      customerId,
      firstPurchase: h.first,
      lastPurchase: h.last,
      orders: h.orders,
    })),
    now: at,
  });
  const stageOf = new Map(stageRows.map((r) => [r.customerId, r.stage]));
  const stages: Record<string, number> = {};
  for (const r of stageRows) stages[r.stage] = (stages[r.stage] ?? 0) + 1;

  const followUps = createFollowUpService({ storage: ctx.storage, clock: manualClock(at) });
  const byAction: Record<string, number> = {};
  let created = 0;
  let merchants = 0;
  const bar = ctx.progress('follow-ups     ', scenario.merchants.length);
  for (const merchant of scenario.merchants) {
    bar.tick();
    const mine = scenario.customers.filter(
      (c) => c.merchantId === merchant.merchantId && history.has(c.customerId),
    );
    if (mine.length === 0) continue;
    const ids = new Set(mine.map((c) => c.customerId));
    const plan = await followUps.planAndSchedule({
      idempotencyKey: ctx.key('crm', merchant.merchantId),
      merchantId: ctx.id(merchant.merchantId),
      customers: mine.map((c) => {
        const h = history.get(c.customerId)!;
        return {
          customerId: c.customerId,
          stage: stageOf.get(c.customerId),
          segment: now.get(c.customerId),
          firstPurchase: h.first,
          lastPurchase: h.last,
          orders: h.orders,
        };
      }),
      events: complaints.filter((e) => ids.has(e.customerId)),
    });
    merchants += 1;
    for (const t of plan.tasks) {
      if (!t.inserted) continue;
      created += 1;
      byAction[t.task.action] = (byAction[t.task.action] ?? 0) + 1;
    }
  }
  bar.finish();
  return {
    customers: now.size,
    segments: [...sizes]
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
      .map(([segment, customers]) => ({ segment, customers })),
    movements: [...moves]
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
      .map(([key, customers]) => {
        const [from, to] = key.split('\u0000') as [string, string];
        return { from, to, customers };
      }),
    stages,
    followUps: { merchants, byAction, created },
  };
}
