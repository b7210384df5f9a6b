import { AsyncLocalStorage } from 'node:async_hooks';
import type { AftersalesReader, AftersalesStorage, AftersalesTx } from '@s2b2b/aftersales';
import type { CoreStorage, EventPage, IdempotencyRecord } from '@s2b2b/core';
import { checkEventPageLimit, DEFAULT_EVENT_PAGE, ValidationError } from '@s2b2b/core';
import type { CreditReader, CreditStorage, CreditTx } from '@s2b2b/credit';
import type { CrmReader, CrmStorage, CrmTx } from '@s2b2b/crm';
import type { InventoryReader, InventoryStorage, InventoryTx } from '@s2b2b/inventory';
import type { TrackingReader, TrackingStorage, TrackingTx } from '@s2b2b/logistics';
import type { ProcurementReader, ProcurementStorage, ProcurementTx } from '@s2b2b/procurement';
import type { PromotionsReader, PromotionsStorage, PromotionsTx } from '@s2b2b/promotions';
import { aftersalesReader, aftersalesTxPort } from './aftersales/postgres-aftersales-store.js';
import { creditReader, creditTxPort } from './credit/postgres-credit-store.js';
import { crmReader, crmTxPort } from './crm/postgres-crm-store.js';
import { eventOutboxPort, parseCursor, readEvents, selectPage } from './event-store.js';
import { idempotencyPort, purgeRecords, readRecord } from './idempotency-store.js';
import { inventoryReader, inventoryTxPort } from './inventory/postgres-inventory-store.js';
import { trackingReader, trackingTxPort } from './logistics/postgres-tracking-store.js';
import { type MigrationReport, runMigrations } from './migrations.js';
import { procurementReader, procurementTxPort } from './procurement/postgres-procurement-store.js';
import { promotionsReader, promotionsTxPort } from './promotions/postgres-promotions-store.js';
import { type RetryOptions, withRetry } from './retry.js';
import { DEFAULT_SCHEMA, quoteSchema } from './schema-name.js';
import {
  type IsolationLevel,
  type PostgresClient,
  type SqlClient,
  type SqlExecutor,
  toSqlClient,
} from './sql-client.js';

/** Options of `createPostgresStorage`. */
export interface PostgresStorageOptions {
  /** The host's `pg.Pool` or a PGlite instance. The storage never closes it. */
  client: PostgresClient;
  /** Schema holding every table (default `s2b2b`). */
  schema?: string;
  /** Retries on serialization failure / deadlock (default 5 attempts). */
  retry?: RetryOptions;
}

/** Options of one transaction. */
export interface TransactionOptions {
  /** Default `read committed`; the kit's invariants hold at that level. */
  isolation?: IsolationLevel;
}

/**
 * A PostgreSQL transaction: the infrastructure ports and every domain's port (`tx.inventory`, ...),
 * the intersection of each domain's transaction type.
 *
 * @example
 * await storage.transaction(async (tx: PostgresTx) => tx.inventory.lockPositions([{ warehouseId: 'WH-SH', sku: 'TEA' }]));
 */
export type PostgresTx = AftersalesTx &
  InventoryTx &
  TrackingTx &
  CreditTx &
  CrmTx &
  ProcurementTx &
  PromotionsTx;

/** Every store port on PostgreSQL. */
export interface PostgresStorage
  extends CoreStorage,
    AftersalesStorage,
    InventoryStorage,
    TrackingStorage,
    CreditStorage,
    CrmStorage,
    ProcurementStorage,
    PromotionsStorage {
  readonly kind: 'postgres' | 'pglite';
  /** The schema every table lives in. */
  readonly schema: string;
  /** Applies the missing migrations of the given domains (all by default; `core` always). */
  migrate(options?: { domains?: readonly string[] }): Promise<MigrationReport>;
  transaction<T>(fn: (tx: PostgresTx) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** Inventory, read side (`tx.inventory` writes); needs the `inventory` migrations. */
  readonly inventory: InventoryReader;
  /** Shipment tracking, read side (`tx.tracking` writes); needs the `logistics` migrations. */
  readonly tracking: TrackingReader;
  /** After-sales cases, read side (`tx.aftersales` writes); needs the `aftersales` migrations. */
  readonly aftersales: AftersalesReader;
  /** Credit lines and their ledger, read side (`tx.credit` writes); needs the `credit` migrations. */
  readonly credit: CreditReader;
  /** CRM follow-up tasks, read side (`tx.crm` writes); needs the `crm` migrations. */
  readonly crm: CrmReader;
  /** Procurement (suppliers, agreements, rounds, awards), read side (`tx.procurement` writes); needs the `procurement` migrations. */
  readonly procurement: ProcurementReader;
  /** Promotion caps and claims, read side (`tx.promotions` writes); needs the `promotions` migrations. */
  readonly promotions: PromotionsReader;
  /** Runs raw SQL in the storage's current transaction (or on the client) — for host extensions and tests. */
  readonly sql: SqlExecutor;
}

interface ActiveTransaction {
  tx: SqlExecutor;
  savepoints: number;
  /** Callbacks for after COMMIT, of this attempt only (a retried attempt starts empty). */
  afterCommit: (() => void | Promise<void>)[];
  done: boolean;
}

/**
 * Creates the PostgreSQL storage over a host's `pg.Pool` or a PGlite instance. Run
 * `await storage.migrate()` once before use (it is idempotent and safe to call from every
 * process at start-up).
 *
 * A transaction started inside another one on the same storage (same async context) becomes
 * a SAVEPOINT, and reads made inside a transaction go through it, so code never deadlocks
 * against its own open transaction (PGlite has one connection).
 *
 * @example
 * const storage = createPostgresStorage({ client: new pg.Pool({ connectionString }), schema: 's2b2b' });
 * await storage.migrate();
 */
export function createPostgresStorage(options: PostgresStorageOptions): PostgresStorage {
  if (typeof options !== 'object' || options === null) {
    throw ValidationError.field('options', 'Expected { client, schema? }');
  }
  const schema = options.schema ?? DEFAULT_SCHEMA;
  const quoted = quoteSchema(schema);
  const sql: SqlClient = toSqlClient(options.client);
  const lockKey = `s2b2b.outbox.${schema}`;
  const context = new AsyncLocalStorage<ActiveTransaction>();
  const active = () => {
    const current = context.getStore();
    return current && !current.done ? current : undefined;
  };

  const portsOn = (current: ActiveTransaction): PostgresTx => ({
    afterCommit: (callback) => {
      if (current.done) throw new Error('afterCommit called after the transaction ended');
      current.afterCommit.push(callback);
    },
    ...domainPorts(current.tx),
  });
  const domainPorts = (tx: SqlExecutor) => ({
    idempotency: idempotencyPort(tx, quoted),
    events: eventOutboxPort(tx, quoted, lockKey),
    inventory: inventoryTxPort(tx, quoted),
    tracking: trackingTxPort(tx, quoted),
    aftersales: aftersalesTxPort(tx, quoted),
    credit: creditTxPort(tx, quoted),
    crm: crmTxPort(tx, quoted),
    procurement: procurementTxPort(tx, quoted),
    promotions: promotionsTxPort(tx, quoted),
  });

  const transaction = async <T>(fn: (tx: PostgresTx) => Promise<T>, txOptions: TransactionOptions = {}) => {
    const outer = active();
    if (outer) return savepoint(outer, () => fn(portsOn(outer)));
    let committed: ActiveTransaction | undefined;
    const value = await withRetry(
      () =>
        sql.transaction(async (tx) => {
          const current: ActiveTransaction = { tx, savepoints: 0, afterCommit: [], done: false };
          committed = current;
          try {
            return await context.run(current, () => fn(portsOn(current)));
          } finally {
            current.done = true;
          }
        }, txOptions.isolation),
      options.retry,
    );
    // COMMIT succeeded: the callbacks of the attempt that committed, in order, outside it
    const callbacks = committed?.afterCommit ?? [];
    await context.exit(async () => {
      for (const callback of callbacks) await callback();
    });
    return value;
  };

  const currentExecutor: SqlExecutor = {
    query: (text, params) => (active()?.tx ?? sql).query(text, params),
    exec: (text) => (active()?.tx ?? sql).exec(text),
  };

  return {
    kind: sql.kind,
    schema,
    sql: currentExecutor,
    transaction,
    migrate: (migrateOptions = {}) =>
      withRetry(() => runMigrations(sql, schema, migrateOptions.domains), options.retry),
    inventory: inventoryReader(currentExecutor, quoted),
    tracking: trackingReader(currentExecutor, quoted),
    aftersales: aftersalesReader(currentExecutor, quoted),
    credit: creditReader(currentExecutor, quoted),
    crm: crmReader(currentExecutor, quoted),
    procurement: procurementReader(currentExecutor, quoted),
    promotions: promotionsReader(currentExecutor, quoted),
    idempotency: {
      async get(scope: string, key: string): Promise<IdempotencyRecord | null> {
        return readRecord(currentExecutor, quoted, scope, key);
      },
      async purge(before: Date): Promise<number> {
        if (!(before instanceof Date) || Number.isNaN(before.getTime())) {
          throw ValidationError.field('before', 'Expected a valid Date');
        }
        return purgeRecords(currentExecutor, quoted, before);
      },
    },
    events: {
      async since(cursor: string | null, limit = DEFAULT_EVENT_PAGE): Promise<EventPage> {
        const outer = active();
        if (outer) {
          const after = parseCursor(cursor);
          checkEventPageLimit(limit);
          return selectPage(outer.tx, quoted, after, cursor, limit);
        }
        return withRetry(() => readEvents(sql, quoted, lockKey, cursor, limit), options.retry);
      },
    },
    /** The host owns the client: nothing to close here. */
    async close() {},
  };
}

async function savepoint<T>(outer: ActiveTransaction, fn: () => Promise<T>): Promise<T> {
  outer.savepoints += 1;
  const name = `s2b2b_sp_${outer.savepoints}`;
  const callbacks = outer.afterCommit.length;
  await outer.tx.query(`SAVEPOINT ${name}`);
  try {
    const value = await fn();
    await outer.tx.query(`RELEASE SAVEPOINT ${name}`);
    return value;
  } catch (error) {
    await outer.tx.query(`ROLLBACK TO SAVEPOINT ${name}`);
    outer.afterCommit.length = callbacks;
    throw error;
  }
}
