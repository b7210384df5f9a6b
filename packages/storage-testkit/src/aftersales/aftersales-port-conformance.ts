import type { AftersalesCase, AftersalesStorage, CaseTransitionDraft } from '@s2b2b/aftersales';
import { isS2b2bError, ValidationError } from '@s2b2b/core';
import { expect, it } from 'vitest';
import { uniqueName } from '../fixtures.js';
import { aftersalesScenario, shanghai } from './aftersales-fixtures.js';

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return isS2b2bError(error) ? error.code : String(error);
  }
}

function draft(caseId: string, kind: string, at: Date): CaseTransitionDraft {
  return {
    caseId,
    kind,
    fromStatus: 'open',
    toStatus: 'open',
    actorParty: 'platform',
    actorId: 'agent-1',
    at,
    commandScope: 'testkit.port',
    commandKey: uniqueName('k'),
    data: { note: 'from the port test', n: 1 },
  };
}

/**
 * The after-sales port called directly: a case round-trips exactly (every instant of its SLA
 * clocks a Date again), ids are unique, saves go over a version, transitions are numbered in
 * order and need their case, a rollback leaves nothing, filters page by id, and the due-case
 * scan returns `(instant, id)` order with a cursor. Registers its tests in the caller's `describe`.
 *
 * @example
 * describe('my adapter: after-sales port', () => { aftersalesPortContract(() => storage); });
 */
export function aftersalesPortContract(storage: () => AftersalesStorage): void {
  it('stores a case as given and reads it back identical, Dates and all', async () => {
    const { open, id } = aftersalesScenario(storage());
    const { case: opened } = await open('roundtrip');
    const read = await storage().aftersales.getCase(id('roundtrip'));
    expect(read).toEqual(opened);
    expect(read?.clocks[0]?.cycles[0]?.deadline).toBeInstanceOf(Date);
    expect(read?.openedAt).toEqual(shanghai('2025-09-30T10:00:00'));
    expect(await storage().aftersales.getCase(id('missing'))).toBeNull();
  });

  it('refuses a second case with the same id, and a save over a stale version', async () => {
    const { open, id } = aftersalesScenario(storage());
    const { case: opened } = await open('dup');
    expect(await code(storage().transaction((tx) => tx.aftersales.insertCase(opened)))).toBe('CASE_EXISTS');
    const saved = await storage().transaction(async (tx) => {
      const locked = (await tx.aftersales.lockCase(id('dup'))) as AftersalesCase;
      return tx.aftersales.saveCase({ ...locked, priority: 'high' }, locked.version);
    });
    expect(saved).toMatchObject({ priority: 'high', version: 1 });
    expect(
      await code(storage().transaction((tx) => tx.aftersales.saveCase({ ...opened, priority: 'low' }, 0))),
    ).toBe('CASE_VERSION_CONFLICT');
    expect(
      await code(storage().transaction((tx) => tx.aftersales.saveCase({ ...opened, id: id('nobody') }, 0))),
    ).toBe('CASE_NOT_FOUND');
    expect((await storage().aftersales.getCase(id('dup')))?.priority).toBe('high');
  });

  it('numbers transitions in order, refuses them for an unknown case, and rolls everything back together', async () => {
    const { open, id } = aftersalesScenario(storage());
    await open('history');
    const at = shanghai('2025-09-30T11:00:00');
    const recorded = await storage().transaction((tx) =>
      tx.aftersales.appendTransitions([
        draft(id('history'), 'a', at),
        draft(id('history'), 'b', at),
        draft(id('history'), 'c', at),
      ]),
    );
    expect(recorded.map((t) => t.kind)).toEqual(['a', 'b', 'c']);
    expect(recorded[1]!.sequence).toBeGreaterThan(recorded[0]!.sequence);
    expect(recorded[2]!.sequence).toBeGreaterThan(recorded[1]!.sequence);
    expect(recorded[0]).toMatchObject({ at, data: { note: 'from the port test', n: 1 } });
    expect(
      await code(
        storage().transaction((tx) => tx.aftersales.appendTransitions([draft(id('ghost'), 'x', at)])),
      ),
    ).toBe('CASE_NOT_FOUND');
    const before = await storage().aftersales.listTransitions(id('history'));
    const failed = await code(
      storage().transaction(async (tx) => {
        const locked = (await tx.aftersales.lockCase(id('history'))) as AftersalesCase;
        await tx.aftersales.saveCase({ ...locked, status: 'in-progress' }, locked.version);
        await tx.aftersales.appendTransitions([draft(id('history'), 'rolled-back', at)]);
        await tx.aftersales.insertCase({ ...locked, id: id('rolled-back-case') });
        throw new Error('boom');
      }),
    );
    expect(failed).toBe('Error: boom');
    expect(await storage().aftersales.listTransitions(id('history'))).toEqual(before);
    expect((await storage().aftersales.getCase(id('history')))?.status).toBe('open');
    expect(await storage().aftersales.getCase(id('rolled-back-case'))).toBeNull();
    const page = await storage().aftersales.listTransitions(id('history'), {
      afterSequence: recorded[0]!.sequence,
      limit: 1,
    });
    expect(page.map((t) => t.kind)).toEqual(['b']);
  });

  it('filters and pages cases by id', async () => {
    const { open, id } = aftersalesScenario(storage());
    for (const name of ['c', 'a', 'b']) await open(name, { supplierId: id('only-supplier') });
    const all = await storage().aftersales.listCases({ supplierId: id('only-supplier') });
    expect(all.map((c) => c.id)).toEqual([id('a'), id('b'), id('c')]);
    const page = await storage().aftersales.listCases({
      supplierId: id('only-supplier'),
      after: id('a'),
      limit: 1,
    });
    expect(page.map((c) => c.id)).toEqual([id('b')]);
    expect((await storage().aftersales.listCases({ orderId: id('order-c') })).map((c) => c.id)).toEqual([
      id('c'),
    ]);
    expect(
      await storage().aftersales.listCases({ supplierId: id('only-supplier'), status: 'closed' }),
    ).toEqual([]);
    await expect(storage().aftersales.listCases({ limit: 0 })).rejects.toBeInstanceOf(ValidationError);
    await expect(
      storage().aftersales.listDueCases({ kind: 'soon' as never, before: new Date() }),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it('scans due cases in (instant, id) order, with a cursor, from the running clocks only', async () => {
    // Cases of their own year, so other tests' cases never fall in the window.
    const { open, id, service, clock } = aftersalesScenario(storage(), '2026-03-02T09:00:00');
    await open('late');
    clock.set(shanghai('2026-03-02T10:00:00'));
    await open('early', { priority: 'urgent' });
    await open('early-twin', { priority: 'urgent' });
    await open('done', { priority: 'urgent' });
    await service.resolve({
      idempotencyKey: uniqueName('r'),
      caseId: id('done'),
      resolution: { kind: 'reject' },
    });
    const mine = (rows: { caseId: string; at: Date }[]) =>
      rows.filter((r) => r.caseId.endsWith(id('').slice(1)));
    const window = { kind: 'breach' as const, before: shanghai('2026-03-02T13:00:00') };
    const rows = await storage().aftersales.listDueCases(window);
    // Urgent: first response in 1 business hour (11:00); standard: 4 hours from 09:00 (13:00). `done` has no running clock.
    expect(mine(rows)).toEqual(
      [
        { caseId: id('early'), at: shanghai('2026-03-02T11:00:00') },
        { caseId: id('early-twin'), at: shanghai('2026-03-02T11:00:00') },
        { caseId: id('late'), at: shanghai('2026-03-02T13:00:00') },
      ].sort((a, b) => a.at.getTime() - b.at.getTime() || (a.caseId < b.caseId ? -1 : 1)),
    );
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1]!, rows[i]!];
      expect(
        a.at.getTime() < b.at.getTime() || (a.at.getTime() === b.at.getTime() && a.caseId < b.caseId),
      ).toBe(true);
    }
    const paged: typeof rows = [];
    let after: { at: Date; caseId: string } | undefined;
    for (;;) {
      const page = await storage().aftersales.listDueCases({
        ...window,
        limit: 2,
        ...(after ? { after } : {}),
      });
      paged.push(...page);
      if (page.length < 2) break;
      after = { at: page[1]!.at, caseId: page[1]!.caseId };
    }
    expect(paged).toEqual(rows);
    const due = await storage().aftersales.listDueCases({
      kind: 'due',
      before: shanghai('2026-03-02T10:30:00'),
    });
    // Urgent cases: the first-response warning and team-lead escalation (half of 1 hour) fall at 10:30; 'late' at 11:00.
    expect(
      mine(due)
        .map((r) => r.caseId)
        .sort(),
    ).toEqual([id('early'), id('early-twin')].sort());
  });
}
