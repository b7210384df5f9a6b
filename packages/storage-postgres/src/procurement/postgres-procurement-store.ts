import { type JsonValue, Money } from '@s2b2b/core';
import {
  type AgreementRecord,
  type AllocationRecord,
  allocationExistsError,
  awardExistsError,
  type CapacityCommitment,
  type CapacityKey,
  type CapacityUsage,
  capacityExceededError,
  checkAgreementFilter,
  checkAllocationFilter,
  checkPurchaseOrderFilter,
  checkRequestFilter,
  checkSupplierFilter,
  compareCapacityKeys,
  type ProcurementReader,
  type ProcurementTxPort,
  type PurchaseOrderLine,
  type PurchaseOrderRecord,
  purchaseOrderExistsError,
  type RequestRecord,
  type RoundRecord,
  requestExistsError,
  requestNotFoundError,
  requestVersionConflictError,
  reviveProcurementJson,
  roundExistsError,
  roundNotFoundError,
  roundVersionConflictError,
  type StoredAward,
  type SupplierRecord,
} from '@s2b2b/procurement';
import type { SqlExecutor } from '../sql-client.js';

type Time = Date | string;
type Int = string | number | bigint;

interface SupplierRow {
  supplier_id: string;
  name: string | null;
  documents: JsonValue;
  rating_score: string | null;
  rating_standing: string | null;
  rating_blocks_awards: boolean | null;
  rating_as_of: Time | null;
  version: Int;
  updated_at: Time;
}

interface AgreementRow {
  agreement_id: string;
  supplier_id: string;
  sku: string;
  currency: string;
  pricing: AgreementRecord['pricing'];
  moq: Int;
  pack_size: Int;
  capacity_quantity: Int | null;
  capacity_period: NonNullable<AgreementRecord['capacity']>['period'] | null;
  lead_time_days: number;
  valid_from: Time;
  valid_to: Time | null;
  regions: string[] | null;
  version: Int;
  updated_at: Time;
  tiers: { minQuantity: Int; unitPrice: string }[] | null;
}

interface RoundRow {
  round_id: string;
  name: string | null;
  currency: string;
  skus: JsonValue;
  bundles: JsonValue;
  regions: string[];
  required_documents: string[];
  opens_at: Time;
  closes_at: Time;
  need_by: Time | null;
  zone: string;
  rounding: RoundRecord['rounding'];
  rationing: RoundRecord['rationing'];
  created_at: Time;
  status: RoundRecord['status'];
  request_count: Int;
  units: Int;
  closed_at: Time | null;
  cancelled_at: Time | null;
  cancel_reason: string | null;
  version: Int;
  updated_at: Time;
}

interface RequestRow {
  round_id: string;
  request_id: string;
  sequence: Int;
  merchant_id: string;
  region: string;
  items: JsonValue;
  status: RequestRecord['status'];
  cancel_reason: string | null;
  submitted_at: Time;
  updated_at: Time;
  version: Int;
  lines: { sku: string; quantity: Int }[] | null;
}

interface AwardRow {
  round_id: string;
  currency: string;
  at: Time;
  requests: Int;
  demand: Int;
  filled: Int;
  unmet: Int;
  cost_minor: string;
  standalone_minor: string;
  skus: JsonValue;
  merchants: JsonValue;
  qualification: JsonValue;
}

interface AllocationRow {
  round_id: string;
  request_id: string;
  sku: string;
  merchant_id: string;
  region: string;
  currency: string;
  requested: Int;
  filled: Int;
  amount_minor: string;
  standalone_minor: string;
}

interface OrderRow {
  purchase_order_id: string;
  round_id: string;
  supplier_id: string;
  currency: string;
  need_by: Time | null;
  total_minor: string;
  created_at: Time;
  lines: {
    sku: string;
    agreementId: string;
    quantity: Int;
    tier: number;
    unitPrice: string;
    amountMinor: string;
    deliveries: { region: string; quantity: number }[];
  }[];
}

/** Rows per multi-row INSERT (10 parameters a row × 1,000 stays far below PostgreSQL's 65,535). */
const BATCH = 1_000;

const SUPPLIER_COLUMNS = `supplier_id, name, documents, rating_score::text AS rating_score, rating_standing,
  rating_blocks_awards, rating_as_of, version, updated_at`;
const ROUND_COLUMNS = `round_id, name, currency, skus, bundles, regions, required_documents, opens_at, closes_at,
  need_by, zone, rounding, rationing, created_at, status, request_count, units, closed_at, cancelled_at,
  cancel_reason, version, updated_at`;

/**
 * The procurement read side on an executor (the client, or the open transaction when called
 * inside one).
 *
 * @example
 * const reader = procurementReader(storage.sql, '"s2b2b"');
 */
export function procurementReader(sql: SqlExecutor, schema: string): ProcurementReader {
  const t = tables(schema);
  const agreementSelect = `SELECT a.agreement_id, a.supplier_id, a.sku, a.currency, a.pricing, a.moq, a.pack_size,
      a.capacity_quantity, a.capacity_period, a.lead_time_days, a.valid_from, a.valid_to, a.regions, a.version,
      a.updated_at,
      (SELECT json_agg(json_build_object('minQuantity', x.min_quantity, 'unitPrice', x.unit_price::text) ORDER BY x.tier)
         FROM ${t.tiers} x WHERE x.agreement_id = a.agreement_id) AS tiers
    FROM ${t.agreements} a`;
  const requestSelect = `SELECT r.round_id, r.request_id, r.sequence, r.merchant_id, r.region, r.items, r.status,
      r.cancel_reason, r.submitted_at, r.updated_at, r.version,
      (SELECT json_agg(json_build_object('sku', l.sku, 'quantity', l.quantity) ORDER BY l.sku)
         FROM ${t.lines} l WHERE l.round_id = r.round_id AND l.request_id = r.request_id) AS lines
    FROM ${t.requests} r`;
  const orderSelect = `SELECT o.purchase_order_id, o.round_id, o.supplier_id, o.currency, o.need_by,
      o.total_minor::text AS total_minor, o.created_at,
      COALESCE((SELECT json_agg(json_build_object('sku', l.sku, 'agreementId', l.agreement_id, 'quantity', l.quantity,
          'tier', l.tier, 'unitPrice', l.unit_price::text, 'amountMinor', l.amount_minor::text, 'deliveries', l.deliveries)
          ORDER BY l.line)
         FROM ${t.orderLines} l WHERE l.purchase_order_id = o.purchase_order_id), '[]'::json) AS lines
    FROM ${t.orders} o`;
  return {
    async getSupplier(supplierId) {
      const { rows } = await sql.query<SupplierRow>(
        `SELECT ${SUPPLIER_COLUMNS} FROM ${t.suppliers} WHERE supplier_id = $1`,
        [supplierId],
      );
      return rows[0] ? toSupplier(rows[0]) : null;
    },
    async listSuppliers(filter) {
      const { ids, after, limit } = checkSupplierFilter(filter);
      const { rows } = await sql.query<SupplierRow>(
        `SELECT ${SUPPLIER_COLUMNS} FROM ${t.suppliers}
          WHERE ($1::text[] IS NULL OR supplier_id = ANY($1::text[])) AND ($2::text IS NULL OR supplier_id > $2)
          ORDER BY supplier_id LIMIT $3`,
        [ids ?? null, after ?? null, limit],
      );
      return rows.map(toSupplier);
    },
    async getAgreement(agreementId) {
      const { rows } = await sql.query<AgreementRow>(`${agreementSelect} WHERE a.agreement_id = $1`, [
        agreementId,
      ]);
      return rows[0] ? toAgreement(rows[0]) : null;
    },
    async listAgreements(filter) {
      const { skus, supplierId, after, limit } = checkAgreementFilter(filter);
      const { rows } = await sql.query<AgreementRow>(
        `${agreementSelect}
          WHERE ($1::text[] IS NULL OR a.sku = ANY($1::text[])) AND ($2::text IS NULL OR a.supplier_id = $2)
            AND ($3::text IS NULL OR a.agreement_id > $3)
          ORDER BY a.agreement_id LIMIT $4`,
        [skus ?? null, supplierId ?? null, after ?? null, limit],
      );
      return rows.map(toAgreement);
    },
    async getRound(roundId) {
      const { rows } = await sql.query<RoundRow>(
        `SELECT ${ROUND_COLUMNS} FROM ${t.rounds} WHERE round_id = $1`,
        [roundId],
      );
      return rows[0] ? toRound(rows[0]) : null;
    },
    async getRequest(roundId, requestId) {
      const { rows } = await sql.query<RequestRow>(
        `${requestSelect} WHERE r.round_id = $1 AND r.request_id = $2`,
        [roundId, requestId],
      );
      return rows[0] ? toRequest(rows[0]) : null;
    },
    async listRequests(roundId, filter) {
      const { merchantId, status, afterSequence, limit } = checkRequestFilter(filter);
      const { rows } = await sql.query<RequestRow>(
        `${requestSelect}
          WHERE r.round_id = $1 AND r.sequence > $2 AND ($3::text IS NULL OR r.merchant_id = $3)
            AND ($4::text IS NULL OR r.status = $4)
          ORDER BY r.sequence LIMIT $5`,
        [roundId, afterSequence ?? 0, merchantId ?? null, status ?? null, limit],
      );
      return rows.map(toRequest);
    },
    async getDemand(roundId) {
      const { rows } = await sql.query<{ sku: string; units: string; requests: string }>(
        `SELECT l.sku, sum(l.quantity)::text AS units, count(*)::text AS requests
           FROM ${t.lines} l JOIN ${t.requests} r ON r.round_id = l.round_id AND r.request_id = l.request_id
          WHERE l.round_id = $1 AND r.status = 'active'
          GROUP BY l.sku ORDER BY l.sku`,
        [roundId],
      );
      return rows.map((row) => ({ sku: row.sku, units: Number(row.units), requests: Number(row.requests) }));
    },
    async getAward(roundId) {
      const { rows } = await sql.query<AwardRow>(
        `SELECT round_id, currency, at, requests, demand, filled, unmet, cost_minor::text AS cost_minor,
                standalone_minor::text AS standalone_minor, skus, merchants, qualification
           FROM ${t.awards} WHERE round_id = $1`,
        [roundId],
      );
      return rows[0] ? toAward(rows[0]) : null;
    },
    async listAllocations(roundId, filter) {
      const { merchantId, after, limit } = checkAllocationFilter(filter);
      const { rows } = await sql.query<AllocationRow>(
        `SELECT round_id, request_id, sku, merchant_id, region, currency, requested, filled,
                amount_minor::text AS amount_minor, standalone_minor::text AS standalone_minor
           FROM ${t.allocations}
          WHERE round_id = $1 AND ($2::text IS NULL OR merchant_id = $2)
            AND ($3::text IS NULL OR (request_id, sku) > ($3::text COLLATE "C", $4::text COLLATE "C"))
          ORDER BY request_id, sku LIMIT $5`,
        [roundId, merchantId ?? null, after?.requestId ?? null, after?.sku ?? null, limit],
      );
      return rows.map(toAllocation);
    },
    async getPurchaseOrder(purchaseOrderId) {
      const { rows } = await sql.query<OrderRow>(`${orderSelect} WHERE o.purchase_order_id = $1`, [
        purchaseOrderId,
      ]);
      return rows[0] ? toOrder(rows[0]) : null;
    },
    async listPurchaseOrders(filter) {
      const { roundId, supplierId, after, limit } = checkPurchaseOrderFilter(filter);
      const { rows } = await sql.query<OrderRow>(
        `${orderSelect}
          WHERE ($1::text IS NULL OR o.round_id = $1) AND ($2::text IS NULL OR o.supplier_id = $2)
            AND ($3::text IS NULL OR o.purchase_order_id > $3)
          ORDER BY o.purchase_order_id LIMIT $4`,
        [roundId ?? null, supplierId ?? null, after ?? null, limit],
      );
      return rows.map(toOrder);
    },
    async getCapacityUsage(agreementId, periodStart) {
      const { rows } = await sql.query<{ used: string }>(
        `SELECT used::text AS used FROM ${t.capacity} WHERE agreement_id = $1 AND period_start = $2::timestamptz`,
        [agreementId, periodStart.toISOString()],
      );
      return rows[0] ? Number(rows[0].used) : 0;
    },
  };
}

/**
 * The procurement port on one transaction. The rules hold in SQL: ids are taken once by
 * `INSERT … ON CONFLICT DO NOTHING` checked by row count; rounds and requests are saved by
 * `UPDATE … WHERE version = $expected`, checked by row count; capacity is committed by
 * `UPDATE … SET used = used + $q WHERE used + $q <= $limit` per row in key order, under a
 * savepoint so a refusal leaves none of the batch. `lockRound`, `lockRequest` and
 * `lockCapacity` take `SELECT … FOR UPDATE` (capacity rows created first, then locked in key
 * order).
 *
 * @example
 * const port = procurementTxPort(tx, '"s2b2b"');
 */
export function procurementTxPort(tx: SqlExecutor, schema: string): ProcurementTxPort {
  const t = tables(schema);
  const reader = procurementReader(tx, schema);

  /** Runs `work` so that a failure undoes its own writes, without aborting the caller's transaction. */
  const atomically = async <T>(work: () => Promise<T>): Promise<T> => {
    await tx.query('SAVEPOINT s2b2b_procurement');
    try {
      const value = await work();
      await tx.query('RELEASE SAVEPOINT s2b2b_procurement');
      return value;
    } catch (error) {
      await tx.query('ROLLBACK TO SAVEPOINT s2b2b_procurement');
      await tx.query('RELEASE SAVEPOINT s2b2b_procurement');
      throw error;
    }
  };

  const ensureCapacityRows = async (keys: readonly CapacityKey[]) => {
    if (keys.length === 0) return;
    await tx.query(
      `INSERT INTO ${t.capacity} (agreement_id, period_start)
       SELECT k.agreement_id, k.period_start FROM unnest($1::text[], $2::timestamptz[]) AS k (agreement_id, period_start)
        ORDER BY k.agreement_id COLLATE "C", k.period_start
       ON CONFLICT DO NOTHING`,
      [keys.map((key) => key.agreementId), keys.map((key) => key.periodStart.toISOString())],
    );
  };

  return {
    ...reader,
    async putSupplier(supplier, updatedAt) {
      const { rows } = await tx.query<SupplierRow>(
        `INSERT INTO ${t.suppliers} (supplier_id, name, documents, rating_score, rating_standing, rating_blocks_awards,
           rating_as_of, version, updated_at)
         VALUES ($1, $2, $3::jsonb, $4::numeric, $5, $6, $7::timestamptz, 1, $8::timestamptz)
         ON CONFLICT (supplier_id) DO UPDATE SET name = EXCLUDED.name, documents = EXCLUDED.documents,
           rating_score = EXCLUDED.rating_score, rating_standing = EXCLUDED.rating_standing,
           rating_blocks_awards = EXCLUDED.rating_blocks_awards, rating_as_of = EXCLUDED.rating_as_of,
           version = ${t.suppliers}.version + 1, updated_at = EXCLUDED.updated_at
         RETURNING ${SUPPLIER_COLUMNS}`,
        [
          supplier.supplierId,
          supplier.name,
          JSON.stringify(supplier.documents),
          supplier.rating === null ? null : String(supplier.rating.score),
          supplier.rating?.standing ?? null,
          supplier.rating?.blocksAwards ?? null,
          supplier.rating?.asOf.toISOString() ?? null,
          updatedAt.toISOString(),
        ],
      );
      return toSupplier(rows[0]!);
    },
    async putAgreement(agreement, updatedAt) {
      await tx.query(
        `INSERT INTO ${t.agreements} (agreement_id, supplier_id, sku, currency, pricing, moq, pack_size, capacity_quantity,
           capacity_period, lead_time_days, valid_from, valid_to, regions, version, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::timestamptz, $12::timestamptz, $13::text[], 1, $14::timestamptz)
         ON CONFLICT (agreement_id) DO UPDATE SET supplier_id = EXCLUDED.supplier_id, sku = EXCLUDED.sku,
           currency = EXCLUDED.currency, pricing = EXCLUDED.pricing, moq = EXCLUDED.moq, pack_size = EXCLUDED.pack_size,
           capacity_quantity = EXCLUDED.capacity_quantity, capacity_period = EXCLUDED.capacity_period,
           lead_time_days = EXCLUDED.lead_time_days, valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to,
           regions = EXCLUDED.regions, version = ${t.agreements}.version + 1, updated_at = EXCLUDED.updated_at`,
        [
          agreement.agreementId,
          agreement.supplierId,
          agreement.sku,
          agreement.currency,
          agreement.pricing,
          agreement.moq,
          agreement.packSize,
          agreement.capacity?.quantity ?? null,
          agreement.capacity?.period ?? null,
          agreement.leadTimeDays,
          agreement.validFrom.toISOString(),
          agreement.validTo?.toISOString() ?? null,
          agreement.regions,
          updatedAt.toISOString(),
        ],
      );
      await tx.query(`DELETE FROM ${t.tiers} WHERE agreement_id = $1`, [agreement.agreementId]);
      await tx.query(
        `INSERT INTO ${t.tiers} (agreement_id, tier, min_quantity, unit_price)
         SELECT $1, x.tier - 1, x.min_quantity, x.unit_price
           FROM unnest($2::bigint[], $3::numeric[]) WITH ORDINALITY AS x (min_quantity, unit_price, tier)`,
        [
          agreement.agreementId,
          agreement.tiers.map((tier) => tier.minQuantity),
          agreement.tiers.map((tier) => tier.unitPrice),
        ],
      );
      return (await reader.getAgreement(agreement.agreementId))!;
    },
    async insertRound(round) {
      const { rows } = await tx.query<RoundRow>(
        `INSERT INTO ${t.rounds} (${ROUND_COLUMNS})
         VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6::text[], $7::text[], $8::timestamptz, $9::timestamptz,
           $10::timestamptz, $11, $12, $13, $14::timestamptz, $15, $16, $17, $18::timestamptz, $19::timestamptz, $20, 0,
           $21::timestamptz)
         ON CONFLICT DO NOTHING RETURNING ${ROUND_COLUMNS}`,
        [
          round.roundId,
          round.name,
          round.currency,
          JSON.stringify(round.skus),
          JSON.stringify(round.bundles),
          round.regions,
          round.requiredDocuments,
          round.opensAt.toISOString(),
          round.closesAt.toISOString(),
          iso(round.needBy),
          round.zone,
          round.rounding,
          round.rationing,
          round.createdAt.toISOString(),
          round.status,
          round.requestCount,
          round.units,
          iso(round.closedAt),
          iso(round.cancelledAt),
          round.cancelReason,
          round.updatedAt.toISOString(),
        ],
      );
      if (!rows[0]) throw roundExistsError(round.roundId);
      return toRound(rows[0]);
    },
    async lockRound(roundId) {
      const { rows } = await tx.query<RoundRow>(
        `SELECT ${ROUND_COLUMNS} FROM ${t.rounds} WHERE round_id = $1 FOR UPDATE`,
        [roundId],
      );
      return rows[0] ? toRound(rows[0]) : null;
    },
    async saveRound(round, expectedVersion) {
      const { rows } = await tx.query<RoundRow>(
        `UPDATE ${t.rounds} SET status = $3, request_count = $4, units = $5, closed_at = $6::timestamptz,
            cancelled_at = $7::timestamptz, cancel_reason = $8, updated_at = $9::timestamptz, version = version + 1
          WHERE round_id = $1 AND version = $2
          RETURNING ${ROUND_COLUMNS}`,
        [
          round.roundId,
          expectedVersion,
          round.status,
          round.requestCount,
          round.units,
          iso(round.closedAt),
          iso(round.cancelledAt),
          round.cancelReason,
          round.updatedAt.toISOString(),
        ],
      );
      if (rows[0]) return toRound(rows[0]);
      const current = await tx.query<{ version: Int }>(
        `SELECT version FROM ${t.rounds} WHERE round_id = $1`,
        [round.roundId],
      );
      if (!current.rows[0]) throw roundNotFoundError(round.roundId);
      throw roundVersionConflictError(round.roundId, expectedVersion, Number(current.rows[0].version));
    },
    async insertRequest(request) {
      const { rows } = await tx.query<{ sequence: Int }>(
        `INSERT INTO ${t.requests} (round_id, request_id, merchant_id, region, items, status, cancel_reason, submitted_at,
           updated_at, version)
         SELECT $1, $2, $3, $4, $5::jsonb, $6, $7, $8::timestamptz, $9::timestamptz, 0
          WHERE EXISTS (SELECT 1 FROM ${t.rounds} WHERE round_id = $1)
         ON CONFLICT DO NOTHING RETURNING sequence`,
        [
          request.roundId,
          request.requestId,
          request.merchantId,
          request.region,
          JSON.stringify(request.items),
          request.status,
          request.cancelReason,
          request.submittedAt.toISOString(),
          request.updatedAt.toISOString(),
        ],
      );
      if (!rows[0]) {
        const round = await tx.query(`SELECT 1 FROM ${t.rounds} WHERE round_id = $1`, [request.roundId]);
        if (round.rows.length === 0) throw roundNotFoundError(request.roundId);
        throw requestExistsError(request.roundId, request.requestId);
      }
      await insertLines(tx, t.lines, request.roundId, request.requestId, request.lines);
      return { ...copyRequest(request), version: 0, sequence: Number(rows[0].sequence) };
    },
    async lockRequest(roundId, requestId) {
      const { rows } = await tx.query<{ request_id: string }>(
        `SELECT request_id FROM ${t.requests} WHERE round_id = $1 AND request_id = $2 FOR UPDATE`,
        [roundId, requestId],
      );
      return rows[0] ? reader.getRequest(roundId, requestId) : null;
    },
    async saveRequest(request, expectedVersion) {
      const { rows } = await tx.query<{ sequence: Int }>(
        `UPDATE ${t.requests} SET region = $4, items = $5::jsonb, status = $6, cancel_reason = $7,
            updated_at = $8::timestamptz, version = version + 1
          WHERE round_id = $1 AND request_id = $2 AND version = $3
          RETURNING sequence`,
        [
          request.roundId,
          request.requestId,
          expectedVersion,
          request.region,
          JSON.stringify(request.items),
          request.status,
          request.cancelReason,
          request.updatedAt.toISOString(),
        ],
      );
      if (!rows[0]) {
        const current = await tx.query<{ version: Int }>(
          `SELECT version FROM ${t.requests} WHERE round_id = $1 AND request_id = $2`,
          [request.roundId, request.requestId],
        );
        if (!current.rows[0]) throw requestNotFoundError(request.roundId, request.requestId);
        throw requestVersionConflictError(
          request.roundId,
          request.requestId,
          expectedVersion,
          Number(current.rows[0].version),
        );
      }
      await tx.query(`DELETE FROM ${t.lines} WHERE round_id = $1 AND request_id = $2`, [
        request.roundId,
        request.requestId,
      ]);
      await insertLines(tx, t.lines, request.roundId, request.requestId, request.lines);
      return { ...copyRequest(request), sequence: Number(rows[0].sequence), version: expectedVersion + 1 };
    },
    async lockCapacity(keys) {
      const unique = uniqueKeys(keys);
      if (unique.length === 0) return [];
      await ensureCapacityRows(unique);
      const { rows } = await tx.query<{ agreement_id: string; period_start: Time; used: string }>(
        `SELECT c.agreement_id, c.period_start, c.used::text AS used FROM ${t.capacity} c
          WHERE (c.agreement_id, c.period_start) IN (SELECT * FROM unnest($1::text[], $2::timestamptz[]))
          ORDER BY c.agreement_id, c.period_start FOR UPDATE`,
        [unique.map((key) => key.agreementId), unique.map((key) => key.periodStart.toISOString())],
      );
      return rows.map((row) => ({
        agreementId: row.agreement_id,
        periodStart: new Date(row.period_start),
        used: Number(row.used),
      }));
    },
    async addCapacity(commitments) {
      const rows = mergeCommitments(commitments);
      if (rows.length === 0) return [];
      return atomically(async () => {
        await ensureCapacityRows(rows);
        const usage: CapacityUsage[] = [];
        for (const row of rows) {
          const updated = await tx.query<{ used: string }>(
            `UPDATE ${t.capacity} SET used = used + $3::bigint
              WHERE agreement_id = $1 AND period_start = $2::timestamptz AND used + $3::bigint <= $4::bigint
              RETURNING used::text AS used`,
            [row.agreementId, row.periodStart.toISOString(), row.quantity, row.limit],
          );
          if (!updated.rows[0]) {
            const current = await tx.query<{ used: string }>(
              `SELECT used::text AS used FROM ${t.capacity} WHERE agreement_id = $1 AND period_start = $2::timestamptz`,
              [row.agreementId, row.periodStart.toISOString()],
            );
            throw capacityExceededError(
              row.agreementId,
              row.periodStart,
              Number(current.rows[0]?.used ?? 0),
              row.quantity,
              row.limit,
            );
          }
          usage.push({
            agreementId: row.agreementId,
            periodStart: row.periodStart,
            used: Number(updated.rows[0].used),
          });
        }
        return usage;
      });
    },
    async insertAward(award) {
      const inserted = await tx.query(
        `INSERT INTO ${t.awards} (round_id, currency, at, requests, demand, filled, unmet, cost_minor, standalone_minor,
           skus, merchants, qualification)
         VALUES ($1, $2, $3::timestamptz, $4, $5, $6, $7, $8::bigint, $9::bigint, $10::jsonb, $11::jsonb, $12::jsonb)
         ON CONFLICT DO NOTHING`,
        [
          award.roundId,
          award.currency,
          award.at.toISOString(),
          award.requests,
          award.totals.demand,
          award.totals.filled,
          award.totals.unmet,
          award.totals.cost.toMinorUnits().toString(),
          award.totals.standalone.toMinorUnits().toString(),
          JSON.stringify(award.skus),
          JSON.stringify(award.merchants),
          JSON.stringify(award.qualification),
        ],
      );
      if (inserted.rowCount === 0) throw awardExistsError(award.roundId);
    },
    async insertAllocations(allocations) {
      if (allocations.length === 0) return;
      await atomically(async () => {
        for (let start = 0; start < allocations.length; start += BATCH) {
          const slice = allocations.slice(start, start + BATCH);
          const params: unknown[] = [];
          const values = slice.map((a) => {
            const base = params.length;
            params.push(
              a.roundId,
              a.requestId,
              a.sku,
              a.merchantId,
              a.region,
              a.amount.currency.code,
              a.requested,
              a.filled,
              a.amount.toMinorUnits().toString(),
              a.standalone.toMinorUnits().toString(),
            );
            return `(${Array.from({ length: 10 }, (_, i) => `$${base + i + 1}`).join(', ')})`;
          });
          const { rows } = await tx.query<{ request_id: string; sku: string }>(
            `INSERT INTO ${t.allocations} (round_id, request_id, sku, merchant_id, region, currency, requested, filled,
               amount_minor, standalone_minor)
             SELECT v.round_id, v.request_id, v.sku, v.merchant_id, v.region, v.currency, v.requested::bigint,
                    v.filled::bigint, v.amount_minor::bigint, v.standalone_minor::bigint
               FROM (VALUES ${values.join(', ')}) AS v (round_id, request_id, sku, merchant_id, region, currency, requested,
                 filled, amount_minor, standalone_minor)
             ON CONFLICT DO NOTHING RETURNING request_id, sku`,
            params,
          );
          if (rows.length !== slice.length) {
            const written = new Set(rows.map((row) => `${row.request_id}\u0000${row.sku}`));
            const taken = slice.find((a) => !written.has(`${a.requestId}\u0000${a.sku}`))!;
            throw allocationExistsError(taken.roundId, taken.requestId, taken.sku);
          }
        }
      });
    },
    async insertPurchaseOrders(orders) {
      if (orders.length === 0) return;
      await atomically(async () => {
        for (const order of orders) {
          const inserted = await tx.query(
            `INSERT INTO ${t.orders} (purchase_order_id, round_id, supplier_id, currency, need_by, total_minor, created_at)
             VALUES ($1, $2, $3, $4, $5::timestamptz, $6::bigint, $7::timestamptz) ON CONFLICT DO NOTHING`,
            [
              order.purchaseOrderId,
              order.roundId,
              order.supplierId,
              order.currency,
              iso(order.needBy),
              order.total.toMinorUnits().toString(),
              order.createdAt.toISOString(),
            ],
          );
          if (inserted.rowCount === 0) throw purchaseOrderExistsError(order.purchaseOrderId);
          for (let start = 0; start < order.lines.length; start += BATCH) {
            const slice = order.lines.slice(start, start + BATCH);
            await tx.query(
              `INSERT INTO ${t.orderLines} (purchase_order_id, line, sku, agreement_id, quantity, tier, unit_price,
                 amount_minor, deliveries)
               SELECT $1, x.line - 1 + $2::integer, x.sku, x.agreement_id, x.quantity, x.tier, x.unit_price, x.amount_minor,
                      x.deliveries
                 FROM unnest($3::text[], $4::text[], $5::bigint[], $6::integer[], $7::numeric[], $8::bigint[], $9::jsonb[])
                   WITH ORDINALITY AS x (sku, agreement_id, quantity, tier, unit_price, amount_minor, deliveries, line)`,
              [
                order.purchaseOrderId,
                start,
                slice.map((line) => line.sku),
                slice.map((line) => line.agreementId),
                slice.map((line) => line.quantity),
                slice.map((line) => line.tier),
                slice.map((line) => line.unitPrice.toDecimalString()),
                slice.map((line) => line.amount.toMinorUnits().toString()),
                slice.map((line) => JSON.stringify(line.deliveries)),
              ],
            );
          }
        }
      });
    },
  };
}

function tables(schema: string) {
  return {
    suppliers: `${schema}.procurement_suppliers`,
    agreements: `${schema}.procurement_agreements`,
    tiers: `${schema}.procurement_agreement_tiers`,
    rounds: `${schema}.procurement_rounds`,
    requests: `${schema}.procurement_requests`,
    lines: `${schema}.procurement_request_lines`,
    awards: `${schema}.procurement_awards`,
    allocations: `${schema}.procurement_allocations`,
    orders: `${schema}.procurement_purchase_orders`,
    orderLines: `${schema}.procurement_purchase_order_lines`,
    capacity: `${schema}.procurement_capacity`,
  };
}

async function insertLines(
  tx: SqlExecutor,
  table: string,
  roundId: string,
  requestId: string,
  lines: readonly { sku: string; quantity: number }[],
): Promise<void> {
  if (lines.length === 0) return;
  await tx.query(
    `INSERT INTO ${table} (round_id, request_id, sku, quantity)
     SELECT $1, $2, l.sku, l.quantity FROM unnest($3::text[], $4::bigint[]) AS l (sku, quantity)`,
    [roundId, requestId, lines.map((line) => line.sku), lines.map((line) => line.quantity)],
  );
}

function iso(date: Date | null): string | null {
  return date === null ? null : date.toISOString();
}

function time(value: Time): Date {
  return new Date(value);
}

function maybeTime(value: Time | null): Date | null {
  return value === null ? null : new Date(value);
}

function key(k: CapacityKey): string {
  return `${k.agreementId}\u0000${k.periodStart.getTime()}`;
}

function uniqueKeys(keys: readonly CapacityKey[]): CapacityKey[] {
  const seen = new Map<string, CapacityKey>();
  for (const k of keys) if (!seen.has(key(k))) seen.set(key(k), k);
  return [...seen.values()].sort(compareCapacityKeys);
}

function mergeCommitments(commitments: readonly CapacityCommitment[]): CapacityCommitment[] {
  const rows = new Map<string, CapacityCommitment>();
  for (const c of commitments) {
    const row = rows.get(key(c));
    if (row) {
      row.quantity += c.quantity;
      row.limit = Math.min(row.limit, c.limit);
    } else {
      rows.set(key(c), {
        agreementId: c.agreementId,
        periodStart: c.periodStart,
        quantity: c.quantity,
        limit: c.limit,
      });
    }
  }
  return [...rows.values()].sort(compareCapacityKeys);
}

function copyRequest(request: Omit<RequestRecord, 'sequence'>): Omit<RequestRecord, 'sequence'> {
  return {
    roundId: request.roundId,
    requestId: request.requestId,
    merchantId: request.merchantId,
    region: request.region,
    items: structuredClone(request.items),
    lines: request.lines.map((line) => ({ sku: line.sku, quantity: line.quantity })),
    status: request.status,
    cancelReason: request.cancelReason,
    submittedAt: new Date(request.submittedAt.getTime()),
    updatedAt: new Date(request.updatedAt.getTime()),
    version: request.version,
  };
}

function toSupplier(row: SupplierRow): SupplierRecord {
  return {
    supplierId: row.supplier_id,
    name: row.name,
    documents: reviveProcurementJson(structuredClone(row.documents)),
    rating:
      row.rating_score === null
        ? null
        : {
            score: Number(row.rating_score),
            standing: row.rating_standing!,
            blocksAwards: row.rating_blocks_awards!,
            asOf: time(row.rating_as_of!),
          },
    version: Number(row.version),
    updatedAt: time(row.updated_at),
  };
}

function toAgreement(row: AgreementRow): AgreementRecord {
  return {
    agreementId: row.agreement_id,
    supplierId: row.supplier_id,
    sku: row.sku,
    currency: row.currency,
    pricing: row.pricing,
    tiers: (row.tiers ?? []).map((tier) => ({
      minQuantity: Number(tier.minQuantity),
      unitPrice: tier.unitPrice,
    })),
    moq: Number(row.moq),
    packSize: Number(row.pack_size),
    capacity:
      row.capacity_quantity === null
        ? null
        : { quantity: Number(row.capacity_quantity), period: row.capacity_period! },
    leadTimeDays: Number(row.lead_time_days),
    validFrom: time(row.valid_from),
    validTo: maybeTime(row.valid_to),
    regions: row.regions === null ? null : [...row.regions],
    version: Number(row.version),
    updatedAt: time(row.updated_at),
  };
}

function toRound(row: RoundRow): RoundRecord {
  return {
    roundId: row.round_id,
    name: row.name,
    currency: row.currency,
    skus: structuredClone(row.skus) as unknown as RoundRecord['skus'],
    bundles: structuredClone(row.bundles) as unknown as RoundRecord['bundles'],
    regions: [...row.regions],
    requiredDocuments: [...row.required_documents],
    opensAt: time(row.opens_at),
    closesAt: time(row.closes_at),
    needBy: maybeTime(row.need_by),
    zone: row.zone,
    rounding: row.rounding,
    rationing: row.rationing,
    createdAt: time(row.created_at),
    status: row.status,
    requestCount: Number(row.request_count),
    units: Number(row.units),
    closedAt: maybeTime(row.closed_at),
    cancelledAt: maybeTime(row.cancelled_at),
    cancelReason: row.cancel_reason,
    version: Number(row.version),
    updatedAt: time(row.updated_at),
  };
}

function toRequest(row: RequestRow): RequestRecord {
  return {
    roundId: row.round_id,
    requestId: row.request_id,
    merchantId: row.merchant_id,
    region: row.region,
    items: structuredClone(row.items) as unknown as RequestRecord['items'],
    lines: (row.lines ?? []).map((line) => ({ sku: line.sku, quantity: Number(line.quantity) })),
    status: row.status,
    cancelReason: row.cancel_reason,
    sequence: Number(row.sequence),
    submittedAt: time(row.submitted_at),
    updatedAt: time(row.updated_at),
    version: Number(row.version),
  };
}

function toAward(row: AwardRow): StoredAward {
  const money = (minor: string) => Money.fromMinor(BigInt(minor), row.currency);
  const cost = money(row.cost_minor);
  const standalone = money(row.standalone_minor);
  return {
    roundId: row.round_id,
    currency: row.currency,
    at: time(row.at),
    requests: Number(row.requests),
    totals: {
      demand: Number(row.demand),
      filled: Number(row.filled),
      unmet: Number(row.unmet),
      cost,
      standalone,
      saving: standalone.subtract(cost),
    },
    skus: reviveProcurementJson(structuredClone(row.skus)),
    merchants: reviveProcurementJson(structuredClone(row.merchants)),
    qualification: reviveProcurementJson(structuredClone(row.qualification)),
  };
}

function toAllocation(row: AllocationRow): AllocationRecord {
  const amount = Money.fromMinor(BigInt(row.amount_minor), row.currency);
  const standalone = Money.fromMinor(BigInt(row.standalone_minor), row.currency);
  const requested = Number(row.requested);
  const filled = Number(row.filled);
  return {
    roundId: row.round_id,
    requestId: row.request_id,
    merchantId: row.merchant_id,
    region: row.region,
    sku: row.sku,
    requested,
    filled,
    unmet: requested - filled,
    amount,
    standalone,
    saving: standalone.subtract(amount),
  };
}

function toOrder(row: OrderRow): PurchaseOrderRecord {
  const lines: PurchaseOrderLine[] = row.lines.map((line) => ({
    sku: line.sku,
    agreementId: line.agreementId,
    quantity: Number(line.quantity),
    tier: Number(line.tier),
    unitPrice: Money.of(line.unitPrice, row.currency),
    amount: Money.fromMinor(BigInt(line.amountMinor), row.currency),
    deliveries: line.deliveries.map((d) => ({ region: d.region, quantity: Number(d.quantity) })),
  }));
  return {
    purchaseOrderId: row.purchase_order_id,
    roundId: row.round_id,
    supplierId: row.supplier_id,
    currency: row.currency,
    needBy: maybeTime(row.need_by),
    lines,
    total: Money.fromMinor(BigInt(row.total_minor), row.currency),
    createdAt: time(row.created_at),
  };
}
