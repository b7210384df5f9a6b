import type { PromotionsStorage } from '@s2b2b/promotions';
import { describe } from 'vitest';
import { type StorageFactory, useStorage } from '../factory.js';
import {
  type PromotionsConcurrencyOptions,
  promotionsConcurrencyContract,
} from './promotions-concurrency-conformance.js';
import { promotionsPortContract } from './promotions-port-conformance.js';
import {
  type PromotionsPropertyOptions,
  promotionsPropertyContract,
} from './promotions-property-conformance.js';
import { promotionsServiceContract } from './promotions-service-conformance.js';

/**
 * Options of `describePromotionsConformance`.
 *
 * @example
 * const options: PromotionsConformanceOptions = { claims: 300, parallelism: 50, property: { runs: 10 } };
 */
export interface PromotionsConformanceOptions extends PromotionsConcurrencyOptions {
  /** The random command-sequence property (default 25 runs of up to 25 commands). */
  property?: PromotionsPropertyOptions;
}

/**
 * The promotions contract: the port called directly (caps, all-or-none claims, bounded
 * releases, refusals by code, rollback), the promotions service on top of it (a checkout from
 * `evaluateCart`, the usage read back, a partial refund and a cancellation, events, idempotency,
 * errors), claims and releases fired in parallel at the caps (a serial model must agree on how
 * many of hundreds of flash-sale claims succeed; budgets, per-customer limits and releases never
 * pass their bounds; no deadlock), and fast-check command sequences checked against a serial
 * model. Every test works on caps of its own, so one storage serves them all.
 *
 * @example
 * describePromotionsConformance('memory', async () => ({ storage: createMemoryStorage() }));
 */
export function describePromotionsConformance(
  name: string,
  factory: StorageFactory<PromotionsStorage>,
  options: PromotionsConformanceOptions = {},
): void {
  describe(`${name}: promotions conformance`, () => {
    let storage: PromotionsStorage;
    useStorage(factory, (opened) => {
      storage = opened;
    });
    const current = () => storage;
    describe('port', () => promotionsPortContract(current));
    describe('service', () => promotionsServiceContract(current));
    describe('concurrency', () => promotionsConcurrencyContract(current, options));
    describe('properties', () => promotionsPropertyContract(current, options.property));
  });
}
