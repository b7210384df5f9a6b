import { createHash } from 'node:crypto';
import { type CaseService, createCaseService } from '@s2b2b/aftersales';
import { type Clock, createIdGenerator, type DomainEvent } from '@s2b2b/core';
import { type CreditService, createCreditService } from '@s2b2b/credit';
import { createInventoryService, type InventoryService } from '@s2b2b/inventory';
import { capsForPromotions, createPromotionsService, type PromotionsService } from '@s2b2b/promotions';
import type { PostgresStorage } from '@s2b2b/storage-postgres';
import type { Catalog } from './catalog.js';
import { createOrderStore, type OrderStore } from './orders/order-store.js';

/**
 * What the shop is built from.
 *
 * @example
 * const options: ShopOptions = { storage, clock: systemClock, catalog: loadCatalog(demoCatalog(new Date())) };
 */
export interface ShopOptions {
  /** The kit's PostgreSQL storage (pool or PGlite), migrated. */
  storage: PostgresStorage;
  clock: Clock;
  catalog: Catalog;
  /** Ids for orders and events (default UUIDv7 from the clock). */
  ids?: () => string;
  /** Hears every committed event of the four services and of the shop (`shop.order.*`). */
  onEvent?: (event: DomainEvent) => void | Promise<void>;
}

/**
 * The kit's four services on one storage, the shop's order table, and `ready()`, which creates
 * that table and saves the catalogue's promotion caps once per process before the first command.
 *
 * @example
 * const shop = createShop({ storage, clock, catalog });
 * await shop.ready();
 * await shop.stock.getPosition('WH-SH', 'RICE-5KG');
 */
export interface Shop {
  readonly storage: PostgresStorage;
  readonly clock: Clock;
  readonly catalog: Catalog;
  readonly ids: () => string;
  readonly onEvent: ((event: DomainEvent) => void | Promise<void>) | undefined;
  readonly stock: InventoryService;
  readonly credit: CreditService;
  readonly caps: PromotionsService;
  readonly cases: CaseService;
  readonly orders: OrderStore;
  ready(): Promise<void>;
}

/**
 * Wires the credit, inventory, promotions and after-sales services on one storage and clock.
 *
 * @example
 * const shop = createShop({ storage: await openStorage(), clock: systemClock, catalog });
 */
export function createShop(options: ShopOptions): Shop {
  const { storage, clock, catalog, onEvent } = options;
  const ids = options.ids ?? createIdGenerator({ clock });
  const common = { storage, clock, ids, ...(onEvent ? { onEvent } : {}) };
  const caps = createPromotionsService(common);
  const orders = createOrderStore(storage);
  let preparing: Promise<void> | undefined;
  const prepare = async () => {
    await orders.migrate();
    const definitions = capsForPromotions(catalog.set, catalog.currency);
    // One key per set of cap definitions: a restart replays it, a changed catalogue saves the new limits.
    const digest = createHash('sha256').update(JSON.stringify(definitions)).digest('hex').slice(0, 32);
    await caps.registerPromotions({ idempotencyKey: `catalog-caps-${digest}`, promotions: catalog.set });
  };
  return {
    storage,
    clock,
    catalog,
    ids,
    onEvent,
    stock: createInventoryService(common),
    credit: createCreditService(common),
    caps,
    cases: createCaseService(common),
    orders,
    ready() {
      // Once per process; a failure (the database was down) is retried by the next request.
      preparing ??= prepare().catch((error: unknown) => {
        preparing = undefined;
        throw error;
      });
      return preparing;
    },
  };
}
