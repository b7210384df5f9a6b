import { DomainError, type JsonValue } from '@s2b2b/core';
import type { LedgerAccount } from './accounts.js';
import type { LimitViolation } from './limits.js';
import type { HoldStatus, PendingHold } from './transfers.js';

/**
 * Every `DomainError` code the ledger (and so every credit store) throws, with what it means.
 * The codes are stable; hosts can switch on them. A refused transfer refuses its whole batch:
 * `details.index` names the transfer that failed.
 *
 * @example
 * if (error.code === 'HOLD_ALREADY_RESOLVED') console.log(error.details.status); // 'posted' | 'voided' | 'expired'
 */
export const LEDGER_ERROR_CODES = Object.freeze({
  ACCOUNT_EXISTS: 'An account with that id already exists.',
  ACCOUNT_NOT_FOUND: 'A transfer names an account that does not exist.',
  ACCOUNTS_SAME: 'A transfer debits and credits the same account.',
  CURRENCY_MISMATCH: 'A transfer moves money between accounts of different currencies.',
  TRANSFER_EXISTS: 'A transfer with that id already exists (transfers are immutable; use a new id).',
  CREDIT_LIMIT_EXCEEDED:
    "A draw would take a line's principal, pending draws included, past its limit (details.available is what is left).",
  LINE_FROZEN: 'A draw on a frozen line.',
  CREDIT_BALANCE_INSUFFICIENT: "More of a merchant's credit is used than the line holds.",
  EXCEEDS_DEBIT_LIMIT: 'A debit would take an account past its debit limit (its net debit).',
  EXCEEDS_CREDIT_LIMIT:
    'A credit would take an account past its credit limit (e.g. more repaid than is due on it).',
  DEBITS_FROZEN: 'A new debit to an account whose debits are frozen.',
  AMOUNT_OVERFLOW: 'A balance would pass 2^53 - 1 minor units.',
  HOLD_NOT_FOUND: 'A post or void names a transfer that is not a pending transfer.',
  HOLD_ALREADY_RESOLVED:
    'The pending transfer was already posted, voided or expired (details.status); it resolves only once.',
  HOLD_EXPIRED: 'The pending transfer timed out: it can no longer be posted or voided.',
  HOLD_AMOUNT_EXCEEDED: 'A post of more than the pending amount.',
  HOLD_NOT_DUE:
    "An expiry of a hold whose timeout has not passed (only a store's expiry sweep writes expiries).",
} as const);

/**
 * One of {@link LEDGER_ERROR_CODES}.
 *
 * @example
 * const code: LedgerErrorCode = 'HOLD_EXPIRED';
 */
export type LedgerErrorCode = keyof typeof LEDGER_ERROR_CODES;

/**
 * `ACCOUNT_EXISTS`.
 *
 * @example
 * throw accountExistsError('platform:CNY:funding');
 */
export function accountExistsError(accountId: string): DomainError {
  return new DomainError('ACCOUNT_EXISTS', `Account ${JSON.stringify(accountId)} already exists`, {
    accountId,
  });
}

/**
 * `ACCOUNT_NOT_FOUND`.
 *
 * @example
 * throw accountNotFoundError('line:L-9:principal', 0);
 */
export function accountNotFoundError(accountId: string, index: number): DomainError {
  return new DomainError('ACCOUNT_NOT_FOUND', `Account ${JSON.stringify(accountId)} does not exist`, {
    accountId,
    index,
  });
}

/**
 * `ACCOUNTS_SAME`.
 *
 * @example
 * throw sameAccountError('T-1', 'line:L-1:fees', 0);
 */
export function sameAccountError(transferId: string, accountId: string, index: number): DomainError {
  return new DomainError(
    'ACCOUNTS_SAME',
    `Transfer ${JSON.stringify(transferId)} debits and credits ${JSON.stringify(accountId)}`,
    { transferId, accountId, index },
  );
}

/**
 * `CURRENCY_MISMATCH`.
 *
 * @example
 * throw ledgerCurrencyError('T-1', 'CNY', 'USD', 0);
 */
export function ledgerCurrencyError(
  transferId: string,
  debitCurrency: string,
  creditCurrency: string,
  index: number,
): DomainError {
  return new DomainError(
    'CURRENCY_MISMATCH',
    `Transfer ${JSON.stringify(transferId)} moves ${debitCurrency} into ${creditCurrency}`,
    { transferId, debitCurrency, creditCurrency, index },
  );
}

/**
 * `TRANSFER_EXISTS`.
 *
 * @example
 * throw transferExistsError('T-1', 0);
 */
export function transferExistsError(transferId: string, index: number): DomainError {
  return new DomainError('TRANSFER_EXISTS', `Transfer ${JSON.stringify(transferId)} already exists`, {
    transferId,
    index,
  });
}

/**
 * The error for a debit or credit an account refused ({@link checkDebit}, {@link checkCredit}):
 * on a line's principal account `CREDIT_LIMIT_EXCEEDED` (with the limit, what is drawn, what is
 * pending and what is still available) or `LINE_FROZEN`; on a line's credit account
 * `CREDIT_BALANCE_INSUFFICIENT`; otherwise `EXCEEDS_DEBIT_LIMIT`, `EXCEEDS_CREDIT_LIMIT`,
 * `DEBITS_FROZEN` or `AMOUNT_OVERFLOW`. Amounts in details are minor units.
 *
 * @example
 * throw limitViolationError(principal, { rule: 'debit-limit', limit: 100_000, current: 95_000, amount: 10_000 }, 0);
 */
export function limitViolationError(
  account: LedgerAccount,
  violation: LimitViolation,
  index: number,
): DomainError {
  const base: Record<string, JsonValue> = { accountId: account.id, lineId: account.lineId, index };
  if (violation.rule === 'overflow') {
    return new DomainError(
      'AMOUNT_OVERFLOW',
      `${violation.balance} of ${account.id} would pass 2^53 - 1 minor units`,
      { ...base, balance: violation.balance, current: violation.current, amount: violation.amount },
    );
  }
  if (violation.rule === 'debits-frozen') {
    if (account.role === 'principal') {
      return new DomainError('LINE_FROZEN', `Credit line ${JSON.stringify(account.lineId)} is frozen`, base);
    }
    return new DomainError('DEBITS_FROZEN', `Account ${account.id} takes no new debits`, base);
  }
  const { limit, current, amount } = violation;
  if (violation.rule === 'debit-limit' && account.role === 'principal') {
    const available = Math.max(0, limit - current);
    return new DomainError(
      'CREDIT_LIMIT_EXCEEDED',
      `Credit line ${JSON.stringify(account.lineId)}: ${amount} requested, ${available} available of a ${limit} limit (minor units)`,
      {
        ...base,
        limit,
        drawn: account.debitsPosted - account.creditsPosted,
        pending: account.debitsPending,
        available,
        requested: amount,
      },
    );
  }
  if (violation.rule === 'debit-limit' && account.role === 'credit') {
    return new DomainError(
      'CREDIT_BALANCE_INSUFFICIENT',
      `Credit line ${JSON.stringify(account.lineId)} holds ${0 - current} of credit, ${amount} used (minor units)`,
      { ...base, balance: 0 - current, requested: amount },
    );
  }
  const side = violation.rule === 'debit-limit' ? 'debit' : 'credit';
  return new DomainError(
    violation.rule === 'debit-limit' ? 'EXCEEDS_DEBIT_LIMIT' : 'EXCEEDS_CREDIT_LIMIT',
    `A ${side} of ${amount} would take ${account.id} past its ${side} limit of ${limit} (now ${current})`,
    { ...base, limit, current, amount },
  );
}

/**
 * `HOLD_NOT_FOUND`.
 *
 * @example
 * throw holdNotFoundError('T-9', 0);
 */
export function holdNotFoundError(pendingId: string, index: number): DomainError {
  return new DomainError('HOLD_NOT_FOUND', `No pending transfer ${JSON.stringify(pendingId)}`, {
    pendingId,
    index,
  });
}

/**
 * `HOLD_ALREADY_RESOLVED`, naming how (`posted`, `voided`, `expired`) and by which transfer.
 *
 * @example
 * throw holdResolvedError(hold, 0);
 */
export function holdResolvedError(hold: PendingHold, index: number): DomainError {
  const status = hold.status as Exclude<HoldStatus, 'pending'>;
  return new DomainError(
    'HOLD_ALREADY_RESOLVED',
    `Pending transfer ${JSON.stringify(hold.transferId)} was already ${status}`,
    { pendingId: hold.transferId, status, resolvedBy: hold.resolvedBy, drawingId: hold.drawingId, index },
  );
}

/**
 * `HOLD_EXPIRED`: the hold's timeout passed (whether or not the expiry has been swept yet).
 *
 * @example
 * throw holdExpiredError(hold, 0);
 */
export function holdExpiredError(hold: PendingHold, index: number): DomainError {
  return new DomainError(
    'HOLD_EXPIRED',
    `Pending transfer ${JSON.stringify(hold.transferId)} expired at ${hold.expiresAt?.toISOString()}`,
    {
      pendingId: hold.transferId,
      expiresAt: hold.expiresAt?.toISOString() ?? null,
      drawingId: hold.drawingId,
      index,
    },
  );
}

/**
 * `HOLD_AMOUNT_EXCEEDED`.
 *
 * @example
 * throw holdAmountError(hold, 150_000, 0);
 */
export function holdAmountError(hold: PendingHold, requested: number, index: number): DomainError {
  return new DomainError(
    'HOLD_AMOUNT_EXCEEDED',
    `Pending transfer ${JSON.stringify(hold.transferId)} holds ${hold.amount}; ${requested} cannot be posted`,
    { pendingId: hold.transferId, pending: hold.amount, requested, index },
  );
}

/**
 * `HOLD_NOT_DUE`: an expiry of a hold that has not timed out (an adapter's sweep passed a hold
 * it should not have).
 *
 * @example
 * throw holdNotDueError(hold, 0);
 */
export function holdNotDueError(hold: PendingHold, index: number): DomainError {
  return new DomainError(
    'HOLD_NOT_DUE',
    `Pending transfer ${JSON.stringify(hold.transferId)} does not expire before ${hold.expiresAt?.toISOString() ?? 'never'}`,
    { pendingId: hold.transferId, expiresAt: hold.expiresAt?.toISOString() ?? null, index },
  );
}
