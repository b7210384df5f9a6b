/**
 * `@s2b2b/storage-testkit` — the conformance suites every storage adapter runs (ours and a
 * host's own) to prove it keeps the contracts of the store ports.
 *
 * @packageDocumentation
 */
import type { AftersalesStorage } from '@s2b2b/aftersales';
import type { CreditStorage } from '@s2b2b/credit';
import type { CrmStorage } from '@s2b2b/crm';
import type { InventoryStorage } from '@s2b2b/inventory';
import type { TrackingStorage } from '@s2b2b/logistics';
import type { ProcurementStorage } from '@s2b2b/procurement';
import type { PromotionsStorage } from '@s2b2b/promotions';
import {
  type AftersalesConformanceOptions,
  describeAftersalesConformance,
} from './aftersales/aftersales-conformance.js';
import { type CreditConformanceOptions, describeCreditConformance } from './credit/credit-conformance.js';
import { type CrmConformanceOptions, describeCrmConformance } from './crm/crm-conformance.js';
import { describeEventOutboxConformance } from './event-outbox-conformance.js';
import type { ConformanceOptions, StorageFactory } from './factory.js';
import { describeIdempotencyConformance } from './idempotency-conformance.js';
import {
  describeInventoryConformance,
  type InventoryConformanceOptions,
} from './inventory/inventory-conformance.js';
import {
  describeTrackingConformance,
  type TrackingConformanceOptions,
} from './logistics/tracking-conformance.js';
import {
  describeProcurementConformance,
  type ProcurementConformanceOptions,
} from './procurement/procurement-conformance.js';
import {
  describePromotionsConformance,
  type PromotionsConformanceOptions,
} from './promotions/promotions-conformance.js';
import { describeTransactionConformance } from './transaction-conformance.js';

export type { AftersalesConcurrencyOptions } from './aftersales/aftersales-concurrency-conformance.js';
export {
  type AftersalesConformanceOptions,
  describeAftersalesConformance,
} from './aftersales/aftersales-conformance.js';
export {
  type AftersalesScenario,
  aftersalesScenario,
  caseOutcomeCode,
  shanghai,
} from './aftersales/aftersales-fixtures.js';
export type { AftersalesPropertyOptions } from './aftersales/aftersales-property-conformance.js';
export type { CreditConcurrencyOptions } from './credit/credit-concurrency-conformance.js';
export { type CreditConformanceOptions, describeCreditConformance } from './credit/credit-conformance.js';
export {
  CREDIT_START,
  type CreditScenario,
  creditScenario,
  expectBooksAgree,
  INTEREST_FREE_TERMS,
  lineTransfers,
} from './credit/credit-fixtures.js';
export { CreditModel, type CreditModelOutcome } from './credit/credit-model.js';
export type { CreditPropertyOptions } from './credit/credit-property-conformance.js';
export type { CrmConcurrencyOptions } from './crm/crm-concurrency-conformance.js';
export { type CrmConformanceOptions, describeCrmConformance } from './crm/crm-conformance.js';
export { CRM_NOW, type CrmScenario, crmScenario } from './crm/crm-fixtures.js';
export type { CrmPropertyOptions } from './crm/crm-property-conformance.js';
export { describeEventOutboxConformance } from './event-outbox-conformance.js';
export {
  type ConformanceOptions,
  type StorageFactory,
  type StorageUnderTest,
  useStorage,
} from './factory.js';
export { endCursor, inParallel, readAll, testEvent, uniqueName } from './fixtures.js';
export { describeIdempotencyConformance } from './idempotency-conformance.js';
export type { InventoryConcurrencyOptions } from './inventory/inventory-concurrency-conformance.js';
export {
  describeInventoryConformance,
  type InventoryConformanceOptions,
} from './inventory/inventory-conformance.js';
export type { InventoryPropertyOptions } from './inventory/inventory-property-conformance.js';
export { type ModelOutcome, StockModel } from './inventory/stock-model.js';
export type { TrackingConcurrencyOptions } from './logistics/tracking-concurrency-conformance.js';
export {
  describeTrackingConformance,
  type TrackingConformanceOptions,
} from './logistics/tracking-conformance.js';
export {
  allTrackingEvents,
  expectStateMatchesHistory,
  TRACKING_NOW,
  type TrackingScenario,
  trackingScenario,
} from './logistics/tracking-fixtures.js';
export type { TrackingPropertyOptions } from './logistics/tracking-property-conformance.js';
export type { ProcurementConcurrencyOptions } from './procurement/procurement-concurrency-conformance.js';
export {
  describeProcurementConformance,
  type ProcurementConformanceOptions,
} from './procurement/procurement-conformance.js';
export {
  PROCUREMENT_NOW,
  type ProcurementScenario,
  procurementOutcomeCode,
  procurementScenario,
} from './procurement/procurement-fixtures.js';
export type { ProcurementPropertyOptions } from './procurement/procurement-property-conformance.js';
export { CapModel, type CapModelOutcome } from './promotions/cap-model.js';
export type { PromotionsConcurrencyOptions } from './promotions/promotions-concurrency-conformance.js';
export {
  describePromotionsConformance,
  type PromotionsConformanceOptions,
} from './promotions/promotions-conformance.js';
export {
  codeOf,
  PROMOTIONS_NOW,
  type PromotionsScenario,
  promotionOutcomeCode,
  promotionsScenario,
} from './promotions/promotions-fixtures.js';
export type { PromotionsPropertyOptions } from './promotions/promotions-property-conformance.js';
export { describeTransactionConformance } from './transaction-conformance.js';

/**
 * A storage with every port of the kit (the infrastructure ports and each domain's store):
 * what `createMemoryStorage()` and `createPostgresStorage()` return. Grows with each domain.
 *
 * @example
 * const storage: KitStorage = createMemoryStorage();
 */
export type KitStorage = AftersalesStorage &
  InventoryStorage &
  TrackingStorage &
  CrmStorage &
  CreditStorage &
  ProcurementStorage &
  PromotionsStorage;

/**
 * Options of `runAllConformance`: the shared ones, plus each domain's under its name.
 *
 * @example
 * runAllConformance('pglite', factory, { parallelism: 30, inventory: { reservations: 300 } } satisfies AllConformanceOptions);
 */
export interface AllConformanceOptions extends ConformanceOptions {
  inventory?: InventoryConformanceOptions;
  tracking?: TrackingConformanceOptions;
  crm?: CrmConformanceOptions;
  credit?: CreditConformanceOptions;
  aftersales?: AftersalesConformanceOptions;
  procurement?: ProcurementConformanceOptions;
  promotions?: PromotionsConformanceOptions;
}

/**
 * Every conformance suite, for an adapter that implements every port. Call it at the top
 * level of a test file.
 *
 * @example
 * runAllConformance('memory', async () => ({ storage: createMemoryStorage() }));
 */
export function runAllConformance(
  name: string,
  factory: StorageFactory<KitStorage>,
  options: AllConformanceOptions = {},
): void {
  describeTransactionConformance(name, factory);
  describeIdempotencyConformance(name, factory, options);
  describeEventOutboxConformance(name, factory, options);
  describeInventoryConformance(name, factory, { parallelism: options.parallelism, ...options.inventory });
  describeTrackingConformance(name, factory, { parallelism: options.parallelism, ...options.tracking });
  describeCrmConformance(name, factory, { parallelism: options.parallelism, ...options.crm });
  describeCreditConformance(name, factory, { parallelism: options.parallelism, ...options.credit });
  describeAftersalesConformance(name, factory, { parallelism: options.parallelism, ...options.aftersales });
  describeProcurementConformance(name, factory, { parallelism: options.parallelism, ...options.procurement });
  describePromotionsConformance(name, factory, { parallelism: options.parallelism, ...options.promotions });
}
