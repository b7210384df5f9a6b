import { ConflictError, DomainError, manualClock, ValidationError } from '@s2b2b/core';
import { createMemoryStorage } from '@s2b2b/storage-memory';
import { describe, expect, it } from 'vitest';
import type { CaseEvent } from './events.js';
import { createCaseService } from './service.js';

const local = (text: string) => new Date(`${text}+08:00`);
const iso = (text: string) => local(text).toISOString();

function setup(start = '2025-09-30T10:00:00') {
  const storage = createMemoryStorage();
  const clock = manualClock(local(start));
  const heard: CaseEvent[] = [];
  let n = 0;
  const cases = createCaseService({
    storage,
    clock,
    ids: () => `id-${String(++n).padStart(4, '0')}`,
    onEvent: (event) => {
      heard.push(event);
    },
  });
  return { storage, clock, cases, heard };
}

const openInput = {
  idempotencyKey: 'open-SO-1001',
  caseId: 'case-1',
  orderId: 'SO-1001',
  merchantId: 'M-1',
  supplierId: 'SUP-7',
  carrierId: 'SF',
  category: 'tea',
  type: 'return' as const,
  reason: 'quality-defect' as const,
  lines: [
    {
      lineId: 'SO-1001-1',
      sku: 'TEA-500G',
      orderedQuantity: 10,
      unitPrice: '19.90',
      discount: '15.00',
      quantity: 3,
    },
  ],
  evidence: [{ kind: 'photo' as const, uri: 'oss://cases/case-1/crack.jpg' }],
};

const clockOf = (record: { clocks: { metric: string; cycles: unknown[] }[] }, metric: string) =>
  record.clocks.find((c) => c.metric === metric) as unknown as {
    cycles: {
      state: string;
      deadline: Date | null;
      breachedAt: Date | null;
      elapsedMs: number;
      escalations: { level: number; at: Date }[];
    }[];
  };

describe('createCaseService — a quality return over the National Day holiday', () => {
  it('opens the case with the standard policy and its deadlines on the China calendar', async () => {
    const { cases } = setup();
    const { case: opened, events, transitions } = await cases.open(openInput);
    expect(opened.policyId).toBe('standard');
    expect(opened.suggestedParty).toBe('supplier');
    expect(opened.status).toBe('open');
    // first response: 4 business hours -> 14:00; intervention: 24 wall-clock hours -> 10-01 10:00;
    // resolution: 72 business hours -> 8 h on 09-30, 7 × 9 h (10-09 ... 10-16, with Saturday 10-11 worked), 1 h on 10-17.
    expect(clockOf(opened, 'first-response').cycles[0]?.deadline?.toISOString()).toBe(
      iso('2025-09-30T14:00:00'),
    );
    expect(clockOf(opened, 'intervention').cycles[0]?.deadline?.toISOString()).toBe(
      iso('2025-10-01T10:00:00'),
    );
    expect(clockOf(opened, 'resolution').cycles[0]?.deadline?.toISOString()).toBe(iso('2025-10-17T10:00:00'));
    expect(clockOf(opened, 'party-response').cycles).toEqual([]);
    expect(opened.nextBreachAt?.toISOString()).toBe(iso('2025-09-30T14:00:00'));
    expect(opened.nextDueAt?.toISOString()).toBe(iso('2025-09-30T12:00:00')); // first response, half used: team lead
    expect(events.map((e) => e.type)).toEqual(['case.opened']);
    expect(transitions.map((t) => t.kind)).toEqual(['opened', 'sla.started', 'sla.started', 'sla.started']);
  });

  it('runs the whole life of a case: breaches, escalations, intervention, assignment, pause, resolution, reopen', async () => {
    const { cases, clock, heard, storage } = setup();
    await cases.open(openInput);

    // The platform is away for the holiday: the scheduler finds what is due on 10-01 at noon.
    clock.set(local('2025-10-01T12:00:00'));
    const due = await cases.listDueCases({ kind: 'due' });
    expect(due).toEqual([{ caseId: 'case-1', at: local('2025-09-30T12:00:00') }]);
    const [evaluated] = await cases.evaluateDue();
    const sla = (evaluated?.events ?? []).map((e) => {
      if (e.type === 'case.escalated') return `${e.payload.metric} L${e.payload.level} ${e.payload.at}`;
      if (e.type === 'sla.warning' || e.type === 'sla.breached')
        return `${e.payload.metric} ${e.type} ${e.payload.at}`;
      return e.type;
    });
    expect(sla).toEqual([
      `first-response L1 ${iso('2025-09-30T12:00:00')}`,
      `first-response sla.warning ${iso('2025-09-30T13:00:00')}`,
      `first-response sla.breached ${iso('2025-09-30T14:00:00')}`,
      `first-response L2 ${iso('2025-09-30T14:00:00')}`,
      `first-response L3 ${iso('2025-09-30T18:00:00')}`,
      `intervention L1 ${iso('2025-09-30T22:00:00')}`,
      `intervention sla.warning ${iso('2025-10-01T04:00:00')}`,
      `intervention sla.breached ${iso('2025-10-01T10:00:00')}`,
      `intervention L2 ${iso('2025-10-01T10:00:00')}`,
    ]);
    // Evaluating the same due instant again (a second scheduler) is a replay.
    const again = await cases.evaluate({
      idempotencyKey: `sla:case-1:${iso('2025-09-30T12:00:00')}`,
      caseId: 'case-1',
    });
    expect(again.replayed).toBe(true);
    // After the breach the remaining time is negative and the breach instant stays put.
    const status = await cases.slaStatus('case-1', local('2025-10-09T09:30:00'));
    const intervention = status.find((s) => s.metric === 'intervention');
    expect(intervention?.remainingMs).toBe((24 - (8 * 24 + 23.5)) * 3_600_000); // 215.5 h elapsed of 24
    expect(intervention?.breachedAt?.toISOString()).toBe(iso('2025-10-01T10:00:00'));

    clock.set(local('2025-10-09T09:30:00'));
    const { case: intervened } = await cases.intervene({
      idempotencyKey: 'int-1',
      caseId: 'case-1',
      agentId: 'agent-3',
    });
    expect(intervened.status).toBe('in-progress');
    expect(clockOf(intervened, 'intervention').cycles[0]?.state).toBe('completed');
    expect(clockOf(intervened, 'first-response').cycles[0]?.state).toBe('completed');

    clock.set(local('2025-10-09T10:00:00'));
    const { case: assigned } = await cases.assign({
      idempotencyKey: 'asg-1',
      caseId: 'case-1',
      agentId: 'agent-3',
    });
    expect(assigned.assignee).toEqual({
      party: 'supplier',
      partyId: 'SUP-7',
      assignedAt: local('2025-10-09T10:00:00'),
    });
    // 24 business hours: 8 on Thu, 9 on Fri, 7 on the worked Saturday 10-11 -> 16:00.
    expect(clockOf(assigned, 'party-response').cycles[0]?.deadline?.toISOString()).toBe(
      iso('2025-10-11T16:00:00'),
    );

    clock.set(local('2025-10-10T11:00:00'));
    await expect(
      cases.respond({ idempotencyKey: 'r-0', caseId: 'case-1', from: 'carrier', message: 'not us' }),
    ).rejects.toMatchObject({
      code: 'NOT_ASSIGNED',
    });
    const { case: answered } = await cases.respond({
      idempotencyKey: 'r-1',
      caseId: 'case-1',
      from: 'supplier',
      partyId: 'SUP-7',
      message: 'Batch 42 had a bad seal',
    });
    expect(clockOf(answered, 'party-response').cycles[0]).toMatchObject({
      state: 'completed',
      elapsedMs: 10 * 3_600_000,
    });

    clock.set(local('2025-10-10T14:00:00'));
    const { case: waiting } = await cases.respond({
      idempotencyKey: 'r-2',
      caseId: 'case-1',
      from: 'platform',
      message: 'Please send the batch number',
      requestInfo: true,
    });
    expect(waiting.status).toBe('awaiting-merchant');
    expect(clockOf(waiting, 'resolution').cycles[0]?.state).toBe('paused');

    clock.set(local('2025-10-13T10:00:00'));
    const { case: resumed } = await cases.respond({
      idempotencyKey: 'r-3',
      caseId: 'case-1',
      from: 'merchant',
      message: 'Batch 42',
    });
    expect(resumed.status).toBe('in-progress');
    // Paused 14 business hours (Fri 14-18, Sat 10-11, Mon 09-10): the deadline moves from 10-17 10:00 to 10-20 15:00.
    expect(clockOf(resumed, 'resolution').cycles[0]?.deadline?.toISOString()).toBe(
      iso('2025-10-20T15:00:00'),
    );

    clock.set(local('2025-10-14T09:00:00'));
    const { case: resolved, events } = await cases.resolve({
      idempotencyKey: 'res-1',
      caseId: 'case-1',
      resolution: { kind: 'refund', returnFreight: '12.00' },
      agentId: 'agent-3',
    });
    expect(resolved.status).toBe('resolved');
    expect(resolved.resolution?.plan.totals).toEqual([
      { party: 'platform', amount: { amount: '0.00', currency: 'CNY' } },
      { party: 'merchant', amount: { amount: '67.20', currency: 'CNY' } },
      { party: 'supplier', amount: { amount: '-67.20', currency: 'CNY' } },
      { party: 'carrier', amount: { amount: '0.00', currency: 'CNY' } },
    ]);
    expect(events.map((e) => e.type)).toEqual(['case.resolved']);
    expect(clockOf(resolved, 'resolution').cycles[0]).toMatchObject({ state: 'completed', breachedAt: null });
    expect(resolved.nextBreachAt).toBeNull();

    clock.set(local('2025-10-15T09:00:00'));
    await cases.close({ idempotencyKey: 'close-1', caseId: 'case-1' });
    clock.set(local('2025-10-20T10:00:00'));
    const { case: reopened } = await cases.reopen({
      idempotencyKey: 'reopen-1',
      caseId: 'case-1',
      note: 'The replacement seal leaks too',
    });
    expect(reopened.status).toBe('open');
    expect(reopened.previousResolutions).toHaveLength(1);
    expect(reopened.clocks.map((c) => `${c.metric}:${c.cycles.length}:${c.cycles.at(-1)?.state}`)).toEqual([
      'first-response:2:running',
      'intervention:2:running',
      'party-response:2:running',
      'resolution:2:running',
    ]);

    // Every transition is recorded, in order; every event went to the outbox and to onEvent.
    const kinds = (await cases.listTransitions('case-1'))
      .map((t) => t.kind)
      .filter((k) => !k.startsWith('sla.') && k !== 'case.escalated');
    expect(kinds).toEqual([
      'opened',
      'intervened',
      'assigned',
      'responded',
      'info-requested',
      'responded',
      'resolved',
      'closed',
      'reopened',
    ]);
    const outbox = await storage.events.since(null, 1000);
    expect(outbox.events.map((e) => e.id)).toEqual(heard.map((e) => e.id));
    expect(heard.filter((e) => e.type === 'sla.breached').map((e) => e.payload.metric)).toEqual([
      'first-response',
      'intervention',
    ]);
  });

  it('is idempotent: a replay writes nothing, the same key with another payload conflicts', async () => {
    const { cases } = setup();
    await cases.open(openInput);
    const first = await cases.intervene({ idempotencyKey: 'int-1', caseId: 'case-1', agentId: 'agent-3' });
    const replay = await cases.intervene({ idempotencyKey: 'int-1', caseId: 'case-1', agentId: 'agent-3' });
    expect(replay.replayed).toBe(true);
    expect(replay.case).toEqual(first.case);
    expect((await cases.listTransitions('case-1')).filter((t) => t.kind === 'intervened')).toHaveLength(1);
    await expect(
      cases.intervene({ idempotencyKey: 'int-1', caseId: 'case-1', agentId: 'agent-4' }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(
      cases.intervene({ idempotencyKey: 'int-2', caseId: 'case-1', agentId: 'agent-3' }),
    ).rejects.toMatchObject({
      code: 'ALREADY_INTERVENED',
    });
    const reopen = await cases.open(openInput);
    expect(reopen.replayed).toBe(true);
    await expect(cases.open({ ...openInput, idempotencyKey: 'other' })).rejects.toMatchObject({
      code: 'CASE_EXISTS',
    });
  });

  it('refuses what the rules forbid, with the documented codes', async () => {
    const { cases } = setup();
    await cases.open(openInput);
    const code = async (p: Promise<unknown>) => {
      try {
        await p;
        return 'ok';
      } catch (error) {
        return error instanceof DomainError ? error.code : String(error);
      }
    };
    expect(await code(cases.close({ idempotencyKey: 'c-1', caseId: 'case-1' }))).toBe('CASE_NOT_RESOLVED');
    expect(await code(cases.reopen({ idempotencyKey: 'o-1', caseId: 'case-1' }))).toBe('CASE_NOT_REOPENABLE');
    expect(
      await code(
        cases.respond({ idempotencyKey: 'm-1', caseId: 'case-1', from: 'merchant', message: 'hello' }),
      ),
    ).toBe('NOT_AWAITING_MERCHANT');
    expect(await code(cases.intervene({ idempotencyKey: 'i-9', caseId: 'nope', agentId: 'a' }))).toBe(
      'CASE_NOT_FOUND',
    );
    expect(await code(cases.close({ idempotencyKey: 'w-1', caseId: 'case-1', withdrawn: true }))).toBe('ok');
    expect(await code(cases.reopen({ idempotencyKey: 'o-2', caseId: 'case-1' }))).toBe('CASE_NOT_REOPENABLE');
    expect(await code(cases.intervene({ idempotencyKey: 'i-1', caseId: 'case-1', agentId: 'a' }))).toBe(
      'CASE_CLOSED',
    );
    const withdrawn = await cases.getCase('case-1');
    expect(withdrawn?.clocks.map((c) => c.cycles.at(-1)?.endReason ?? 'none')).toEqual([
      'cancel',
      'cancel',
      'none',
      'cancel',
    ]);
  });

  it('validates input before any write, naming the field', async () => {
    const { cases, storage } = setup();
    const path = async (p: Promise<unknown>) => {
      try {
        await p;
        return null;
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        return (error as ValidationError).issues.map((i) => i.path.join('.'));
      }
    };
    expect(
      await path(cases.open({ ...openInput, lines: [{ ...openInput.lines[0]!, unitPrice: '19,90' }] })),
    ).toEqual(['lines.0.unitPrice']);
    expect(await path(cases.open({ ...openInput, reason: 'broken' as never }))).toEqual(['reason']);
    expect(
      await path(
        cases.respond({
          idempotencyKey: 'k',
          caseId: 'case-1',
          from: 'supplier',
          message: 'x',
          requestInfo: true,
        }),
      ),
    ).toEqual(['requestInfo']);
    expect(await path(cases.listDueCases({ within: { hours: -1 } }))).toEqual(['input.within.hours']);
    expect((await storage.events.since(null)).events).toEqual([]);
    expect(() => createCaseService({ storage: {} as never })).toThrow(ValidationError);
    expect(() =>
      createCaseService({
        storage,
        policies: [
          {
            id: 'p',
            position: 1,
            metrics: [{ metric: 'resolution', target: { hours: 1 }, calendar: 'berlin' }],
          },
        ],
      }),
    ).toThrow(ValidationError);
  });

  it('lists the cases that will breach within a window, in deadline order', async () => {
    const { cases, clock } = setup('2025-09-29T09:00:00');
    await cases.open({ ...openInput, idempotencyKey: 'a', caseId: 'case-a' });
    clock.set(local('2025-09-29T10:00:00'));
    await cases.open({ ...openInput, idempotencyKey: 'b', caseId: 'case-b', priority: 'urgent' });
    clock.set(local('2025-09-29T10:30:00'));
    // case-b (priority policy): first response in 1 business hour -> 11:00; case-a: 4 h from 09:00 -> 13:00.
    expect(await cases.listDueCases({ within: { hours: 1 } })).toEqual([
      { caseId: 'case-b', at: local('2025-09-29T11:00:00') },
    ]);
    expect(await cases.listDueCases({ within: { hours: 3 } })).toEqual([
      { caseId: 'case-b', at: local('2025-09-29T11:00:00') },
      { caseId: 'case-a', at: local('2025-09-29T13:00:00') },
    ]);
    expect(
      await cases.listDueCases({
        within: { hours: 3 },
        after: { at: local('2025-09-29T11:00:00'), caseId: 'case-b' },
      }),
    ).toEqual([{ caseId: 'case-a', at: local('2025-09-29T13:00:00') }]);
  });
});
