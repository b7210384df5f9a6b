/**
 * A buying round (集采) with `@s2b2b/procurement`: a supplier's tiered price list, supplier
 * qualification and scorecards from delivery records (the worst-scored supplier is blocked), a
 * round where six merchants pool milk and rice (one through a bundle, one changes, one cancels),
 * the exact least-cost award under packs, MOQs and a capacity, and every merchant's cost and
 * saving to the cent against what its own quantity would cost alone.
 */
import { createIdGenerator, createRng, formatMoney, Money, manualClock } from '@s2b2b/core';
import {
  type AgreementInput,
  createProcurementService,
  type DeliveryRecord,
  priceQuantity,
  qualifySupplier,
  scoreSupplier,
  tierRanges,
} from '@s2b2b/procurement';
import { createMemoryStorage } from '@s2b2b/storage-memory';
import type { ExampleIo, ExampleMeta } from './example.js';

/**
 * @example
 * meta.name // 'procurement'
 */
export const meta: ExampleMeta = {
  name: 'procurement',
  title: 'A buying round: tiered prices, qualified suppliers, the exact award, savings per merchant',
  description:
    'Six merchants pool milk and rice in one round: suppliers qualified and scored (an expired licence and a Very Poor standing are excluded), the least-cost award over packs, MOQs and a monthly capacity, purchase orders, and each merchant’s cost and saving to the cent — summing exactly to the supplier invoices.',
};

const FROM = '2026-01-01T00:00:00+08:00';

const MILK_GM: AgreementInput = {
  agreementId: 'AG-GM-MILK',
  supplierId: 'SUP-GM',
  sku: 'MILK-1L',
  validFrom: FROM,
  packSize: 12,
  moq: 48,
  capacity: { quantity: 600, period: 'month' },
  leadTimeDays: 2,
  tiers: [
    { minQuantity: 1, unitPrice: '5.20' },
    { minQuantity: 200, unitPrice: '4.80' },
    { minQuantity: 500, unitPrice: '4.50' },
  ],
};

const AGREEMENTS: AgreementInput[] = [
  MILK_GM,
  {
    agreementId: 'AG-MN-MILK',
    supplierId: 'SUP-MN',
    sku: 'MILK-1L',
    validFrom: FROM,
    packSize: 6,
    moq: 60,
    leadTimeDays: 3,
    tiers: [
      { minQuantity: 1, unitPrice: '5.00' },
      { minQuantity: 300, unitPrice: '4.60' },
    ],
  },
  // the cheapest milk, from a supplier whose food-production licence has expired
  {
    agreementId: 'AG-XX-MILK',
    supplierId: 'SUP-XX',
    sku: 'MILK-1L',
    validFrom: FROM,
    tiers: [{ minQuantity: 1, unitPrice: '3.90' }],
  },
  {
    agreementId: 'AG-BD-RICE',
    supplierId: 'SUP-BD',
    sku: 'RICE-5KG',
    validFrom: FROM,
    leadTimeDays: 4,
    tiers: [
      { minQuantity: 1, unitPrice: '60.00' },
      { minQuantity: 80, unitPrice: '54.00' },
    ],
  },
  // cheaper rice, from a supplier whose scorecard fell to Very Poor
  {
    agreementId: 'AG-WL-RICE',
    supplierId: 'SUP-WL',
    sku: 'RICE-5KG',
    validFrom: FROM,
    tiers: [
      { minQuantity: 1, unitPrice: '55.00' },
      { minQuantity: 50, unitPrice: '50.00' },
    ],
  },
];

const LICENCES = [
  { kind: 'business-licence' },
  { kind: 'food-production-licence', number: 'SC10531', expiresAt: '2027-12-31T00:00:00+08:00' },
];
const SUPPLIERS = [
  { supplierId: 'SUP-GM', name: '光明乳业', documents: LICENCES },
  { supplierId: 'SUP-MN', name: '蒙牛乳业', documents: LICENCES },
  {
    supplierId: 'SUP-XX',
    name: '某乳品厂',
    documents: [
      { kind: 'business-licence' },
      { kind: 'food-production-licence', expiresAt: '2026-02-15T00:00:00+08:00' },
    ],
  },
  { supplierId: 'SUP-BD', name: '北大荒粮食', documents: LICENCES },
  { supplierId: 'SUP-WL', name: '五常粮油', documents: LICENCES },
];

/** Delivery indexes in an order that spreads them over the three months (4 a month). */
const SPREAD = [0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11];

/**
 * A supplier's last quarter: 12 deliveries of 100 units, promised on the 5th, 12th, 19th and 26th
 * of December to February; `late` of them arrive a day late and `short` of them 10 units short,
 * spread over the months.
 */
function deliveries(late: number, short: number): DeliveryRecord[] {
  const lateOnes = new Set(SPREAD.slice(0, late));
  const shortOnes = new Set(SPREAD.slice(-short || SPREAD.length));
  return SPREAD.map((_, i) => {
    const promisedAt = new Date(Date.UTC(2025, 11 + Math.floor(i / 4), 5 + 7 * (i % 4), 4));
    return {
      deliveryId: `D-${i}`,
      sku: 'ANY',
      orderedQuantity: 100,
      deliveredQuantity: short > 0 && shortOnes.has(i) ? 90 : 100,
      orderedAt: new Date(promisedAt.getTime() - 3 * 86_400_000),
      promisedAt,
      deliveredAt: new Date(promisedAt.getTime() + (lateOnes.has(i) ? 86_400_000 : -3_600_000)),
      unitPrice: null,
    };
  });
}

/**
 * Runs the example.
 *
 * @example
 * await run({ log: console.log, table: console.table })
 */
export async function run(io: ExampleIo): Promise<void> {
  const yuan = (m: Money) => formatMoney(m);

  io.log('1. 光明乳业’s milk price list: the tier the quantity reaches prices every unit (all-units).');
  io.table(
    tierRanges(MILK_GM).map((range) => ({
      tier: range.tier,
      units:
        range.maxQuantity === null ? `${range.minQuantity}+` : `${range.minQuantity}-${range.maxQuantity}`,
      'unit price': `¥${range.unitPrice}`,
    })),
  );
  const at199 = priceQuantity(MILK_GM, 199).amount;
  const at200 = priceQuantity(MILK_GM, 200).amount;
  io.log(
    `  199 units cost ${yuan(at199)}, 200 units ${yuan(at200)}: the tier break makes more cheaper — the award has to see it.`,
  );

  io.log();
  io.log(
    '2. Qualification, and scorecards from December to March (OTIF 40, fill rate 20, quality 20, lead-time consistency 10):',
  );
  const asOf = '2026-03-09T00:00:00+08:00';
  const records: Record<string, DeliveryRecord[]> = {
    'SUP-GM': deliveries(0, 0),
    'SUP-MN': deliveries(2, 1),
    'SUP-BD': deliveries(1, 0),
    'SUP-WL': deliveries(12, 9),
  };
  // 五常粮油 also had 6 bags a month returned for quality (after-sales cases that found it at fault)
  const returns = {
    'SUP-WL': ['2025-12-20', '2026-01-20', '2026-02-20'].map((day, i) => ({
      returnId: `RMA-${i + 1}`,
      sku: 'ANY',
      quantity: 6,
      at: `${day}T10:00:00+08:00`,
      cause: 'quality' as const,
    })),
  };
  const ratings = new Map<string, { score: number; standing: string; blocksAwards: boolean; asOf: string }>();
  const rows: Record<string, string | number>[] = [];
  for (const supplier of SUPPLIERS) {
    const qualification = qualifySupplier({
      supplier,
      requirements: { documents: ['business-licence', 'food-production-licence'] },
      at: asOf,
    });
    const history = records[supplier.supplierId];
    const card = history
      ? scoreSupplier({
          supplierId: supplier.supplierId,
          asOf,
          periods: 4,
          deliveries: history,
          returns: returns[supplier.supplierId as keyof typeof returns] ?? [],
        })
      : null;
    if (card?.score != null && card.standing) {
      ratings.set(supplier.supplierId, {
        score: card.score,
        standing: card.standing.name,
        blocksAwards: card.blocksAwards,
        asOf,
      });
    }
    rows.push({
      supplier: `${supplier.supplierId} ${supplier.name}`,
      licences: qualification.qualified ? 'valid' : qualification.reasons.map((r) => r.code).join(', '),
      OTIF: card?.kpis.otif == null ? '—' : `${card.kpis.otif.toFixed(1)} %`,
      score: card?.score ?? '—',
      standing: card?.standing ? `${card.standing.name}${card.blocksAwards ? ' (blocks awards)' : ''}` : '—',
    });
  }
  io.table(rows);

  // The platform: memory storage, a fixed clock and seeded ids, so every run prints the same.
  const clock = manualClock('2026-03-09T09:00:00+08:00');
  const storage = createMemoryStorage();
  const procurement = createProcurementService({
    storage,
    clock,
    ids: createIdGenerator({ clock, rng: createRng('examples/procurement'), prefix: 'evt' }),
  });
  for (const supplier of SUPPLIERS) {
    await procurement.saveSupplier({
      idempotencyKey: `supplier-${supplier.supplierId}`,
      supplier: { ...supplier, rating: ratings.get(supplier.supplierId) ?? null },
    });
  }
  for (const agreement of AGREEMENTS) {
    await procurement.saveAgreement({ idempotencyKey: `agreement-${agreement.agreementId}`, agreement });
  }
  await procurement.openRound({
    idempotencyKey: 'open-2026-W11',
    roundId: 'R-2026-W11',
    name: '三月第二周 乳品粮油集采',
    skus: [
      { sku: 'MILK-1L', name: '纯牛奶 1L' },
      { sku: 'RICE-5KG', name: '东北大米 5kg' },
    ],
    bundles: [
      {
        bundleId: 'FAMILY',
        name: '家庭装',
        components: [
          { sku: 'MILK-1L', quantity: 12 },
          { sku: 'RICE-5KG', quantity: 2 },
        ],
      },
    ],
    regions: ['上海', '杭州'],
    requiredDocuments: ['business-licence', 'food-production-licence'],
    opensAt: '2026-03-09T00:00:00+08:00',
    closesAt: '2026-03-13T18:00:00+08:00',
    needBy: '2026-03-20T00:00:00+08:00',
  });

  io.log();
  io.log(
    '3. Six merchants submit; 鲜果仓 takes 10 family bundles, Lotus Mart lowers its milk, 街角超市 cancels:',
  );
  const submit = (
    requestId: string,
    merchantId: string,
    region: string,
    items: ({ sku: string } | { bundleId: string })[],
    quantities: number[],
  ) =>
    procurement.submitRequest({
      idempotencyKey: `submit-${requestId}`,
      roundId: 'R-2026-W11',
      requestId,
      merchantId,
      region,
      items: items.map((item, i) => ({ ...item, quantity: quantities[i]! })) as never,
    });
  await submit('REQ-1', '华东食品', '上海', [{ sku: 'MILK-1L' }, { sku: 'RICE-5KG' }], [240, 30]);
  await submit('REQ-2', '小王便利店', '上海', [{ sku: 'MILK-1L' }], [96]);
  await submit('REQ-3', '鲜果仓', '杭州', [{ bundleId: 'FAMILY' }], [10]);
  await submit('REQ-4', 'Lotus Mart', '杭州', [{ sku: 'MILK-1L' }, { sku: 'RICE-5KG' }], [180, 40]);
  await submit('REQ-5', '街角超市', '上海', [{ sku: 'MILK-1L' }], [60]);
  await submit('REQ-6', '阿芳小卖部', '杭州', [{ sku: 'MILK-1L' }], [24]);
  clock.advance(86_400_000);
  await procurement.changeRequest({
    idempotencyKey: 'change-REQ-4',
    roundId: 'R-2026-W11',
    requestId: 'REQ-4',
    merchantId: 'Lotus Mart',
    items: [
      { sku: 'MILK-1L', quantity: 150 },
      { sku: 'RICE-5KG', quantity: 40 },
    ],
  });
  await procurement.cancelRequest({
    idempotencyKey: 'cancel-REQ-5',
    roundId: 'R-2026-W11',
    requestId: 'REQ-5',
    merchantId: '街角超市',
    reason: '已在别处订货',
  });
  const demand = await procurement.getDemand('R-2026-W11');
  io.log(
    `  pooled: ${demand.map((d) => `${d.sku} ${d.units} units from ${d.requests} requests`).join(', ')}`,
  );

  clock.set('2026-03-13T18:00:00+08:00');
  const { award, purchaseOrders } = await procurement.closeRound({
    idempotencyKey: 'close-R-2026-W11',
    roundId: 'R-2026-W11',
  });

  io.log();
  io.log(
    '4. The award: least cost for the most the agreements allow (whole packs above the MOQs, within the capacity):',
  );
  io.table(
    award.skus.flatMap((sku) =>
      sku.lines.map((line) => ({
        sku: sku.sku,
        supplier: line.supplierId,
        units: line.quantity,
        'unit price': `¥${line.unitPrice.toDecimalString()} (tier ${line.tier})`,
        amount: yuan(line.amount),
      })),
    ),
  );
  for (const sku of award.skus) {
    for (const excluded of sku.excluded) {
      io.log(`  excluded ${excluded.agreementId}: ${excluded.reasons.map((r) => r.code).join(', ')}`);
    }
  }

  io.log();
  io.log(
    '5. What each merchant pays — the pooled unit price, never more than its own quantity alone — and saves:',
  );
  io.table(
    award.merchants.map((m) => ({
      merchant: m.merchantId,
      units: m.filled,
      alone: yuan(m.standalone),
      pays: yuan(m.amount),
      saves: yuan(m.saving),
      rate: `${(100 * m.savingRate).toFixed(1)} %`,
    })),
  );
  const allocations = await procurement.listAllocations('R-2026-W11');
  const paid = allocations.reduce((total, a) => total.add(a.amount), Money.zero());
  const invoiced = purchaseOrders.reduce((total, po) => total.add(po.total), Money.zero());
  const fair = allocations.every((a) => a.amount.lessThanOrEqual(a.standalone));
  io.log(
    `  ${paid.equals(invoiced) ? '✓' : '✗'} merchants pay ${yuan(paid)} = purchase orders ${purchaseOrders.map((po) => `${po.supplierId} ${yuan(po.total)}`).join(' + ')}; ${fair ? '✓' : '✗'} nobody pays more than alone`,
  );
  io.log(
    `  the round saves ${yuan(award.totals.saving)} of ${yuan(award.totals.standalone)} (${((100 * Number(award.totals.saving.amount())) / Number(award.totals.standalone.amount())).toFixed(1)} %)`,
  );
}
