import { type PostgresStorage, quoteSchema } from '@s2b2b/storage-postgres';
import type { Order, Pricing } from './order.js';

/**
 * The shop's own table, next to the kit's in the storage's schema: one row per placed order.
 * It goes through `storage.sql`, so inside a kit transaction it writes in that transaction.
 *
 * @example
 * const orders = createOrderStore(storage);
 * await orders.migrate();
 * await orders.get('0197…');
 */
export interface OrderStore {
  /** Creates the table if missing (safe from every process at start-up). */
  migrate(): Promise<void>;
  insert(order: Order): Promise<void>;
  get(id: string): Promise<Order | null>;
  /** Marks a placed order cancelled; false when it was not placed. */
  markCancelled(id: string, at: Date): Promise<boolean>;
}

interface OrderRow {
  id: string;
  merchant_id: string;
  credit_line_id: string;
  warehouse_id: string;
  status: 'placed' | 'cancelled';
  pricing: Pricing | string;
  placed_at: Date | string;
  cancelled_at: Date | string | null;
}

const iso = (value: Date | string) => new Date(value).toISOString();

/**
 * The order store on a PostgreSQL storage (a pool or PGlite).
 *
 * @example
 * const orders = createOrderStore(await openStorage());
 */
export function createOrderStore(storage: PostgresStorage): OrderStore {
  const table = `${quoteSchema(storage.schema)}.shop_orders`;
  return {
    async migrate() {
      await storage.transaction(async () => {
        // CREATE TABLE IF NOT EXISTS races with itself across processes; serialise on a lock.
        await storage.sql.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
          `${storage.schema}.shop_orders`,
        ]);
        await storage.sql.exec(
          `CREATE TABLE IF NOT EXISTS ${table} (
            id text PRIMARY KEY,
            merchant_id text NOT NULL,
            credit_line_id text NOT NULL,
            warehouse_id text NOT NULL,
            status text NOT NULL CHECK (status IN ('placed', 'cancelled')),
            pricing jsonb NOT NULL,
            placed_at timestamptz NOT NULL,
            cancelled_at timestamptz
          );
          CREATE INDEX IF NOT EXISTS shop_orders_merchant ON ${table} (merchant_id, placed_at);`,
        );
      });
    },
    async insert(order) {
      await storage.sql.query(
        `INSERT INTO ${table} (id, merchant_id, credit_line_id, warehouse_id, status, pricing, placed_at, cancelled_at)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8)`,
        [
          order.id,
          order.merchantId,
          order.creditLineId,
          order.warehouseId,
          order.status,
          JSON.stringify(order.pricing),
          order.placedAt,
          order.cancelledAt,
        ],
      );
    },
    async get(id) {
      const { rows } = await storage.sql.query<OrderRow>(`SELECT * FROM ${table} WHERE id = $1`, [id]);
      const row = rows[0];
      return row ? orderOf(row) : null;
    },
    async markCancelled(id, at) {
      const { rows } = await storage.sql.query<{ id: string }>(
        `UPDATE ${table} SET status = 'cancelled', cancelled_at = $2 WHERE id = $1 AND status = 'placed' RETURNING id`,
        [id, at.toISOString()],
      );
      return rows.length === 1;
    },
  };
}

function orderOf(row: OrderRow): Order {
  return {
    id: row.id,
    merchantId: row.merchant_id,
    creditLineId: row.credit_line_id,
    warehouseId: row.warehouse_id,
    status: row.status,
    pricing: typeof row.pricing === 'string' ? (JSON.parse(row.pricing) as Pricing) : row.pricing,
    placedAt: iso(row.placed_at),
    cancelledAt: row.cancelled_at === null ? null : iso(row.cancelled_at),
  };
}
