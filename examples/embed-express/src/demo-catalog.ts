import type { CatalogInput } from './catalog.js';

const SHANGHAI_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of an instant in Asia/Shanghai (UTC+8 all year). */
const shanghaiDate = (at: Date) => new Date(at.getTime() + SHANGHAI_MS).toISOString().slice(0, 10);

/**
 * The catalogue `server.ts` starts with: three products from three suppliers, 满300减20 on every
 * order, and a flash sale (秒杀) of 100 bags of rice at ¥89.00, at most 5 a merchant, for the
 * whole day of `now` in Shanghai.
 *
 * @example
 * const catalog = loadCatalog(demoCatalog(new Date('2026-03-02T02:00:00Z')));
 * catalog.product('RICE-5KG')?.unitPrice // '100.00'
 */
export function demoCatalog(now: Date): CatalogInput {
  const today = shanghaiDate(now);
  const tomorrow = shanghaiDate(new Date(Date.parse(`${today}T00:00:00+08:00`) + DAY_MS));
  return {
    products: [
      {
        sku: 'RICE-5KG',
        name: '五常大米 5 kg',
        unitPrice: '100.00',
        categories: ['grain'],
        supplierId: 'SUP-WC',
      },
      {
        sku: 'TEA-500G',
        name: '普洱茶 500 g',
        unitPrice: '68.00',
        categories: ['tea'],
        supplierId: 'SUP-YL',
      },
      { sku: 'OIL-5L', name: '花生油 5 L', unitPrice: '62.00', categories: ['oil'], supplierId: 'SUP-LH' },
    ],
    promotions: [
      {
        id: 'flash-rice',
        name: '秒杀 五常大米',
        type: 'flash-sale',
        price: '89.00',
        startsAt: `${today}T00:00:00+08:00`,
        endsAt: `${tomorrow}T00:00:00+08:00`,
        stock: 100,
        perCustomerLimit: 5,
        eligibility: { skus: ['RICE-5KG'] },
      },
      { id: 'mj-300', name: '满300减20', type: 'threshold', tiers: [{ spend: '300', off: '20' }] },
    ],
  };
}
