import { NotFoundError, parseInput } from '@s2b2b/core';
import { Router } from 'express';
import { z } from 'zod';
import { idempotencyKeyOf } from '../http/idempotency-key.js';
import { sendResult } from '../http/send.js';
import type { Shop } from '../shop.js';

const stockLine = z.object({ sku: z.string(), quantity: z.int() }).strict();

/**
 * `PUT /warehouses/:id`: the warehouse's name (the kit refuses stock for unknown warehouses).
 *
 * @example
 * warehouseBodySchema.parse({ name: '上海 Shanghai hub' })
 */
export const warehouseBodySchema = z.object({ name: z.string().nullable().optional() }).strict();

/**
 * `POST /stock/receipts`: goods arrive in a warehouse.
 *
 * @example
 * receiptBodySchema.parse({ warehouseId: 'WH-SH', lines: [{ sku: 'RICE-5KG', quantity: 25 }], reference: 'GRN-1' })
 */
export const receiptBodySchema = z
  .object({ warehouseId: z.string(), lines: z.array(stockLine), reference: z.string().optional() })
  .strict();

/**
 * The stock routes, on `@s2b2b/inventory`: save a warehouse, receive goods, read a position.
 *
 * @example
 * app.use(stockRoutes(shop));
 */
export function stockRoutes(shop: Shop): Router {
  const router = Router();
  router.put('/warehouses/:id', async (req, res) => {
    const key = idempotencyKeyOf(req.get('Idempotency-Key'));
    const body = parseInput(warehouseBodySchema, req.body);
    sendResult(
      res,
      200,
      await shop.stock.saveWarehouse({ idempotencyKey: key, warehouseId: req.params.id, ...body }),
    );
  });
  router.post('/stock/receipts', async (req, res) => {
    const key = idempotencyKeyOf(req.get('Idempotency-Key'));
    const body = parseInput(receiptBodySchema, req.body);
    sendResult(res, 201, await shop.stock.receive({ idempotencyKey: key, ...body }));
  });
  router.get('/stock/:warehouseId/:sku', async (req, res) => {
    const position = await shop.stock.getPosition(req.params.warehouseId, req.params.sku);
    if (!position) throw new NotFoundError('stock position', `${req.params.warehouseId}/${req.params.sku}`);
    res.json(position);
  });
  return router;
}
