/**
 * Transfers: immutable movements of an amount from one account's credit side to another's
 * debit side. Two-phase transfers reserve first (`pending`) and resolve once, by `post`,
 * `void` or `expire`. Corrections are new transfers; nothing is ever edited or deleted.
 */

/**
 * What a stored transfer is:
 *
 * - `single`: posted at once;
 * - `pending`: reserves the amount in `debitsPending` / `creditsPending` until resolved;
 * - `post`: posts all or part of a pending transfer (the rest is released);
 * - `void`: releases a pending transfer;
 * - `expire`: releases a pending transfer whose timeout passed (written by the store).
 *
 * @example
 * TRANSFER_KINDS.includes('post') // true
 */
export const TRANSFER_KINDS = Object.freeze(['single', 'pending', 'post', 'void', 'expire'] as const);

/**
 * One of {@link TRANSFER_KINDS}.
 *
 * @example
 * const kind: TransferKind = 'pending';
 */
export type TransferKind = (typeof TRANSFER_KINDS)[number];

/**
 * What the credit service books, as transfer codes (TigerBeetle's `code`: why money moved).
 *
 * @example
 * CREDIT_TRANSFER_CODES.draw // 'principal drawn (or reserved) from the platform\'s funding'
 */
export const CREDIT_TRANSFER_CODES = Object.freeze({
  limit: "a change of the line's limit (platform limits ↔ line limit)",
  draw: "principal drawn (or reserved) from the platform's funding",
  fee: 'a fee charged (a discount fee of receivables financing)',
  invoice: 'an invoice assigned under receivables financing (memo, face value)',
  'invoice-settled': 'an assigned invoice settled (memo, face value)',
  interest: 'interest accrued',
  penalty: 'penalty interest accrued on overdue amounts',
  repayment: 'a repayment applied to penalty, fees, interest or principal',
  overpayment: "what a repayment left over, kept as the merchant's credit",
  'credit-applied': "the merchant's credit applied to what is due",
  refund: "the merchant's credit paid out",
  correction: 'a correcting transfer (a booking reversed by a new transfer)',
} as const);

/**
 * One of the keys of {@link CREDIT_TRANSFER_CODES}.
 *
 * @example
 * const code: CreditTransferCode = 'repayment';
 */
export type CreditTransferCode = keyof typeof CREDIT_TRANSFER_CODES;

/**
 * What every transfer carries besides its amounts: why it moved, what it belongs to, and the
 * command that wrote it.
 *
 * @example
 * const meta: TransferMeta = { code: 'draw', lineId: 'L-1', drawingId: 'D-1', reference: 'PO-1001', commandScope: 'credit.draw', commandKey: 'k-1', occurredAt: new Date() };
 */
export interface TransferMeta {
  /** Why it moved; the credit service uses {@link CREDIT_TRANSFER_CODES}. 1-64 characters. */
  code: string;
  lineId: string | null;
  drawingId: string | null;
  /** The host's reference: an order id, an invoice number, a bank receipt. */
  reference: string | null;
  /** The command that wrote it: its idempotency scope and key. */
  commandScope: string;
  commandKey: string;
  occurredAt: Date;
}

/**
 * A transfer to create. Ids are chosen by the caller and unique forever (TigerBeetle's rule).
 * `post` and `void` name the pending transfer; its accounts are theirs. `post` with
 * `amount: null` posts the whole pending amount.
 *
 * @example
 * const hold: TransferDraft = {
 *   kind: 'pending', id: 'T-1', debitAccountId: 'line:L-1:principal', creditAccountId: 'platform:CNY:funding',
 *   amount: 120_000, expiresAt: new Date('2026-03-01T08:30:00Z'),
 *   code: 'draw', lineId: 'L-1', drawingId: 'D-1', reference: 'PO-1', commandScope: 'credit.draw', commandKey: 'k-1', occurredAt: new Date(),
 * };
 */
export type TransferDraft =
  | (TransferMeta & {
      kind: 'single';
      id: string;
      debitAccountId: string;
      creditAccountId: string;
      amount: number;
    })
  | (TransferMeta & {
      kind: 'pending';
      id: string;
      debitAccountId: string;
      creditAccountId: string;
      amount: number;
      /** When the hold expires if not resolved; `null` never. */
      expiresAt: Date | null;
    })
  | (TransferMeta & { kind: 'post'; id: string; pendingId: string; amount: number | null })
  | (TransferMeta & { kind: 'void'; id: string; pendingId: string });

/**
 * A stored transfer. `amount` is what it moved: for `post` the amount posted, for `void` and
 * `expire` the pending amount released. `sequence` is unique and increases within a command;
 * across concurrent commands it is not commit order (read the event outbox for a feed).
 *
 * @example
 * const t: LedgerTransfer = {
 *   id: 'T-2', kind: 'post', debitAccountId: 'line:L-1:principal', creditAccountId: 'platform:CNY:funding',
 *   amount: 100_000, currency: 'CNY', pendingId: 'T-1', expiresAt: null,
 *   code: 'draw', lineId: 'L-1', drawingId: 'D-1', reference: null, commandScope: 'credit.confirm-draw', commandKey: 'k-2',
 *   occurredAt: new Date(), sequence: 7,
 * };
 */
export interface LedgerTransfer extends TransferMeta {
  id: string;
  kind: TransferKind;
  debitAccountId: string;
  creditAccountId: string;
  amount: number;
  currency: string;
  /** `post`, `void`, `expire`: the pending transfer it resolves. */
  pendingId: string | null;
  /** `pending`: when it expires, or `null`. */
  expiresAt: Date | null;
  sequence: number;
}

/**
 * A stored transfer before the store has numbered it.
 *
 * @example
 * const record: TransferRecord = { ...transfer, sequence: undefined } as unknown as TransferRecord;
 */
export type TransferRecord = Omit<LedgerTransfer, 'sequence'>;

/**
 * Where a pending transfer stands. It leaves `pending` at most once.
 *
 * @example
 * HOLD_STATUSES // ['pending', 'posted', 'voided', 'expired']
 */
export const HOLD_STATUSES = Object.freeze(['pending', 'posted', 'voided', 'expired'] as const);

/**
 * One of {@link HOLD_STATUSES}.
 *
 * @example
 * const status: HoldStatus = 'voided';
 */
export type HoldStatus = (typeof HOLD_STATUSES)[number];

/**
 * The state of one pending transfer (a hold): the transfer itself never changes, this does —
 * once, from `pending` to how it was resolved.
 *
 * @example
 * const hold: PendingHold = {
 *   transferId: 'T-1', debitAccountId: 'line:L-1:principal', creditAccountId: 'platform:CNY:funding',
 *   amount: 120_000, currency: 'CNY', expiresAt: null, lineId: 'L-1', drawingId: 'D-1',
 *   status: 'posted', postedAmount: 100_000, resolvedBy: 'T-2', resolvedAt: new Date(),
 * };
 */
export interface PendingHold {
  /** The pending transfer's id. */
  transferId: string;
  debitAccountId: string;
  creditAccountId: string;
  /** The amount reserved. */
  amount: number;
  currency: string;
  expiresAt: Date | null;
  lineId: string | null;
  drawingId: string | null;
  status: HoldStatus;
  /** What the `post` posted (0 unless posted). */
  postedAmount: number;
  /** The `post`, `void` or `expire` transfer that resolved it. */
  resolvedBy: string | null;
  resolvedAt: Date | null;
}

/**
 * The id of the transfer the store writes when a hold expires: `<pending id>/expire`. A hold
 * resolves once, so the id is unique.
 *
 * @example
 * expiryTransferId('T-1') // 'T-1/expire'
 */
export function expiryTransferId(pendingId: string): string {
  return `${pendingId}/expire`;
}

/**
 * Whether a pending hold's timeout has passed at `now` (a hold expires at its `expiresAt`
 * instant: from then on it can no longer be posted or voided).
 *
 * @example
 * isHoldDue({ status: 'pending', expiresAt: new Date('2026-03-01T08:30:00Z') }, new Date('2026-03-01T08:30:00Z')) // true
 */
export function isHoldDue(hold: Pick<PendingHold, 'status' | 'expiresAt'>, now: Date): boolean {
  return hold.status === 'pending' && hold.expiresAt !== null && hold.expiresAt.getTime() <= now.getTime();
}
