import { ConflictError, manualClock, ValidationError } from '@s2b2b/core';
import { createMemoryStorage } from '@s2b2b/storage-memory';
import { describe, expect, it } from 'vitest';
import type { ProcurementEvent } from './events.js';
import { createProcurementService } from './service.js';

const FROM = '2026-01-01T00:00:00+08:00';

async function market() {
  const storage = createMemoryStorage();
  const clock = manualClock('2026-03-02T09:00:00+08:00');
  const heard: ProcurementEvent[] = [];
  const procurement = createProcurementService({
    storage,
    clock,
    onEvent: (event) => void heard.push(event),
  });
  await procurement.saveSupplier({
    idempotencyKey: 'sup-a',
    supplier: { supplierId: 'SUP-A', name: '光明乳业', documents: [{ kind: 'food-licence' }] },
  });
  await procurement.saveSupplier({
    idempotencyKey: 'sup-b',
    supplier: {
      supplierId: 'SUP-B',
      documents: [{ kind: 'food-licence', expiresAt: '2026-03-01T00:00:00+08:00' }],
    },
  });
  await procurement.saveAgreement({
    idempotencyKey: 'ag-milk',
    agreement: {
      agreementId: 'AG-MILK',
      supplierId: 'SUP-A',
      sku: 'MILK-1L',
      validFrom: FROM,
      packSize: 12,
      capacity: { quantity: 600, period: 'month' },
      tiers: [
        { minQuantity: 1, unitPrice: '5.00' },
        { minQuantity: 100, unitPrice: '4.50' },
        { minQuantity: 300, unitPrice: '4.20' },
      ],
    },
  });
  await procurement.saveAgreement({
    idempotencyKey: 'ag-cup',
    agreement: {
      agreementId: 'AG-CUP',
      supplierId: 'SUP-A',
      sku: 'CUP-12',
      validFrom: FROM,
      tiers: [
        { minQuantity: 1, unitPrice: '1.20' },
        { minQuantity: 100, unitPrice: '0.95' },
      ],
    },
  });
  // cheaper milk, but SUP-B's licence has expired
  await procurement.saveAgreement({
    idempotencyKey: 'ag-milk-b',
    agreement: {
      agreementId: 'AG-MILK-B',
      supplierId: 'SUP-B',
      sku: 'MILK-1L',
      validFrom: FROM,
      tiers: [{ minQuantity: 1, unitPrice: '3.00' }],
    },
  });
  await procurement.openRound({
    idempotencyKey: 'open-R-1',
    roundId: 'R-1',
    name: '三月乳品集采',
    skus: [{ sku: 'MILK-1L', requiredDocuments: ['food-licence'] }, { sku: 'CUP-12' }],
    bundles: [
      {
        bundleId: 'CAFE',
        components: [
          { sku: 'MILK-1L', quantity: 12 },
          { sku: 'CUP-12', quantity: 10 },
        ],
      },
    ],
    regions: ['华东', '华南'],
    opensAt: '2026-03-01T00:00:00+08:00',
    closesAt: '2026-03-08T00:00:00+08:00',
    needBy: '2026-03-15T00:00:00+08:00',
  });
  return { storage, clock, procurement, heard };
}

describe('procurement service', () => {
  it('runs a round: requests (SKUs and bundles) changed and cancelled, then the award, allocations and purchase orders', async () => {
    const { storage, clock, procurement, heard } = await market();
    const submit = (
      key: string,
      merchantId: string,
      items: { sku?: string; bundleId?: string; quantity: number }[],
      region = '华东',
    ) =>
      procurement.submitRequest({
        idempotencyKey: key,
        roundId: 'R-1',
        requestId: key,
        merchantId,
        region,
        items: items as never,
      });
    await submit('q1', 'M-1', [{ sku: 'MILK-1L', quantity: 96 }]);
    await submit('q2', 'M-2', [{ bundleId: 'CAFE', quantity: 5 }], '华南'); // 60 milk + 50 cups
    await submit('q3', 'M-3', [
      { sku: 'MILK-1L', quantity: 60 },
      { sku: 'CUP-12', quantity: 30 },
    ]);
    await submit('q4', 'M-4', [{ sku: 'MILK-1L', quantity: 40 }]);
    await procurement.changeRequest({
      idempotencyKey: 'q3-change',
      roundId: 'R-1',
      requestId: 'q3',
      merchantId: 'M-3',
      items: [
        { sku: 'MILK-1L', quantity: 84 },
        { sku: 'CUP-12', quantity: 30 },
      ],
    });
    await procurement.cancelRequest({
      idempotencyKey: 'q4-cancel',
      roundId: 'R-1',
      requestId: 'q4',
      merchantId: 'M-4',
    });
    expect(await procurement.getDemand('R-1')).toEqual([
      { sku: 'CUP-12', units: 80, requests: 2 },
      { sku: 'MILK-1L', units: 240, requests: 3 },
    ]);
    expect(await procurement.getRound('R-1')).toMatchObject({
      status: 'open',
      requestCount: 3,
      units: 320,
      version: 6,
    });

    clock.set('2026-03-08T10:00:00+08:00');
    const closed = await procurement.closeRound({ idempotencyKey: 'close-R-1', roundId: 'R-1' });
    expect(closed.round).toMatchObject({ status: 'closed', version: 7 });
    // milk: 240 in packs of 12 reach the 100+ tier (4.50) = 1080.00; cups: 80 at 1.20 = 96.00
    expect(
      closed.award.skus.map((s) => [
        s.sku,
        s.filled,
        s.cost.toString(),
        s.excluded.map((e) => e.reasons[0]!.code),
      ]),
    ).toEqual([
      ['MILK-1L', 240, '1080.00 CNY', ['DOCUMENT_EXPIRED']],
      ['CUP-12', 80, '96.00 CNY', []],
    ]);
    expect(closed.purchaseOrders.map((po) => [po.purchaseOrderId, po.total.toString()])).toEqual([
      ['R-1/SUP-A', '1176.00 CNY'],
    ]);
    const allocations = await procurement.listAllocations('R-1');
    // alone: q1 96 milk at 5.00 = 480; q2 60 at 5.00 + 50 cups at 1.20; q3 84 at 5.00 + 30 cups at 1.20
    expect(
      allocations.map((a) => [a.requestId, a.sku, a.filled, a.amount.toString(), a.saving.toString()]),
    ).toEqual([
      ['q1', 'MILK-1L', 96, '432.00 CNY', '48.00 CNY'],
      ['q2', 'CUP-12', 50, '60.00 CNY', '0.00 CNY'],
      ['q2', 'MILK-1L', 60, '270.00 CNY', '30.00 CNY'],
      ['q3', 'CUP-12', 30, '36.00 CNY', '0.00 CNY'],
      ['q3', 'MILK-1L', 84, '378.00 CNY', '42.00 CNY'],
    ]);
    expect(
      closed.award.merchants.map((m) => [m.merchantId, m.amount.toString(), m.saving.toString()]),
    ).toEqual([
      ['M-1', '432.00 CNY', '48.00 CNY'],
      ['M-2', '330.00 CNY', '30.00 CNY'],
      ['M-3', '414.00 CNY', '42.00 CNY'],
    ]);
    expect(await procurement.getPurchaseOrder('R-1/SUP-A')).toMatchObject({
      supplierId: 'SUP-A',
      lines: [
        { sku: 'MILK-1L', quantity: 240 },
        { sku: 'CUP-12', quantity: 80 },
      ],
    });
    expect(await storage.procurement.getCapacityUsage('AG-MILK', new Date('2026-02-28T16:00:00Z'))).toBe(240);

    // events: through onEvent after each commit, and in the outbox
    const types = heard.map((e) => e.type);
    expect(types.slice(-3)).toEqual(['round.request_cancelled', 'round.closed', 'po.created']);
    const outbox = (await storage.events.since(null, 1000)).events.map((e) => e.type);
    expect(outbox).toEqual(types);
    const roundClosed = heard.find((e) => e.type === 'round.closed')!;
    expect(roundClosed.payload).toMatchObject({
      roundId: 'R-1',
      cost: '1176.00',
      saving: '120.00',
      purchaseOrderIds: ['R-1/SUP-A'],
    });

    // a replay returns the first outcome, Money and Dates revived
    const replay = await procurement.closeRound({ idempotencyKey: 'close-R-1', roundId: 'R-1' });
    expect(replay.replayed).toBe(true);
    expect(replay.purchaseOrders[0]!.total.toString()).toBe('1176.00 CNY');
    expect(replay.round.closedAt).toBeInstanceOf(Date);
    expect(heard.filter((e) => e.type === 'round.closed')).toHaveLength(1);
  });

  it('refuses bad quantities, unknown SKUs and bundles, closed rounds — and writes nothing', async () => {
    const { storage, clock, procurement } = await market();
    const before = (await storage.events.since(null, 1000)).events.length;
    const base = { roundId: 'R-1', merchantId: 'M-1', region: '华东' };
    await expect(
      procurement.submitRequest({ ...base, idempotencyKey: 'k1', items: [{ sku: 'MILK-1L', quantity: 0 }] }),
    ).rejects.toSatisfy(
      (e) => e instanceof ValidationError && e.issues[0]!.path.join('.') === 'items.0.quantity',
    );
    await expect(
      procurement.submitRequest({
        ...base,
        idempotencyKey: 'k2',
        items: [{ sku: 'MILK-1L', quantity: 1.5 }],
      }),
    ).rejects.toThrow(ValidationError);
    await expect(
      procurement.submitRequest({ ...base, idempotencyKey: 'k3', items: [{ sku: 'RICE', quantity: 5 }] }),
    ).rejects.toMatchObject({ code: 'UNKNOWN_SKU' });
    await expect(
      procurement.submitRequest({
        ...base,
        idempotencyKey: 'k4',
        items: [{ bundleId: 'GIFT', quantity: 1 }],
      }),
    ).rejects.toMatchObject({ code: 'UNKNOWN_BUNDLE' });
    await expect(
      procurement.submitRequest({
        ...base,
        region: '华北',
        idempotencyKey: 'k5',
        items: [{ sku: 'MILK-1L', quantity: 5 }],
      }),
    ).rejects.toMatchObject({ code: 'UNKNOWN_REGION' });
    await expect(
      procurement.submitRequest({
        ...base,
        roundId: 'R-9',
        idempotencyKey: 'k6',
        items: [{ sku: 'MILK-1L', quantity: 5 }],
      }),
    ).rejects.toMatchObject({ code: 'ROUND_NOT_FOUND' });
    clock.set('2026-03-08T00:00:00+08:00');
    await expect(
      procurement.submitRequest({ ...base, idempotencyKey: 'k7', items: [{ sku: 'MILK-1L', quantity: 5 }] }),
    ).rejects.toMatchObject({ code: 'ROUND_CLOSED' });
    expect(await procurement.getRound('R-1')).toMatchObject({ requestCount: 0, units: 0, version: 0 });
    expect(await procurement.listRequests('R-1')).toEqual([]);
    expect((await storage.events.since(null, 1000)).events.length).toBe(before);
    // a business refusal spends the key: the replay throws it again
    await expect(
      procurement.submitRequest({ ...base, idempotencyKey: 'k3', items: [{ sku: 'RICE', quantity: 5 }] }),
    ).rejects.toMatchObject({
      code: 'UNKNOWN_SKU',
      details: expect.objectContaining({ replayed: true }),
    });
    await procurement.closeRound({ idempotencyKey: 'close', roundId: 'R-1' });
    await expect(
      procurement.cancelRound({ idempotencyKey: 'cancel', roundId: 'R-1', reason: 'late' }),
    ).rejects.toMatchObject({ code: 'ROUND_CLOSED' });
  });

  it('keeps requests to their merchant, and refuses changes to cancelled requests', async () => {
    const { procurement } = await market();
    await procurement.submitRequest({
      idempotencyKey: 'a',
      roundId: 'R-1',
      requestId: 'REQ-1',
      merchantId: 'M-1',
      region: '华东',
      items: [{ sku: 'MILK-1L', quantity: 24 }],
    });
    await expect(
      procurement.changeRequest({
        idempotencyKey: 'b',
        roundId: 'R-1',
        requestId: 'REQ-1',
        merchantId: 'M-2',
        items: [{ sku: 'MILK-1L', quantity: 1 }],
      }),
    ).rejects.toMatchObject({ code: 'REQUEST_MERCHANT_MISMATCH' });
    await expect(
      procurement.submitRequest({
        idempotencyKey: 'c',
        roundId: 'R-1',
        requestId: 'REQ-1',
        merchantId: 'M-1',
        region: '华东',
        items: [{ sku: 'MILK-1L', quantity: 2 }],
      }),
    ).rejects.toMatchObject({ code: 'REQUEST_EXISTS' });
    await procurement.cancelRequest({
      idempotencyKey: 'd',
      roundId: 'R-1',
      requestId: 'REQ-1',
      merchantId: 'M-1',
      reason: 'changed plans',
    });
    await expect(
      procurement.changeRequest({
        idempotencyKey: 'e',
        roundId: 'R-1',
        requestId: 'REQ-1',
        merchantId: 'M-1',
        items: [{ sku: 'MILK-1L', quantity: 1 }],
      }),
    ).rejects.toMatchObject({ code: 'REQUEST_CANCELLED' });
    await expect(
      procurement.cancelRequest({
        idempotencyKey: 'f',
        roundId: 'R-1',
        requestId: 'REQ-404',
        merchantId: 'M-1',
      }),
    ).rejects.toMatchObject({ code: 'REQUEST_NOT_FOUND' });
    expect(await procurement.getRequest('R-1', 'REQ-1')).toMatchObject({
      status: 'cancelled',
      cancelReason: 'changed plans',
      sequence: expect.any(Number),
    });
  });

  it('replays idempotent commands and refuses a reused key with another payload', async () => {
    const { procurement } = await market();
    const input = {
      idempotencyKey: 'same',
      roundId: 'R-1',
      merchantId: 'M-1',
      region: '华东',
      items: [{ sku: 'MILK-1L', quantity: 24 }],
    };
    const first = await procurement.submitRequest(input);
    const second = await procurement.submitRequest(input);
    expect(second.replayed).toBe(true);
    expect(second.request).toEqual(first.request);
    expect(second.request.submittedAt).toBeInstanceOf(Date);
    await expect(
      procurement.submitRequest({ ...input, items: [{ sku: 'MILK-1L', quantity: 25 }] }),
    ).rejects.toSatisfy((e) => e instanceof ConflictError && e.code === 'IDEMPOTENCY_CONFLICT');
    expect(await procurement.getRound('R-1')).toMatchObject({ requestCount: 1, units: 24 });
  });

  it('relays events only after the outermost commit', async () => {
    const { storage, procurement, heard } = await market();
    const count = heard.length;
    await expect(
      storage.transaction(async () => {
        await procurement.submitRequest({
          idempotencyKey: 'inner',
          roundId: 'R-1',
          merchantId: 'M-1',
          region: '华东',
          items: [{ sku: 'MILK-1L', quantity: 24 }],
        });
        expect(heard.length).toBe(count);
        throw new Error('the host rolls back');
      }),
    ).rejects.toThrow('the host rolls back');
    expect(heard.length).toBe(count);
    expect(await procurement.getRound('R-1')).toMatchObject({ requestCount: 0 });
  });

  it('carries capacity used by one round into the next round of the period', async () => {
    const { clock, procurement } = await market();
    await procurement.submitRequest({
      idempotencyKey: 'a',
      roundId: 'R-1',
      merchantId: 'M-1',
      region: '华东',
      items: [{ sku: 'MILK-1L', quantity: 480 }],
    });
    clock.set('2026-03-08T09:00:00+08:00');
    await procurement.closeRound({ idempotencyKey: 'close-1', roundId: 'R-1' });
    await procurement.openRound({
      idempotencyKey: 'open-R-2',
      roundId: 'R-2',
      skus: [{ sku: 'MILK-1L' }],
      requiredDocuments: ['food-licence'],
      regions: ['华东'],
      opensAt: '2026-03-08T00:00:00+08:00',
      closesAt: '2026-03-15T00:00:00+08:00',
    });
    await procurement.submitRequest({
      idempotencyKey: 'b',
      roundId: 'R-2',
      merchantId: 'M-1',
      region: '华东',
      items: [{ sku: 'MILK-1L', quantity: 300 }],
    });
    clock.set('2026-03-15T09:00:00+08:00');
    const { award } = await procurement.closeRound({ idempotencyKey: 'close-2', roundId: 'R-2' });
    // 600 a month, 480 used: 120 left (10 packs); the rest is unmet
    expect(award.skus[0]).toMatchObject({ demand: 300, filled: 120, unmet: 180 });
  });

  it('validates its options', () => {
    expect(() => createProcurementService({ storage: {} as never })).toThrow(ValidationError);
    expect(() => createProcurementService({ storage: createMemoryStorage(), clock: {} as never })).toThrow(
      ValidationError,
    );
    expect(() => createProcurementService({ storage: createMemoryStorage(), onEvent: 1 as never })).toThrow(
      ValidationError,
    );
  });
});
