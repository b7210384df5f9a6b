import { type Clock, type DomainEvent, NotFoundError, systemClock } from '@s2b2b/core';
import type { PostgresStorage } from '@s2b2b/storage-postgres';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { type Catalog, type CatalogInput, loadCatalog } from './catalog.js';
import { demoCatalog } from './demo-catalog.js';
import { toHttpError } from './http/http-error.js';
import { aftersalesRoutes } from './routes/aftersales-routes.js';
import { creditRoutes } from './routes/credit-routes.js';
import { orderRoutes } from './routes/order-routes.js';
import { promotionRoutes } from './routes/promotion-routes.js';
import { stockRoutes } from './routes/stock-routes.js';
import { createShop } from './shop.js';

/**
 * What `createApp` needs: the kit's PostgreSQL storage (migrated), and optionally the clock,
 * the catalogue, ids and an event listener.
 *
 * @example
 * const options: AppOptions = { storage: await openStorage({ url: process.env.S2B2B_PG_URL }) };
 */
export interface AppOptions {
  storage: PostgresStorage;
  /** Default the system clock. */
  clock?: Clock;
  /** Products and promotions (default `demoCatalog(clock.now())`). */
  catalog?: CatalogInput | Catalog;
  /** Ids for orders and events (default UUIDv7 from the clock). */
  ids?: () => string;
  /** Hears every committed event, after its commit (the outbox is the reliable channel). */
  onEvent?: (event: DomainEvent) => void | Promise<void>;
}

/**
 * The HTTP backend as an Express 5 app, not listening: stock, credit lines, checkout, orders,
 * cancellation, after-sales cases and their SLA clocks, promotion caps. JSON in and out; every
 * command needs an `Idempotency-Key` header; errors are `{ error: { code, message, field? } }`
 * (400 naming the field, 404, 409 or 422 with the kit's code).
 *
 * @example
 * const app = createApp({ storage: await openStorage() });
 * const server = app.listen(3000);
 */
export function createApp(options: AppOptions): Express {
  const clock = options.clock ?? systemClock;
  const catalog = isCatalog(options.catalog)
    ? options.catalog
    : loadCatalog(options.catalog ?? demoCatalog(clock.now()));
  const shop = createShop({
    storage: options.storage,
    clock,
    catalog,
    ...(options.ids ? { ids: options.ids } : {}),
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
  });
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '256kb' }));
  app.use(async (_req, _res, next) => {
    await shop.ready();
    next();
  });
  app.use(
    stockRoutes(shop),
    creditRoutes(shop),
    orderRoutes(shop),
    aftersalesRoutes(shop),
    promotionRoutes(shop),
  );
  app.use((req, _res, next) => next(new NotFoundError('route', `${req.method} ${req.path}`)));
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const { status, body } = toHttpError(error);
    if (status >= 500) console.error(error);
    res.status(status).json(body);
  });
  return app;
}

function isCatalog(value: CatalogInput | Catalog | undefined): value is Catalog {
  return typeof value === 'object' && value !== null && 'without' in value;
}
