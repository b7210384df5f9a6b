import { z } from 'zod';
import {
  adjustmentQuantitySchema,
  idempotencyKeySchema,
  lineQuantitySchema,
  MAX_COMMAND_LINES,
  skuSchema,
  sourcingSchema,
  stockIdSchema,
  stockLinesSchema,
  textSchema,
  uniqueSkus,
} from './schemas.js';

/**
 * `saveWarehouse`: creates or replaces a warehouse's definition.
 *
 * @example
 * saveWarehouseSchema.parse({ idempotencyKey: 'wh-sh-v1', warehouseId: 'WH-SH', name: 'Shanghai', allowNegative: false })
 */
export const saveWarehouseSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  warehouseId: stockIdSchema,
  name: textSchema.nullable().optional(),
  allowNegative: z.boolean().optional(),
});

/**
 * `receive`: goods arrive in a warehouse, optionally against a purchase order (which then has
 * that much less on order; receiving more than is open clears what is open).
 *
 * @example
 * receiveSchema.parse({ idempotencyKey: 'grn-1001', warehouseId: 'WH-SH', lines: [{ sku: 'TEA', quantity: 100 }], purchaseOrderId: 'PO-7' })
 */
export const receiveSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  warehouseId: stockIdSchema,
  lines: stockLinesSchema,
  purchaseOrderId: stockIdSchema.optional(),
  reference: textSchema.optional(),
});

/**
 * `adjust`: corrects on hand (a count, damage, loss, found stock) by signed quantities, with a reason.
 *
 * @example
 * adjustSchema.parse({ idempotencyKey: 'count-0301', warehouseId: 'WH-SH', lines: [{ sku: 'TEA', quantity: -2 }], reason: 'damaged' })
 */
export const adjustSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  warehouseId: stockIdSchema,
  lines: z
    .array(z.object({ sku: skuSchema, quantity: adjustmentQuantitySchema }))
    .min(1, 'Expected at least one line')
    .max(MAX_COMMAND_LINES, `Expected at most ${MAX_COMMAND_LINES} lines`)
    .superRefine(uniqueSkus),
  reason: textSchema,
  reference: textSchema.optional(),
});

/**
 * `placePurchaseOrder`: stock ordered from a supplier for one warehouse becomes on order.
 *
 * @example
 * placePurchaseOrderSchema.parse({ idempotencyKey: 'po-7', purchaseOrderId: 'PO-7', warehouseId: 'WH-SH', lines: [{ sku: 'TEA', quantity: 500 }] })
 */
export const placePurchaseOrderSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  purchaseOrderId: stockIdSchema,
  warehouseId: stockIdSchema,
  lines: stockLinesSchema,
  reference: textSchema.optional(),
});

/**
 * `closePurchaseOrder`: what is still on order will not come (cancelled, short-shipped).
 *
 * @example
 * closePurchaseOrderSchema.parse({ idempotencyKey: 'po-7-close', purchaseOrderId: 'PO-7', reason: 'supplier short-shipped' })
 */
export const closePurchaseOrderSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  purchaseOrderId: stockIdSchema,
  reason: textSchema.optional(),
});

/**
 * `reserve`: holds stock for an order, in one warehouse (`warehouseId`) or sourced across
 * warehouses by a rule (`sourcing`) — exactly one of the two. Without `allowPartial` the whole
 * order is reserved or nothing is (`INSUFFICIENT_STOCK`); with it, what can be, and the rest is `unmet`.
 *
 * @example
 * reserveSchema.parse({ idempotencyKey: 'order-1001', orderId: 'order-1001', lines: [{ sku: 'TEA', quantity: 3 }], warehouseId: 'WH-SH' })
 */
export const reserveSchema = z
  .object({
    idempotencyKey: idempotencyKeySchema,
    orderId: stockIdSchema,
    reservationId: stockIdSchema.optional(),
    lines: stockLinesSchema,
    warehouseId: stockIdSchema.optional(),
    sourcing: sourcingSchema.optional(),
    allowPartial: z.boolean().optional(),
  })
  .superRefine((value, ctx) => {
    if ((value.warehouseId === undefined) === (value.sourcing === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [value.warehouseId === undefined ? 'warehouseId' : 'sourcing'],
        message: 'Give either warehouseId or sourcing, not both and not neither',
      });
    }
  });

/**
 * Lines of a release or fulfilment: a SKU and quantity, optionally pinned to a warehouse of the
 * reservation. A SKU appears once unpinned, or pinned once per warehouse, not both.
 *
 * @example
 * settleLinesSchema.parse([{ sku: 'TEA', quantity: 2, warehouseId: 'WH-SH' }, { sku: 'RICE', quantity: 1 }])
 */
export const settleLinesSchema = z
  .array(z.object({ sku: skuSchema, quantity: lineQuantitySchema, warehouseId: stockIdSchema.optional() }))
  .min(1, 'Expected at least one line')
  .max(MAX_COMMAND_LINES, `Expected at most ${MAX_COMMAND_LINES} lines`)
  .superRefine((lines, ctx) => {
    const pinned = new Set<string>();
    const unpinned = new Set<string>();
    lines.forEach((line, index) => {
      const clash =
        line.warehouseId === undefined
          ? unpinned.has(line.sku) || [...pinned].some((id) => id.endsWith(`\u0000${line.sku}`))
          : pinned.has(`${line.warehouseId}\u0000${line.sku}`) || unpinned.has(line.sku);
      if (clash) ctx.addIssue({ code: 'custom', path: [index, 'sku'], message: 'Duplicate SKU' });
      if (line.warehouseId === undefined) unpinned.add(line.sku);
      else pinned.add(`${line.warehouseId}\u0000${line.sku}`);
    });
  });

/**
 * `release`: gives reserved stock back to available (an order cancelled or changed). Without
 * `lines`, everything still reserved.
 *
 * @example
 * releaseSchema.parse({ idempotencyKey: 'cancel-1001', reservationId: 'res-1001' })
 */
export const releaseSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  reservationId: stockIdSchema,
  lines: settleLinesSchema.optional(),
  reason: textSchema.optional(),
});

/**
 * `fulfil`: reserved stock ships (on hand and reserved both go down). Without `lines`,
 * everything still reserved.
 *
 * @example
 * fulfilSchema.parse({ idempotencyKey: 'ship-1001', reservationId: 'res-1001', reference: 'waybill-88' })
 */
export const fulfilSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  reservationId: stockIdSchema,
  lines: settleLinesSchema.optional(),
  reference: textSchema.optional(),
});

/**
 * `transferOut`: stock leaves one warehouse for another; it is in transit at the destination
 * until received.
 *
 * @example
 * transferOutSchema.parse({ idempotencyKey: 'tr-9', transferId: 'TR-9', fromWarehouseId: 'WH-SH', toWarehouseId: 'WH-HZ', lines: [{ sku: 'TEA', quantity: 40 }] })
 */
export const transferOutSchema = z
  .object({
    idempotencyKey: idempotencyKeySchema,
    transferId: stockIdSchema,
    fromWarehouseId: stockIdSchema,
    toWarehouseId: stockIdSchema,
    lines: stockLinesSchema,
    reference: textSchema.optional(),
  })
  .refine((value) => value.fromWarehouseId !== value.toWarehouseId, {
    path: ['toWarehouseId'],
    message: 'A transfer needs two different warehouses',
  });

/**
 * `transferIn`: the destination receives a transfer (without `lines`, all still in transit).
 * With `closeShort`, what is still in transit afterwards is written off as lost.
 *
 * @example
 * transferInSchema.parse({ idempotencyKey: 'tr-9-in', transferId: 'TR-9', lines: [{ sku: 'TEA', quantity: 38 }], closeShort: true, reason: 'two cases damaged' })
 */
export const transferInSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  transferId: stockIdSchema,
  lines: stockLinesSchema.optional(),
  closeShort: z.boolean().optional(),
  reason: textSchema.optional(),
});

/**
 * The input of `saveWarehouse`.
 *
 * @example
 * const input: SaveWarehouseInput = { idempotencyKey: 'wh-1', warehouseId: 'WH-SH' };
 */
export type SaveWarehouseInput = z.input<typeof saveWarehouseSchema>;
/**
 * The input of `receive`.
 *
 * @example
 * const input: ReceiveInput = { idempotencyKey: 'grn-1', warehouseId: 'WH-SH', lines: [{ sku: 'TEA', quantity: 5 }] };
 */
export type ReceiveInput = z.input<typeof receiveSchema>;
/**
 * The input of `adjust`.
 *
 * @example
 * const input: AdjustInput = { idempotencyKey: 'adj-1', warehouseId: 'WH-SH', lines: [{ sku: 'TEA', quantity: -1 }], reason: 'damaged' };
 */
export type AdjustInput = z.input<typeof adjustSchema>;
/**
 * The input of `placePurchaseOrder`.
 *
 * @example
 * const input: PlacePurchaseOrderInput = { idempotencyKey: 'po-1', purchaseOrderId: 'PO-1', warehouseId: 'WH-SH', lines: [{ sku: 'TEA', quantity: 50 }] };
 */
export type PlacePurchaseOrderInput = z.input<typeof placePurchaseOrderSchema>;
/**
 * The input of `closePurchaseOrder`.
 *
 * @example
 * const input: ClosePurchaseOrderInput = { idempotencyKey: 'po-1-close', purchaseOrderId: 'PO-1' };
 */
export type ClosePurchaseOrderInput = z.input<typeof closePurchaseOrderSchema>;
/**
 * The input of `reserve`.
 *
 * @example
 * const input: ReserveInput = { idempotencyKey: 'o-1', orderId: 'o-1', lines: [{ sku: 'TEA', quantity: 2 }], warehouseId: 'WH-SH' };
 */
export type ReserveInput = z.input<typeof reserveSchema>;
/**
 * The input of `release`.
 *
 * @example
 * const input: ReleaseInput = { idempotencyKey: 'o-1-cancel', reservationId: 'res-1' };
 */
export type ReleaseInput = z.input<typeof releaseSchema>;
/**
 * The input of `fulfil`.
 *
 * @example
 * const input: FulfilInput = { idempotencyKey: 'o-1-ship', reservationId: 'res-1' };
 */
export type FulfilInput = z.input<typeof fulfilSchema>;
/**
 * The input of `transferOut`.
 *
 * @example
 * const input: TransferOutInput = { idempotencyKey: 't-1', transferId: 'T-1', fromWarehouseId: 'A', toWarehouseId: 'B', lines: [{ sku: 'TEA', quantity: 5 }] };
 */
export type TransferOutInput = z.input<typeof transferOutSchema>;
/**
 * The input of `transferIn`.
 *
 * @example
 * const input: TransferInInput = { idempotencyKey: 't-1-in', transferId: 'T-1' };
 */
export type TransferInInput = z.input<typeof transferInSchema>;
