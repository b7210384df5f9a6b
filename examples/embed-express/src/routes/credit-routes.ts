import { decimalStringSchema, NotFoundError, parseInput } from '@s2b2b/core';
import { Router } from 'express';
import { z } from 'zod';
import { idempotencyKeyOf } from '../http/idempotency-key.js';
import { sendResult } from '../http/send.js';
import type { Shop } from '../shop.js';

/**
 * `POST /credit/lines`: a merchant's credit line, its limit in yuan, and optional terms
 * (`@s2b2b/credit`'s `lineTermsSchema`).
 *
 * @example
 * creditLineBodySchema.parse({ lineId: 'L-M-1', merchantId: 'M-1', limit: '2000.00' })
 */
export const creditLineBodySchema = z
  .object({
    lineId: z.string(),
    merchantId: z.string(),
    limit: decimalStringSchema,
    terms: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

/**
 * The credit routes, on `@s2b2b/credit`: open a line, read its position (limit, drawn,
 * pending holds, available).
 *
 * @example
 * app.use(creditRoutes(shop));
 */
export function creditRoutes(shop: Shop): Router {
  const router = Router();
  router.post('/credit/lines', async (req, res) => {
    const key = idempotencyKeyOf(req.get('Idempotency-Key'));
    const body = parseInput(creditLineBodySchema, req.body);
    sendResult(res, 201, await shop.credit.openLine({ idempotencyKey: key, ...body }));
  });
  router.get('/credit/lines/:id', async (req, res) => {
    const line = await shop.credit.getLine(req.params.id);
    if (!line) throw new NotFoundError('credit line', req.params.id);
    res.json(line);
  });
  return router;
}
