import { NotFoundError } from '@s2b2b/core';
import { Router } from 'express';
import { cancelOrder } from '../checkout/cancel-order.js';
import { checkout } from '../checkout/checkout.js';
import { idempotencyKeyOf } from '../http/idempotency-key.js';
import { sendResult, sendStored } from '../http/send.js';
import { openOrderCase } from '../orders/open-case.js';
import type { Shop } from '../shop.js';

/**
 * The order routes: checkout, read an order with its reservation, purchase loan and cap claim,
 * cancel it, and open an after-sales case about it.
 *
 * @example
 * app.use(orderRoutes(shop));
 */
export function orderRoutes(shop: Shop): Router {
  const router = Router();
  router.post('/checkout', async (req, res) => {
    const key = idempotencyKeyOf(req.get('Idempotency-Key'));
    sendStored(res, await checkout(shop, key, req.body));
  });
  router.get('/orders/:id', async (req, res) => {
    const order = await shop.orders.get(req.params.id);
    if (!order) throw new NotFoundError('order', req.params.id);
    const [reservation, drawing, claim] = await Promise.all([
      shop.stock.getReservation(order.id),
      shop.credit.getDrawing(order.id),
      shop.caps.getClaim(order.id),
    ]);
    res.json({ order, reservation, drawing, claim });
  });
  router.post('/orders/:id/cancel', async (req, res) => {
    const key = idempotencyKeyOf(req.get('Idempotency-Key'));
    sendStored(res, await cancelOrder(shop, key, req.params.id, req.body));
  });
  router.post('/orders/:id/cases', async (req, res) => {
    const key = idempotencyKeyOf(req.get('Idempotency-Key'));
    sendResult(res, 201, await openOrderCase(shop, key, req.params.id, req.body));
  });
  return router;
}
