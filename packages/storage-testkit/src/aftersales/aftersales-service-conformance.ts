import type { AftersalesStorage } from '@s2b2b/aftersales';
import { ConflictError } from '@s2b2b/core';
import { expect, it } from 'vitest';
import { endCursor, readAll } from '../fixtures.js';
import { aftersalesScenario, shanghai } from './aftersales-fixtures.js';

/**
 * The case service on the storage under test: a quality return over the National Day holiday
 * from open to reopen with its deadlines, breaches and settlement to the cent; events in the
 * outbox in order and heard after the commit (not when the host rolls back); replays and
 * conflicting keys. Registers its tests in the caller's `describe`.
 *
 * @example
 * describe('my adapter: after-sales service', () => { aftersalesServiceContract(() => storage); });
 */
export function aftersalesServiceContract(storage: () => AftersalesStorage): void {
  it('runs a case from open to reopen with the deadlines of the China calendar', async () => {
    const before = await endCursor(storage());
    const { service, clock, open, id, key, heard } = aftersalesScenario(storage());
    const { case: opened } = await open('life');
    const deadline = (metric: string) => opened.clocks.find((c) => c.metric === metric)?.cycles[0]?.deadline;
    expect(deadline('first-response')).toEqual(shanghai('2025-09-30T14:00:00'));
    expect(deadline('intervention')).toEqual(shanghai('2025-10-01T10:00:00'));
    expect(deadline('resolution')).toEqual(shanghai('2025-10-17T10:00:00'));

    clock.set(shanghai('2025-10-09T09:30:00'));
    const { case: intervened, events } = await service.intervene({
      idempotencyKey: key(),
      caseId: id('life'),
      agentId: 'agent-1',
    });
    expect(events.map((e) => e.type)).toEqual([
      'case.escalated',
      'sla.warning',
      'sla.breached',
      'case.escalated',
      'case.escalated',
      'case.escalated',
      'sla.warning',
      'sla.breached',
      'case.escalated',
      'case.escalated',
      'case.intervened',
    ]);
    const breach = intervened.clocks.find((c) => c.metric === 'intervention')?.cycles[0];
    expect(breach).toMatchObject({ state: 'completed', breachedAt: shanghai('2025-10-01T10:00:00') });

    await service.assign({ idempotencyKey: key(), caseId: id('life'), agentId: 'agent-1' });
    clock.set(shanghai('2025-10-10T11:00:00'));
    await service.respond({
      idempotencyKey: key(),
      caseId: id('life'),
      from: 'supplier',
      message: 'Bad seal on batch 42',
    });
    const { case: resolved } = await service.resolve({
      idempotencyKey: key(),
      caseId: id('life'),
      resolution: { kind: 'refund', returnFreight: '12.00' },
    });
    expect(resolved.resolution?.plan.entries).toEqual([
      {
        payer: 'platform',
        payee: 'merchant',
        component: 'refund',
        amount: { amount: '55.20', currency: 'CNY' },
      },
      {
        payer: 'supplier',
        payee: 'platform',
        component: 'refund',
        amount: { amount: '55.20', currency: 'CNY' },
      },
      {
        payer: 'platform',
        payee: 'merchant',
        component: 'return-freight',
        amount: { amount: '12.00', currency: 'CNY' },
      },
      {
        payer: 'supplier',
        payee: 'platform',
        component: 'return-freight',
        amount: { amount: '12.00', currency: 'CNY' },
      },
    ]);
    await service.close({ idempotencyKey: key(), caseId: id('life') });
    clock.set(shanghai('2025-10-13T10:00:00'));
    const { case: reopened } = await service.reopen({ idempotencyKey: key(), caseId: id('life') });
    expect(reopened).toMatchObject({ status: 'open', reopenCount: 1, version: 6 });
    expect(reopened.clocks.map((c) => c.cycles.length)).toEqual([2, 2, 2, 2]);
    expect((await storage().aftersales.getCase(id('life')))?.clocks).toEqual(reopened.clocks);

    const commands = (await service.listTransitions(id('life'))).filter(
      (t) => !t.kind.startsWith('sla.') && t.kind !== 'case.escalated',
    );
    expect(commands.map((t) => `${t.kind}:${t.fromStatus}->${t.toStatus}`)).toEqual([
      'opened:null->open',
      'intervened:open->in-progress',
      'assigned:in-progress->in-progress',
      'responded:in-progress->in-progress',
      'resolved:in-progress->resolved',
      'closed:resolved->closed',
      'reopened:closed->open',
    ]);
    const outbox = (await readAll(storage(), before)).filter((e) => e.aggregateId === id('life'));
    expect(outbox.map((e) => e.id)).toEqual(heard.map((e) => e.id));
  });

  it('hears events only after the outermost commit, never after a rollback', async () => {
    const { service, open, id, key, heard } = aftersalesScenario(storage());
    await open('wrapped');
    heard.length = 0;
    await expect(
      storage().transaction(async () => {
        await service.intervene({ idempotencyKey: key(), caseId: id('wrapped'), agentId: 'agent-1' });
        expect(heard).toEqual([]);
        throw new Error('host rolls back');
      }),
    ).rejects.toThrow('host rolls back');
    expect(heard).toEqual([]);
    expect((await service.getCase(id('wrapped')))?.status).toBe('open');
    await service.intervene({ idempotencyKey: key(), caseId: id('wrapped'), agentId: 'agent-1' });
    expect(heard.map((e) => e.type)).toEqual(['case.intervened']);
  });

  it('replays a key without writing, and refuses it with another payload', async () => {
    const { service, open, id } = aftersalesScenario(storage());
    await open('replay');
    const first = await service.intervene({
      idempotencyKey: id('k'),
      caseId: id('replay'),
      agentId: 'agent-1',
    });
    const again = await service.intervene({
      idempotencyKey: id('k'),
      caseId: id('replay'),
      agentId: 'agent-1',
    });
    expect(again.replayed).toBe(true);
    expect(again.case).toEqual(first.case);
    expect(again.events).toEqual(first.events);
    await expect(
      service.intervene({ idempotencyKey: id('k'), caseId: id('replay'), agentId: 'agent-2' }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await service.getCase(id('replay')))?.version).toBe(1);
  });
}
