import type { CreditStorage } from '@s2b2b/credit';
import { describe } from 'vitest';
import { type StorageFactory, useStorage } from '../factory.js';
import {
  type CreditConcurrencyOptions,
  creditConcurrencyContract,
} from './credit-concurrency-conformance.js';
import { creditPortContract } from './credit-port-conformance.js';
import { type CreditPropertyOptions, creditPropertyContract } from './credit-property-conformance.js';
import { creditServiceContract } from './credit-service-conformance.js';

/**
 * Options of `describeCreditConformance`.
 *
 * @example
 * const options: CreditConformanceOptions = { draws: 300, parallelism: 50, property: { runs: 10 } };
 */
export interface CreditConformanceOptions extends CreditConcurrencyOptions {
  /** The random command-sequence property (default 25 runs of up to 25 commands). */
  property?: CreditPropertyOptions;
}

/**
 * The credit contract: the port called directly (accounts and their limits, transfers and
 * linked batches all or none, holds that resolve once, expiry, lines kept in step with their
 * principal account, drawings and stale versions), the credit service on top of it (a line's
 * life computed to the cent by hand, events, idempotency), commands fired in parallel at the
 * invariants (a serial model must agree on how many of hundreds of draws succeed; each hold
 * resolves once under racing confirms, cancels and sweeps; many lines never deadlock), and
 * fast-check command sequences checked against a serial model and the ledger. Every test works
 * on lines of its own, so one storage serves them all.
 *
 * @example
 * describeCreditConformance('memory', async () => ({ storage: createMemoryStorage() }));
 */
export function describeCreditConformance(
  name: string,
  factory: StorageFactory<CreditStorage>,
  options: CreditConformanceOptions = {},
): void {
  describe(`${name}: credit conformance`, () => {
    let storage: CreditStorage;
    useStorage(factory, (opened) => {
      storage = opened;
    });
    const current = () => storage;
    describe('port', () => creditPortContract(current));
    describe('service', () => creditServiceContract(current));
    describe('concurrency', () => creditConcurrencyContract(current, options));
    describe('properties', () => creditPropertyContract(current, options.property));
  });
}
