import type { ProcurementStorage } from '@s2b2b/procurement';
import { expect, it } from 'vitest';
import { inParallel } from '../fixtures.js';
import { procurementOutcomeCode, procurementScenario } from './procurement-fixtures.js';

/**
 * Options of the procurement concurrency tests.
 *
 * @example
 * const options: ProcurementConcurrencyOptions = { parallelism: 80 };
 */
export interface ProcurementConcurrencyOptions {
  /** Commands fired at once (default 50). */
  parallelism?: number;
}

/**
 * Commands fired in parallel: many merchants submitting to one round are all recorded with the
 * round's counters exact; one idempotency key executes once; one request id is taken once;
 * submissions racing the close are either in the award or refused with `ROUND_CLOSED`; changes
 * of one request lose no update; two rounds closing at once never commit an agreement's
 * capacity past its limit. Registers its tests in the caller's `describe`.
 *
 * @example
 * describe('my adapter: procurement', () => { procurementConcurrencyContract(() => storage, { parallelism: 80 }); });
 */
export function procurementConcurrencyContract(
  storage: () => ProcurementStorage,
  options: ProcurementConcurrencyOptions = {},
): void {
  const n = options.parallelism ?? 50;

  it(`records all of ${n} requests submitted to one round at once, counters exact`, async () => {
    const s = procurementScenario(storage());
    await s.openRound('R', ['TEA']);
    const settled = await inParallel(n, (i) => s.submit('R', `q${i}`, `M-${i}`, [['TEA', i + 1]]));
    expect(settled.map(procurementOutcomeCode)).toEqual(Array(n).fill('ok'));
    const round = await s.service.getRound(s.id('R'));
    expect(round).toMatchObject({ requestCount: n, units: (n * (n + 1)) / 2, version: n });
    const requests = await s.service.listRequests(s.id('R'));
    expect(requests).toHaveLength(n);
    const sequences = requests.map((r) => r.sequence);
    expect(new Set(sequences).size).toBe(n);
    expect([...sequences].sort((a, b) => a - b)).toEqual(sequences);
    expect(await s.service.getDemand(s.id('R'))).toEqual([
      { sku: s.id('TEA'), units: (n * (n + 1)) / 2, requests: n },
    ]);
  });

  it(`executes one idempotency key once when ${n} retries arrive together`, async () => {
    const s = procurementScenario(storage());
    await s.openRound('R', ['TEA']);
    const input = {
      idempotencyKey: s.key(),
      roundId: s.id('R'),
      merchantId: 'M-1',
      region: '华东',
      items: [{ sku: s.id('TEA'), quantity: 7 }],
    };
    const settled = await inParallel(n, () => s.service.submitRequest(input));
    expect(settled.map(procurementOutcomeCode)).toEqual(Array(n).fill('ok'));
    const values = settled.map(
      (r) => (r as PromiseFulfilledResult<Awaited<ReturnType<typeof s.service.submitRequest>>>).value,
    );
    expect(values.filter((v) => !v.replayed)).toHaveLength(1);
    expect(new Set(values.map((v) => v.request.requestId)).size).toBe(1);
    expect(await s.service.getRound(s.id('R'))).toMatchObject({ requestCount: 1, units: 7 });
    expect(s.heard.filter((e) => e.type === 'round.request_submitted')).toHaveLength(1);
  });

  it(`takes one request id once when ${n} submissions with different keys race for it`, async () => {
    const s = procurementScenario(storage());
    await s.openRound('R', ['TEA']);
    const settled = await inParallel(n, (i) => s.submit('R', 'same', `M-${i}`, [['TEA', 1]]));
    const codes = settled.map(procurementOutcomeCode);
    expect(codes.filter((c) => c === 'ok')).toHaveLength(1);
    expect(codes.filter((c) => c === 'REQUEST_EXISTS')).toHaveLength(n - 1);
    expect(await s.service.getRound(s.id('R'))).toMatchObject({ requestCount: 1, units: 1 });
  });

  it(`loses no update when ${n} changes of one request run at once`, async () => {
    const s = procurementScenario(storage());
    await s.openRound('R', ['TEA']);
    await s.submit('R', 'q', 'M-1', [['TEA', 1]]);
    const settled = await inParallel(n, (i) =>
      s.service.changeRequest({
        idempotencyKey: s.key(),
        roundId: s.id('R'),
        requestId: s.id('q'),
        merchantId: 'M-1',
        items: [{ sku: s.id('TEA'), quantity: i + 2 }],
      }),
    );
    expect(settled.map(procurementOutcomeCode)).toEqual(Array(n).fill('ok'));
    const request = await s.service.getRequest(s.id('R'), s.id('q'));
    const round = await s.service.getRound(s.id('R'));
    expect(request?.version).toBe(n);
    expect(round?.units).toBe(request!.lines[0]!.quantity);
    expect(round?.requestCount).toBe(1);
  });

  it(`awards exactly the submissions that beat the close, of ${n} racing it`, async () => {
    const s = procurementScenario(storage());
    await s.supplier('A');
    await s.agreement('AG', 'A', 'TEA', { tiers: [{ minQuantity: 1, unitPrice: '2.00' }] });
    await s.openRound('R', ['TEA']);
    await s.submit('R', 'first', 'M-0', [['TEA', 1]]);
    const close = s.service.closeRound({ idempotencyKey: s.key(), roundId: s.id('R') });
    const settled = await inParallel(n, (i) => s.submit('R', `q${i}`, `M-${i}`, [['TEA', i + 1]]));
    const { award } = await close;
    const codes = settled.map(procurementOutcomeCode);
    expect(codes.every((c) => c === 'ok' || c === 'ROUND_CLOSED')).toBe(true);
    const accepted = settled.flatMap((r, i) => (r.status === 'fulfilled' ? [i + 1] : []));
    const demand = 1 + accepted.reduce((sum, q) => sum + q, 0);
    expect(award.totals.demand).toBe(demand);
    expect(award.totals.cost.toString()).toBe(`${(2 * demand).toFixed(2)} CNY`);
    const allocations = await s.service.listAllocations(s.id('R'));
    expect(allocations).toHaveLength(1 + accepted.length);
    expect(await s.service.getRound(s.id('R'))).toMatchObject({
      status: 'closed',
      requestCount: 1 + accepted.length,
    });
  });

  it('never commits capacity past the limit when two rounds close at once', async () => {
    const s = procurementScenario(storage());
    await s.supplier('A');
    await s.agreement('AG', 'A', 'TEA', {
      capacity: { quantity: 100, period: 'month' },
      tiers: [{ minQuantity: 1, unitPrice: '2.00' }],
    });
    await s.openRound('R1', ['TEA']);
    await s.openRound('R2', ['TEA']);
    await s.submit('R1', 'a', 'M-1', [['TEA', 80]]);
    await s.submit('R2', 'b', 'M-2', [['TEA', 80]]);
    const [one, two] = await Promise.all([
      s.service.closeRound({ idempotencyKey: s.key(), roundId: s.id('R1') }),
      s.service.closeRound({ idempotencyKey: s.key(), roundId: s.id('R2') }),
    ]);
    const filled = [one.award.totals.filled, two.award.totals.filled].sort((a, b) => a - b);
    // serially: whichever closes first takes 80, the other the 20 left
    expect(filled).toEqual([20, 80]);
    expect(
      await storage().procurement.getCapacityUsage(s.id('AG'), new Date('2026-02-28T16:00:00.000Z')),
    ).toBe(100);
  });
}
