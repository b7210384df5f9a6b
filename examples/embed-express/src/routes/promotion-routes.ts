import { NotFoundError, parseInput } from '@s2b2b/core';
import { Router } from 'express';
import { z } from 'zod';
import type { Shop } from '../shop.js';

const usageQuerySchema = z.object({ subject: z.string().max(200).default('') }).strict();

/**
 * The promotion routes, on `@s2b2b/promotions`: how much of a cap is used
 * (`GET /promotions/caps/flash-rice%23stock`, `?subject=<merchant>` for a per-merchant cap).
 *
 * @example
 * app.use(promotionRoutes(shop));
 */
export function promotionRoutes(shop: Shop): Router {
  const router = Router();
  router.get('/promotions/caps/:capId', async (req, res) => {
    const { subject } = parseInput(usageQuerySchema, { ...req.query });
    const cap = await shop.caps.getCap(req.params.capId);
    if (!cap) throw new NotFoundError('cap', req.params.capId);
    const usage = await shop.caps.getUsage(cap.id, subject);
    const used = usage?.used ?? 0;
    res.json({ cap, subject, used, remaining: Math.max(0, cap.limit - used) });
  });
  return router;
}
