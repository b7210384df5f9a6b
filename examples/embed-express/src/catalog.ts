import { parseInput } from '@s2b2b/core';
import {
  type CampaignInput,
  compilePromotions,
  type PromotionInput,
  type PromotionSet,
} from '@s2b2b/promotions';
import { z } from 'zod';

const idSchema = z.string().min(1).max(64);

/**
 * One product the platform sells: its list price (yuan, at most two decimals), the categories
 * promotions filter on, and the supplier who answers for it after the sale.
 *
 * @example
 * productSchema.parse({ sku: 'RICE-5KG', name: '五常大米 5 kg', unitPrice: '100.00', categories: ['grain'], supplierId: 'SUP-WC' })
 */
export const productSchema = z
  .object({
    sku: idSchema,
    name: z.string().min(1).max(200),
    unitPrice: z.string().regex(/^\d{1,12}(\.\d{1,2})?$/, 'Expected yuan such as "68.00"'),
    categories: z.array(idSchema).max(20).default([]),
    supplierId: idSchema,
  })
  .strict();

/**
 * The catalogue the shop prices carts with: its products (unique SKUs) and the promotions and
 * campaigns of `@s2b2b/promotions` that apply to them, in CNY.
 *
 * @example
 * catalogSchema.parse({ products: [{ sku: 'TEA', name: 'Tea', unitPrice: '68.00', supplierId: 'SUP-1' }] })
 */
export const catalogSchema = z
  .object({
    products: z
      .array(productSchema)
      .min(1)
      .max(10_000)
      .superRefine((products, ctx) => {
        const seen = new Set<string>();
        products.forEach((product, index) => {
          if (seen.has(product.sku))
            ctx.addIssue({ code: 'custom', message: 'Duplicate SKU', path: [index, 'sku'] });
          seen.add(product.sku);
        });
      }),
    promotions: z.array(z.custom<PromotionInput>()).max(1_000).default([]),
    campaigns: z.array(z.custom<CampaignInput>()).max(1_000).default([]),
  })
  .strict();

/**
 * A catalogue as written.
 *
 * @example
 * const input: CatalogInput = { products: [{ sku: 'TEA', name: 'Tea', unitPrice: '68.00', supplierId: 'SUP-1' }] };
 */
export type CatalogInput = z.input<typeof catalogSchema>;

/**
 * A product after validation.
 *
 * @example
 * const product: Product = productSchema.parse({ sku: 'TEA', name: 'Tea', unitPrice: '68.00', supplierId: 'SUP-1' });
 */
export type Product = z.output<typeof productSchema>;

/**
 * A validated catalogue: products by SKU, and its promotions compiled once.
 *
 * @example
 * const catalog: Catalog = loadCatalog(input);
 * catalog.product('TEA')?.unitPrice // '68.00'
 */
export interface Catalog {
  readonly currency: 'CNY';
  readonly products: readonly Product[];
  readonly promotions: readonly PromotionInput[];
  readonly campaigns: readonly CampaignInput[];
  /** Every promotion, compiled. */
  readonly set: PromotionSet;
  product(sku: string): Product | undefined;
  /** The promotions without the given ones (a checkout drops a promotion whose cap ran out). */
  without(excluded: readonly string[]): PromotionSet;
}

/**
 * Validates a catalogue and compiles its promotions.
 *
 * @throws ValidationError naming `catalog.products.<i>.<field>` or `promotions.<i>.<field>`
 * @example
 * const catalog = loadCatalog({ products: [{ sku: 'TEA', name: 'Tea', unitPrice: '68.00', supplierId: 'SUP-1' }] });
 */
export function loadCatalog(input: CatalogInput): Catalog {
  const parsed = parseInput(catalogSchema, input, 'catalog');
  const set = compilePromotions(parsed.promotions, parsed.campaigns);
  const bySku = new Map(parsed.products.map((product) => [product.sku, product]));
  return {
    currency: 'CNY',
    products: parsed.products,
    promotions: parsed.promotions,
    campaigns: parsed.campaigns,
    set,
    product: (sku) => bySku.get(sku),
    without: (excluded) =>
      excluded.length === 0
        ? set
        : compilePromotions(
            parsed.promotions.filter((promotion) => !excluded.includes(promotion.id)),
            parsed.campaigns,
          ),
  };
}
