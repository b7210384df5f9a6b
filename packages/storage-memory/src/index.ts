/**
 * `@s2b2b/storage-memory` — the embedded default: in-memory implementations of every store port.
 *
 * @packageDocumentation
 */
export { MemoryAftersalesStore } from './aftersales/memory-aftersales-store.js';
export { MemoryCreditStore } from './credit/memory-credit-store.js';
export { MemoryCrmStore } from './crm/memory-crm-store.js';
export { MemoryEventStore } from './event-store.js';
export { MemoryIdempotencyStore } from './idempotency-store.js';
export { MemoryInventoryStore } from './inventory/memory-inventory-store.js';
export { MemoryTrackingStore } from './logistics/memory-tracking-store.js';
export { MemoryEngine, type MemoryTxContext } from './memory-engine.js';
export { createMemoryStorage, type MemoryStorage, type MemoryTx } from './memory-storage.js';
export { MemoryProcurementStore } from './procurement/memory-procurement-store.js';
export { MemoryPromotionsStore } from './promotions/memory-promotions-store.js';
