import {
  type AccountDraft,
  type AccountFilter,
  accountExistsError,
  type CreditLine,
  type CreditReader,
  type CreditTxPort,
  checkAccountDrafts,
  checkAccountFilter,
  checkDrawingFilter,
  checkExpirySweep,
  checkHoldFilter,
  checkLedgerNow,
  checkLineFilter,
  checkTransferDrafts,
  checkTransferFilter,
  type Drawing,
  type DrawingStatus,
  drawingExistsError,
  drawingNotFoundError,
  type ExpiredHolds,
  type ExpirySweep,
  expiryDrafts,
  isUnbounded,
  type LedgerAccount,
  type LedgerDraft,
  type LedgerTransfer,
  lineAccountId,
  lineExistsError,
  lineNotFoundError,
  type PendingHold,
  planTransfers,
  staleDrawingError,
  staleLineError,
  type TransferDraft,
} from '@s2b2b/credit';
import type { SqlExecutor } from '../sql-client.js';

type Num = string | number;

interface LineRow {
  id: string;
  merchant_id: string;
  currency: string;
  limit_minor: Num;
  status: CreditLine['status'];
  frozen: { reason: string; automatic: boolean; at: string } | null;
  terms: CreditLine['terms'];
  opened_at: Date | string;
  updated_at: Date | string;
  version: Num;
}

interface AccountRow {
  id: string;
  currency: string;
  line_id: string | null;
  role: LedgerAccount['role'];
  debit_limit: Num | null;
  credit_limit: Num | null;
  debits_frozen: boolean;
  debits_pending: Num;
  debits_posted: Num;
  credits_pending: Num;
  credits_posted: Num;
  created_at: Date | string;
}

interface TransferRow {
  sequence: Num;
  id: string;
  kind: LedgerTransfer['kind'];
  debit_account_id: string;
  credit_account_id: string;
  amount: Num;
  currency: string;
  pending_id: string | null;
  expires_at: Date | string | null;
  code: string;
  line_id: string | null;
  drawing_id: string | null;
  reference: string | null;
  command_scope: string;
  command_key: string;
  occurred_at: Date | string;
}

interface HoldRow {
  transfer_id: string;
  debit_account_id: string;
  credit_account_id: string;
  amount: Num;
  currency: string;
  expires_at: Date | string | null;
  line_id: string | null;
  drawing_id: string | null;
  status: PendingHold['status'];
  posted_amount: Num;
  resolved_by: string | null;
  resolved_at: Date | string | null;
}

/** What `credit_drawings.details` holds: the drawing's fields that have no column. */
type DrawingDetails = Pick<
  Drawing,
  'basis' | 'annualRate' | 'penaltyMarkup' | 'penaltyBaseRate' | 'dayCount' | 'tenorDays' | 'accrual'
>;

interface DrawingRow {
  id: string;
  line_id: string;
  currency: string;
  product: Drawing['product'];
  status: Drawing['status'];
  hold_id: string | null;
  requested: Num;
  drawn: Num;
  due_penalty: Num;
  due_fees: Num;
  due_interest: Num;
  due_principal: Num;
  repaid_penalty: Num;
  repaid_fees: Num;
  repaid_interest: Num;
  repaid_principal: Num;
  reference: string | null;
  due_date: string | null;
  days_past_due: Num;
  created_at: Date | string;
  drawn_at: Date | string | null;
  closed_at: Date | string | null;
  details: DrawingDetails;
  version: Num;
}

const LINE_COLUMNS =
  'id, merchant_id, currency, limit_minor, status, frozen, terms, opened_at, updated_at, version';
const TRANSFER_COLUMNS = `sequence, id, kind, debit_account_id, credit_account_id, amount, currency, pending_id,
  expires_at, code, line_id, drawing_id, reference, command_scope, command_key, occurred_at`;
const HOLD_COLUMNS = `transfer_id, debit_account_id, credit_account_id, amount, currency, expires_at, line_id,
  drawing_id, status, posted_amount, resolved_by, resolved_at`;
const MAX = '9007199254740991';
const DRAWING_COLUMNS = `id, line_id, currency, product, status, hold_id, requested, drawn, due_penalty, due_fees,
  due_interest, due_principal, repaid_penalty, repaid_fees, repaid_interest, repaid_principal, reference,
  due_date::text AS due_date, days_past_due, created_at, drawn_at, closed_at, details, version`;

/**
 * The balances of an account row: its own columns when it is bounded; for an unbounded account
 * (whose row is never updated) the sums of its posted transfers and of its pending holds.
 */
function accountSelect(t: ReturnType<typeof tables>, alias = 'a'): string {
  const posted = (side: 'debit' | 'credit') =>
    `(SELECT coalesce(sum(x.amount), 0) FROM ${t.transfers} x
       WHERE x.${side}_account_id = ${alias}.id AND x.kind IN ('single', 'post'))`;
  const pending = (side: 'debit' | 'credit') =>
    `(SELECT coalesce(sum(h.amount), 0) FROM ${t.holds} h
       WHERE h.${side}_account_id = ${alias}.id AND h.status = 'pending')`;
  return `${alias}.id, ${alias}.currency, ${alias}.line_id, ${alias}.role, ${alias}.debit_limit,
    ${alias}.credit_limit, ${alias}.debits_frozen, ${alias}.created_at,
    CASE WHEN ${alias}.unbounded THEN ${pending('debit')} ELSE ${alias}.debits_pending END AS debits_pending,
    CASE WHEN ${alias}.unbounded THEN ${posted('debit')} ELSE ${alias}.debits_posted END AS debits_posted,
    CASE WHEN ${alias}.unbounded THEN ${pending('credit')} ELSE ${alias}.credits_pending END AS credits_pending,
    CASE WHEN ${alias}.unbounded THEN ${posted('credit')} ELSE ${alias}.credits_posted END AS credits_posted`;
}

/**
 * The credit read side on an executor (the client, or the open transaction when called inside one).
 *
 * @example
 * const reader = creditReader(storage.sql, '"s2b2b"');
 */
export function creditReader(sql: SqlExecutor, schema: string): CreditReader {
  const t = tables(schema);
  return {
    async getLine(id) {
      const { rows } = await sql.query<LineRow>(`SELECT ${LINE_COLUMNS} FROM ${t.lines} WHERE id = $1`, [id]);
      return rows[0] ? toLine(rows[0]) : null;
    },
    async listLines(filter) {
      const { merchantId, status, after, limit } = checkLineFilter(filter);
      const { rows } = await sql.query<LineRow>(
        `SELECT ${LINE_COLUMNS} FROM ${t.lines}
          WHERE ($1::text IS NULL OR merchant_id = $1) AND ($2::text IS NULL OR status = $2)
            AND ($3::text IS NULL OR id > $3) ORDER BY id LIMIT $4`,
        [merchantId ?? null, status ?? null, after ?? null, limit],
      );
      return rows.map(toLine);
    },
    async getAccount(id) {
      const { rows } = await sql.query<AccountRow>(
        `SELECT ${accountSelect(t)} FROM ${t.accounts} a WHERE a.id = $1`,
        [id],
      );
      return rows[0] ? toAccount(rows[0]) : null;
    },
    async listAccounts(filter?: AccountFilter) {
      const { lineId, currency, ids } = checkAccountFilter(filter);
      const { rows } = await sql.query<AccountRow>(
        `SELECT ${accountSelect(t)} FROM ${t.accounts} a
          WHERE ($1::boolean OR a.line_id IS NOT DISTINCT FROM $2::text) AND ($3::text IS NULL OR a.currency = $3)
            AND ($4::text[] IS NULL OR a.id = ANY($4::text[]))
          ORDER BY a.id`,
        [lineId === undefined, lineId ?? null, currency ?? null, ids ? [...ids] : null],
      );
      return rows.map(toAccount);
    },
    async getTransfer(id) {
      const { rows } = await sql.query<TransferRow>(
        `SELECT ${TRANSFER_COLUMNS} FROM ${t.transfers} WHERE id = $1`,
        [id],
      );
      return rows[0] ? toTransfer(rows[0]) : null;
    },
    async listTransfers(filter) {
      const { lineId, accountId, drawingId, afterSequence, limit } = checkTransferFilter(filter);
      const { rows } = await sql.query<TransferRow>(
        `SELECT ${TRANSFER_COLUMNS} FROM ${t.transfers}
          WHERE sequence > $1 AND ($2::text IS NULL OR line_id = $2) AND ($3::text IS NULL OR drawing_id = $3)
            AND ($4::text IS NULL OR debit_account_id = $4 OR credit_account_id = $4)
          ORDER BY sequence LIMIT $5`,
        [afterSequence ?? 0, lineId ?? null, drawingId ?? null, accountId ?? null, limit],
      );
      return rows.map(toTransfer);
    },
    async getHold(transferId) {
      const { rows } = await sql.query<HoldRow>(
        `SELECT ${HOLD_COLUMNS} FROM ${t.holds} WHERE transfer_id = $1`,
        [transferId],
      );
      return rows[0] ? toHold(rows[0]) : null;
    },
    async listHolds(filter) {
      const { lineId, status, dueBy, after, limit } = checkHoldFilter(filter);
      const { rows } = await sql.query<HoldRow>(
        `SELECT ${HOLD_COLUMNS} FROM ${t.holds}
          WHERE ($1::text IS NULL OR line_id = $1) AND ($2::text IS NULL OR status = $2)
            AND ($3::timestamptz IS NULL OR (status = 'pending' AND expires_at <= $3::timestamptz))
            AND ($4::text IS NULL OR transfer_id > $4)
          ORDER BY transfer_id LIMIT $5`,
        [lineId ?? null, status ?? null, dueBy?.toISOString() ?? null, after ?? null, limit],
      );
      return rows.map(toHold);
    },
    async getDrawing(id) {
      const { rows } = await sql.query<DrawingRow>(
        `SELECT ${DRAWING_COLUMNS} FROM ${t.drawings} WHERE id = $1`,
        [id],
      );
      return rows[0] ? toDrawing(rows[0]) : null;
    },
    async listDrawings(filter) {
      const { lineId, status, after, limit } = checkDrawingFilter(filter);
      const { rows } = await sql.query<DrawingRow>(
        `SELECT ${DRAWING_COLUMNS} FROM ${t.drawings}
          WHERE ($1::text IS NULL OR line_id = $1) AND ($2::text IS NULL OR status = $2)
            AND ($3::text IS NULL OR id > $3)
          ORDER BY id LIMIT $4`,
        [lineId ?? null, status ?? null, after ?? null, limit],
      );
      return rows.map(toDrawing);
    },
  };
}

/**
 * The credit port on one transaction. The ledger's invariants are enforced on rows locked in
 * one order — the holds a batch resolves, then its bounded accounts, each by id (`SELECT … FOR
 * UPDATE`, `COLLATE "C"`) — on which `planTransfers` decides, so the batch is written (one
 * statement) or refused before anything is written. Application code never reads a balance and
 * writes it back; concurrent draws on one line queue on its principal row, draws on different
 * lines never meet (the platform's accounts are unbounded: appended to, never locked).
 *
 * @example
 * const port = creditTxPort(tx, '"s2b2b"');
 */
export function creditTxPort(tx: SqlExecutor, schema: string): CreditTxPort {
  const t = tables(schema);
  const reader = creditReader(tx, schema);

  /** Locks the bounded accounts among `ids` (by id) and reads the unbounded ones, and which transfer ids are taken. */
  const lockAccounts = async (ids: readonly string[], transferIds: readonly string[]) => {
    const { rows } = await tx.query<AccountRow & { what: 'account' | 'taken' }>(
      `WITH locked AS (
         SELECT a.id, a.currency, a.line_id, a.role, a.debit_limit, a.credit_limit, a.debits_frozen, a.created_at,
                a.debits_pending, a.debits_posted, a.credits_pending, a.credits_posted
           FROM ${t.accounts} a WHERE a.id = ANY($1::text[]) AND NOT a.unbounded ORDER BY a.id FOR UPDATE
       )
       SELECT 'account' AS what, * FROM locked
       UNION ALL
       SELECT 'account', a.id, a.currency, a.line_id, a.role, a.debit_limit, a.credit_limit, a.debits_frozen,
              a.created_at, 0, 0, 0, 0
         FROM ${t.accounts} a WHERE a.id = ANY($1::text[]) AND a.unbounded
       UNION ALL
       SELECT 'taken', x.id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, 0, 0, 0
         FROM ${t.transfers} x WHERE x.id = ANY($2::text[])`,
      [[...new Set(ids)], [...transferIds]],
    );
    const accounts = new Map<string, LedgerAccount>();
    const taken = new Set<string>();
    for (const row of rows) {
      if (row.what === 'taken') taken.add(row.id);
      else accounts.set(row.id, toAccount(row));
    }
    return { accounts, taken };
  };

  /** Writes an accepted plan in one statement: bounded balances, transfers, new and resolved holds. */
  const write = async (plan: ReturnType<typeof planTransfers>): Promise<LedgerTransfer[]> => {
    const bounded = plan.deltas.filter((delta) =>
      plan.accounts.some((account) => account.id === delta.accountId),
    );
    const transfers = plan.transfers;
    const holds = plan.holds;
    const { rows } = await tx.query<{ id: string; sequence: Num }>(
      `WITH balances AS (
         UPDATE ${t.accounts} a
            SET debits_pending = a.debits_pending + d.dp, debits_posted = a.debits_posted + d.dpo,
                credits_pending = a.credits_pending + d.cp, credits_posted = a.credits_posted + d.cpo
           FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::bigint[], $5::bigint[]) AS d(id, dp, dpo, cp, cpo)
          WHERE a.id = d.id
       ),
       held AS (
         INSERT INTO ${t.holds} (${HOLD_COLUMNS})
         SELECT * FROM unnest($6::text[], $7::text[], $8::text[], $9::bigint[], $10::text[], $11::timestamptz[],
                              $12::text[], $13::text[], $14::text[], $15::bigint[], $16::text[], $17::timestamptz[])
         ON CONFLICT (transfer_id) DO UPDATE
            SET status = EXCLUDED.status, posted_amount = EXCLUDED.posted_amount,
                resolved_by = EXCLUDED.resolved_by, resolved_at = EXCLUDED.resolved_at
       )
       INSERT INTO ${t.transfers} (id, kind, debit_account_id, credit_account_id, amount, currency, pending_id,
         expires_at, code, line_id, drawing_id, reference, command_scope, command_key, occurred_at)
       SELECT id, kind, debit, credit, amount, currency, pending, expires, code, line, drawing, ref, scope, key, at
         FROM unnest($18::text[], $19::text[], $20::text[], $21::text[], $22::bigint[], $23::text[], $24::text[],
                     $25::timestamptz[], $26::text[], $27::text[], $28::text[], $29::text[], $30::text[],
                     $31::text[], $32::timestamptz[]) WITH ORDINALITY
              AS x(id, kind, debit, credit, amount, currency, pending, expires, code, line, drawing, ref, scope, key, at, n)
        ORDER BY n
       RETURNING id, sequence`,
      [
        bounded.map((d) => d.accountId),
        bounded.map((d) => d.debitsPending),
        bounded.map((d) => d.debitsPosted),
        bounded.map((d) => d.creditsPending),
        bounded.map((d) => d.creditsPosted),
        holds.map((h) => h.transferId),
        holds.map((h) => h.debitAccountId),
        holds.map((h) => h.creditAccountId),
        holds.map((h) => h.amount),
        holds.map((h) => h.currency),
        holds.map((h) => h.expiresAt?.toISOString() ?? null),
        holds.map((h) => h.lineId),
        holds.map((h) => h.drawingId),
        holds.map((h) => h.status),
        holds.map((h) => h.postedAmount),
        holds.map((h) => h.resolvedBy),
        holds.map((h) => h.resolvedAt?.toISOString() ?? null),
        transfers.map((x) => x.id),
        transfers.map((x) => x.kind),
        transfers.map((x) => x.debitAccountId),
        transfers.map((x) => x.creditAccountId),
        transfers.map((x) => x.amount),
        transfers.map((x) => x.currency),
        transfers.map((x) => x.pendingId),
        transfers.map((x) => x.expiresAt?.toISOString() ?? null),
        transfers.map((x) => x.code),
        transfers.map((x) => x.lineId),
        transfers.map((x) => x.drawingId),
        transfers.map((x) => x.reference),
        transfers.map((x) => x.commandScope),
        transfers.map((x) => x.commandKey),
        transfers.map((x) => x.occurredAt.toISOString()),
      ],
    );
    const sequences = new Map(rows.map((row) => [row.id, Number(row.sequence)]));
    return transfers.map((record) => ({
      ...record,
      occurredAt: new Date(record.occurredAt.getTime()),
      expiresAt: record.expiresAt ? new Date(record.expiresAt.getTime()) : null,
      sequence: sequences.get(record.id)!,
    }));
  };

  /**
   * The one-transfer fast path (a draw, a refund, a repayment of one part): a single statement
   * whose UPDATE of the transfer's one bounded account carries the `planTransfers` rules for it
   * in its WHERE — checked again on the newest row version after any wait (Read Committed) — and
   * inserts the transfer (and its hold) only if it matched. The other account must be unbounded
   * and of the same currency, and the id new. When anything does not match, it returns
   * `undefined` and writes nothing; the locking path then decides, and names the refusal.
   */
  const conditionalTransfer = async (
    draft: Extract<TransferDraft, { kind: 'single' | 'pending' }>,
  ): Promise<LedgerTransfer | undefined> => {
    const pending = draft.kind === 'pending';
    const { rows } = await tx.query<{ side: 'debit' | 'credit'; currency: string; sequence: Num }>(
      `WITH pair AS (
         SELECT d.id AS debit, d.unbounded AS debit_free, c.id AS credit, c.unbounded AS credit_free, d.currency
           FROM ${t.accounts} d JOIN ${t.accounts} c ON c.id = $2 AND c.currency = d.currency
          WHERE d.id = $1 AND d.unbounded <> c.unbounded
            AND NOT EXISTS (SELECT 1 FROM ${t.transfers} x WHERE x.id = $4)
       ),
       debited AS (
         UPDATE ${t.accounts} a
            SET debits_pending = a.debits_pending + CASE WHEN $5 THEN $3::bigint ELSE 0 END,
                debits_posted = a.debits_posted + CASE WHEN $5 THEN 0 ELSE $3::bigint END
           FROM pair
          WHERE a.id = pair.debit AND NOT pair.debit_free AND NOT a.debits_frozen
            AND (a.debit_limit IS NULL OR a.debits_pending + a.debits_posted - a.credits_posted + $3::bigint <= a.debit_limit)
            AND CASE WHEN $5 THEN a.debits_pending ELSE a.debits_posted END + $3::bigint <= ${MAX}
         RETURNING 'debit'::text AS side, pair.currency
       ),
       credited AS (
         UPDATE ${t.accounts} a
            SET credits_pending = a.credits_pending + CASE WHEN $5 THEN $3::bigint ELSE 0 END,
                credits_posted = a.credits_posted + CASE WHEN $5 THEN 0 ELSE $3::bigint END
           FROM pair
          WHERE a.id = pair.credit AND NOT pair.credit_free
            AND (a.credit_limit IS NULL OR a.credits_pending + a.credits_posted - a.debits_posted + $3::bigint <= a.credit_limit)
            AND CASE WHEN $5 THEN a.credits_pending ELSE a.credits_posted END + $3::bigint <= ${MAX}
         RETURNING 'credit'::text AS side, pair.currency
       ),
       done AS (SELECT * FROM debited UNION ALL SELECT * FROM credited),
       held AS (
         INSERT INTO ${t.holds} (transfer_id, debit_account_id, credit_account_id, amount, currency, expires_at,
           line_id, drawing_id, status)
         SELECT $4, $1, $2, $3::bigint, done.currency, $6::timestamptz, $7, $8, 'pending' FROM done WHERE $5
       )
       INSERT INTO ${t.transfers} (id, kind, debit_account_id, credit_account_id, amount, currency, pending_id,
         expires_at, code, line_id, drawing_id, reference, command_scope, command_key, occurred_at)
       SELECT $4, $9, $1, $2, $3::bigint, done.currency, NULL, $6::timestamptz, $10, $7, $8, $11, $12, $13,
              $14::timestamptz
         FROM done
       RETURNING 'done'::text AS side, currency, sequence`,
      [
        draft.debitAccountId,
        draft.creditAccountId,
        draft.amount,
        draft.id,
        pending,
        pending ? (draft.expiresAt?.toISOString() ?? null) : null,
        draft.lineId,
        draft.drawingId,
        draft.kind,
        draft.code,
        draft.reference,
        draft.commandScope,
        draft.commandKey,
        draft.occurredAt.toISOString(),
      ],
    );
    const row = rows[0];
    if (!row) return undefined;
    return {
      id: draft.id,
      kind: draft.kind,
      debitAccountId: draft.debitAccountId,
      creditAccountId: draft.creditAccountId,
      amount: draft.amount,
      currency: row.currency,
      pendingId: null,
      expiresAt: pending && draft.expiresAt ? new Date(draft.expiresAt.getTime()) : null,
      code: draft.code,
      lineId: draft.lineId,
      drawingId: draft.drawingId,
      reference: draft.reference,
      commandScope: draft.commandScope,
      commandKey: draft.commandKey,
      occurredAt: new Date(draft.occurredAt.getTime()),
      sequence: Number(row.sequence),
    };
  };

  const applyBatch = async (drafts: readonly LedgerDraft[], holds: Map<string, PendingHold>, now: Date) => {
    const accountIds = new Set<string>();
    for (const draft of drafts) {
      if (draft.kind === 'single' || draft.kind === 'pending') {
        accountIds.add(draft.debitAccountId);
        accountIds.add(draft.creditAccountId);
      }
    }
    for (const hold of holds.values()) {
      accountIds.add(hold.debitAccountId);
      accountIds.add(hold.creditAccountId);
    }
    const transferIds = drafts.map((draft) =>
      draft.kind === 'expire' ? `${draft.pendingId}/expire` : draft.id,
    );
    const { accounts, taken } = await lockAccounts([...accountIds], transferIds);
    const plan = planTransfers({ drafts, accounts, holds, existing: taken, now });
    return write(plan);
  };

  return {
    ...reader,
    async createAccounts(drafts: readonly AccountDraft[], options = {}) {
      const checked = checkAccountDrafts(drafts);
      const { rows } = await tx.query<{ id: string }>(
        `INSERT INTO ${t.accounts} (id, currency, line_id, role, debit_limit, credit_limit, debits_frozen, unbounded, created_at)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::bigint[],
                              $7::boolean[], $8::boolean[], $9::timestamptz[])
         ON CONFLICT (id) DO NOTHING RETURNING id`,
        [
          checked.map((d) => d.id),
          checked.map((d) => d.currency),
          checked.map((d) => d.lineId),
          checked.map((d) => d.role),
          checked.map((d) => d.debitLimit),
          checked.map((d) => d.creditLimit),
          checked.map((d) => d.debitsFrozen),
          checked.map((d) => isUnbounded(d)),
          checked.map((d) => d.createdAt.toISOString()),
        ],
      );
      if (!options.ifMissing && rows.length !== checked.length) {
        const inserted = new Set(rows.map((row) => row.id));
        // Nothing may stay behind: the statement inserted some; undo them with the refusal.
        const first = checked.find((draft) => !inserted.has(draft.id))!;
        if (rows.length > 0) {
          await tx.query(`DELETE FROM ${t.accounts} WHERE id = ANY($1::text[])`, [[...inserted]]);
        }
        throw accountExistsError(first.id);
      }
      const stored = await reader.listAccounts({ ids: checked.map((draft) => draft.id) });
      const byId = new Map(stored.map((account) => [account.id, account]));
      return checked.map((draft) => byId.get(draft.id)!);
    },
    async createTransfers(drafts: readonly TransferDraft[], now: Date) {
      const checked = checkTransferDrafts(drafts);
      checkLedgerNow(now);
      const only = checked.length === 1 ? checked[0]! : undefined;
      if (only && (only.kind === 'single' || only.kind === 'pending')) {
        const fast = await conditionalTransfer(only);
        if (fast) return [fast];
      }
      const created = new Set(checked.flatMap((draft) => (draft.kind === 'pending' ? [draft.id] : [])));
      const named = [
        ...new Set(
          checked.flatMap((draft) =>
            (draft.kind === 'post' || draft.kind === 'void') && !created.has(draft.pendingId)
              ? [draft.pendingId]
              : [],
          ),
        ),
      ];
      const holds = new Map<string, PendingHold>();
      if (named.length > 0) {
        const { rows } = await tx.query<HoldRow>(
          `SELECT ${HOLD_COLUMNS} FROM ${t.holds} WHERE transfer_id = ANY($1::text[]) ORDER BY transfer_id FOR UPDATE`,
          [named],
        );
        for (const row of rows) holds.set(row.transfer_id, toHold(row));
      }
      return applyBatch(checked, holds, now);
    },
    async expireHolds(sweep: ExpirySweep): Promise<ExpiredHolds> {
      checkExpirySweep(sweep);
      const { rows } = await tx.query<HoldRow & { code: string; reference: string | null }>(
        `SELECT ${HOLD_COLUMNS.split(',')
          .map((column) => `h.${column.trim()}`)
          .join(', ')}, x.code, x.reference
           FROM ${t.holds} h JOIN ${t.transfers} x ON x.id = h.transfer_id
          WHERE h.status = 'pending' AND h.expires_at <= $1::timestamptz AND ($2::text IS NULL OR h.line_id = $2)
          ORDER BY h.transfer_id LIMIT $3 FOR UPDATE OF h SKIP LOCKED`,
        [sweep.now.toISOString(), sweep.lineId, sweep.limit],
      );
      if (rows.length === 0) return { holds: [], transfers: [] };
      const due = rows.map(toHold);
      const pending = new Map(
        rows.map((row) => [row.transfer_id, { code: row.code, reference: row.reference }]),
      );
      const transfers = await applyBatch(
        expiryDrafts(due, pending, sweep),
        new Map(due.map((hold) => [hold.transferId, hold])),
        sweep.now,
      );
      const resolved = new Map(transfers.map((transfer) => [transfer.pendingId, transfer]));
      return {
        holds: due.map((hold) => ({
          ...hold,
          status: 'expired',
          postedAmount: 0,
          resolvedBy: resolved.get(hold.transferId)!.id,
          resolvedAt: new Date(sweep.now.getTime()),
        })),
        transfers,
      };
    },
    async insertLine(line: CreditLine) {
      const { rows } = await tx.query<LineRow>(
        `INSERT INTO ${t.lines} (${LINE_COLUMNS})
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8::timestamptz, $9::timestamptz, 1)
         ON CONFLICT (id) DO NOTHING RETURNING ${LINE_COLUMNS}`,
        lineParams(line),
      );
      if (!rows[0]) throw lineExistsError(line.id);
      return toLine(rows[0]);
    },
    async lockLine(id: string) {
      const { rows } = await tx.query<LineRow>(
        `SELECT ${LINE_COLUMNS} FROM ${t.lines} WHERE id = $1 FOR UPDATE`,
        [id],
      );
      return rows[0] ? toLine(rows[0]) : null;
    },
    async updateLine(line: CreditLine) {
      const params = lineParams(line);
      const { rows } = await tx.query<LineRow>(
        `WITH updated AS (
           UPDATE ${t.lines}
              SET merchant_id = $2, currency = $3, limit_minor = $4, status = $5, frozen = $6::jsonb, terms = $7::jsonb,
                  opened_at = $8::timestamptz, updated_at = $9::timestamptz, version = version + 1
            WHERE id = $1 AND version = $10
           RETURNING ${LINE_COLUMNS}
         ),
         principal AS (
           UPDATE ${t.accounts} SET debit_limit = $4, debits_frozen = ($5 = 'frozen')
            WHERE id = $11 AND EXISTS (SELECT 1 FROM updated)
         )
         SELECT * FROM updated`,
        [...params, line.version, lineAccountId(line.id, 'principal')],
      );
      if (rows[0]) return toLine(rows[0]);
      const current = await reader.getLine(line.id);
      if (!current) throw lineNotFoundError(line.id);
      throw staleLineError(line.id, line.version);
    },
    async insertDrawing(drawing: Drawing) {
      const { rows } = await tx.query<DrawingRow>(
        `INSERT INTO ${t.drawings} (id, line_id, currency, product, status, hold_id, requested, drawn, due_penalty,
           due_fees, due_interest, due_principal, repaid_penalty, repaid_fees, repaid_interest, repaid_principal,
           reference, due_date, days_past_due, created_at, drawn_at, closed_at, details, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18::date, $19,
                 $20::timestamptz, $21::timestamptz, $22::timestamptz, $23::jsonb, 1)
         ON CONFLICT (id) DO NOTHING RETURNING ${DRAWING_COLUMNS}`,
        drawingParams(drawing),
      );
      if (!rows[0]) throw drawingExistsError(drawing.id);
      return toDrawing(rows[0]);
    },
    async lockDrawings(lineId: string, statuses: readonly DrawingStatus[]) {
      const { rows } = await tx.query<DrawingRow>(
        `SELECT ${DRAWING_COLUMNS} FROM ${t.drawings}
          WHERE line_id = $1 AND status = ANY($2::text[]) ORDER BY id FOR UPDATE`,
        [lineId, [...statuses]],
      );
      return rows.map(toDrawing);
    },
    async updateDrawing(drawing: Drawing) {
      const { rows } = await tx.query<DrawingRow>(
        `UPDATE ${t.drawings}
            SET line_id = $2, currency = $3, product = $4, status = $5, hold_id = $6, requested = $7, drawn = $8,
                due_penalty = $9, due_fees = $10, due_interest = $11, due_principal = $12, repaid_penalty = $13,
                repaid_fees = $14, repaid_interest = $15, repaid_principal = $16, reference = $17,
                due_date = $18::date, days_past_due = $19, created_at = $20::timestamptz, drawn_at = $21::timestamptz,
                closed_at = $22::timestamptz, details = $23::jsonb, version = version + 1
          WHERE id = $1 AND version = $24
         RETURNING ${DRAWING_COLUMNS}`,
        [...drawingParams(drawing), drawing.version],
      );
      if (rows[0]) return toDrawing(rows[0]);
      const current = await reader.getDrawing(drawing.id);
      if (!current) throw drawingNotFoundError(drawing.id);
      throw staleDrawingError(drawing.id, drawing.version);
    },
  };
}

function tables(schema: string) {
  return {
    lines: `${schema}.credit_lines`,
    accounts: `${schema}.credit_accounts`,
    transfers: `${schema}.credit_transfers`,
    holds: `${schema}.credit_holds`,
    drawings: `${schema}.credit_drawings`,
  };
}

function lineParams(line: CreditLine): unknown[] {
  return [
    line.id,
    line.merchantId,
    line.currency,
    line.limit,
    line.status,
    line.freeze ? JSON.stringify({ ...line.freeze, at: line.freeze.at.toISOString() }) : null,
    JSON.stringify(line.terms),
    line.openedAt.toISOString(),
    line.updatedAt.toISOString(),
  ];
}

function drawingParams(d: Drawing): unknown[] {
  const details: DrawingDetails = {
    basis: d.basis,
    annualRate: d.annualRate,
    penaltyMarkup: d.penaltyMarkup,
    penaltyBaseRate: d.penaltyBaseRate,
    dayCount: d.dayCount,
    tenorDays: d.tenorDays,
    accrual: d.accrual,
  };
  return [
    d.id,
    d.lineId,
    d.currency,
    d.product,
    d.status,
    d.holdId,
    d.requested,
    d.drawn,
    d.due.penalty,
    d.due.fees,
    d.due.interest,
    d.due.principal,
    d.repaid.penalty,
    d.repaid.fees,
    d.repaid.interest,
    d.repaid.principal,
    d.reference,
    d.dueDate,
    d.daysPastDue,
    d.createdAt.toISOString(),
    d.drawnAt?.toISOString() ?? null,
    d.closedAt?.toISOString() ?? null,
    JSON.stringify(details),
  ];
}

const date = (value: Date | string) => new Date(value);
const maybeDate = (value: Date | string | null) => (value === null ? null : new Date(value));
const maybeNumber = (value: Num | null) => (value === null ? null : Number(value));

function toLine(row: LineRow): CreditLine {
  return {
    id: row.id,
    merchantId: row.merchant_id,
    currency: row.currency,
    limit: Number(row.limit_minor),
    status: row.status,
    freeze: row.frozen ? { ...row.frozen, at: new Date(row.frozen.at) } : null,
    terms: row.terms,
    openedAt: date(row.opened_at),
    updatedAt: date(row.updated_at),
    version: Number(row.version),
  };
}

function toAccount(row: AccountRow): LedgerAccount {
  return {
    id: row.id,
    currency: row.currency,
    lineId: row.line_id,
    role: row.role,
    debitLimit: maybeNumber(row.debit_limit),
    creditLimit: maybeNumber(row.credit_limit),
    debitsFrozen: row.debits_frozen,
    debitsPending: Number(row.debits_pending),
    debitsPosted: Number(row.debits_posted),
    creditsPending: Number(row.credits_pending),
    creditsPosted: Number(row.credits_posted),
    createdAt: date(row.created_at),
  };
}

function toTransfer(row: TransferRow): LedgerTransfer {
  return {
    id: row.id,
    kind: row.kind,
    debitAccountId: row.debit_account_id,
    creditAccountId: row.credit_account_id,
    amount: Number(row.amount),
    currency: row.currency,
    pendingId: row.pending_id,
    expiresAt: maybeDate(row.expires_at),
    code: row.code,
    lineId: row.line_id,
    drawingId: row.drawing_id,
    reference: row.reference,
    commandScope: row.command_scope,
    commandKey: row.command_key,
    occurredAt: date(row.occurred_at),
    sequence: Number(row.sequence),
  };
}

function toHold(row: HoldRow): PendingHold {
  return {
    transferId: row.transfer_id,
    debitAccountId: row.debit_account_id,
    creditAccountId: row.credit_account_id,
    amount: Number(row.amount),
    currency: row.currency,
    expiresAt: maybeDate(row.expires_at),
    lineId: row.line_id,
    drawingId: row.drawing_id,
    status: row.status,
    postedAmount: Number(row.posted_amount),
    resolvedBy: row.resolved_by,
    resolvedAt: maybeDate(row.resolved_at),
  };
}

function toDrawing(row: DrawingRow): Drawing {
  return {
    id: row.id,
    lineId: row.line_id,
    currency: row.currency,
    product: row.product,
    status: row.status,
    holdId: row.hold_id,
    requested: Number(row.requested),
    drawn: Number(row.drawn),
    due: {
      penalty: Number(row.due_penalty),
      fees: Number(row.due_fees),
      interest: Number(row.due_interest),
      principal: Number(row.due_principal),
    },
    repaid: {
      penalty: Number(row.repaid_penalty),
      fees: Number(row.repaid_fees),
      interest: Number(row.repaid_interest),
      principal: Number(row.repaid_principal),
    },
    reference: row.reference,
    basis: row.details.basis,
    annualRate: row.details.annualRate,
    penaltyMarkup: row.details.penaltyMarkup,
    penaltyBaseRate: row.details.penaltyBaseRate,
    dayCount: row.details.dayCount,
    tenorDays: row.details.tenorDays,
    createdAt: date(row.created_at),
    drawnAt: maybeDate(row.drawn_at),
    dueDate: row.due_date,
    accrual: row.details.accrual,
    daysPastDue: Number(row.days_past_due),
    closedAt: maybeDate(row.closed_at),
    version: Number(row.version),
  };
}
