/**
 * `@s2b2b/procurement` — buying rounds that pool many merchants' demand, framework agreements
 * with tiered supplier pricing (all-units and incremental), the exact least-cost award under
 * MOQs, packs and capacities, cost and savings passed back to every merchant to the cent (nobody
 * pays more than alone), standard bundles, supplier qualification and scorecards, and the
 * procurement storage port.
 *
 * @packageDocumentation
 */
export * from './allocation/index.js';
export * from './award/index.js';
export * from './common/index.js';
export * from './pricing/index.js';
export * from './qualification/index.js';
export * from './rounds/index.js';
export * from './scorecard/index.js';
export * from './store.js';
