import {
  type CapClaim,
  type CapDefinition,
  type CapUnit,
  type CapUsage,
  type ClaimEntry,
  capExceededError,
  capNotFoundError,
  checkCapFilter,
  checkEntries,
  claimEntryNotFoundError,
  claimExistsError,
  claimNotFoundError,
  compareCapKeys,
  definitionConflict,
  type PromotionCap,
  type PromotionsReader,
  type PromotionsTxPort,
  releaseExceedsError,
  subjectMismatch,
} from '@s2b2b/promotions';
import type { SqlExecutor } from '../sql-client.js';

type Time = Date | string;
type Big = string | number | bigint;

interface CapRow {
  id: string;
  limit_value: Big;
  per_subject: boolean;
  unit: CapUnit;
  promotion_id: string | null;
  campaign_id: string | null;
  created_at: Time;
  updated_at: Time;
}

interface ClaimRow {
  id: string;
  reference: string | null;
  customer_id: string | null;
  created_at: Time;
  updated_at: Time;
}

interface EntryRow {
  cap_id: string;
  subject: string;
  amount: Big;
  released: Big;
}

const CAP_COLUMNS = 'id, limit_value, per_subject, unit, promotion_id, campaign_id, created_at, updated_at';

/**
 * The promotions read side on an executor (the client, or the open transaction when called
 * inside one).
 *
 * @example
 * const reader = promotionsReader(storage.sql, '"s2b2b"');
 */
export function promotionsReader(sql: SqlExecutor, schema: string): PromotionsReader {
  const t = tables(schema);
  return {
    async getCap(id) {
      const { rows } = await sql.query<CapRow>(`SELECT ${CAP_COLUMNS} FROM ${t.caps} WHERE id = $1`, [id]);
      return rows[0] ? toCap(rows[0]) : null;
    },
    async listCaps(filter) {
      const { promotionId, campaignId, after, limit } = checkCapFilter(filter);
      const { rows } = await sql.query<CapRow>(
        `SELECT ${CAP_COLUMNS} FROM ${t.caps}
          WHERE ($1::text IS NULL OR promotion_id = $1) AND ($2::text IS NULL OR campaign_id = $2)
            AND ($3::text IS NULL OR id > $3)
          ORDER BY id LIMIT $4`,
        [promotionId ?? null, campaignId ?? null, after ?? null, limit],
      );
      return rows.map(toCap);
    },
    async getUsage(capId, subject = '') {
      const { rows } = await sql.query<{ limit_value: Big; used: Big | null }>(
        `SELECT c.limit_value, u.used FROM ${t.caps} c
           LEFT JOIN ${t.usage} u ON u.cap_id = c.id AND u.subject = $2
          WHERE c.id = $1`,
        [capId, subject],
      );
      const row = rows[0];
      if (!row) return null;
      return usageOf(capId, subject, Number(row.limit_value), Number(row.used ?? 0));
    },
    getClaim: (id) => claimOf(sql, t, id, false),
  };
}

/** A claim with its entries; with `lock`, the claim row and its entries stay locked (in key order) until the transaction ends. */
async function claimOf(
  sql: SqlExecutor,
  t: ReturnType<typeof tables>,
  id: string,
  lock: boolean,
): Promise<CapClaim | null> {
  const forUpdate = lock ? ' FOR UPDATE' : '';
  const { rows } = await sql.query<ClaimRow>(
    `SELECT id, reference, customer_id, created_at, updated_at FROM ${t.claims} WHERE id = $1${forUpdate}`,
    [id],
  );
  const row = rows[0];
  if (!row) return null;
  const entries = await sql.query<EntryRow>(
    `SELECT cap_id, subject, amount, released FROM ${t.entries} WHERE claim_id = $1 ORDER BY cap_id, subject${forUpdate}`,
    [id],
  );
  return toClaim(row, entries.rows);
}

/**
 * The promotions port on one transaction. The caps hold in SQL: a claim inserts its row (the
 * primary key refuses a second claim id), makes sure each counter exists, then takes each entry
 * with one conditional `UPDATE … SET used = used + $amount WHERE used + $amount <= limit`,
 * checked by its row count, in `compareCapKeys` order; a release takes each entry off its claim
 * with `UPDATE … SET released = released + $amount WHERE released + $amount <= amount` (row
 * count again) and only then lowers the counters — so parallel releases of one claim can never
 * give back more than it took. Either runs under a savepoint: all of its entries, or none.
 *
 * @example
 * const port = promotionsTxPort(tx, '"s2b2b"');
 */
export function promotionsTxPort(tx: SqlExecutor, schema: string): PromotionsTxPort {
  const t = tables(schema);
  const reader = promotionsReader(tx, schema);

  const atomically = async <T>(work: () => Promise<T>): Promise<T> => {
    await tx.query('SAVEPOINT s2b2b_promotions');
    try {
      const value = await work();
      await tx.query('RELEASE SAVEPOINT s2b2b_promotions');
      return value;
    } catch (error) {
      await tx.query('ROLLBACK TO SAVEPOINT s2b2b_promotions');
      await tx.query('RELEASE SAVEPOINT s2b2b_promotions');
      throw error;
    }
  };

  return {
    ...reader,
    lockClaim: (id) => claimOf(tx, t, id, true),
    async saveCaps(caps, at) {
      return atomically(async () => {
        const saved = new Map<string, PromotionCap>();
        const ordered = [...caps].sort((a, b) =>
          compareCapKeys({ capId: a.id, subject: '' }, { capId: b.id, subject: '' }),
        );
        for (const cap of ordered) saved.set(cap.id, await saveCap(cap, at));
        return caps.map((cap) => saved.get(cap.id)!);
      });
    },
    async claim(draft) {
      const entries = checkEntries(draft.entries);
      return atomically(async () => {
        const inserted = await tx.query(
          `INSERT INTO ${t.claims} (id, reference, customer_id, created_at, updated_at)
           VALUES ($1, $2, $3, $4::timestamptz, $4::timestamptz) ON CONFLICT (id) DO NOTHING`,
          [draft.id, draft.reference, draft.customerId, draft.at.toISOString()],
        );
        if (inserted.rowCount === 0) throw claimExistsError(draft.id);
        const capIds = [...new Set(entries.map((e) => e.capId))];
        const { rows } = await tx.query<{ id: string; per_subject: boolean }>(
          `SELECT id, per_subject FROM ${t.caps} WHERE id = ANY($1::text[])`,
          [capIds],
        );
        const known = new Map(rows.map((row) => [row.id, row]));
        for (const entry of entries) {
          const cap = known.get(entry.capId);
          if (!cap) throw capNotFoundError(entry.capId);
          const mismatch = subjectMismatch({ id: cap.id, perSubject: cap.per_subject }, entry);
          if (mismatch) throw mismatch;
        }
        await tx.query(
          `INSERT INTO ${t.usage} (cap_id, subject, used)
           SELECT c, s, 0 FROM unnest($1::text[], $2::text[]) AS u(c, s) ORDER BY c COLLATE "C", s COLLATE "C"
           ON CONFLICT (cap_id, subject) DO NOTHING`,
          [entries.map((e) => e.capId), entries.map((e) => e.subject)],
        );
        for (const entry of entries) {
          const updated = await tx.query(
            `UPDATE ${t.usage} u SET used = u.used + $3::bigint
               FROM ${t.caps} c
              WHERE u.cap_id = $1 AND u.subject = $2 AND c.id = u.cap_id AND u.used + $3::bigint <= c.limit_value`,
            [entry.capId, entry.subject, entry.amount],
          );
          if (updated.rowCount !== 1) {
            const usage = await reader.getUsage(entry.capId, entry.subject);
            throw capExceededError(entry, usage?.limit ?? 0, usage?.used ?? 0);
          }
        }
        await tx.query(
          `INSERT INTO ${t.entries} (claim_id, cap_id, subject, amount, released)
           SELECT $1, c, s, a, 0 FROM unnest($2::text[], $3::text[], $4::bigint[]) AS e(c, s, a)`,
          [
            draft.id,
            entries.map((e) => e.capId),
            entries.map((e) => e.subject),
            entries.map((e) => e.amount),
          ],
        );
        return {
          id: draft.id,
          reference: draft.reference,
          customerId: draft.customerId,
          entries: entries.map((e) => ({ ...e, released: 0 })),
          createdAt: new Date(draft.at.getTime()),
          updatedAt: new Date(draft.at.getTime()),
        };
      });
    },
    async release(claimId, raw, at) {
      const entries = checkEntries(raw);
      return atomically(async () => {
        const touched = await tx.query(`UPDATE ${t.claims} SET updated_at = $2::timestamptz WHERE id = $1`, [
          claimId,
          at.toISOString(),
        ]);
        if (touched.rowCount !== 1) throw claimNotFoundError(claimId);
        for (const entry of entries) {
          const taken = await tx.query(
            `UPDATE ${t.entries} SET released = released + $4::bigint
              WHERE claim_id = $1 AND cap_id = $2 AND subject = $3 AND released + $4::bigint <= amount`,
            [claimId, entry.capId, entry.subject, entry.amount],
          );
          if (taken.rowCount !== 1) {
            const { rows } = await tx.query<EntryRow>(
              `SELECT cap_id, subject, amount, released FROM ${t.entries} WHERE claim_id = $1 AND cap_id = $2 AND subject = $3`,
              [claimId, entry.capId, entry.subject],
            );
            const row = rows[0];
            if (!row) throw claimEntryNotFoundError(claimId, entry);
            throw releaseExceedsError(claimId, toEntry(row), entry.amount);
          }
        }
        for (const entry of entries) {
          const given = await tx.query(
            `UPDATE ${t.usage} SET used = used - $3::bigint WHERE cap_id = $1 AND subject = $2 AND used >= $3::bigint`,
            [entry.capId, entry.subject, entry.amount],
          );
          if (given.rowCount !== 1) {
            throw new Error(
              `promotions: counter ${entry.capId}/${entry.subject} holds less than claim ${claimId} took`,
            );
          }
        }
        const claim = await reader.getClaim(claimId);
        if (!claim) throw claimNotFoundError(claimId);
        return claim;
      });
    },
  };

  async function saveCap(cap: CapDefinition, at: Date): Promise<PromotionCap> {
    const { rows } = await tx.query<CapRow>(
      `INSERT INTO ${t.caps} AS c (id, limit_value, per_subject, unit, promotion_id, campaign_id, created_at, updated_at)
       VALUES ($1, $2::bigint, $3, $4, $5, $6, $7::timestamptz, $7::timestamptz)
       ON CONFLICT (id) DO UPDATE SET limit_value = EXCLUDED.limit_value, promotion_id = EXCLUDED.promotion_id,
         campaign_id = EXCLUDED.campaign_id, updated_at = EXCLUDED.updated_at
         WHERE c.per_subject = EXCLUDED.per_subject AND c.unit = EXCLUDED.unit
       RETURNING ${CAP_COLUMNS}`,
      [cap.id, cap.limit, cap.perSubject, cap.unit, cap.promotionId, cap.campaignId, at.toISOString()],
    );
    if (rows[0]) return toCap(rows[0]);
    const stored = await reader.getCap(cap.id);
    throw definitionConflict(stored!, cap)!;
  }
}

function tables(schema: string) {
  return {
    caps: `${schema}.promotions_caps`,
    usage: `${schema}.promotions_cap_usage`,
    claims: `${schema}.promotions_claims`,
    entries: `${schema}.promotions_claim_entries`,
  };
}

function usageOf(capId: string, subject: string, limit: number, used: number): CapUsage {
  return { capId, subject, used, limit, remaining: Math.max(0, limit - used) };
}

function toCap(row: CapRow): PromotionCap {
  return {
    id: row.id,
    limit: Number(row.limit_value),
    perSubject: row.per_subject,
    unit: row.unit,
    promotionId: row.promotion_id,
    campaignId: row.campaign_id,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

function toEntry(row: EntryRow): ClaimEntry & { released: number } {
  return {
    capId: row.cap_id,
    subject: row.subject,
    amount: Number(row.amount),
    released: Number(row.released),
  };
}

function toClaim(row: ClaimRow, entries: EntryRow[]): CapClaim {
  return {
    id: row.id,
    reference: row.reference,
    customerId: row.customer_id,
    entries: entries.map(toEntry).sort(compareCapKeys),
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}
