import type { InventoryStorage } from '@s2b2b/inventory';
import { describe } from 'vitest';
import { type StorageFactory, useStorage } from '../factory.js';
import {
  type InventoryConcurrencyOptions,
  inventoryConcurrencyContract,
} from './inventory-concurrency-conformance.js';
import { inventoryPortContract } from './inventory-port-conformance.js';
import {
  type InventoryPropertyOptions,
  inventoryPropertyContract,
} from './inventory-property-conformance.js';
import { inventoryServiceContract } from './inventory-service-conformance.js';

/**
 * Options of `describeInventoryConformance`.
 *
 * @example
 * const options: InventoryConformanceOptions = { reservations: 300, parallelism: 50, property: { runs: 10 } };
 */
export interface InventoryConformanceOptions extends InventoryConcurrencyOptions {
  /** The random command-sequence property (default 25 runs of up to 25 commands). */
  property?: InventoryPropertyOptions;
}

/**
 * The inventory contract: the port called directly (invariants, all-or-none batches, documents,
 * paging), the stock service on top of it (a hand-computed lifecycle, events, idempotency,
 * errors), commands fired in parallel at the invariants (a serial model must agree on how many
 * of hundreds of reservations succeed; multi-warehouse reservations and crossing transfers
 * never deadlock or oversell), and fast-check command sequences checked against a serial
 * model and the ledger. Every test works on warehouses and SKUs of its own, so one storage
 * serves them all.
 *
 * @example
 * describeInventoryConformance('memory', async () => ({ storage: createMemoryStorage() }));
 */
export function describeInventoryConformance(
  name: string,
  factory: StorageFactory<InventoryStorage>,
  options: InventoryConformanceOptions = {},
): void {
  describe(`${name}: inventory conformance`, () => {
    let storage: InventoryStorage;
    useStorage(factory, (opened) => {
      storage = opened;
    });
    const current = () => storage;
    describe('port', () => inventoryPortContract(current));
    describe('service', () => inventoryServiceContract(current));
    describe('concurrency', () => inventoryConcurrencyContract(current, options));
    describe('properties', () => inventoryPropertyContract(current, options.property));
  });
}
