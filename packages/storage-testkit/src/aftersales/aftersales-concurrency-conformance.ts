import type { AftersalesStorage } from '@s2b2b/aftersales';
import { expect, it } from 'vitest';
import { endCursor, inParallel, readAll, uniqueName } from '../fixtures.js';
import { aftersalesScenario, caseOutcomeCode, shanghai } from './aftersales-fixtures.js';

/**
 * Options of the after-sales concurrency tests.
 *
 * @example
 * const options: AftersalesConcurrencyOptions = { parallelism: 30 };
 */
export interface AftersalesConcurrencyOptions {
  /** Commands fired at once (default 50). */
  parallelism?: number;
}

/**
 * Commands fired in parallel on one case: every response is kept (none lost to a lost update),
 * one intervention wins and the rest are refused, one key executes once, and schedulers
 * evaluating the same due case at once raise each breach once. Registers its tests in the
 * caller's `describe`.
 *
 * @example
 * describe('my adapter: after-sales', () => { aftersalesConcurrencyContract(() => storage, { parallelism: 30 }); });
 */
export function aftersalesConcurrencyContract(
  storage: () => AftersalesStorage,
  options: AftersalesConcurrencyOptions = {},
): void {
  const n = options.parallelism ?? 50;

  it(`keeps all of ${n} parallel responses on one case`, async () => {
    const { service, open, id } = aftersalesScenario(storage());
    await open('busy');
    const settled = await inParallel(n, (i) =>
      service.respond({
        idempotencyKey: uniqueName('r'),
        caseId: id('busy'),
        from: 'platform',
        message: `reply ${i}`,
      }),
    );
    expect(settled.map(caseOutcomeCode)).toEqual(Array(n).fill('ok'));
    const record = await service.getCase(id('busy'));
    expect(record?.version).toBe(n);
    const responded = (await service.listTransitions(id('busy'), { limit: 10_000 })).filter(
      (t) => t.kind === 'responded',
    );
    expect(responded).toHaveLength(n);
    expect(new Set(responded.map((t) => (t.data as { message: string }).message)).size).toBe(n);
  });

  it(`lets one of ${n} parallel interventions win`, async () => {
    const { service, open, id } = aftersalesScenario(storage());
    await open('race');
    const settled = await inParallel(n, (i) =>
      service.intervene({ idempotencyKey: uniqueName('i'), caseId: id('race'), agentId: `agent-${i}` }),
    );
    const codes = settled.map(caseOutcomeCode);
    expect(codes.filter((c) => c === 'ok')).toHaveLength(1);
    expect(codes.filter((c) => c === 'ALREADY_INTERVENED')).toHaveLength(n - 1);
    expect((await service.getCase(id('race')))?.version).toBe(1);
  });

  it(`executes one key once when ${n} callers send it at the same time`, async () => {
    const { service, open, id } = aftersalesScenario(storage());
    await open('same-key');
    const key = uniqueName('same');
    const settled = await inParallel(n, () =>
      service.intervene({ idempotencyKey: key, caseId: id('same-key'), agentId: 'agent-1' }),
    );
    expect(settled.map(caseOutcomeCode)).toEqual(Array(n).fill('ok'));
    const replays = settled.filter((r) => r.status === 'fulfilled' && r.value.replayed);
    expect(replays).toHaveLength(n - 1);
    expect(
      (await service.listTransitions(id('same-key'))).filter((t) => t.kind === 'intervened'),
    ).toHaveLength(1);
  });

  it('raises each breach once when several schedulers evaluate the same due case', async () => {
    const cursor = await endCursor(storage());
    const { service, open, id, clock } = aftersalesScenario(storage());
    await open('sched');
    clock.set(shanghai('2025-10-01T12:00:00'));
    const record = await service.getCase(id('sched'));
    const dueKey = `sla:${id('sched')}:${record?.nextDueAt?.toISOString()}`;
    // Half use the due instant's key (one executes), half keys of their own (they find nothing new).
    const settled = await inParallel(Math.min(n, 10), (i) =>
      service.evaluate({ idempotencyKey: i % 2 === 0 ? dueKey : uniqueName('tick'), caseId: id('sched') }),
    );
    expect(settled.map(caseOutcomeCode)).toEqual(Array(Math.min(n, 10)).fill('ok'));
    const breaches = (await readAll(storage(), cursor)).filter(
      (e) => e.aggregateId === id('sched') && e.type === 'sla.breached',
    );
    expect(breaches.map((e) => (e.payload as { metric: string }).metric)).toEqual([
      'first-response',
      'intervention',
    ]);
  });
}
