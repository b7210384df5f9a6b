/**
 * `@s2b2b/inventory` — shared stock across warehouses without oversell (the stock service, its
 * storage port and movement ledger), safety stock and reorder points, minimum-cost rebalancing
 * and slow-mover alerts.
 *
 * @packageDocumentation
 */
export * from './flow/index.js';
export * from './health/index.js';
export * from './policy/index.js';
export * from './rebalance/index.js';
export * from './stock/index.js';
export * from './store.js';
