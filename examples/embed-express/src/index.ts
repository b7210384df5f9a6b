/**
 * An Express 5 backend that embeds the credit, inventory, promotions and after-sales services of
 * S2B2B Kit on PostgreSQL (a `pg.Pool` or embedded PGlite).
 *
 * @packageDocumentation
 */
export { type AppOptions, createApp } from './app.js';
export {
  type Catalog,
  type CatalogInput,
  catalogSchema,
  loadCatalog,
  type Product,
  productSchema,
} from './catalog.js';
export { CANCEL_SCOPE, cancelOrder, cancelRequestSchema } from './checkout/cancel-order.js';
export { CHECKOUT_SCOPE, type CheckoutStep, checkout } from './checkout/checkout.js';
export { type CheckoutRequest, checkoutRequestSchema } from './checkout/checkout-request.js';
export { demoCatalog } from './demo-catalog.js';
export { type ErrorBody, type HttpError, toHttpError, UNPROCESSABLE_CODES } from './http/http-error.js';
export { IDEMPOTENCY_HEADER, idempotencyKeyOf } from './http/idempotency-key.js';
export { REPLAYED_HEADER } from './http/send.js';
export { openOrderCase, openOrderCaseSchema } from './orders/open-case.js';
export type { AppliedOffer, Order, PricedLine, Pricing } from './orders/order.js';
export { type RunningServer, type ServeOptions, serve } from './serve.js';
export { createShop, type Shop, type ShopOptions } from './shop.js';
export { type OpenStorageOptions, openStorage } from './storage.js';
