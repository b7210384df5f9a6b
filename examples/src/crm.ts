/**
 * CRM with `@s2b2b/crm`: a merchant's customers summarised in the BTYD conventions, scored by RFM
 * and named by the segment table, placed in lifecycle stages, given follow-up tasks for today
 * (stored, idempotent), offered items that go with what they buy, and valued: BG/NBD and
 * Gamma-Gamma fitted on a seeded customer base of 3,000, recovering the parameters it was drawn
 * from, and the published CDNOW prediction (1.226 purchases in 39 weeks) with its P(alive) and CLV.
 */
import { fixedClock, formatMoney, money } from '@s2b2b/core';
import {
  bgNbdConditionalExpectedPurchases,
  bgNbdProbabilityAlive,
  createFollowUpService,
  customerLifetimeValue,
  fitBgNbd,
  fitGammaGamma,
  formatDay,
  gammaGammaExpectedSpend,
  itemAssociations,
  lifecycleStages,
  recommendForCustomer,
  rfmScores,
  rfmValuesFromSummary,
  segmentCustomers,
  simulateBgNbd,
  simulateGammaGammaSpend,
  summarizeCustomers,
} from '@s2b2b/crm';
import { createMemoryStorage } from '@s2b2b/storage-memory';
import type { ExampleIo, ExampleMeta } from './example.js';

/**
 * @example
 * meta.name // 'crm'
 */
export const meta: ExampleMeta = {
  name: 'crm',
  title: 'Segment customers, plan who to call today, recommend, and value customers with BG/NBD',
  description:
    'Eight customers of one merchant summarised, scored by RFM and segmented, put in lifecycle stages and given follow-up tasks on storage; items bought together by lift; BG/NBD and Gamma-Gamma fitted on 3,000 seeded customers; the published CDNOW prediction with P(alive) and a 12-month CLV.',
};

const NOW = new Date('2026-03-01T02:00:00.000Z'); // 10:00 in Shanghai

/** Orders of 华东食品's customers: id, day, amount, items. */
const ORDERS: [string, string, string, string, string[]][] = [
  ['SO-01', 'C-王', '2025-06-03', '420.00', ['茶叶', '茶杯']],
  ['SO-02', 'C-王', '2025-08-15', '380.00', ['茶叶', '茶点']],
  ['SO-03', 'C-王', '2025-10-20', '510.00', ['茶叶', '茶杯']],
  ['SO-04', 'C-王', '2025-12-18', '460.00', ['茶叶']],
  ['SO-05', 'C-王', '2026-02-20', '530.00', ['茶叶', '茶点']],
  ['SO-06', 'C-李', '2025-05-10', '880.00', ['大米', '食用油']],
  ['SO-07', 'C-李', '2025-07-02', '910.00', ['大米', '食用油']],
  ['SO-08', 'C-李', '2025-09-01', '760.00', ['大米']],
  ['SO-09', 'C-李', '2025-10-30', '640.00', ['大米', '食用油', '调料']],
  ['SO-10', 'C-张', '2026-02-05', '150.00', ['茶叶']],
  ['SO-11', 'C-赵', '2025-11-11', '95.00', ['调料']],
  ['SO-12', 'C-赵', '2025-12-12', '120.00', ['调料', '食用油']],
  ['SO-13', 'C-赵', '2026-02-26', '110.00', ['调料']],
  ['SO-14', 'C-孙', '2025-04-01', '60.00', ['茶点']],
  ['SO-15', 'C-周', '2026-02-27', '300.00', ['茶叶', '茶杯']],
  ['SO-16', 'C-吴', '2025-09-20', '200.00', ['大米', '食用油']],
  ['SO-17', 'C-吴', '2026-01-25', '240.00', ['大米', '食用油']],
  ['SO-18', 'C-郑', '2025-12-01', '45.00', ['茶点']],
  ['SO-19', 'C-郑', '2025-12-20', '55.00', ['茶点', '茶杯']],
];

/**
 * @example
 * await run({ log: console.log, table: console.table });
 */
export async function run(io: ExampleIo): Promise<void> {
  const transactions = ORDERS.map(([, customerId, date, amount]) => ({ customerId, date, amount }));
  const table = summarizeCustomers(transactions, { observationEnd: '2026-03-01', timeUnit: 'day' });
  const scores = rfmScores(rfmValuesFromSummary(table));
  const segments = new Map(segmentCustomers(scores).map((s) => [s.customerId, s.segment]));
  const stages = new Map(
    lifecycleStages({
      customers: table.customers.map((c) => ({
        customerId: c.customerId,
        firstPurchase: c.firstPurchase,
        lastPurchase: c.lastPurchase,
        orders: ORDERS.filter((o) => o[1] === c.customerId).length,
      })),
      now: NOW,
    }).map((row) => [row.customerId, row.stage]),
  );
  io.log(
    `华东食品: ${table.customers.length} customers, ${ORDERS.length} orders, as of 2026-03-01 (Asia/Shanghai)`,
  );
  io.table(
    table.customers.map((c) => {
      const score = scores.find((s) => s.customerId === c.customerId)!;
      return {
        customer: c.customerId,
        'repeat purchases': c.frequency,
        'days since last': score.recencyDays,
        spend: formatMoney(money(c.totalSpend)),
        RFM: score.code,
        segment: segments.get(c.customerId)!,
        stage: stages.get(c.customerId)!,
      };
    }),
  );

  // Follow-ups for today, on storage: the plan is idempotent (a second run adds nothing).
  const storage = createMemoryStorage();
  let n = 0;
  const followUps = createFollowUpService({ storage, clock: fixedClock(NOW), ids: () => `task-${++n}` });
  const customers = table.customers.map((c) => ({
    customerId: c.customerId,
    stage: stages.get(c.customerId)!,
    segment: segments.get(c.customerId)!,
    firstPurchase: c.firstPurchase,
    lastPurchase: c.lastPurchase,
    orders: c.frequency + 1,
  }));
  const events = [{ id: 'AS-7', type: 'complaint', customerId: 'C-赵', at: '2026-02-28T18:20:00+08:00' }];
  const plan = await followUps.planAndSchedule({
    idempotencyKey: 'plan-2026-03-01',
    merchantId: '华东食品',
    customers,
    events,
  });
  const rerun = await followUps.planAndSchedule({
    idempotencyKey: 'plan-2026-03-01-again',
    merchantId: '华东食品',
    customers,
    events,
  });
  io.log();
  io.log(
    `Follow-ups planned: ${plan.tasks.filter((t) => t.inserted).length} (a second run added ${rerun.tasks.filter((t) => t.inserted).length})`,
  );
  io.table(
    (await followUps.listTasks({ merchantId: '华东食品' })).map((task) => ({
      due: `${new Date(task.dueAt.getTime() - 1).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' })} end of day`,
      customer: task.customerId,
      action: task.action,
      priority: task.priority,
      rule: task.ruleId ?? '',
    })),
  );

  // Items bought together, and what to offer 张 (one order: 茶叶).
  const associations = itemAssociations(ORDERS.map(([basketId, , , , items]) => ({ basketId, items })));
  io.log();
  io.log('Bought together (lift > 1):');
  io.table(
    associations
      .filter((rule) => rule.lift > 1)
      .slice(0, 4)
      .map((rule) => ({
        rule: `${rule.antecedent} → ${rule.consequent}`,
        orders: rule.count,
        confidence: rule.confidence.toFixed(2),
        lift: rule.lift.toFixed(2),
      })),
  );
  const history = (customerId: string) =>
    ORDERS.filter((o) => o[1] === customerId).flatMap(([orderId, , , , items]) =>
      items.map((item) => ({ orderId, item })),
    );
  const offer = recommendForCustomer({ associations, history: history('C-张') });
  const regular = recommendForCustomer({ associations, history: history('C-王') });
  io.log(
    `Offer C-张: ${offer.map((s) => s.item).join(', ')}; C-王 (buys 茶叶 regularly): ${regular.map((s) => s.item).join(', ') || 'nothing new'}`,
  );

  // Lifetime value: fit on a seeded customer base drawn from known BG/NBD parameters.
  const truth = { r: 0.5, alpha: 6, a: 0.8, b: 2.5 };
  const spendTruth = { p: 6, q: 4, v: 15 };
  const drawn = simulateBgNbd({
    params: truth,
    customers: 3000,
    days: 364,
    acquisitionDays: 91,
    unitDays: 7,
    seed: 7,
  });
  const counts = new Map<string, number>();
  for (const p of drawn) counts.set(p.customerId, (counts.get(p.customerId) ?? 0) + 1);
  const amounts = simulateGammaGammaSpend({ params: spendTruth, purchases: [...counts.values()], seed: 8 });
  const next = new Map([...counts.keys()].map((id, i) => [id, amounts[i]!]));
  const base = summarizeCustomers(
    drawn.map((p) => ({
      customerId: p.customerId,
      date: formatDay(20454 + p.day),
      amount: next.get(p.customerId)!.pop()!,
    })),
    { observationEnd: formatDay(20454 + 363), timeUnit: 'week', zone: 'UTC' },
  );
  const bg = fitBgNbd(base.customers);
  const gg = fitGammaGamma(base.customers);
  io.log();
  io.log(
    `3,000 seeded customers over 52 weeks, drawn from BG/NBD r ${truth.r}, α ${truth.alpha}, a ${truth.a}, b ${truth.b} and Gamma-Gamma p ${spendTruth.p}, q ${spendTruth.q}, v ${spendTruth.v}:`,
  );
  io.table([
    {
      model: 'BG/NBD',
      fitted: `r ${bg.params.r.toFixed(3)}, α ${bg.params.alpha.toFixed(3)}, a ${bg.params.a.toFixed(3)}, b ${bg.params.b.toFixed(3)}`,
      'log-likelihood': bg.logLikelihood.toFixed(2),
    },
    {
      model: 'Gamma-Gamma',
      fitted: `p ${gg.params.p.toFixed(3)}, q ${gg.params.q.toFixed(3)}, v ${gg.params.v.toFixed(3)}`,
      'log-likelihood': gg.logLikelihood.toFixed(2),
    },
  ]);

  // The published CDNOW customer: 2 repeat purchases, the last at week 30.43, observed 38.86 weeks.
  const cdnow = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
  const customer = { frequency: 2, recency: 30.43, T: 38.86 };
  const spend = gammaGammaExpectedSpend(
    { p: 6.25, q: 3.74, v: 15.44 },
    { frequency: 2, monetaryValue: 22.35 },
  );
  const clv = customerLifetimeValue({
    model: { kind: 'bg-nbd', params: cdnow },
    customer,
    spendPerPurchase: spend,
    timeUnit: 'week',
    months: 12,
    discountRate: 0.01,
  });
  io.log();
  io.log('CDNOW (Fader, Hardie & Lee 2005), x = 2, t_x = 30.43, T = 38.86:');
  io.table([
    {
      'E[purchases, 39 weeks]': bgNbdConditionalExpectedPurchases(cdnow, customer, 39).toFixed(3),
      'P(alive)': bgNbdProbabilityAlive(cdnow, customer).toFixed(4),
      'spend per purchase': `$${spend.toFixed(2)}`,
      '12-month CLV at 1 %/month': `$${clv.value.toFixed(2)}`,
    },
  ]);
}
