import {
  type AccountDraft,
  LINE_ACCOUNT_ROLES,
  type LineAccountRole,
  lineAccountId,
  PLATFORM_ACCOUNT_ROLES,
  platformAccountId,
} from '../ledger/accounts.js';
import type { CreditLine } from '../lines/line.js';

/** How each line account is bounded: debit-normal parts never go below zero, credit-normal ones never overdrawn. */
const LINE_LIMITS: Record<LineAccountRole, { debitLimit: number | null; creditLimit: number | null }> = {
  limit: { debitLimit: 0, creditLimit: null },
  principal: { debitLimit: 0, creditLimit: 0 },
  interest: { debitLimit: null, creditLimit: 0 },
  fees: { debitLimit: null, creditLimit: 0 },
  penalty: { debitLimit: null, creditLimit: 0 },
  credit: { debitLimit: 0, creditLimit: null },
  invoices: { debitLimit: null, creditLimit: 0 },
};

/**
 * The accounts a new line opens with, one per role. The principal account's debit limit is the
 * line's limit (what every draw is checked against) and it is frozen with the line; debit-normal
 * accounts (principal, interest, fees, penalty, invoices) can never be credited below zero —
 * nobody repays more than is due — and credit-normal ones (limit, credit) never debited below
 * zero.
 *
 * @example
 * lineAccountDrafts(line).map((a) => a.id) // ['line:L-1:limit', 'line:L-1:principal', ...]
 */
export function lineAccountDrafts(line: CreditLine): AccountDraft[] {
  return LINE_ACCOUNT_ROLES.map((role) => ({
    id: lineAccountId(line.id, role),
    currency: line.currency,
    lineId: line.id,
    role,
    debitLimit: role === 'principal' ? line.limit : LINE_LIMITS[role].debitLimit,
    creditLimit: LINE_LIMITS[role].creditLimit,
    debitsFrozen: role === 'principal' && line.status === 'frozen',
    createdAt: new Date(line.openedAt.getTime()),
  }));
}

/**
 * The platform's accounts in a currency, all unbounded (created once, with the first line in it).
 *
 * @example
 * platformAccountDrafts('CNY', now).map((a) => a.id) // ['platform:CNY:funding', 'platform:CNY:limits', ...]
 */
export function platformAccountDrafts(currency: string, now: Date): AccountDraft[] {
  return PLATFORM_ACCOUNT_ROLES.map((role) => ({
    id: platformAccountId(currency, role),
    currency,
    lineId: null,
    role,
    debitLimit: null,
    creditLimit: null,
    debitsFrozen: false,
    createdAt: new Date(now.getTime()),
  }));
}
