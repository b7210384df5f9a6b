import { createIdGenerator, formatMoney, Money, type MoneyJson, manualClock } from '@s2b2b/core';
import { createProcurementService, type ProcurementEvent } from '@s2b2b/procurement';
import type { Printer } from '../output.js';
import type { StorageSession } from '../storage.js';

/**
 * What the procurement section found.
 *
 * @example
 * const { award, merchants, ok }: ProcurementTourResult = await procurementTour(options);
 */
export interface ProcurementTourResult {
  kind: string;
  /** The round of this run (`R-<tag>`): SKUs, agreements and round are the run's own, so reruns never meet. */
  roundId: string;
  /** What the award bought: per SKU and supplier, units, tier and invoice amount. */
  award: { sku: string; supplierId: string; quantity: number; tier: number; amount: MoneyJson }[];
  /** Agreements left out, with their reason codes. */
  excluded: { agreementId: string; reasons: string[] }[];
  /** Each merchant: what its own quantities would cost alone, what it pays, what it saves. */
  merchants: {
    merchantId: string;
    alone: MoneyJson;
    pays: MoneyJson;
    saves: MoneyJson;
    savingRate: number;
  }[];
  purchaseOrders: { supplierId: string; total: MoneyJson }[];
  totals: { cost: MoneyJson; standalone: MoneyJson; saving: MoneyJson };
  /** Σ merchants = Σ purchase orders, to the fen. */
  balanced: boolean;
  /** No request line pays more than its stand-alone cost. */
  fair: boolean;
  /** The procurement events the section committed (heard by `onEvent` after each commit), by type. */
  events: { committed: number; byType: Record<string, number> };
  ok: boolean;
  ms: number;
}

/**
 * Options of `procurementTour`.
 *
 * @example
 * const options: ProcurementTourOptions = { out, session: storageSession(plan) };
 */
export interface ProcurementTourOptions {
  out: Printer;
  /** The demo's storage (already opened by an earlier section, or opened here). */
  session: StorageSession;
}

const FROM = '2026-01-01T00:00:00+08:00';
const LICENCES = [{ kind: 'business-licence' }, { kind: 'food-production-licence' }];

/**
 * Section 11 of the demo: `@s2b2b/procurement` on the demo's storage. Five merchants pool milk
 * and rice in one buying round; the award buys 636 cartons of milk across two suppliers (one has
 * a monthly capacity of 600, in packs of 12; the other a MOQ of 60) and 90 bags of rice at the
 * 80+ tier, leaving out a cheaper supplier whose licence expired; each merchant pays the pooled
 * price — never more than its own quantity alone — and the per-merchant savings add up to the
 * cent. The round, its SKUs and agreements are the run's own, on a fixed clock, so every run
 * prints the same numbers on any storage.
 *
 * @example
 * const result = await procurementTour({ out, session });
 * result.ok // true
 */
export async function procurementTour(options: ProcurementTourOptions): Promise<ProcurementTourResult> {
  const { out, session } = options;
  const started = performance.now();
  out.heading(
    `11. Procurement: a buying round, the exact award, savings per merchant (${session.plan.kind})`,
  );
  const { storage, kind } = await session.open();
  const clock = manualClock('2026-03-09T09:00:00+08:00');
  const byType: Record<string, number> = {};
  const procurement = createProcurementService({
    storage,
    clock,
    onEvent: (event: ProcurementEvent) => {
      byType[event.type] = (byType[event.type] ?? 0) + 1;
    },
  });
  const tag = createIdGenerator({ prefix: 'run' })().slice(-6);
  const id = (name: string) => `${name}-${tag}`;
  const label = (value: string) => value.replace(`-${tag}`, '');
  const key = (name: string) => `demo-procurement/${tag}/${name}`;

  for (const [supplierId, documents] of [
    ['GM', LICENCES],
    ['MN', LICENCES],
    [
      'XX',
      [
        { kind: 'business-licence' },
        { kind: 'food-production-licence', expiresAt: '2026-02-15T00:00:00+08:00' },
      ],
    ],
    ['BD', LICENCES],
  ] as const) {
    await procurement.saveSupplier({
      idempotencyKey: key(`supplier-${supplierId}`),
      supplier: { supplierId: id(supplierId), documents: [...documents] },
    });
  }
  const agreements = [
    {
      agreementId: id('AG-GM-MILK'),
      supplierId: id('GM'),
      sku: id('MILK'),
      packSize: 12,
      moq: 48,
      capacity: { quantity: 600, period: 'month' as const },
      tiers: [
        { minQuantity: 1, unitPrice: '5.20' },
        { minQuantity: 200, unitPrice: '4.80' },
        { minQuantity: 500, unitPrice: '4.50' },
      ],
    },
    {
      agreementId: id('AG-MN-MILK'),
      supplierId: id('MN'),
      sku: id('MILK'),
      packSize: 6,
      moq: 60,
      tiers: [
        { minQuantity: 1, unitPrice: '5.00' },
        { minQuantity: 300, unitPrice: '4.60' },
      ],
    },
    {
      agreementId: id('AG-XX-MILK'),
      supplierId: id('XX'),
      sku: id('MILK'),
      tiers: [{ minQuantity: 1, unitPrice: '3.90' }],
    },
    {
      agreementId: id('AG-BD-RICE'),
      supplierId: id('BD'),
      sku: id('RICE'),
      tiers: [
        { minQuantity: 1, unitPrice: '60.00' },
        { minQuantity: 80, unitPrice: '54.00' },
      ],
    },
  ];
  for (const agreement of agreements) {
    await procurement.saveAgreement({
      idempotencyKey: key(agreement.agreementId),
      agreement: { ...agreement, validFrom: FROM },
    });
  }
  const roundId = id('R');
  await procurement.openRound({
    idempotencyKey: key('open'),
    roundId,
    skus: [{ sku: id('MILK') }, { sku: id('RICE') }],
    regions: ['上海', '杭州'],
    requiredDocuments: ['business-licence', 'food-production-licence'],
    opensAt: '2026-03-09T00:00:00+08:00',
    closesAt: '2026-03-13T18:00:00+08:00',
  });
  const requests: [string, string, [string, number][]][] = [
    [
      '华东食品',
      '上海',
      [
        ['MILK', 240],
        ['RICE', 30],
      ],
    ],
    ['小王便利店', '上海', [['MILK', 96]]],
    [
      '鲜果仓',
      '杭州',
      [
        ['MILK', 120],
        ['RICE', 20],
      ],
    ],
    [
      'Lotus Mart',
      '杭州',
      [
        ['MILK', 156],
        ['RICE', 40],
      ],
    ],
    ['阿芳小卖部', '杭州', [['MILK', 24]]],
  ];
  for (const [index, [merchantId, region, lines]] of requests.entries()) {
    await procurement.submitRequest({
      idempotencyKey: key(`request-${index}`),
      roundId,
      requestId: `REQ-${index + 1}`,
      merchantId,
      region,
      items: lines.map(([sku, quantity]) => ({ sku: id(sku), quantity })),
    });
  }
  clock.set('2026-03-13T18:00:00+08:00');
  const { award, purchaseOrders } = await procurement.closeRound({ idempotencyKey: key('close'), roundId });

  const lines = award.skus.flatMap((sku) =>
    sku.lines.map((line) => ({
      sku: label(sku.sku),
      supplierId: label(line.supplierId),
      quantity: line.quantity,
      tier: line.tier,
      amount: line.amount.toJSON(),
    })),
  );
  out.line(
    `Five merchants pool ${award.skus.map((s) => `${s.demand} ${label(s.sku)}`).join(' and ')}; the least-cost award over packs, MOQs and a 600-a-month capacity:`,
  );
  out.table(
    lines.map((line) => ({
      sku: line.sku,
      supplier: line.supplierId,
      units: line.quantity,
      tier: line.tier,
      amount: formatMoney(Money.fromJSON(line.amount)),
    })),
  );
  const excluded = award.skus.flatMap((sku) =>
    sku.excluded.map((e) => ({ agreementId: label(e.agreementId), reasons: e.reasons.map((r) => r.code) })),
  );
  for (const e of excluded) out.line(`  left out ${e.agreementId}: ${e.reasons.join(', ')}`);

  const merchants = award.merchants.map((m) => ({
    merchantId: m.merchantId,
    alone: m.standalone.toJSON(),
    pays: m.amount.toJSON(),
    saves: m.saving.toJSON(),
    savingRate: Math.round(1000 * m.savingRate) / 1000,
  }));
  out.line();
  out.line('What each merchant pays at the pooled price, against its own quantities alone:');
  out.table(
    award.merchants.map((m) => ({
      merchant: m.merchantId,
      alone: formatMoney(m.standalone),
      pays: formatMoney(m.amount),
      saves: formatMoney(m.saving),
      rate: `${(100 * m.savingRate).toFixed(1)} %`,
    })),
  );
  const allocations = await procurement.listAllocations(roundId);
  const paid = allocations.reduce((total, a) => total.add(a.amount), Money.zero());
  const invoiced = purchaseOrders.reduce((total, po) => total.add(po.total), Money.zero());
  const balanced = paid.equals(invoiced) && award.totals.cost.equals(invoiced);
  const fair = allocations.every((a) => a.amount.lessThanOrEqual(a.standalone));
  const mark = (ok: boolean) => (ok ? out.good('✓') : out.bad('✗'));
  out.line(
    `  ${mark(balanced)} merchants pay ${formatMoney(paid)} = ${purchaseOrders.map((po) => `${label(po.supplierId)} ${formatMoney(po.total)}`).join(' + ')}; ${mark(fair)} nobody pays more than alone; the round saves ${formatMoney(award.totals.saving)}`,
  );
  const committed = Object.values(byType).reduce((sum, n) => sum + n, 0);
  const ok =
    balanced && fair && excluded.length === 1 && (byType['po.created'] ?? 0) === purchaseOrders.length;
  return {
    kind,
    roundId,
    award: lines,
    excluded,
    merchants,
    purchaseOrders: purchaseOrders.map((po) => ({
      supplierId: label(po.supplierId),
      total: po.total.toJSON(),
    })),
    totals: {
      cost: award.totals.cost.toJSON(),
      standalone: award.totals.standalone.toJSON(),
      saving: award.totals.saving.toJSON(),
    },
    balanced,
    fair,
    events: { committed, byType },
    ok,
    ms: Math.round(performance.now() - started),
  };
}
