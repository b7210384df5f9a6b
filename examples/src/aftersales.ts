/**
 * After-sales with `@s2b2b/aftersales` on the China business calendar of `@s2b2b/core`: a
 * quality return opened the day before the National Day holiday, its SLA clocks breaching and
 * escalating over the holiday, the platform stepping in, the supplier answering, a pause while
 * the merchant is asked for the batch number, and a refund settled to the cent; then a
 * transport-damage claim capped by the carrier's rules, and the supplier defect record a
 * procurement scorecard takes.
 */
import {
  type AftersalesCase,
  type CaseEvent,
  createCaseService,
  planCompensation,
  supplierDefectRecords,
} from '@s2b2b/aftersales';
import { chinaCalendar, formatMoney, isS2b2bError, Money, type MoneyJson, manualClock } from '@s2b2b/core';
import { createMemoryStorage } from '@s2b2b/storage-memory';
import type { ExampleIo, ExampleMeta } from './example.js';

/**
 * @example
 * meta.name // 'aftersales'
 */
export const meta: ExampleMeta = {
  name: 'aftersales',
  title: 'SLA clocks on the China calendar, escalation, liability and a refund to the cent',
  description:
    'A quality return opened on 2025-09-30: its deadlines on the China calendar (holidays and 调休), breaches and escalations over the National Day holiday, intervention, a paused resolution clock, the refund reversing the line’s promotion discount, a carrier claim capped at 3 × freight, and the supplier defect record.',
};

const SHANGHAI_MS = 8 * 3_600_000;
/** `YYYY-MM-DD HH:MM` in Asia/Shanghai (UTC+8 all year). */
const local = (at: Date | string | null) =>
  at === null
    ? '—'
    : new Date(new Date(at).getTime() + SHANGHAI_MS).toISOString().slice(0, 16).replace('T', ' ');
const at = (text: string) => new Date(`${text}+08:00`);
const yuan = (json: MoneyJson) => formatMoney(Money.fromJSON(json));
const hours = (ms: number) => `${(ms / 3_600_000).toFixed(1)} h`;

/**
 * Runs the example, printing through `io`.
 *
 * @example
 * await run({ log: console.log, table: console.table });
 */
export async function run(io: ExampleIo): Promise<void> {
  const calendar = chinaCalendar();
  io.log('The China calendar (Mon–Fri 09:00–18:00, holidays and make-up days as announced for 2024–2026):');
  let outside = '';
  try {
    calendar.isWorkingDay('2027-01-04');
  } catch (error) {
    outside = isS2b2bError(error) ? error.code : String(error);
  }
  io.table([
    {
      question: 'working days in 2024 / 2025 / 2026',
      answer: ['2024', '2025', '2026']
        .map((y) => calendar.workingDaysBetween(`${y}-01-01`, `${y}-12-31`))
        .join(' / '),
    },
    { question: 'one working day after 2025-09-30', answer: calendar.addWorkingDays('2025-09-30', 1) },
    {
      question: 'is Saturday 2025-10-11 a working day?',
      answer: calendar.isWorkingDay('2025-10-11') ? 'yes (调休)' : 'no',
    },
    {
      question: '24 business hours from 2025-09-30 10:00',
      answer: local(calendar.addBusinessTime(at('2025-09-30T10:00:00'), { hours: 24 })),
    },
    { question: 'is 2027-01-04 a working day?', answer: outside },
  ]);

  const clock = manualClock(at('2025-09-30T10:00:00'));
  const heard: CaseEvent[] = [];
  const storage = createMemoryStorage();
  const cases = createCaseService({
    storage,
    clock,
    calendars: { default: calendar },
    onEvent: (e) => void heard.push(e),
  });
  await cases.open({
    idempotencyKey: 'open-SO-1001',
    caseId: 'AS-1001',
    orderId: 'SO-1001',
    merchantId: 'M-茶香',
    supplierId: 'SUP-云岭',
    carrierId: 'SF',
    category: 'tea',
    type: 'return',
    reason: 'quality-defect',
    lines: [
      {
        lineId: 'SO-1001-1',
        sku: 'PUER-357G',
        orderedQuantity: 10,
        unitPrice: '19.90',
        discount: '15.00',
        quantity: 3,
      },
    ],
    evidence: [{ kind: 'photo', uri: 'oss://cases/AS-1001/seal.jpg' }],
  });

  io.log('');
  io.log(
    'AS-1001 opened Tue 2025-09-30 10:00 (policy "standard"); nobody looks at it until after the holiday:',
  );
  clock.set(at('2025-10-09T09:30:00'));
  await cases.evaluateDue();
  io.table(
    heard
      .filter((e) => e.type === 'sla.warning' || e.type === 'sla.breached' || e.type === 'case.escalated')
      .map((e) => {
        const p = e.payload as { metric: string; at: string; level?: number; notify?: string[] };
        return {
          metric: p.metric,
          event: e.type === 'case.escalated' ? `escalated L${p.level} → ${p.notify?.join(', ')}` : e.type,
          at: local(p.at),
        };
      }),
  );

  await cases.intervene({ idempotencyKey: 'int-1', caseId: 'AS-1001', agentId: 'agent-小王' });
  clock.set(at('2025-10-09T10:00:00'));
  await cases.assign({ idempotencyKey: 'asg-1', caseId: 'AS-1001', agentId: 'agent-小王' });
  clock.set(at('2025-10-10T11:00:00'));
  await cases.respond({
    idempotencyKey: 'sup-1',
    caseId: 'AS-1001',
    from: 'supplier',
    message: 'Batch 42 had a bad seal',
  });
  clock.set(at('2025-10-10T14:00:00'));
  await cases.respond({
    idempotencyKey: 'ask-1',
    caseId: 'AS-1001',
    from: 'platform',
    message: 'Batch number?',
    requestInfo: true,
  });
  clock.set(at('2025-10-13T10:00:00'));
  await cases.respond({ idempotencyKey: 'ans-1', caseId: 'AS-1001', from: 'merchant', message: 'Batch 42' });
  clock.set(at('2025-10-14T09:00:00'));
  const { case: resolved } = await cases.resolve({
    idempotencyKey: 'res-1',
    caseId: 'AS-1001',
    resolution: { kind: 'refund', returnFreight: '12.00' },
    agentId: 'agent-小王',
  });

  io.log('');
  io.log(
    'Its clocks when resolved on 2025-10-14 09:00 (the resolution clock paused 14 business hours while the merchant was asked):',
  );
  io.table(clockRows(resolved));

  const plan = resolved.resolution!.plan;
  io.log('');
  io.log(
    'The refund: 3 of 10 at ¥19.90 = ¥59.70, less the ¥4.50 of the line’s ¥15.00 discount those units carried; the supplier pays it and the return freight:',
  );
  io.table(
    plan.entries.map((e) => ({
      payer: e.payer,
      payee: e.payee,
      component: e.component,
      amount: yuan(e.amount),
    })),
  );
  io.log(`net: ${plan.totals.map((t) => `${t.party} ${yuan(t.amount)}`).join(', ')}`);

  const claim = planCompensation({
    reason: 'transport-damage',
    resolution: { kind: 'refund', returnFreight: '10.00' },
    lines: [{ lineId: 'SO-1002-1', orderedQuantity: 2, unitPrice: '150.00', quantity: 2 }],
    shipment: { freight: '15.00' },
  });
  io.log('');
  io.log(
    'A crushed parcel (2 × ¥150.00, uninsured, freight ¥15.00): the carrier pays up to 3 × freight, the platform the rest:',
  );
  io.table(
    claim.allocations.map((a) => ({
      component: a.component,
      party: a.party,
      amount: formatMoney(a.amount),
      basis: a.basis,
    })),
  );

  const [defect] = supplierDefectRecords(resolved);
  io.log('');
  io.log('For the procurement scorecard:');
  io.table([
    {
      supplier: defect!.supplierId,
      sku: defect!.sku,
      defective: `${defect!.defectiveQuantity} of ${defect!.orderedQuantity}`,
      refund: formatMoney(Money.of(defect!.refund, defect!.currency)),
      'response time': defect!.responseMs === null ? '—' : hours(defect!.responseMs),
      'SLA breached': defect!.slaBreached ? 'yes' : 'no',
    },
  ]);
}

function clockRows(record: AftersalesCase) {
  return record.clocks.map((c) => {
    const cycle = c.cycles[c.cycles.length - 1];
    return {
      metric: c.metric,
      target: `${c.targetMs / 3_600_000} h ${c.basis}`,
      state: cycle?.state ?? 'not started',
      deadline: local(cycle?.breachedAt ?? cycle?.deadline ?? null),
      'breached at': local(cycle?.breachedAt ?? null),
      elapsed: cycle ? hours(cycle.elapsedMs) : '—',
    };
  });
}
