/**
 * `@s2b2b/logistics` — carrier rates and choice, order consolidation, vehicle routing
 * (CVRP / VRPTW) and shipment tracking.
 *
 * @packageDocumentation
 */

export * from './common/index.js';
export * from './consolidation/index.js';
export * from './geo/index.js';
export * from './rates/index.js';
export * from './store.js';
export * from './tracking/index.js';
export * from './vrp/index.js';
