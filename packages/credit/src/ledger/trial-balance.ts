import { type AccountBalances, compareIds, zeroBalances } from './accounts.js';
import type { LedgerTransfer } from './transfers.js';

/**
 * The totals of a set of accounts, and whether they balance: in a double-entry ledger every
 * transfer debits one account and credits another by the same amount, so over all accounts
 * the debits equal the credits — posted and pending alike.
 *
 * @example
 * const t: TrialBalance = { debitsPending: 0, debitsPosted: 500, creditsPending: 0, creditsPosted: 500, balanced: true };
 */
export interface TrialBalance extends AccountBalances {
  balanced: boolean;
}

/**
 * Sums the balances of accounts into a trial balance.
 *
 * @example
 * trialBalance([
 *   { debitsPending: 0, debitsPosted: 500, creditsPending: 0, creditsPosted: 0 },
 *   { debitsPending: 0, debitsPosted: 0, creditsPending: 0, creditsPosted: 500 },
 * ]).balanced // true
 */
export function trialBalance(accounts: readonly AccountBalances[]): TrialBalance {
  const total = zeroBalances();
  for (const account of accounts) {
    total.debitsPending += account.debitsPending;
    total.debitsPosted += account.debitsPosted;
    total.creditsPending += account.creditsPending;
    total.creditsPosted += account.creditsPosted;
  }
  return {
    ...total,
    balanced: total.debitsPending === total.creditsPending && total.debitsPosted === total.creditsPosted,
  };
}

/**
 * Rebuilds every account's balances from the transfer log alone, in sequence order: single and
 * post add to the posted side, pending to the pending side, and post, void and expire release
 * the pending amount of the transfer they resolve. The stored balances must equal this — the
 * ledger's audit (TigerBeetle calls it double-double entry).
 *
 * @throws Error when a post, void or expire names a pending transfer not in the log
 * @example
 * balancesFromTransfers(transfers).get('line:L-1:principal') // { debitsPending: 0, debitsPosted: 100000, ... }
 */
export function balancesFromTransfers(transfers: readonly LedgerTransfer[]): Map<string, AccountBalances> {
  const balances = new Map<string, AccountBalances>();
  const pendingAmount = new Map<string, number>();
  const of = (id: string) => {
    let found = balances.get(id);
    if (!found) {
      found = zeroBalances();
      balances.set(id, found);
    }
    return found;
  };
  for (const transfer of [...transfers].sort((a, b) => a.sequence - b.sequence)) {
    const debit = of(transfer.debitAccountId);
    const credit = of(transfer.creditAccountId);
    if (transfer.kind === 'single') {
      debit.debitsPosted += transfer.amount;
      credit.creditsPosted += transfer.amount;
      continue;
    }
    if (transfer.kind === 'pending') {
      debit.debitsPending += transfer.amount;
      credit.creditsPending += transfer.amount;
      pendingAmount.set(transfer.id, transfer.amount);
      continue;
    }
    const released = transfer.pendingId === null ? undefined : pendingAmount.get(transfer.pendingId);
    if (released === undefined) {
      throw new Error(`Transfer ${transfer.id} resolves ${transfer.pendingId}, which is not in the log`);
    }
    debit.debitsPending -= released;
    credit.creditsPending -= released;
    if (transfer.kind === 'post') {
      debit.debitsPosted += transfer.amount;
      credit.creditsPosted += transfer.amount;
    }
  }
  return new Map([...balances.entries()].sort(([a], [b]) => compareIds(a, b)));
}
