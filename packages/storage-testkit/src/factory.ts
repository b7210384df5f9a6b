import type { CoreStorage } from '@s2b2b/core';
import { afterAll, beforeAll } from 'vitest';

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

/**
 * Opens the storage once before a suite's tests (`beforeAll`), hands it to `onOpen`, and
 * cleans it up after them (`afterAll`).
 *
 * @example
 * let storage: CoreStorage;
 * useStorage(factory, (opened) => { storage = opened; });
 */
export function useStorage<S extends CoreStorage>(
  factory: StorageFactory<S>,
  onOpen: (storage: S) => void,
): void {
  let handle: StorageUnderTest<S> | undefined;
  beforeAll(async () => {
    handle = await factory();
    onOpen(handle.storage);
  });
  afterAll(async () => {
    await handle?.cleanup?.();
  });
}
