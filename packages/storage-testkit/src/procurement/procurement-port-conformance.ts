import { isS2b2bError, Money } from '@s2b2b/core';
import {
  type AllocationRecord,
  awardRound,
  type ProcurementStorage,
  type PurchaseOrderRecord,
  type RequestDraft,
  type RoundRecord,
  reduceRound,
  type StoredAward,
} from '@s2b2b/procurement';
import { expect, it } from 'vitest';
import { uniqueName } from '../fixtures.js';

const AT = new Date('2026-03-02T01:00:00.000Z');

function roundRecord(roundId: string, skus: string[]): RoundRecord {
  return reduceRound(null, {
    type: 'opened',
    at: AT,
    definition: {
      roundId,
      name: '测试集采',
      currency: 'CNY',
      skus: skus.map((sku) => ({ sku, name: null, requiredDocuments: [] })),
      bundles: [{ bundleId: 'SET', name: null, components: skus.map((sku) => ({ sku, quantity: 2 })) }],
      regions: ['华东', '华南'],
      requiredDocuments: ['business-licence'],
      opensAt: new Date('2026-03-01T00:00:00.000Z'),
      closesAt: new Date('2026-03-08T00:00:00.000Z'),
      needBy: new Date('2026-03-20T00:00:00.000Z'),
      zone: 'Asia/Shanghai',
      rounding: 'half-even',
      rationing: 'proportional',
      createdAt: AT,
    },
  });
}

function requestDraft(
  roundId: string,
  requestId: string,
  merchantId: string,
  lines: [string, number][],
): RequestDraft {
  return {
    roundId,
    requestId,
    merchantId,
    region: '华东',
    items: lines.map(([sku, quantity]) => ({ sku, quantity })),
    lines: lines.map(([sku, quantity]) => ({ sku, quantity })),
    status: 'active',
    cancelReason: null,
    submittedAt: AT,
    updatedAt: AT,
    version: 0,
  };
}

async function rejects(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isS2b2bError(error)) return error.code;
    throw error;
  }
  throw new Error('expected a rejection');
}

/**
 * The procurement port called directly: suppliers and agreements stored as given (unit prices
 * keep their digits), rounds and requests taken once and saved over their version, submission
 * order, pooled demand, capacity committed all or none and never past its limit, awards,
 * allocations and purchase orders stored once and read back equal, filters and paging, and a
 * rolled-back transaction leaving nothing. Registers its tests in the caller's `describe`.
 *
 * @example
 * describe('my adapter: procurement port', () => { procurementPortContract(() => storage); });
 */
export function procurementPortContract(storage: () => ProcurementStorage): void {
  it('stores suppliers and agreements as given, the version rising with each save', async () => {
    const tag = uniqueName('port');
    const s = storage();
    const supplierId = `${tag}-SUP`;
    const first = await s.transaction((tx) =>
      tx.procurement.putSupplier(
        {
          supplierId,
          name: '杭州茗茶',
          documents: [
            {
              kind: 'business-licence',
              number: 'L-1',
              validFrom: null,
              expiresAt: new Date('2027-01-01T00:00:00.000Z'),
            },
          ],
          rating: { score: 72.4, standing: 'Average', blocksAwards: false, asOf: AT },
        },
        AT,
      ),
    );
    expect(first).toMatchObject({ supplierId, version: 1, rating: { score: 72.4, standing: 'Average' } });
    const second = await s.transaction((tx) =>
      tx.procurement.putSupplier({ supplierId, name: null, documents: [], rating: null }, AT),
    );
    expect(second).toEqual({
      supplierId,
      name: null,
      documents: [],
      rating: null,
      version: 2,
      updatedAt: AT,
    });
    await s.transaction((tx) =>
      tx.procurement.putSupplier({ ...first, version: undefined, updatedAt: undefined } as never, AT),
    );
    const read = await s.procurement.getSupplier(supplierId);
    expect(read?.documents[0]?.expiresAt).toEqual(new Date('2027-01-01T00:00:00.000Z'));
    expect(read?.rating?.asOf).toEqual(AT);
    expect(await s.procurement.getSupplier(`${tag}-none`)).toBeNull();

    const agreement = {
      agreementId: `${tag}-AG-1`,
      supplierId,
      sku: `${tag}-TEA`,
      currency: 'CNY',
      pricing: 'all-units' as const,
      tiers: [
        { minQuantity: 1, unitPrice: '12.50' },
        { minQuantity: 100, unitPrice: '0.123456' },
      ],
      moq: 24,
      packSize: 12,
      capacity: { quantity: 5000, period: 'month' as const },
      leadTimeDays: 3,
      validFrom: new Date('2026-01-01T00:00:00.000Z'),
      validTo: null,
      regions: ['华东'],
    };
    const saved = await s.transaction((tx) => tx.procurement.putAgreement(agreement, AT));
    expect(saved).toEqual({ ...agreement, version: 1, updatedAt: AT });
    const other = {
      ...agreement,
      agreementId: `${tag}-AG-2`,
      sku: `${tag}-CUP`,
      capacity: null,
      regions: null,
      pricing: 'incremental' as const,
    };
    await s.transaction((tx) => tx.procurement.putAgreement(other, AT));
    const replaced = await s.transaction((tx) =>
      tx.procurement.putAgreement({ ...agreement, tiers: [{ minQuantity: 1, unitPrice: '11' }] }, AT),
    );
    expect(replaced.tiers).toEqual([{ minQuantity: 1, unitPrice: '11' }]);
    expect(replaced.version).toBe(2);
    expect((await s.procurement.listAgreements({ skus: [`${tag}-CUP`] })).map((a) => a.agreementId)).toEqual([
      `${tag}-AG-2`,
    ]);
    expect(
      (await s.procurement.listAgreements({ supplierId, after: `${tag}-AG-1`, limit: 5 })).map(
        (a) => a.agreementId,
      ),
    ).toEqual([`${tag}-AG-2`]);
    expect(
      (await s.procurement.listSuppliers({ ids: [supplierId, `${tag}-none`] })).map((x) => x.supplierId),
    ).toEqual([supplierId]);
  });

  it('takes a round id once and saves a round only over the version it read', async () => {
    const s = storage();
    const roundId = uniqueName('round');
    const round = roundRecord(roundId, ['A', 'B']);
    const stored = await s.transaction((tx) => tx.procurement.insertRound(round));
    expect(stored).toEqual(round);
    expect(await rejects(s.transaction((tx) => tx.procurement.insertRound(round)))).toBe('ROUND_EXISTS');
    const next = { ...round, requestCount: 1, units: 10, updatedAt: new Date('2026-03-03T00:00:00.000Z') };
    const saved = await s.transaction((tx) => tx.procurement.saveRound(next, 0));
    expect(saved).toEqual({ ...next, version: 1 });
    expect(await rejects(s.transaction((tx) => tx.procurement.saveRound(next, 0)))).toBe(
      'ROUND_VERSION_CONFLICT',
    );
    expect(
      await rejects(s.transaction((tx) => tx.procurement.saveRound({ ...next, roundId: `${roundId}-x` }, 0))),
    ).toBe('ROUND_NOT_FOUND');
    expect(await s.transaction((tx) => tx.procurement.lockRound(`${roundId}-x`))).toBeNull();
    expect(await s.procurement.getRound(roundId)).toEqual({ ...next, version: 1 });
  });

  it('gives requests rising sequences, takes a request id once per round, and pools the active demand', async () => {
    const s = storage();
    const roundId = uniqueName('round');
    await s.transaction((tx) => tx.procurement.insertRound(roundRecord(roundId, ['A', 'B'])));
    const a = await s.transaction((tx) =>
      tx.procurement.insertRequest(
        requestDraft(roundId, 'r1', 'M-1', [
          ['A', 10],
          ['B', 4],
        ]),
      ),
    );
    const b = await s.transaction((tx) =>
      tx.procurement.insertRequest(requestDraft(roundId, 'r2', 'M-2', [['A', 6]])),
    );
    const c = await s.transaction((tx) =>
      tx.procurement.insertRequest(requestDraft(roundId, 'r3', 'M-1', [['B', 1]])),
    );
    expect(a.sequence).toBeLessThan(b.sequence);
    expect(b.sequence).toBeLessThan(c.sequence);
    expect(a).toEqual({
      ...requestDraft(roundId, 'r1', 'M-1', [
        ['A', 10],
        ['B', 4],
      ]),
      sequence: a.sequence,
    });
    expect(
      await rejects(
        s.transaction((tx) => tx.procurement.insertRequest(requestDraft(roundId, 'r1', 'M-9', [['A', 1]]))),
      ),
    ).toBe('REQUEST_EXISTS');
    expect(
      await rejects(
        s.transaction((tx) =>
          tx.procurement.insertRequest(requestDraft(`${roundId}-x`, 'r1', 'M-1', [['A', 1]])),
        ),
      ),
    ).toBe('ROUND_NOT_FOUND');
    const cancelled = await s.transaction((tx) =>
      tx.procurement.saveRequest({ ...b, status: 'cancelled', cancelReason: 'no longer needed' }, 0),
    );
    expect(cancelled).toMatchObject({ sequence: b.sequence, version: 1, status: 'cancelled' });
    expect(await rejects(s.transaction((tx) => tx.procurement.saveRequest(b, 0)))).toBe(
      'REQUEST_VERSION_CONFLICT',
    );
    const changed = await s.transaction((tx) =>
      tx.procurement.saveRequest(
        {
          ...c,
          lines: [
            { sku: 'A', quantity: 2 },
            { sku: 'B', quantity: 3 },
          ],
        },
        0,
      ),
    );
    expect(changed.lines).toEqual([
      { sku: 'A', quantity: 2 },
      { sku: 'B', quantity: 3 },
    ]);
    expect(await s.procurement.getDemand(roundId)).toEqual([
      { sku: 'A', units: 12, requests: 2 },
      { sku: 'B', units: 7, requests: 2 },
    ]);
    const all = await s.procurement.listRequests(roundId);
    expect(all.map((r) => r.requestId)).toEqual(['r1', 'r2', 'r3']);
    expect(
      (await s.procurement.listRequests(roundId, { afterSequence: a.sequence, limit: 1 })).map(
        (r) => r.requestId,
      ),
    ).toEqual(['r2']);
    expect(
      (await s.procurement.listRequests(roundId, { status: 'active', merchantId: 'M-1' })).map(
        (r) => r.requestId,
      ),
    ).toEqual(['r1', 'r3']);
    expect(await s.transaction((tx) => tx.procurement.lockRequest(roundId, 'r9'))).toBeNull();
    expect((await s.transaction((tx) => tx.procurement.lockRequest(roundId, 'r3')))?.version).toBe(1);
  });

  it('commits capacity all or none, never past the limit', async () => {
    const s = storage();
    const tag = uniqueName('cap');
    const march = new Date('2026-02-28T16:00:00.000Z');
    const april = new Date('2026-03-31T16:00:00.000Z');
    const keys = [
      { agreementId: `${tag}-B`, periodStart: march },
      { agreementId: `${tag}-A`, periodStart: april },
      { agreementId: `${tag}-A`, periodStart: march },
    ];
    expect(await s.transaction((tx) => tx.procurement.lockCapacity(keys))).toEqual([
      { agreementId: `${tag}-A`, periodStart: march, used: 0 },
      { agreementId: `${tag}-A`, periodStart: april, used: 0 },
      { agreementId: `${tag}-B`, periodStart: march, used: 0 },
    ]);
    await s.transaction((tx) =>
      tx.procurement.addCapacity([
        { agreementId: `${tag}-A`, periodStart: march, quantity: 60, limit: 100 },
        { agreementId: `${tag}-B`, periodStart: march, quantity: 10, limit: 10 },
      ]),
    );
    // A would reach 110 > 100: nothing of the batch is written, B included
    const code = await rejects(
      s.transaction(async (tx) => {
        await tx.procurement.addCapacity([
          { agreementId: `${tag}-A`, periodStart: april, quantity: 5, limit: 100 },
          { agreementId: `${tag}-A`, periodStart: march, quantity: 50, limit: 100 },
        ]);
      }),
    );
    expect(code).toBe('CAPACITY_EXCEEDED');
    // inside a transaction that goes on, a refused batch leaves nothing either
    await s.transaction(async (tx) => {
      await expect(
        tx.procurement.addCapacity([
          { agreementId: `${tag}-A`, periodStart: april, quantity: 5, limit: 100 },
          { agreementId: `${tag}-B`, periodStart: march, quantity: 1, limit: 10 },
        ]),
      ).rejects.toMatchObject({ code: 'CAPACITY_EXCEEDED', details: { used: 10, quantity: 1, limit: 10 } });
      expect(await tx.procurement.getCapacityUsage(`${tag}-A`, april)).toBe(0);
    });
    expect(await s.procurement.getCapacityUsage(`${tag}-A`, march)).toBe(60);
    expect(await s.procurement.getCapacityUsage(`${tag}-A`, april)).toBe(0);
    const exact = await s.transaction((tx) =>
      tx.procurement.addCapacity([{ agreementId: `${tag}-A`, periodStart: march, quantity: 40, limit: 100 }]),
    );
    expect(exact).toEqual([{ agreementId: `${tag}-A`, periodStart: march, used: 100 }]);
  });

  it('stores an award, its allocations and purchase orders once and reads them back equal', async () => {
    const s = storage();
    const roundId = uniqueName('round');
    await s.transaction((tx) => tx.procurement.insertRound(roundRecord(roundId, ['MILK'])));
    const award = awardRound({
      roundId,
      at: AT,
      regions: ['华东', '华南'],
      skus: [{ sku: 'MILK' }],
      requests: [
        { requestId: 'q1', merchantId: 'M-1', region: '华东', lines: [{ sku: 'MILK', quantity: 60 }] },
        { requestId: 'q2', merchantId: 'M-2', region: '华南', lines: [{ sku: 'MILK', quantity: 40 }] },
        { requestId: 'q3', merchantId: 'M-1', region: '华南', lines: [{ sku: 'MILK', quantity: 1 }] },
      ],
      agreements: [
        {
          agreementId: 'AG',
          supplierId: 'SUP',
          sku: 'MILK',
          pricing: 'incremental',
          validFrom: '2026-01-01T00:00:00Z',
          tiers: [
            { minQuantity: 1, unitPrice: '5.005' },
            { minQuantity: 100, unitPrice: '4.5' },
          ],
        },
      ],
      suppliers: [{ supplierId: 'SUP' }],
    });
    const stored: StoredAward = {
      roundId,
      currency: 'CNY',
      at: AT,
      requests: 3,
      totals: award.totals,
      skus: award.skus,
      merchants: award.merchants,
      qualification: award.qualification,
    };
    const allocations: AllocationRecord[] = award.allocations.map((a) => ({ roundId, ...a }));
    const orders: PurchaseOrderRecord[] = award.purchaseOrders.map((o) => ({ ...o, createdAt: AT }));
    await s.transaction(async (tx) => {
      await tx.procurement.insertAward(stored);
      await tx.procurement.insertAllocations(allocations);
      await tx.procurement.insertPurchaseOrders(orders);
    });
    const read = await s.procurement.getAward(roundId);
    expect(read).toEqual(stored);
    expect(read!.skus[0]!.lines[0]!.exactAmount).toBeInstanceOf(Money);
    expect(await s.procurement.listAllocations(roundId)).toEqual(allocations);
    expect(await s.procurement.listAllocations(roundId, { merchantId: 'M-1' })).toEqual([
      allocations[0],
      allocations[2],
    ]);
    expect(
      await s.procurement.listAllocations(roundId, { after: { requestId: 'q1', sku: 'MILK' }, limit: 1 }),
    ).toEqual([allocations[1]]);
    expect(await s.procurement.getPurchaseOrder(`${roundId}/SUP`)).toEqual(orders[0]);
    expect(await s.procurement.listPurchaseOrders({ roundId })).toEqual(orders);
    expect(
      await s.procurement.listPurchaseOrders({ supplierId: 'SUP', after: `${roundId}/SUP` }),
    ).not.toContainEqual(orders[0]);
    expect(await rejects(s.transaction((tx) => tx.procurement.insertAward(stored)))).toBe('AWARD_EXISTS');
    // a batch with one taken key writes none of its rows
    const fresh = { ...allocations[0]!, requestId: 'q0' };
    await s.transaction(async (tx) => {
      await expect(tx.procurement.insertAllocations([fresh, allocations[1]!])).rejects.toMatchObject({
        code: 'ALLOCATION_EXISTS',
        details: { requestId: 'q2' },
      });
    });
    expect(await s.procurement.listAllocations(roundId)).toEqual(allocations);
    expect(await rejects(s.transaction((tx) => tx.procurement.insertPurchaseOrders(orders)))).toBe(
      'PURCHASE_ORDER_EXISTS',
    );
  });

  it('leaves nothing of a transaction that throws', async () => {
    const s = storage();
    const roundId = uniqueName('round');
    await expect(
      s.transaction(async (tx) => {
        await tx.procurement.insertRound(roundRecord(roundId, ['A']));
        await tx.procurement.insertRequest(requestDraft(roundId, 'r1', 'M-1', [['A', 1]]));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await s.procurement.getRound(roundId)).toBeNull();
    expect(await s.procurement.getRequest(roundId, 'r1')).toBeNull();
    expect(await s.procurement.listRequests(roundId)).toEqual([]);
  });
}
