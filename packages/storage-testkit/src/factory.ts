import type { CoreStorage } from '@s2b2b/core';

/** A storage under test and how to dispose of it. */
export interface StorageUnderTest<S extends CoreStorage = CoreStorage> {
  storage: S;
  /** Drops what the factory created (a schema, a temp dir). Called once after the suite. */
  cleanup?: () => Promise<void>;
}

/**
 * Creates the storage a conformance suite runs against. Called once per suite (`beforeAll`);
 * the suites never assume the storage is empty, so one schema or instance can serve them all.
 */
export type StorageFactory<S extends CoreStorage = CoreStorage> = () => Promise<StorageUnderTest<S>>;

/** Options shared by every conformance suite. */
export interface ConformanceOptions {
  /** How many commands the parallel tests fire at once (default 50). */
  parallelism?: number;
}
