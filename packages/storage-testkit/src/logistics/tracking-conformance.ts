import type { TrackingStorage } from '@s2b2b/logistics';
import { describe } from 'vitest';
import { type StorageFactory, useStorage } from '../factory.js';
import {
  type TrackingConcurrencyOptions,
  trackingConcurrencyContract,
} from './tracking-concurrency-conformance.js';
import { trackingPortContract } from './tracking-port-conformance.js';
import { type TrackingPropertyOptions, trackingPropertyContract } from './tracking-property-conformance.js';
import { trackingServiceContract } from './tracking-service-conformance.js';

/**
 * Options of `describeTrackingConformance`.
 *
 * @example
 * const options: TrackingConformanceOptions = { parallelism: 50, property: { runs: 10 } };
 */
export interface TrackingConformanceOptions extends TrackingConcurrencyOptions {
  /** The random-delivery property (default 20 runs). */
  property?: TrackingPropertyOptions;
}

/**
 * The tracking contract: the port called directly (unique shipments and tracking numbers, an
 * event recorded once, lock order, saves over a version, filters and paging, rollback), the
 * tracking service on top of it (a lifecycle with late, duplicated and out-of-order events,
 * the terminal and correction rules, events in the outbox, idempotency, errors), ingestion
 * fired in parallel (the same event, different events, crossing batches, one key, one tracking
 * number), and fast-check deliveries checked against `deriveShipmentState`. Every test works on
 * shipments of its own, so one storage serves them all.
 *
 * @example
 * describeTrackingConformance('memory', async () => ({ storage: createMemoryStorage() }));
 */
export function describeTrackingConformance(
  name: string,
  factory: StorageFactory<TrackingStorage>,
  options: TrackingConformanceOptions = {},
): void {
  describe(`${name}: tracking conformance`, () => {
    let storage: TrackingStorage;
    useStorage(factory, (opened) => {
      storage = opened;
    });
    const current = () => storage;
    describe('port', () => trackingPortContract(current));
    describe('service', () => trackingServiceContract(current));
    describe('concurrency', () => trackingConcurrencyContract(current, options));
    describe('properties', () => trackingPropertyContract(current, options.property));
  });
}
