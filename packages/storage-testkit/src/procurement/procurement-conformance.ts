import type { ProcurementStorage } from '@s2b2b/procurement';
import { describe } from 'vitest';
import { type StorageFactory, useStorage } from '../factory.js';
import {
  type ProcurementConcurrencyOptions,
  procurementConcurrencyContract,
} from './procurement-concurrency-conformance.js';
import { procurementPortContract } from './procurement-port-conformance.js';
import {
  type ProcurementPropertyOptions,
  procurementPropertyContract,
} from './procurement-property-conformance.js';
import { procurementServiceContract } from './procurement-service-conformance.js';

/**
 * Options of `describeProcurementConformance`.
 *
 * @example
 * const options: ProcurementConformanceOptions = { parallelism: 50, property: { runs: 10 } };
 */
export interface ProcurementConformanceOptions extends ProcurementConcurrencyOptions {
  /** The random command sequences (default 15 runs). */
  property?: ProcurementPropertyOptions;
}

/**
 * The procurement contract: the port called directly (ids taken once, saves over a version,
 * submission order, pooled demand, capacity all or none within its limit, awards, allocations
 * and purchase orders read back equal, paging, rollback), the procurement service on top of it
 * (a round awarded and allocated to the cent, events, replays, refusals that write nothing),
 * commands fired in parallel (many submissions, one key, one request id, submissions racing the
 * close, changes of one request, two rounds competing for one agreement's capacity), and
 * fast-check command sequences against a model. Every test works on ids of its own, so one
 * storage serves them all.
 *
 * @example
 * describeProcurementConformance('memory', async () => ({ storage: createMemoryStorage() }));
 */
export function describeProcurementConformance(
  name: string,
  factory: StorageFactory<ProcurementStorage>,
  options: ProcurementConformanceOptions = {},
): void {
  describe(`${name}: procurement conformance`, () => {
    let storage: ProcurementStorage;
    useStorage(factory, (opened) => {
      storage = opened;
    });
    const current = () => storage;
    describe('port', () => procurementPortContract(current));
    describe('service', () => procurementServiceContract(current));
    describe('concurrency', () => procurementConcurrencyContract(current, options));
    describe('properties', () => procurementPropertyContract(current, options.property));
  });
}
