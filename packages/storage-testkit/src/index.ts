/**
 * `@s2b2b/storage-testkit` — the conformance suites every storage adapter runs (ours and a
 * host's own) to prove it keeps the contracts of the store ports.
 *
 * @packageDocumentation
 */
import { describeEventOutboxConformance } from './event-outbox-conformance.js';
import type { ConformanceOptions, StorageFactory } from './factory.js';
import { describeIdempotencyConformance } from './idempotency-conformance.js';
import { describeTransactionConformance } from './transaction-conformance.js';

export { describeEventOutboxConformance } from './event-outbox-conformance.js';
export {
  type ConformanceOptions,
  type StorageFactory,
  type StorageUnderTest,
  useStorage,
} from './factory.js';
export { endCursor, inParallel, readAll, testEvent, uniqueName } from './fixtures.js';
export { describeIdempotencyConformance } from './idempotency-conformance.js';
export { describeTransactionConformance } from './transaction-conformance.js';

/**
 * Every conformance suite, for an adapter that implements every port. Call it at the top
 * level of a test file.
 *
 * @example
 * runAllConformance('memory', async () => ({ storage: createMemoryStorage() }));
 */
export function runAllConformance(
  name: string,
  factory: StorageFactory,
  options: ConformanceOptions = {},
): void {
  describeTransactionConformance(name, factory);
  describeIdempotencyConformance(name, factory, options);
  describeEventOutboxConformance(name, factory, options);
}
