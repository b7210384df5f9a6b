import type { AftersalesStorage, AftersalesTx } from '@s2b2b/aftersales';
import type { CoreStorage } from '@s2b2b/core';
import type { CreditStorage, CreditTx } from '@s2b2b/credit';
import type { CrmStorage, CrmTx } from '@s2b2b/crm';
import type { InventoryStorage, InventoryTx } from '@s2b2b/inventory';
import type { TrackingStorage, TrackingTx } from '@s2b2b/logistics';
import type { ProcurementStorage, ProcurementTx } from '@s2b2b/procurement';
import type { PromotionsStorage, PromotionsTx } from '@s2b2b/promotions';
import { MemoryAftersalesStore } from './aftersales/memory-aftersales-store.js';
import { MemoryCreditStore } from './credit/memory-credit-store.js';
import { MemoryCrmStore } from './crm/memory-crm-store.js';
import { MemoryEventStore } from './event-store.js';
import { MemoryIdempotencyStore } from './idempotency-store.js';
import { MemoryInventoryStore } from './inventory/memory-inventory-store.js';
import { MemoryTrackingStore } from './logistics/memory-tracking-store.js';
import { MemoryEngine } from './memory-engine.js';
import { MemoryProcurementStore } from './procurement/memory-procurement-store.js';
import { MemoryPromotionsStore } from './promotions/memory-promotions-store.js';

/**
 * A memory transaction: the infrastructure ports and every domain's port (`tx.inventory`, ...),
 * the intersection of each domain's transaction type.
 *
 * @example
 * await storage.transaction(async (tx: MemoryTx) => tx.inventory.getPosition('WH-SH', 'TEA'));
 */
export type MemoryTx = AftersalesTx &
  InventoryTx &
  TrackingTx &
  CreditTx &
  CrmTx &
  ProcurementTx &
  PromotionsTx;

/**
 * The in-memory storage: every store port, kept in this process.
 *
 * @example
 * const storage: MemoryStorage = createMemoryStorage();
 */
export interface MemoryStorage
  extends CoreStorage,
    AftersalesStorage,
    InventoryStorage,
    TrackingStorage,
    CreditStorage,
    CrmStorage,
    ProcurementStorage,
    PromotionsStorage {
  readonly kind: 'memory';
  /** The transaction engine, for hosts that add their own memory stores to the same transactions. */
  readonly engine: MemoryEngine;
  /** Inventory, read side (`tx.inventory` writes). */
  readonly inventory: MemoryInventoryStore;
  /** Shipment tracking, read side (`tx.tracking` writes). */
  readonly tracking: MemoryTrackingStore;
  /** Credit lines and their ledger, read side (`tx.credit` writes). */
  readonly credit: MemoryCreditStore;
  /** Follow-up tasks, read side (`tx.crm` writes). */
  readonly crm: MemoryCrmStore;
  /** After-sales cases and their transitions, read side (`tx.aftersales` writes). */
  readonly aftersales: MemoryAftersalesStore;
  /** Procurement: suppliers, agreements, buying rounds, awards, read side (`tx.procurement` writes). */
  readonly procurement: MemoryProcurementStore;
  /** Promotion caps and claims, read side (`tx.promotions` writes). */
  readonly promotions: MemoryPromotionsStore;
  transaction<T>(fn: (tx: MemoryTx) => Promise<T>): Promise<T>;
}

/**
 * Creates the embedded default storage: all state in plain maps, transactions serialised by
 * one lock and undone on failure. Nothing survives the process; use it for tests, demos and
 * single-process tools, and `@s2b2b/storage-postgres` when state must last.
 *
 * @example
 * const storage = createMemoryStorage();
 * await runIdempotent(storage, { scope: 'demo', key: 'k-1', payload: {}, now: new Date() }, async (tx) => 'done');
 */
export function createMemoryStorage(): MemoryStorage {
  const engine = new MemoryEngine();
  const idempotency = new MemoryIdempotencyStore(engine);
  const events = new MemoryEventStore(engine);
  const inventory = new MemoryInventoryStore(engine);
  const tracking = new MemoryTrackingStore(engine);
  const credit = new MemoryCreditStore(engine);
  const crm = new MemoryCrmStore(engine);
  const aftersales = new MemoryAftersalesStore(engine);
  const procurement = new MemoryProcurementStore(engine);
  const promotions = new MemoryPromotionsStore(engine);
  return {
    kind: 'memory',
    engine,
    idempotency,
    events,
    credit,
    crm,
    inventory,
    tracking,
    aftersales,
    procurement,
    promotions,
    transaction<T>(fn: (tx: MemoryTx) => Promise<T>): Promise<T> {
      return engine.transaction((ctx) =>
        fn({
          afterCommit: ctx.afterCommit,
          idempotency: idempotency.port(ctx),
          events: events.port(ctx),
          credit: credit.port(ctx),
          crm: crm.port(ctx),
          inventory: inventory.port(ctx),
          tracking: tracking.port(ctx),
          aftersales: aftersales.port(ctx),
          procurement: procurement.port(ctx),
          promotions: promotions.port(ctx),
        }),
      );
    },
    /** Nothing to release: the state lives as long as the object. */
    async close() {},
  };
}
