// Test-only: connects a describe block to a target and opens storages on fresh schemas,
// all dropped (CASCADE) after the block.
import { afterAll, beforeAll } from 'vitest';
import {
  createPostgresStorage,
  type PostgresStorage,
  type PostgresStorageOptions,
} from '../postgres-storage.js';
import type { PostgresClient } from '../sql-client.js';
import { dropSchema, freshSchema, type TestTarget } from './test-clients.js';

/**
 * What `useTarget` gives a describe block.
 *
 * @example
 * const db: TargetContext = useTarget(target);
 */
export interface TargetContext {
  /** The raw client (set in `beforeAll`). */
  readonly client: PostgresClient;
  /** A storage on a fresh (or the given) schema, not migrated; the schema is dropped afterwards. */
  open(options?: Partial<PostgresStorageOptions>): PostgresStorage;
  /** Records a schema to drop afterwards. */
  track(schema: string): string;
}

/**
 * Call inside `describe`: connects in `beforeAll`, drops the schemas and releases in `afterAll`.
 *
 * @example
 * const db = useTarget(target);
 * it('migrates', async () => { await db.open().migrate(); });
 */
export function useTarget(target: TestTarget): TargetContext {
  let client: PostgresClient | undefined;
  const schemas = new Set<string>();
  beforeAll(async () => {
    client = await target.connect();
  });
  afterAll(async () => {
    if (!client) return;
    for (const schema of schemas) await dropSchema(client, schema);
    await target.release(client);
  });
  const context: TargetContext = {
    get client() {
      if (!client) throw new Error(`${target.name} is not connected`);
      return client;
    },
    track(schema) {
      schemas.add(schema);
      return schema;
    },
    open(options = {}) {
      const schema = context.track(options.schema ?? freshSchema());
      return createPostgresStorage({ ...options, client: context.client, schema });
    },
  };
  return context;
}
