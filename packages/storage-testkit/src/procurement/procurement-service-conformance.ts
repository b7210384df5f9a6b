import { ValidationError } from '@s2b2b/core';
import type { ProcurementStorage } from '@s2b2b/procurement';
import { expect, it } from 'vitest';
import { endCursor, readAll } from '../fixtures.js';
import { procurementScenario } from './procurement-fixtures.js';

/**
 * The procurement service on the storage under test: a round from open to award with exact
 * numbers (tier reached by the pool, a split over two suppliers, bundles, changes and
 * cancellations, allocations summing to the purchase orders, savings against stand-alone
 * costs), its events in the outbox and through `onEvent`, replays and refusals that write
 * nothing. Registers its tests in the caller's `describe`.
 *
 * @example
 * describe('my adapter: procurement service', () => { procurementServiceContract(() => storage); });
 */
export function procurementServiceContract(storage: () => ProcurementStorage): void {
  it('awards a round at least cost and passes the cost back to the cent', async () => {
    const before = await endCursor(storage());
    const s = procurementScenario(storage());
    await s.supplier('A');
    await s.supplier('B');
    await s.agreement('AG-A', 'A', 'RICE', {
      packSize: 10,
      capacity: { quantity: 80, period: 'month' },
      tiers: [
        { minQuantity: 1, unitPrice: '60.00' },
        { minQuantity: 50, unitPrice: '55.00' },
      ],
    });
    await s.agreement('AG-B', 'B', 'RICE', {
      moq: 20,
      tiers: [
        { minQuantity: 1, unitPrice: '58.00' },
        { minQuantity: 300, unitPrice: '56.00' },
      ],
    });
    await s.agreement('AG-OIL', 'B', 'OIL', {
      tiers: [
        { minQuantity: 1, unitPrice: '30.00' },
        { minQuantity: 20, unitPrice: '27.50' },
      ],
    });
    await s.openRound('R', ['RICE', 'OIL'], {
      bundles: [
        {
          bundleId: 'KITCHEN',
          components: [
            { sku: 'RICE', quantity: 2 },
            { sku: 'OIL', quantity: 1 },
          ],
        },
      ],
    });
    await s.submit('R', 'a', 'M-1', [['RICE', 70]]);
    await s.submit(
      'R',
      'b',
      'M-2',
      [
        ['RICE', 50],
        ['OIL', 5],
      ],
      '华南',
    );
    await s.service.submitRequest({
      idempotencyKey: s.key(),
      roundId: s.id('R'),
      requestId: s.id('c'),
      merchantId: 'M-3',
      region: '华东',
      items: [{ bundleId: 'KITCHEN', quantity: 10 }],
    });
    await s.service.changeRequest({
      idempotencyKey: s.key(),
      roundId: s.id('R'),
      requestId: s.id('b'),
      merchantId: 'M-2',
      items: [
        { sku: s.id('RICE'), quantity: 50 },
        { sku: s.id('OIL'), quantity: 10 },
      ],
    });
    await s.submit('R', 'd', 'M-4', [['OIL', 3]]);
    await s.service.cancelRequest({
      idempotencyKey: s.key(),
      roundId: s.id('R'),
      requestId: s.id('d'),
      merchantId: 'M-4',
    });
    expect(await s.service.getDemand(s.id('R'))).toEqual([
      { sku: s.id('OIL'), units: 20, requests: 2 },
      { sku: s.id('RICE'), units: 140, requests: 3 },
    ]);

    const { award, purchaseOrders, round } = await s.close('R');
    expect(round.status).toBe('closed');
    // RICE 140: A 80 at 55 + B 60 at 58 = 7880; OIL 20 reach 27.50 = 550
    const [rice, oil] = award.skus;
    expect(rice!.lines.map((l) => [l.agreementId, l.quantity, l.amount.toString()])).toEqual([
      [s.id('AG-A'), 80, '4400.00 CNY'],
      [s.id('AG-B'), 60, '3480.00 CNY'],
    ]);
    expect(oil!.cost.toString()).toBe('550.00 CNY');
    expect(purchaseOrders.map((po) => [po.supplierId, po.total.toString()])).toEqual([
      [s.id('A'), '4400.00 CNY'],
      [s.id('B'), '4030.00 CNY'],
    ]);
    const allocations = await s.service.listAllocations(s.id('R'));
    const paid = allocations.reduce((sum, a) => sum + a.amount.toMinorUnits(), 0n);
    expect(paid).toBe(843_000n);
    expect(award.totals.cost.toString()).toBe('8430.00 CNY');
    // 7880 / 140 = 56.2857… per unit of rice: 70 → 3940.00, 50 → 2814.29 (remainder .285…), 20 → 1125.71
    expect(allocations.map((a) => [a.requestId, a.sku, a.amount.toString(), a.saving.toString()])).toEqual([
      [s.id('a'), s.id('RICE'), '3940.00 CNY', '200.00 CNY'],
      [s.id('b'), s.id('OIL'), '275.00 CNY', '25.00 CNY'],
      [s.id('b'), s.id('RICE'), '2814.29 CNY', '142.86 CNY'],
      [s.id('c'), s.id('OIL'), '275.00 CNY', '25.00 CNY'],
      [s.id('c'), s.id('RICE'), '1125.71 CNY', '57.16 CNY'],
    ]);
    for (const a of allocations) expect(a.amount.lessThanOrEqual(a.standalone)).toBe(true);
    expect(
      await storage().procurement.getCapacityUsage(s.id('AG-A'), new Date('2026-02-28T16:00:00.000Z')),
    ).toBe(80);

    const events = (await readAll(storage(), before)).filter((e) => e.aggregateId?.startsWith(s.id('')));
    expect(events.map((e) => e.type)).toEqual([
      'supplier.saved',
      'supplier.saved',
      'agreement.saved',
      'agreement.saved',
      'agreement.saved',
      'round.opened',
      'round.request_submitted',
      'round.request_submitted',
      'round.request_submitted',
      'round.request_changed',
      'round.request_submitted',
      'round.request_cancelled',
      'round.closed',
      'po.created',
      'po.created',
    ]);
    expect(s.heard.map((e) => e.id)).toEqual(events.map((e) => e.id));
  });

  it('replays a command and writes nothing for refusals', async () => {
    const s = procurementScenario(storage());
    await s.supplier('A');
    await s.agreement('AG', 'A', 'TEA');
    await s.openRound('R', ['TEA']);
    const input = {
      idempotencyKey: s.key(),
      roundId: s.id('R'),
      merchantId: 'M-1',
      region: '华东',
      items: [{ sku: s.id('TEA'), quantity: 12 }],
    };
    const first = await s.service.submitRequest(input);
    const replay = await s.service.submitRequest(input);
    expect(replay).toEqual({ ...first, replayed: true });
    await expect(
      s.service.submitRequest({ ...input, items: [{ sku: s.id('TEA'), quantity: 13 }] }),
    ).rejects.toMatchObject({
      code: 'IDEMPOTENCY_CONFLICT',
    });
    const cursor = await endCursor(storage());
    await expect(
      s.service.submitRequest({
        ...input,
        idempotencyKey: s.key(),
        items: [{ sku: s.id('TEA'), quantity: -1 }],
      }),
    ).rejects.toThrow(ValidationError);
    await expect(
      s.service.submitRequest({ ...input, idempotencyKey: s.key(), items: [{ sku: 'NOPE', quantity: 1 }] }),
    ).rejects.toMatchObject({
      code: 'UNKNOWN_SKU',
    });
    await s.close('R');
    const after = await endCursor(storage());
    await expect(s.service.submitRequest({ ...input, idempotencyKey: s.key() })).rejects.toMatchObject({
      code: 'ROUND_CLOSED',
    });
    expect(await readAll(storage(), after)).toEqual([]);
    const written = (await readAll(storage(), cursor)).map((e) => e.type);
    expect(written).toEqual(['round.closed', 'po.created']);
    expect(await s.service.getRound(s.id('R'))).toMatchObject({
      requestCount: 1,
      units: 12,
      status: 'closed',
    });
  });
}
