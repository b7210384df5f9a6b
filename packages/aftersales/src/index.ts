/**
 * `@s2b2b/aftersales` — after-sales cases for S2B2B platforms: SLA policies and clocks on
 * business calendars (CN holidays and 调休), escalation, liability routing and compensation
 * to the cent, and supplier defect records.
 *
 * @packageDocumentation
 */

export * from './cases/index.js';
export * from './common/ids.js';
export * from './common/vocabulary.js';
export * from './defects/index.js';
export * from './liability/index.js';
export * from './sla/index.js';
export * from './store.js';
