import type { AftersalesStorage } from '@s2b2b/aftersales';
import { describe } from 'vitest';
import { type StorageFactory, useStorage } from '../factory.js';
import {
  type AftersalesConcurrencyOptions,
  aftersalesConcurrencyContract,
} from './aftersales-concurrency-conformance.js';
import { aftersalesPortContract } from './aftersales-port-conformance.js';
import {
  type AftersalesPropertyOptions,
  aftersalesPropertyContract,
} from './aftersales-property-conformance.js';
import { aftersalesServiceContract } from './aftersales-service-conformance.js';

/**
 * Options of `describeAftersalesConformance`.
 *
 * @example
 * const options: AftersalesConformanceOptions = { parallelism: 30, property: { runs: 10 } };
 */
export interface AftersalesConformanceOptions extends AftersalesConcurrencyOptions {
  /** The random-history property (default 15 runs). */
  property?: AftersalesPropertyOptions;
}

/**
 * The after-sales contract: the port called directly (exact round trips, unique ids, saves
 * over a version, ordered transitions, rollback, filters and paging, the due-case scan with
 * its cursor), the case service on top of it (a case over the National Day holiday from open
 * to reopen, events after the commit only, replays), commands fired in parallel (no lost
 * update, one intervention wins, one key once, each breach raised once), and fast-check
 * command histories checked against the pure model. Every test works on cases of its own, so
 * one storage serves them all.
 *
 * @example
 * describeAftersalesConformance('memory', async () => ({ storage: createMemoryStorage() }));
 */
export function describeAftersalesConformance(
  name: string,
  factory: StorageFactory<AftersalesStorage>,
  options: AftersalesConformanceOptions = {},
): void {
  describe(`${name}: after-sales conformance`, () => {
    let storage: AftersalesStorage;
    useStorage(factory, (opened) => {
      storage = opened;
    });
    const current = () => storage;
    describe('port', () => aftersalesPortContract(current));
    describe('service', () => aftersalesServiceContract(current));
    describe('concurrency', () => aftersalesConcurrencyContract(current, options));
    describe('properties', () => aftersalesPropertyContract(current, options.property));
  });
}
