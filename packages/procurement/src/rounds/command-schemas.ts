import { roundingModeSchema } from '@s2b2b/core';
import { z } from 'zod';
import { rationingSchema } from '../allocation/ration.js';
import { MAX_REQUEST_LINES, MAX_ROUND_SKUS, roundSkuSchema } from '../award/schemas.js';
import {
  DEFAULT_ZONE,
  idempotencyKeySchema,
  instantSchema,
  procurementCurrencySchema,
  procurementIdSchema,
  procurementTextSchema,
  quantitySchema,
  uniqueIdsSchema,
  zoneSchema,
} from '../common/schemas.js';
import { agreementSchema, bundleSchema } from '../pricing/schemas.js';
import { supplierSchema } from '../qualification/schemas.js';

/**
 * `saveSupplier`: creates or replaces a supplier (documents, rating).
 *
 * @example
 * saveSupplierSchema.parse({ idempotencyKey: 'sup-1-v1', supplier: { supplierId: 'SUP-1', documents: [{ kind: 'business-licence' }] } })
 */
export const saveSupplierSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  supplier: supplierSchema,
});

/**
 * Input of `saveSupplier`.
 *
 * @example
 * const input: SaveSupplierInput = { idempotencyKey: 'k', supplier: { supplierId: 'SUP-1' } };
 */
export type SaveSupplierInput = z.input<typeof saveSupplierSchema>;

/**
 * `saveAgreement`: creates or replaces a framework agreement.
 *
 * @example
 * saveAgreementSchema.parse({ idempotencyKey: 'ag-1-v1', agreement: { agreementId: 'AG-1', supplierId: 'SUP-1', sku: 'MILK-1L', tiers: [{ minQuantity: 1, unitPrice: '5' }], validFrom: new Date() } })
 */
export const saveAgreementSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  agreement: agreementSchema,
});

/**
 * Input of `saveAgreement`.
 *
 * @example
 * const input: SaveAgreementInput = { idempotencyKey: 'k', agreement };
 */
export type SaveAgreementInput = z.input<typeof saveAgreementSchema>;

/**
 * `openRound`: a round pooling `skus` (and `bundles` of them) for delivery to `regions`, taking
 * requests from `opensAt` until `closesAt`, delivered by `needBy` (after `closesAt`) if given.
 * `roundId` defaults to a generated id.
 *
 * @example
 * openRoundSchema.parse({
 *   idempotencyKey: 'open-spring', roundId: 'R-2026-03', skus: [{ sku: 'MILK-1L' }], regions: ['华东'],
 *   opensAt: '2026-03-01T00:00:00+08:00', closesAt: '2026-03-08T00:00:00+08:00',
 * })
 */
export const openRoundSchema = z
  .object({
    idempotencyKey: idempotencyKeySchema,
    roundId: procurementIdSchema.optional(),
    name: procurementTextSchema.nullable().default(null),
    currency: procurementCurrencySchema.default('CNY'),
    skus: z
      .array(roundSkuSchema)
      .min(1, 'Expected at least one SKU')
      .max(MAX_ROUND_SKUS, `Expected at most ${MAX_ROUND_SKUS} SKUs`),
    bundles: z.array(bundleSchema).max(1000).default([]),
    regions: uniqueIdsSchema(1000).min(1, 'Expected at least one delivery region'),
    requiredDocuments: uniqueIdsSchema(50).default([]),
    opensAt: instantSchema,
    closesAt: instantSchema,
    needBy: instantSchema.nullable().default(null),
    zone: zoneSchema.default(DEFAULT_ZONE),
    rounding: roundingModeSchema.default('half-even'),
    rationing: rationingSchema.default('proportional'),
  })
  .superRefine((round, ctx) => {
    if (round.closesAt.getTime() <= round.opensAt.getTime()) {
      ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'Expected closesAt after opensAt' });
    }
    if (round.needBy !== null && round.needBy.getTime() <= round.closesAt.getTime()) {
      ctx.addIssue({ code: 'custom', path: ['needBy'], message: 'Expected needBy after closesAt' });
    }
    const skus = new Set<string>();
    round.skus.forEach((sku, index) => {
      if (skus.has(sku.sku)) {
        ctx.addIssue({
          code: 'custom',
          path: ['skus', index, 'sku'],
          message: `Duplicate SKU ${JSON.stringify(sku.sku)}`,
        });
      }
      skus.add(sku.sku);
    });
    const bundles = new Set<string>();
    round.bundles.forEach((bundle, index) => {
      if (bundles.has(bundle.bundleId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['bundles', index, 'bundleId'],
          message: `Duplicate bundle ${JSON.stringify(bundle.bundleId)}`,
        });
      }
      bundles.add(bundle.bundleId);
      bundle.components.forEach((component, c) => {
        if (!skus.has(component.sku)) {
          ctx.addIssue({
            code: 'custom',
            path: ['bundles', index, 'components', c, 'sku'],
            message: `${JSON.stringify(component.sku)} is not a SKU of the round`,
          });
        }
      });
    });
  });

/**
 * Input of `openRound`.
 *
 * @example
 * const input: OpenRoundInput = { idempotencyKey: 'k', skus: [{ sku: 'MILK-1L' }], regions: ['华东'], opensAt, closesAt };
 */
export type OpenRoundInput = z.input<typeof openRoundSchema>;

/**
 * One item of a request: a SKU, or a bundle of the round, and a quantity.
 *
 * @example
 * requestItemSchema.parse({ bundleId: 'BREAKFAST', quantity: 5 })
 */
export const requestItemSchema = z.union(
  [
    z.strictObject({ sku: procurementIdSchema, quantity: quantitySchema }),
    z.strictObject({ bundleId: procurementIdSchema, quantity: quantitySchema }),
  ],
  { error: 'Expected { sku, quantity } or { bundleId, quantity } with a whole positive quantity' },
);

/**
 * The items of a request: 1-{@link MAX_REQUEST_LINES}, each SKU and each bundle at most once.
 *
 * @example
 * requestItemsSchema.parse([{ sku: 'MILK-1L', quantity: 48 }])
 */
export const requestItemsSchema = z
  .array(requestItemSchema)
  .min(1, 'Expected at least one item')
  .max(MAX_REQUEST_LINES, `Expected at most ${MAX_REQUEST_LINES} items`)
  .superRefine((items, ctx) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const key = 'sku' in item ? `sku:${item.sku}` : `bundle:${item.bundleId}`;
      if (seen.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'sku' in item ? 'sku' : 'bundleId'],
          message: `Duplicate ${'sku' in item ? 'SKU' : 'bundle'}; put the whole quantity in one item`,
        });
      }
      seen.add(key);
    });
  });

/**
 * `submitRequest`: a merchant's request in an open round. `requestId` defaults to a generated id.
 *
 * @example
 * submitRequestSchema.parse({ idempotencyKey: 'M-1/R-1/1', roundId: 'R-1', merchantId: 'M-1', region: '华东', items: [{ sku: 'MILK-1L', quantity: 48 }] })
 */
export const submitRequestSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  roundId: procurementIdSchema,
  requestId: procurementIdSchema.optional(),
  merchantId: procurementIdSchema,
  region: procurementIdSchema,
  items: requestItemsSchema,
});

/**
 * Input of `submitRequest`.
 *
 * @example
 * const input: SubmitRequestInput = { idempotencyKey: 'k', roundId: 'R-1', merchantId: 'M-1', region: '华东', items };
 */
export type SubmitRequestInput = z.input<typeof submitRequestSchema>;

/**
 * `changeRequest`: replaces an active request's items (and region) while the round is open.
 *
 * @example
 * changeRequestSchema.parse({ idempotencyKey: 'k2', roundId: 'R-1', requestId: 'REQ-1', merchantId: 'M-1', items: [{ sku: 'MILK-1L', quantity: 60 }] })
 */
export const changeRequestSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  roundId: procurementIdSchema,
  requestId: procurementIdSchema,
  merchantId: procurementIdSchema,
  region: procurementIdSchema.optional(),
  items: requestItemsSchema,
});

/**
 * Input of `changeRequest`.
 *
 * @example
 * const input: ChangeRequestInput = { idempotencyKey: 'k', roundId: 'R-1', requestId: 'REQ-1', merchantId: 'M-1', items };
 */
export type ChangeRequestInput = z.input<typeof changeRequestSchema>;

/**
 * `cancelRequest`: withdraws an active request while the round is open.
 *
 * @example
 * cancelRequestSchema.parse({ idempotencyKey: 'k3', roundId: 'R-1', requestId: 'REQ-1', merchantId: 'M-1' })
 */
export const cancelRequestSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  roundId: procurementIdSchema,
  requestId: procurementIdSchema,
  merchantId: procurementIdSchema,
  reason: procurementTextSchema.nullable().default(null),
});

/**
 * Input of `cancelRequest`.
 *
 * @example
 * const input: CancelRequestInput = { idempotencyKey: 'k', roundId: 'R-1', requestId: 'REQ-1', merchantId: 'M-1' };
 */
export type CancelRequestInput = z.input<typeof cancelRequestSchema>;

/**
 * `closeRound`: stops taking requests, awards the round and places its purchase orders.
 *
 * @example
 * closeRoundSchema.parse({ idempotencyKey: 'close-R-1', roundId: 'R-1' })
 */
export const closeRoundSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  roundId: procurementIdSchema,
});

/**
 * Input of `closeRound`.
 *
 * @example
 * const input: CloseRoundInput = { idempotencyKey: 'close-R-1', roundId: 'R-1' };
 */
export type CloseRoundInput = z.input<typeof closeRoundSchema>;

/**
 * `cancelRound`: ends an open round without buying anything.
 *
 * @example
 * cancelRoundSchema.parse({ idempotencyKey: 'cancel-R-1', roundId: 'R-1', reason: 'supplier strike' })
 */
export const cancelRoundSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  roundId: procurementIdSchema,
  reason: procurementTextSchema,
});

/**
 * Input of `cancelRound`.
 *
 * @example
 * const input: CancelRoundInput = { idempotencyKey: 'k', roundId: 'R-1', reason: 'duplicate' };
 */
export type CancelRoundInput = z.input<typeof cancelRoundSchema>;
