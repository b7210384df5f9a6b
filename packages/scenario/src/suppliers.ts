import type { Rng } from '@s2b2b/core';
import { fen } from './catalog.js';
import type { ScaleSettings } from './scales.js';
import type { Agreement, Sku, Supplier, SupplierDocument, VerticalId } from './types.js';
import { VERTICALS } from './verticals.js';

/** Supplier names and home cities per vertical. */
const SUPPLIERS: Readonly<Record<VerticalId, readonly [string, string][]>> = {
  fresh: [
    ['光明乳业华东中心', '上海'],
    ['温氏食品华南', '广州'],
    ['首农食品集团', '北京'],
    ['新希望六和', '成都'],
    ['白沙洲农副产品', '武汉'],
    ['青岛海洋渔业', '青岛'],
  ],
  apparel: [
    ['杭州四季青服饰', '杭州'],
    ['广州沙河服装', '广州'],
    ['宁波申洲针织', '宁波'],
    ['东莞虎门制衣', '东莞'],
    ['汉正街服饰', '武汉'],
    ['厦门运动服饰', '厦门'],
  ],
  industrial: [
    ['苏州工业园五金', '苏州'],
    ['天津紧固件', '天津'],
    ['洛阳轴承', '洛阳'],
    ['深圳电工电缆', '深圳'],
    ['重庆机电', '重庆'],
    ['济南劳保用品', '济南'],
  ],
};

const PREFIX: Readonly<Record<VerticalId, string>> = { fresh: 'FR', apparel: 'AP', industrial: 'IN' };

/** Documents that expire before the simulated day make a supplier ineligible on it. */
export const EXPIRED_ON = '2026-10-15T00:00:00+08:00';

/**
 * The suppliers: `suppliersPerVertical` per vertical (`SUP-FR-1`, …), each holding a business
 * licence and its vertical's required documents, valid well past the simulated day — except
 * the last supplier of each vertical, one of whose documents expired on 2026-10-15.
 *
 * @example
 * generateSuppliers(rng, SCALES.small).filter((s) => s.documents.some((d) => d.expiresAt === EXPIRED_ON)).length // 3
 */
export function generateSuppliers(rng: Rng, settings: ScaleSettings): Supplier[] {
  const suppliers: Supplier[] = [];
  for (const vertical of VERTICALS) {
    const n = Math.min(settings.suppliersPerVertical, SUPPLIERS[vertical.id].length);
    for (let i = 0; i < n; i++) {
      const [name, cityId] = SUPPLIERS[vertical.id][i]!;
      const supplierId = `SUP-${PREFIX[vertical.id]}-${i + 1}`;
      const lapsed = i === n - 1 ? 1 + rng.int(0, vertical.requiredDocuments.length - 2) : -1;
      const documents: SupplierDocument[] = vertical.requiredDocuments.map((kind, k) => ({
        kind,
        number: `${kind
          .split('-')
          .map((w) => w[0]!.toUpperCase())
          .join('')}-${String(rng.int(10000, 99999))}`,
        validFrom: null,
        expiresAt:
          kind === 'business-licence'
            ? null
            : k === lapsed
              ? EXPIRED_ON
              : `${2027 + rng.int(0, 2)}-${String(rng.int(1, 12)).padStart(2, '0')}-01T00:00:00+08:00`,
      }));
      suppliers.push({ supplierId, name, vertical: vertical.id, cityId, documents });
    }
  }
  return suppliers;
}

/**
 * Framework agreements: two or three suppliers of its vertical for every SKU, each with
 * all-units tiers around the SKU's cost (× 1.10 from 1 unit, × 1.00 from 6 typical lines,
 * × 0.93 from 25), a MOQ of two typical lines, the SKU's carton as pack, and — on every third
 * SKU — a monthly capacity on the cheapest supplier, so that a large pooled order splits.
 *
 * @example
 * generateAgreements(rng, skus, suppliers).filter((a) => a.sku === 'FR-001').length // 2 or 3
 */
export function generateAgreements(
  rng: Rng,
  skus: readonly Sku[],
  suppliers: readonly Supplier[],
): Agreement[] {
  const agreements: Agreement[] = [];
  skus.forEach((sku, index) => {
    const pool = suppliers.filter((s) => s.vertical === sku.vertical);
    const count = Math.min(pool.length, 2 + (index % 2));
    const cost = Math.round(Number(sku.unitCost) * 100);
    const t1 = Math.round(sku.meanLineQuantity * 6);
    const t2 = Math.round(sku.meanLineQuantity * 25);
    const offers = Array.from({ length: count }, (_, k) => {
      const supplier = pool[(index + k) % pool.length]!;
      return { supplier, factor: rng.uniform(0.95, 1.06), lead: rng.int(0, 2) };
    }).sort((a, b) => a.factor - b.factor);
    offers.forEach(({ supplier, factor, lead }, k) => {
      const price = (multiple: number) => fen(Math.round(cost * factor * multiple));
      agreements.push({
        agreementId: `AG-${sku.sku}-${supplier.supplierId.slice(-1)}`,
        supplierId: supplier.supplierId,
        sku: sku.sku,
        packSize: sku.packSize,
        moq: Math.max(sku.packSize, Math.ceil((2 * sku.meanLineQuantity) / sku.packSize) * sku.packSize),
        tiers: [
          { minQuantity: 1, unitPrice: price(1.1) },
          { minQuantity: t1, unitPrice: price(1) },
          { minQuantity: t2, unitPrice: price(0.93) },
        ],
        capacity: k === 0 && index % 3 === 0 ? { quantity: 2 * t2, period: 'month' } : null,
        leadTimeDays: sku.leadTimeDays + lead,
        validFrom: '2024-01-01T00:00:00+08:00',
      });
    });
  });
  return agreements;
}
