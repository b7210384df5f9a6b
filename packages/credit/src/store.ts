/**
 * The credit port: what the credit service needs from storage. `@s2b2b/storage-memory` and
 * `@s2b2b/storage-postgres` implement it as `storage.credit` (reads) and `tx.credit` (reads and
 * writes inside `storage.transaction`); a host can implement it on its own database and prove it
 * with `describeCreditConformance` from `@s2b2b/storage-testkit`.
 *
 * Amounts are whole minor units (fen for CNY): exact in JavaScript up to 2^53 - 1 and in
 * PostgreSQL as BIGINT, so the limit checks never meet rounding.
 */
import type { CoreStorage, InfrastructureTx } from '@s2b2b/core';
import type { AccountDraft, LedgerAccount } from './ledger/accounts.js';
import type { HoldStatus, LedgerTransfer, PendingHold, TransferDraft } from './ledger/transfers.js';
import type { Drawing, DrawingStatus } from './lines/drawing.js';
import type { CreditLine, LineStatus } from './lines/line.js';

/**
 * Which lines `listLines` returns: sorted by id, after `after`, at most `limit` (default 1,000,
 * at most 10,000).
 *
 * @example
 * await storage.credit.listLines({ merchantId: 'M-1' });
 */
export interface LineFilter {
  merchantId?: string;
  status?: LineStatus;
  after?: string;
  limit?: number;
}

/**
 * Which accounts `listAccounts` returns, sorted by id: a line's (`lineId`), the platform's
 * (`lineId: null`), by currency, or the ids given.
 *
 * @example
 * await storage.credit.listAccounts({ lineId: 'L-1' });
 */
export interface AccountFilter {
  lineId?: string | null;
  currency?: string;
  ids?: readonly string[];
}

/**
 * Which transfers `listTransfers` returns: ascending by sequence, after `afterSequence`, at most
 * `limit` (default 1,000, at most 10,000).
 *
 * @example
 * await storage.credit.listTransfers({ lineId: 'L-1', afterSequence: 0 });
 */
export interface TransferFilter {
  lineId?: string;
  accountId?: string;
  drawingId?: string;
  afterSequence?: number;
  limit?: number;
}

/**
 * Which holds `listHolds` returns: sorted by pending transfer id, after `after`, at most `limit`
 * (default 1,000, at most 10,000). `dueBy` keeps pending holds whose timeout is at or before it.
 *
 * @example
 * await storage.credit.listHolds({ status: 'pending', dueBy: now });
 */
export interface HoldFilter {
  lineId?: string;
  status?: HoldStatus;
  dueBy?: Date;
  after?: string;
  limit?: number;
}

/**
 * Which drawings `listDrawings` returns: sorted by id, after `after`, at most `limit` (default
 * 1,000, at most 10,000).
 *
 * @example
 * await storage.credit.listDrawings({ lineId: 'L-1', status: 'active' });
 */
export interface DrawingFilter {
  lineId?: string;
  status?: DrawingStatus;
  after?: string;
  limit?: number;
}

/**
 * What the store writes when it expires holds, besides what it copies from each hold's pending
 * transfer (code, line, drawing, reference).
 *
 * @example
 * const sweep: ExpirySweep = { now, limit: 500, commandScope: 'credit.expire-holds', commandKey: 'sweep-0800', lineId: null };
 */
export interface ExpirySweep {
  /** Holds whose `expiresAt` is at or before `now` expire. */
  now: Date;
  /** Most holds to expire in one call (1-10,000). */
  limit: number;
  /** Only this line's holds, or every line's. */
  lineId: string | null;
  commandScope: string;
  commandKey: string;
}

/**
 * What `expireHolds` did: the holds it expired (after), and the `expire` transfers it wrote, in
 * the same order (by pending transfer id).
 *
 * @example
 * const { holds, transfers }: ExpiredHolds = await tx.credit.expireHolds(sweep);
 */
export interface ExpiredHolds {
  holds: PendingHold[];
  transfers: LedgerTransfer[];
}

/**
 * Reading credit state. Returned values are copies; `null` when not found. Outside a
 * transaction a read sees only committed state; `tx.credit` reads through its transaction.
 * Balances of unbounded accounts (the platform's) are as exact as the bounded ones', however
 * the adapter keeps them.
 *
 * @example
 * const principal = await storage.credit.getAccount(lineAccountId('L-1', 'principal'));
 */
export interface CreditReader {
  getLine(id: string): Promise<CreditLine | null>;
  listLines(filter?: LineFilter): Promise<CreditLine[]>;
  getAccount(id: string): Promise<LedgerAccount | null>;
  listAccounts(filter?: AccountFilter): Promise<LedgerAccount[]>;
  getTransfer(id: string): Promise<LedgerTransfer | null>;
  listTransfers(filter?: TransferFilter): Promise<LedgerTransfer[]>;
  /** The hold of a pending transfer (by that transfer's id). */
  getHold(transferId: string): Promise<PendingHold | null>;
  listHolds(filter?: HoldFilter): Promise<PendingHold[]>;
  getDrawing(id: string): Promise<Drawing | null>;
  listDrawings(filter?: DrawingFilter): Promise<Drawing[]>;
}

/**
 * Credit inside a transaction. The adapter enforces the ledger's invariants atomically in
 * `createTransfers` and `expireHolds` (see `planTransfers`): a line's principal, pending draws
 * included, never passes its limit; a frozen line takes no new draw; a hold resolves at most
 * once; a batch is all or nothing. Application code never reads a balance and writes it back.
 *
 * Lock order, the same in every adapter so concurrent commands cannot deadlock: the line, then
 * its drawings, then holds, then accounts — each set in `compareIds` order.
 *
 * @example
 * await storage.transaction(async (tx) => {
 *   await tx.credit.createTransfers([draft], now);
 * });
 */
export interface CreditTxPort extends CreditReader {
  /**
   * Creates accounts with zero balances — all of them, or none. With `ifMissing`, accounts
   * whose id exists are left as they are (for the platform's accounts); otherwise an existing id
   * is `ACCOUNT_EXISTS`. Returns the accounts as stored, in draft order.
   */
  createAccounts(
    drafts: readonly AccountDraft[],
    options?: { ifMissing?: boolean },
  ): Promise<LedgerAccount[]>;
  /**
   * Applies a linked batch of transfers at `now` — all of them, or (on the first refusal) none —
   * and returns them as stored with their sequences, in draft order.
   *
   * @throws DomainError with a code of `LEDGER_ERROR_CODES` (`CREDIT_LIMIT_EXCEEDED`, `LINE_FROZEN`,
   *   `HOLD_ALREADY_RESOLVED`, `HOLD_EXPIRED`, ...); `details.index` names the refused transfer
   */
  createTransfers(drafts: readonly TransferDraft[], now: Date): Promise<LedgerTransfer[]>;
  /**
   * Expires up to `limit` pending holds due at `now` (oldest id first), releasing what they
   * reserved and writing one `expire` transfer each. Holds another transaction is resolving are
   * skipped (they are not due for this sweep).
   */
  expireHolds(sweep: ExpirySweep): Promise<ExpiredHolds>;
  /** Stores a new line. @throws DomainError `LINE_EXISTS` */
  insertLine(line: CreditLine): Promise<CreditLine>;
  /** The line, locked until the transaction ends, or `null`. */
  lockLine(id: string): Promise<CreditLine | null>;
  /**
   * Replaces a line's limit, status, freeze and terms (its `version` must be the stored one; the
   * stored version becomes `version + 1`), and sets its principal account's `debitLimit` to the
   * limit and `debitsFrozen` to whether it is frozen, in the same transaction.
   *
   * @throws DomainError `LINE_NOT_FOUND`; ConflictError `STALE_LINE` when the version moved
   */
  updateLine(line: CreditLine): Promise<CreditLine>;
  /** Stores a new drawing (version 1). @throws DomainError `DRAWING_EXISTS` */
  insertDrawing(drawing: Drawing): Promise<Drawing>;
  /** A line's drawings with these statuses, locked until the transaction ends, sorted by id. */
  lockDrawings(lineId: string, statuses: readonly DrawingStatus[]): Promise<Drawing[]>;
  /**
   * Replaces a drawing (its `version` must be the stored one; it becomes `version + 1`).
   *
   * @throws DomainError `DRAWING_NOT_FOUND`; ConflictError `STALE_DRAWING` when the version moved
   */
  updateDrawing(drawing: Drawing): Promise<Drawing>;
}

/**
 * A transaction of a storage that has credit: the infrastructure ports plus `credit`, so state,
 * idempotency outcome and outbox events commit together.
 *
 * @example
 * await runIdempotent(storage, command, async (tx: CreditTx) => tx.credit.createTransfers(drafts, now));
 */
export interface CreditTx extends InfrastructureTx {
  readonly credit: CreditTxPort;
}

/**
 * A storage with credit: `storage.credit` reads, `storage.transaction` hands out
 * {@link CreditTx}. `createMemoryStorage()` and `createPostgresStorage()` return one.
 *
 * @example
 * const service = createCreditService({ storage: createMemoryStorage() });
 */
export interface CreditStorage extends CoreStorage {
  readonly credit: CreditReader;
  transaction<T>(fn: (tx: CreditTx) => Promise<T>): Promise<T>;
}
