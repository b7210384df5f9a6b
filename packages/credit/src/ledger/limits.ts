import {
  type AccountBalances,
  type LedgerAccount,
  MAX_LEDGER_AMOUNT,
  netCredit,
  netDebit,
} from './accounts.js';

/**
 * Why an account refuses a new debit or credit:
 *
 * - `debits-frozen`: the account takes no new debits;
 * - `debit-limit` / `credit-limit`: the net debit (credit) would pass the account's limit;
 * - `overflow`: a balance would pass {@link MAX_LEDGER_AMOUNT}.
 *
 * @example
 * const v: LimitViolation = { rule: 'debit-limit', limit: 100_000, current: 95_000, amount: 10_000 };
 */
export type LimitViolation =
  | { rule: 'debits-frozen' }
  | { rule: 'debit-limit'; limit: number; current: number; amount: number }
  | { rule: 'credit-limit'; limit: number; current: number; amount: number }
  | { rule: 'overflow'; balance: keyof AccountBalances; current: number; amount: number };

/**
 * Whether an account accepts a new debit of `amount` (single or pending): not frozen, the net
 * debit it leaves (pending debits included) within `debitLimit`, no balance past the maximum.
 * The one rule every adapter applies, so they refuse the same transfers.
 *
 * @example
 * checkDebit({ ...principal, debitLimit: 100_000, debitsPosted: 95_000 }, 10_000, 'posted')
 * // { rule: 'debit-limit', limit: 100000, current: 95000, amount: 10000 }
 */
export function checkDebit(
  account: LedgerAccount,
  amount: number,
  side: 'pending' | 'posted',
): LimitViolation | null {
  if (account.debitsFrozen) return { rule: 'debits-frozen' };
  const balance = side === 'pending' ? 'debitsPending' : 'debitsPosted';
  if (account[balance] + amount > MAX_LEDGER_AMOUNT) {
    return { rule: 'overflow', balance, current: account[balance], amount };
  }
  const current = netDebit(account);
  if (account.debitLimit !== null && current + amount > account.debitLimit) {
    return { rule: 'debit-limit', limit: account.debitLimit, current, amount };
  }
  return null;
}

/**
 * Whether an account accepts a new credit of `amount`: the net credit it leaves (pending credits
 * included) within `creditLimit`, no balance past the maximum.
 *
 * @example
 * checkCredit({ ...interest, creditLimit: 0, debitsPosted: 300 }, 500, 'posted')
 * // { rule: 'credit-limit', limit: 0, current: -300, amount: 500 }
 */
export function checkCredit(
  account: LedgerAccount,
  amount: number,
  side: 'pending' | 'posted',
): LimitViolation | null {
  const balance = side === 'pending' ? 'creditsPending' : 'creditsPosted';
  if (account[balance] + amount > MAX_LEDGER_AMOUNT) {
    return { rule: 'overflow', balance, current: account[balance], amount };
  }
  const current = netCredit(account);
  if (account.creditLimit !== null && current + amount > account.creditLimit) {
    return { rule: 'credit-limit', limit: account.creditLimit, current, amount };
  }
  return null;
}

/**
 * How much more an account can be debited now: `debitLimit - netDebit` (never below 0), or
 * `null` when it has no debit limit; 0 when frozen. For a line's principal account: the credit
 * still available to draw.
 *
 * @example
 * availableToDebit({ ...principal, debitLimit: 100_000, debitsPosted: 60_000, debitsPending: 15_000 }) // 25000
 */
export function availableToDebit(account: LedgerAccount): number | null {
  if (account.debitsFrozen) return 0;
  if (account.debitLimit === null) return null;
  return Math.max(0, account.debitLimit - netDebit(account));
}
