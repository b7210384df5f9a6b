import { NotFoundError } from '@s2b2b/core';
import { Router } from 'express';
import type { Shop } from '../shop.js';

/**
 * The after-sales routes, on `@s2b2b/aftersales`: a case's SLA clocks now (state, counted
 * time, time left — negative once breached — and deadline of each metric).
 *
 * @example
 * app.use(aftersalesRoutes(shop));
 */
export function aftersalesRoutes(shop: Shop): Router {
  const router = Router();
  router.get('/cases/:id/sla', async (req, res) => {
    const found = await shop.cases.getCase(req.params.id);
    if (!found) throw new NotFoundError('case', req.params.id);
    const at = shop.clock.now();
    res.json({
      caseId: found.id,
      status: found.status,
      at,
      clocks: await shop.cases.slaStatus(found.id, at),
    });
  });
  return router;
}
