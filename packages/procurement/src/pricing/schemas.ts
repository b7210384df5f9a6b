import { getCurrency } from '@s2b2b/core';
import { z } from 'zod';
import { periodSchema } from '../common/periods.js';
import { parseScaled } from '../common/scaled.js';
import {
  instantSchema,
  MAX_QUANTITY,
  procurementCurrencySchema,
  procurementIdSchema,
  quantitySchema,
  uniqueIdsSchema,
  unitPriceSchema,
} from '../common/schemas.js';

/**
 * The most tiers one price list may have.
 *
 * @example
 * MAX_TIERS // 50
 */
export const MAX_TIERS = 50;

/**
 * How tier prices apply:
 * - `all-units` — the tier the quantity reaches prices every unit (the usual quantity discount);
 * - `incremental` — each tier prices only the units inside it (units 1-99 at the first price,
 *   100-499 at the second, ...).
 *
 * @example
 * pricingModeSchema.parse('all-units')
 */
export const pricingModeSchema = z.enum(['all-units', 'incremental']);

/**
 * A {@link pricingModeSchema} value.
 *
 * @example
 * const mode: PricingMode = 'incremental';
 */
export type PricingMode = z.infer<typeof pricingModeSchema>;

/**
 * One tier of a price list: from `minQuantity` units on, the unit price is `unitPrice`, until
 * the next tier's `minQuantity`.
 *
 * @example
 * priceTierSchema.parse({ minQuantity: 100, unitPrice: '11.80' })
 */
export const priceTierSchema = z.object({
  minQuantity: quantitySchema,
  unitPrice: unitPriceSchema,
});

/**
 * A price tier.
 *
 * @example
 * const tier: PriceTier = { minQuantity: 1, unitPrice: '12.50' };
 */
export type PriceTier = z.infer<typeof priceTierSchema>;

/**
 * A price list: 1-{@link MAX_TIERS} tiers. The first starts at 1, the minimum quantities rise
 * strictly and the unit prices never rise — so every quantity from 1 up falls in exactly one
 * tier (the last one is open-ended) and more units never cost more per unit.
 *
 * @example
 * priceTiersSchema.parse([{ minQuantity: 1, unitPrice: '12.50' }, { minQuantity: 100, unitPrice: '11.80' }])
 */
export const priceTiersSchema = z
  .array(priceTierSchema)
  .min(1, 'Expected at least one tier')
  .max(MAX_TIERS, `Expected at most ${MAX_TIERS} tiers`)
  .superRefine((tiers, ctx) => {
    if (tiers[0] && tiers[0].minQuantity !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: [0, 'minQuantity'],
        message: `The first tier must start at 1 (got ${tiers[0].minQuantity}); put a minimum order in moq`,
      });
    }
    for (let i = 1; i < tiers.length; i++) {
      const previous = tiers[i - 1]!;
      const tier = tiers[i]!;
      if (tier.minQuantity <= previous.minQuantity) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'minQuantity'],
          message: `Expected more than ${previous.minQuantity} (tiers rise strictly)`,
        });
      }
      if (compareDecimal(tier.unitPrice, previous.unitPrice) > 0) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'unitPrice'],
          message: `Expected at most ${previous.unitPrice}: a higher tier never raises the unit price`,
        });
      }
    }
  });

/**
 * What an agreement can supply per calendar period (in the agreement's zone): at most
 * `quantity` units per `period`, over every round that period.
 *
 * @example
 * capacitySchema.parse({ quantity: 5000, period: 'month' })
 */
export const capacitySchema = z.object({
  quantity: z.number().int('Expected a whole number').min(0).max(MAX_QUANTITY),
  period: periodSchema,
});

/**
 * A capacity limit.
 *
 * @example
 * const capacity: Capacity = { quantity: 5000, period: 'month' };
 */
export type Capacity = z.infer<typeof capacitySchema>;

/**
 * A framework agreement (框架协议) of one supplier for one SKU: its price list, minimum order
 * quantity, pack size, capacity per period, lead time, validity and currency, and the delivery
 * regions it serves (`null`: all).
 *
 * Orderable quantities are 0, or whole packs of at least `moq` and at most the capacity left.
 * Valid from `validFrom` (inclusive) to `validTo` (exclusive; `null`: open-ended).
 *
 * @example
 * agreementSchema.parse({
 *   agreementId: 'AG-1', supplierId: 'SUP-1', sku: 'TEA-500G', currency: 'CNY', pricing: 'all-units',
 *   tiers: [{ minQuantity: 1, unitPrice: '12.50' }, { minQuantity: 100, unitPrice: '11.80' }],
 *   moq: 24, packSize: 12, capacity: { quantity: 5000, period: 'month' }, leadTimeDays: 3,
 *   validFrom: '2026-01-01T00:00:00+08:00',
 * })
 */
export const agreementSchema = z
  .object({
    agreementId: procurementIdSchema,
    supplierId: procurementIdSchema,
    sku: procurementIdSchema,
    currency: procurementCurrencySchema
      .refine(knownCurrency, 'Unknown currency: register it with registerCurrency first')
      .default('CNY'),
    pricing: pricingModeSchema.default('all-units'),
    tiers: priceTiersSchema,
    moq: quantitySchema.default(1),
    packSize: quantitySchema.default(1),
    capacity: capacitySchema.nullable().default(null),
    leadTimeDays: z.number().int('Expected whole days').min(0).max(3650).default(0),
    validFrom: instantSchema,
    validTo: instantSchema.nullable().default(null),
    regions: uniqueIdsSchema(1000)
      .min(1, 'Expected at least one region, or null for all')
      .nullable()
      .default(null),
  })
  .superRefine((agreement, ctx) => {
    if (agreement.validTo !== null && agreement.validTo.getTime() <= agreement.validFrom.getTime()) {
      ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'Expected validTo after validFrom' });
    }
  });

/**
 * An agreement as the caller writes it (defaults optional).
 *
 * @example
 * const input: AgreementInput = { agreementId: 'AG-1', supplierId: 'SUP-1', sku: 'TEA', tiers: [{ minQuantity: 1, unitPrice: '10' }], validFrom: new Date() };
 */
export type AgreementInput = z.input<typeof agreementSchema>;

/**
 * A validated agreement, every default filled in.
 *
 * @example
 * const agreement: Agreement = agreementSchema.parse(input);
 */
export type Agreement = z.output<typeof agreementSchema>;

/**
 * A standard bundle (商品包): SKUs and quantities a merchant buys as one item, priced from its
 * components. 1-100 components, SKUs unique.
 *
 * @example
 * bundleSchema.parse({ bundleId: 'BREAKFAST', components: [{ sku: 'TEA-500G', quantity: 1 }, { sku: 'CUP-12', quantity: 2 }] })
 */
export const bundleSchema = z.object({
  bundleId: procurementIdSchema,
  name: z.string().min(1).max(500).nullable().default(null),
  components: z
    .array(z.object({ sku: procurementIdSchema, quantity: quantitySchema }))
    .min(1, 'Expected at least one component')
    .max(100, 'Expected at most 100 components')
    .superRefine((components, ctx) => {
      const seen = new Set<string>();
      components.forEach((component, index) => {
        if (seen.has(component.sku)) {
          ctx.addIssue({
            code: 'custom',
            path: [index, 'sku'],
            message: `Duplicate component ${JSON.stringify(component.sku)}`,
          });
        }
        seen.add(component.sku);
      });
    }),
});

/**
 * A validated bundle.
 *
 * @example
 * const bundle: Bundle = bundleSchema.parse({ bundleId: 'B', components: [{ sku: 'TEA', quantity: 1 }] });
 */
export type Bundle = z.output<typeof bundleSchema>;

function knownCurrency(code: string): boolean {
  try {
    getCurrency(code);
    return true;
  } catch {
    return false;
  }
}

/** Compares two non-negative decimal strings exactly. */
function compareDecimal(a: string, b: string): number {
  const x = parseScaled(a);
  const y = parseScaled(b);
  const scale = Math.max(x.scale, y.scale);
  const left = x.coefficient * 10n ** BigInt(scale - x.scale);
  const right = y.coefficient * 10n ** BigInt(scale - y.scale);
  return left < right ? -1 : left > right ? 1 : 0;
}
