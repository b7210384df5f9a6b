/**
 * `@s2b2b/credit` — credit lines from operating data: scorecards and limits, repayment
 * schedules, interest and penalty interest, delinquency, and a double-entry ledger that never
 * loses money.
 *
 * @packageDocumentation
 */
export * from './delinquency/index.js';
export * from './interest/index.js';
export * from './ledger/index.js';
export * from './lines/index.js';
export * from './schedules/index.js';
// The repayment components are defined once, beside the allocation that orders them.
export { DUE_COMPONENTS, type DueComponent } from './schedules/index.js';
export * from './scoring/index.js';
export * from './service/index.js';
export * from './store.js';
export * from './store-filters.js';
