import { DomainError, ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { awardRound } from './award-round.js';
import type { AwardRoundInput } from './schemas.js';

const AT = '2026-03-10T10:00:00+08:00';
const FROM = '2026-01-01T00:00:00+08:00';
const request = (requestId: string, merchantId: string, sku: string, quantity: number, region = '华东') => ({
  requestId,
  merchantId,
  region,
  lines: [{ sku, quantity }],
});
const money = (m: { toString(): string }) => m.toString();

describe('awardRound: one supplier, the tier the pool reaches', () => {
  const input: AwardRoundInput = {
    roundId: 'R-1',
    at: AT,
    regions: ['华东'],
    skus: [{ sku: 'MILK-1L' }],
    requests: [
      request('q1', 'M-1', 'MILK-1L', 60),
      request('q2', 'M-2', 'MILK-1L', 40),
      request('q3', 'M-3', 'MILK-1L', 150),
      request('q4', 'M-4', 'MILK-1L', 50),
    ],
    agreements: [
      {
        agreementId: 'AG-A',
        supplierId: 'SUP-A',
        sku: 'MILK-1L',
        validFrom: FROM,
        tiers: [
          { minQuantity: 1, unitPrice: '5.00' },
          { minQuantity: 100, unitPrice: '4.50' },
          { minQuantity: 300, unitPrice: '4.20' },
        ],
      },
    ],
    suppliers: [{ supplierId: 'SUP-A' }],
  };

  it('buys 300 at 4.20 and charges everyone 4.20, saving against each own tier', () => {
    const award = awardRound(input);
    const [sku] = award.skus;
    expect([sku?.demand, sku?.filled, sku?.unmet, money(sku!.cost), money(sku!.unitPrice!)]).toEqual([
      300,
      300,
      0,
      '1260.00 CNY',
      '4.20 CNY',
    ]);
    // alone: 60 × 5.00, 40 × 5.00, 150 × 4.50, 50 × 5.00
    expect(
      award.allocations.map((a) => [a.requestId, money(a.amount), money(a.standalone), money(a.saving)]),
    ).toEqual([
      ['q1', '252.00 CNY', '300.00 CNY', '48.00 CNY'],
      ['q2', '168.00 CNY', '200.00 CNY', '32.00 CNY'],
      ['q3', '630.00 CNY', '675.00 CNY', '45.00 CNY'],
      ['q4', '210.00 CNY', '250.00 CNY', '40.00 CNY'],
    ]);
    expect(award.merchants.map((m) => [m.merchantId, Number(m.savingRate.toFixed(4))])).toEqual([
      ['M-1', 0.16],
      ['M-2', 0.16],
      ['M-3', 0.0667],
      ['M-4', 0.16],
    ]);
    expect(award.purchaseOrders).toHaveLength(1);
    expect(award.purchaseOrders[0]).toMatchObject({ purchaseOrderId: 'R-1/SUP-A', supplierId: 'SUP-A' });
    expect(money(award.purchaseOrders[0]!.total)).toBe('1260.00 CNY');
    expect(award.purchaseOrders[0]!.lines[0]).toMatchObject({ sku: 'MILK-1L', quantity: 300, tier: 2 });
    expect(award.totals).toMatchObject({ demand: 300, filled: 300, unmet: 0 });
    expect(money(award.totals.saving)).toBe('165.00 CNY');
  });
});

describe('awardRound: a split award, exclusions and capacity', () => {
  const base: AwardRoundInput = {
    roundId: 'R-2',
    at: AT,
    needBy: '2026-03-20T00:00:00+08:00',
    regions: ['华东', '华南'],
    skus: [{ sku: 'RICE-5KG', requiredDocuments: ['food-licence'] }],
    requiredDocuments: ['business-licence'],
    requests: [request('a', 'M-1', 'RICE-5KG', 70), request('b', 'M-2', 'RICE-5KG', 70, '华南')],
    agreements: [
      {
        agreementId: 'AG-A',
        supplierId: 'SUP-A',
        sku: 'RICE-5KG',
        validFrom: FROM,
        packSize: 10,
        capacity: { quantity: 80, period: 'month' },
        tiers: [
          { minQuantity: 1, unitPrice: '60.00' },
          { minQuantity: 50, unitPrice: '55.00' },
        ],
      },
      {
        agreementId: 'AG-B',
        supplierId: 'SUP-B',
        sku: 'RICE-5KG',
        validFrom: FROM,
        moq: 20,
        capacity: { quantity: 100, period: 'month' },
        tiers: [
          { minQuantity: 1, unitPrice: '58.00' },
          { minQuantity: 100, unitPrice: '56.00' },
        ],
      },
      // cheaper, but its food licence has expired
      {
        agreementId: 'AG-C',
        supplierId: 'SUP-C',
        sku: 'RICE-5KG',
        validFrom: FROM,
        tiers: [{ minQuantity: 1, unitPrice: '50.00' }],
      },
      // cheaper, but in another currency and too slow
      {
        agreementId: 'AG-D',
        supplierId: 'SUP-D',
        sku: 'RICE-5KG',
        currency: 'USD',
        leadTimeDays: 14,
        validFrom: FROM,
        tiers: [{ minQuantity: 1, unitPrice: '7.00' }],
      },
      // cheapest, but it ended before the award
      {
        agreementId: 'AG-E',
        supplierId: 'SUP-A',
        sku: 'RICE-5KG',
        validFrom: '2025-01-01T00:00:00+08:00',
        validTo: '2026-01-01T00:00:00+08:00',
        tiers: [{ minQuantity: 1, unitPrice: '40.00' }],
      },
    ],
    suppliers: [
      { supplierId: 'SUP-A', documents: [{ kind: 'business-licence' }, { kind: 'food-licence' }] },
      {
        supplierId: 'SUP-B',
        documents: [
          { kind: 'business-licence' },
          { kind: 'food-licence', expiresAt: '2027-01-01T00:00:00+08:00' },
        ],
      },
      {
        supplierId: 'SUP-C',
        documents: [
          { kind: 'business-licence' },
          { kind: 'food-licence', expiresAt: '2026-03-01T00:00:00+08:00' },
        ],
      },
      { supplierId: 'SUP-D', documents: [{ kind: 'business-licence' }, { kind: 'food-licence' }] },
    ],
  };

  it('splits over two suppliers at least cost and lists every exclusion with its reasons', () => {
    const award = awardRound(base);
    const [rice] = award.skus;
    // B alone can take 100; A 80 at 55 + B 60 at 58 = 4400 + 3480 = 7880 is the cheapest way to 140
    expect(
      rice!.lines.map((l) => [l.supplierId, l.quantity, l.tier, money(l.unitPrice), money(l.amount)]),
    ).toEqual([
      ['SUP-A', 80, 1, '55.00 CNY', '4400.00 CNY'],
      ['SUP-B', 60, 0, '58.00 CNY', '3480.00 CNY'],
    ]);
    expect(money(rice!.cost)).toBe('7880.00 CNY');
    expect(rice!.excluded.map((e) => [e.agreementId, e.reasons.map((r) => r.code)])).toEqual([
      ['AG-E', ['AGREEMENT_EXPIRED']],
      ['AG-C', ['DOCUMENT_EXPIRED']],
      ['AG-D', ['CURRENCY_MISMATCH', 'LEAD_TIME_TOO_LONG']],
    ]);
    // each merchant: 70 units = 40 of A's (tier 1, 60.00) + 30 of B's (58.00) alone = 2400 + 1740
    expect(
      award.allocations.map((a) => [a.requestId, money(a.amount), money(a.standalone), money(a.saving)]),
    ).toEqual([
      ['a', '3940.00 CNY', '4140.00 CNY', '200.00 CNY'],
      ['b', '3940.00 CNY', '4140.00 CNY', '200.00 CNY'],
    ]);
    expect(
      award.purchaseOrders.map((po) => [po.purchaseOrderId, money(po.total), po.lines[0]!.deliveries]),
    ).toEqual([
      [
        'R-2/SUP-A',
        '4400.00 CNY',
        [
          { region: '华东', quantity: 40 },
          { region: '华南', quantity: 40 },
        ],
      ],
      [
        'R-2/SUP-B',
        '3480.00 CNY',
        [
          { region: '华东', quantity: 30 },
          { region: '华南', quantity: 30 },
        ],
      ],
    ]);
    expect(
      award.capacity.map((c) => [c.agreementId, c.periodStart.toISOString(), c.quantity, c.limit]),
    ).toEqual([
      ['AG-A', '2026-02-28T16:00:00.000Z', 80, 80],
      ['AG-B', '2026-02-28T16:00:00.000Z', 60, 100],
    ]);
  });

  it('leaves demand beyond the capacity unmet and rations it proportionally', () => {
    const award = awardRound({
      ...base,
      requests: [
        request('a', 'M-1', 'RICE-5KG', 100),
        request('b', 'M-2', 'RICE-5KG', 60),
        request('c', 'M-3', 'RICE-5KG', 40),
      ],
    });
    const [rice] = award.skus;
    expect([rice!.demand, rice!.filled, rice!.unmet]).toEqual([200, 180, 20]);
    expect(award.allocations.map((a) => [a.requestId, a.filled, a.unmet])).toEqual([
      ['a', 90, 10],
      ['b', 54, 6],
      ['c', 36, 4],
    ]);
    // A 80 at 55 + B 100 at 56
    expect(money(rice!.cost)).toBe('10000.00 CNY');
    const paid = award.allocations.reduce((s, a) => s + a.amount.toMinorUnits(), 0n);
    expect(paid).toBe(1_000_000n);
  });

  it('takes capacity already used this period into account, and excludes an agreement with too little left', () => {
    const award = awardRound({ ...base, capacityUsed: [{ agreementId: 'AG-A', used: 75 }] });
    const [rice] = award.skus;
    expect(rice!.lines.map((l) => [l.supplierId, l.quantity])).toEqual([['SUP-B', 100]]);
    expect(rice!.unmet).toBe(40);
    expect(rice!.excluded.find((e) => e.agreementId === 'AG-A')?.reasons.map((r) => r.code)).toEqual([
      'CAPACITY_EXHAUSTED',
    ]);
  });

  it('excludes a supplier whose standing blocks awards, and reports its qualification', () => {
    const award = awardRound({
      ...base,
      suppliers: base.suppliers.map((s) =>
        s.supplierId === 'SUP-A'
          ? { ...s, rating: { score: 22.5, standing: 'Very Poor', blocksAwards: true, asOf: AT } }
          : s,
      ),
    });
    expect(award.skus[0]!.lines.map((l) => l.supplierId)).toEqual(['SUP-B']);
    expect(award.qualification.find((q) => q.supplierId === 'SUP-A')).toMatchObject({
      qualified: false,
      reasons: [{ code: 'STANDING_BLOCKS_AWARDS', details: { standing: 'Very Poor', score: 22.5 } }],
    });
  });
});

describe('awardRound: the other exclusion reasons', () => {
  const tiers = (price: string) => [{ minQuantity: 1, unitPrice: price }];
  const input: AwardRoundInput = {
    roundId: 'R-3',
    at: AT,
    regions: ['华东', '西南'],
    skus: [{ sku: 'OIL-5L' }, { sku: 'SALT-1KG', requiredDocuments: ['food-licence'] }],
    requests: [request('q1', 'M-1', 'OIL-5L', 10), request('q2', 'M-1', 'SALT-1KG', 10, '西南')],
    agreements: [
      // starts after the award
      {
        agreementId: 'AG-1',
        supplierId: 'SUP-A',
        sku: 'OIL-5L',
        validFrom: '2026-04-01T00:00:00+08:00',
        tiers: tiers('30.00'),
      },
      // SUP-B has two valid agreements: the one that started later applies
      { agreementId: 'AG-2', supplierId: 'SUP-B', sku: 'OIL-5L', validFrom: FROM, tiers: tiers('31.00') },
      {
        agreementId: 'AG-3',
        supplierId: 'SUP-B',
        sku: 'OIL-5L',
        validFrom: '2026-02-01T00:00:00+08:00',
        tiers: tiers('33.00'),
      },
      // serves 华东 only, the round also delivers to 西南
      {
        agreementId: 'AG-4',
        supplierId: 'SUP-C',
        sku: 'OIL-5L',
        validFrom: FROM,
        regions: ['华东'],
        tiers: tiers('29.00'),
      },
      // a supplier the round was not given
      { agreementId: 'AG-5', supplierId: 'SUP-X', sku: 'OIL-5L', validFrom: FROM, tiers: tiers('28.00') },
      // SUP-C lacks the food licence SALT-1KG requires; SUP-B holds it
      { agreementId: 'AG-6', supplierId: 'SUP-C', sku: 'SALT-1KG', validFrom: FROM, tiers: tiers('2.00') },
      { agreementId: 'AG-7', supplierId: 'SUP-B', sku: 'SALT-1KG', validFrom: FROM, tiers: tiers('2.50') },
    ],
    suppliers: [
      { supplierId: 'SUP-A' },
      { supplierId: 'SUP-B', documents: [{ kind: 'food-licence' }] },
      { supplierId: 'SUP-C' },
    ],
  };

  it('names each one, and still awards what is eligible', () => {
    const award = awardRound(input);
    const [oil, salt] = award.skus;
    expect(oil!.excluded.map((e) => [e.agreementId, e.reasons.map((r) => [r.code, r.details])])).toEqual([
      ['AG-1', [['AGREEMENT_NOT_YET_VALID', { agreementId: 'AG-1', validFrom: '2026-03-31T16:00:00.000Z' }]]],
      ['AG-2', [['AGREEMENT_SUPERSEDED', { agreementId: 'AG-2', appliesInstead: 'AG-3' }]]],
      ['AG-4', [['REGION_NOT_SERVED', { agreementId: 'AG-4', missing: ['西南'] }]]],
      ['AG-5', [['SUPPLIER_UNKNOWN', { supplierId: 'SUP-X' }]]],
    ]);
    expect(oil!.lines.map((l) => [l.agreementId, l.quantity, money(l.amount)])).toEqual([
      ['AG-3', 10, '330.00 CNY'],
    ]);
    // the SKU's own requirement is judged for it alone: SUP-C still qualifies for the round
    expect(salt!.excluded.map((e) => [e.agreementId, e.reasons.map((r) => r.code)])).toEqual([
      ['AG-6', ['DOCUMENT_MISSING']],
    ]);
    expect(salt!.lines.map((l) => l.agreementId)).toEqual(['AG-7']);
    expect(award.qualification.map((q) => [q.supplierId, q.qualified])).toEqual([
      ['SUP-A', true],
      ['SUP-B', true],
      ['SUP-C', true],
    ]);
  });
});

describe('awardRound: limits of the exact award', () => {
  const round = (quantity: number, unitPrice: string): AwardRoundInput => ({
    at: AT,
    regions: ['华东'],
    skus: [{ sku: 'A' }],
    requests: [request('q', 'M', 'A', quantity)],
    agreements: ['SUP-1', 'SUP-2'].map((supplierId) => ({
      agreementId: `AG-${supplierId}`,
      supplierId,
      sku: 'A',
      validFrom: FROM,
      tiers: [{ minQuantity: 1, unitPrice }],
    })),
    suppliers: [{ supplierId: 'SUP-1' }, { supplierId: 'SUP-2' }],
  });
  const codeOf = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      return [(error as DomainError).code, (error as DomainError).details];
    }
    return null;
  };

  it('refuses a SKU whose dynamic programme would pass 2 × 10^7 cells', () => {
    // 2 agreements × (10,000,001 units + 1)
    expect(codeOf(() => awardRound(round(10_000_001, '1.00')))).toEqual([
      'AWARD_TOO_LARGE',
      { sku: 'A', demand: 10_000_001, agreements: 2, cells: 20_000_004, max: 20_000_000 },
    ]);
    // the limit is on cells, not units: one agreement needs no search
    const single = round(10_000_001, '1.00');
    expect(codeOf(() => awardRound({ ...single, agreements: single.agreements.slice(0, 1) }))).toBeNull();
  });

  it('refuses costs beyond exact arithmetic at the prices’ precision', () => {
    // 6 decimals: 1,000,000.000001 is 10^12 + 1 millionths; × 4 × 3000 units passes 2^53
    expect(codeOf(() => awardRound(round(3000, '1000000.000001')))).toEqual([
      'AWARD_OUT_OF_RANGE',
      { sku: 'A', demand: 3000, scale: 6 },
    ]);
    expect(codeOf(() => awardRound(round(2000, '1000000.000001')))).toBeNull();
  });
});

describe('awardRound: input errors', () => {
  it('names the request line with an unknown SKU or region, before any work', () => {
    try {
      awardRound({
        at: AT,
        regions: ['华东'],
        skus: [{ sku: 'A' }],
        requests: [request('q1', 'M-1', 'B', 1, '华北')],
        agreements: [],
        suppliers: [],
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues.map((i) => i.path)).toEqual([
        ['requests', 0, 'region'],
        ['requests', 0, 'lines', 0, 'sku'],
      ]);
    }
    expect(() =>
      awardRound({
        at: AT,
        regions: ['华东'],
        skus: [{ sku: 'A' }],
        requests: [request('q', 'M', 'A', 0)],
        agreements: [],
        suppliers: [],
      }),
    ).toThrow(ValidationError);
  });

  it('awards nothing without eligible agreements, and says so', () => {
    const award = awardRound({
      at: AT,
      regions: ['华东'],
      skus: [{ sku: 'A' }],
      requests: [request('q', 'M', 'A', 5)],
      agreements: [],
      suppliers: [],
    });
    expect(award.skus[0]).toMatchObject({ demand: 5, filled: 0, unmet: 5, eligible: 0, unitPrice: null });
    expect(money(award.allocations[0]!.amount)).toBe('0.00 CNY');
    expect(award.purchaseOrders).toEqual([]);
  });
});
