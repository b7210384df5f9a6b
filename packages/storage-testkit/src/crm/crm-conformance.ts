import type { CrmStorage } from '@s2b2b/crm';
import { describe } from 'vitest';
import { type StorageFactory, useStorage } from '../factory.js';
import { type CrmConcurrencyOptions, crmConcurrencyContract } from './crm-concurrency-conformance.js';
import { crmPortContract } from './crm-port-conformance.js';
import { type CrmPropertyOptions, crmPropertyContract } from './crm-property-conformance.js';
import { crmServiceContract } from './crm-service-conformance.js';

/**
 * Options of `describeCrmConformance`.
 *
 * @example
 * const options: CrmConformanceOptions = { parallelism: 50, property: { runs: 10 } };
 */
export interface CrmConformanceOptions extends CrmConcurrencyOptions {
  /** The random command-sequence property (default 15 runs). */
  property?: CrmPropertyOptions;
}

/**
 * The CRM follow-up contract: the port called directly (one task per merchant and dedup key,
 * unique ids, changes only while open, filters, order and paging, copies, rollback), the
 * follow-up service on it (a plan by the default rules with hand-checked due times, re-runs that
 * add nothing, closing once, events, idempotency, validation), commands fired in parallel against
 * both rules, and fast-check command sequences against a model. Every test uses a merchant of
 * its own, so one storage serves them all.
 *
 * @example
 * describeCrmConformance('memory', async () => ({ storage: createMemoryStorage() }));
 */
export function describeCrmConformance(
  name: string,
  factory: StorageFactory<CrmStorage>,
  options: CrmConformanceOptions = {},
): void {
  describe(`${name}: crm conformance`, () => {
    let storage: CrmStorage;
    useStorage(factory, (opened) => {
      storage = opened;
    });
    const current = () => storage;
    describe('port', () => crmPortContract(current));
    describe('service', () => crmServiceContract(current));
    describe('concurrency', () => crmConcurrencyContract(current, options));
    describe('properties', () => crmPropertyContract(current, options.property));
  });
}
