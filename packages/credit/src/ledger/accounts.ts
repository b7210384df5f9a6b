/**
 * Ledger accounts: who owes whom, in whole minor units (fen for CNY), with the four
 * TigerBeetle balances and the limits the store enforces on every transfer.
 */

/**
 * The largest amount an account balance or a transfer may reach: 2^53 - 1 minor units, the
 * last whole number JavaScript holds exactly (PostgreSQL's BIGINT would go further; the store
 * refuses to). For CNY that is about 90 trillion yuan.
 *
 * @example
 * MAX_LEDGER_AMOUNT // 9007199254740991
 */
export const MAX_LEDGER_AMOUNT = Number.MAX_SAFE_INTEGER;

/**
 * The accounts every credit line has, one per role:
 *
 * - `limit` (credit-normal, memo): the credit limit granted, moved in by limit transfers;
 * - `principal` (debit-normal): principal drawn and not repaid, plus pending draws; its
 *   `debitLimit` is the line's limit and it freezes with the line;
 * - `interest`, `fees`, `penalty` (debit-normal): interest, fees and penalty interest due;
 * - `credit` (credit-normal): what the platform owes the merchant (overpayments);
 * - `invoices` (debit-normal, memo): face value of invoices assigned under receivables financing.
 *
 * @example
 * LINE_ACCOUNT_ROLES.includes('principal') // true
 */
export const LINE_ACCOUNT_ROLES = Object.freeze([
  'limit',
  'principal',
  'interest',
  'fees',
  'penalty',
  'credit',
  'invoices',
] as const);

/**
 * One of {@link LINE_ACCOUNT_ROLES}.
 *
 * @example
 * const role: LineAccountRole = 'interest';
 */
export type LineAccountRole = (typeof LINE_ACCOUNT_ROLES)[number];

/**
 * The platform's accounts, one set per currency, all unbounded:
 *
 * - `funding`: the platform's money — credited when a draw pays out, debited when a repayment comes in;
 * - `limits`: the other side of every line's `limit` (commitments granted);
 * - `interest-income`, `fee-income`, `penalty-income`: what accruals and fees earn;
 * - `receivables`: the other side of every line's `invoices`.
 *
 * @example
 * PLATFORM_ACCOUNT_ROLES[0] // 'funding'
 */
export const PLATFORM_ACCOUNT_ROLES = Object.freeze([
  'funding',
  'limits',
  'interest-income',
  'fee-income',
  'penalty-income',
  'receivables',
] as const);

/**
 * One of {@link PLATFORM_ACCOUNT_ROLES}.
 *
 * @example
 * const role: PlatformAccountRole = 'funding';
 */
export type PlatformAccountRole = (typeof PLATFORM_ACCOUNT_ROLES)[number];

/**
 * The four balances of an account (TigerBeetle's model): amounts reserved by pending
 * transfers and amounts posted, on each side. All whole minor units, never negative.
 *
 * @example
 * const b: AccountBalances = { debitsPending: 0, debitsPosted: 50_000, creditsPending: 0, creditsPosted: 20_000 };
 */
export interface AccountBalances {
  debitsPending: number;
  debitsPosted: number;
  creditsPending: number;
  creditsPosted: number;
}

/**
 * A ledger account. Balances change only through transfers; the rest is fixed at creation,
 * except the `principal` account's `debitLimit` and `debitsFrozen`, which follow its line.
 *
 * Limits generalise TigerBeetle's flags: `debitLimit` bounds the net debit
 * (`debitsPending + debitsPosted - creditsPosted`) a new debit may leave, `creditLimit` bounds
 * the net credit (`creditsPending + creditsPosted - debitsPosted`) a new credit may leave;
 * `debitLimit: 0` is `debits_must_not_exceed_credits`, `creditLimit: 0` is
 * `credits_must_not_exceed_debits`, `null` is no bound. Like TigerBeetle, the check is
 * pessimistic: pending debits count in full when the next debit is checked, and posting or
 * voiding a pending transfer is never refused by a limit.
 *
 * @example
 * const principal: LedgerAccount = {
 *   id: 'line:L-1:principal', currency: 'CNY', lineId: 'L-1', role: 'principal',
 *   debitLimit: 5_000_000, creditLimit: 0, debitsFrozen: false,
 *   debitsPending: 0, debitsPosted: 0, creditsPending: 0, creditsPosted: 0, createdAt: new Date(),
 * };
 */
export interface LedgerAccount extends AccountBalances {
  id: string;
  /** Only accounts of one currency transact with each other (TigerBeetle's `ledger`). */
  currency: string;
  /** The credit line it belongs to, or `null` for a platform account. */
  lineId: string | null;
  role: LineAccountRole | PlatformAccountRole;
  /** Most net debit a new debit may leave, or `null` for no bound. */
  debitLimit: number | null;
  /** Most net credit a new credit may leave, or `null` for no bound. */
  creditLimit: number | null;
  /** New debits (single or pending) are refused; posting earlier pending debits is not. */
  debitsFrozen: boolean;
  createdAt: Date;
}

/**
 * An account before the store has created it: balances start at zero.
 *
 * @example
 * const draft: AccountDraft = { id: 'platform:CNY:funding', currency: 'CNY', lineId: null, role: 'funding', debitLimit: null, creditLimit: null, debitsFrozen: false, createdAt: new Date() };
 */
export type AccountDraft = Omit<LedgerAccount, keyof AccountBalances>;

/**
 * Zero balances.
 *
 * @example
 * zeroBalances() // { debitsPending: 0, debitsPosted: 0, creditsPending: 0, creditsPosted: 0 }
 */
export function zeroBalances(): AccountBalances {
  return { debitsPending: 0, debitsPosted: 0, creditsPending: 0, creditsPosted: 0 };
}

/**
 * The net debit an account carries, pending debits included (`debitsPending + debitsPosted -
 * creditsPosted`): what {@link LedgerAccount.debitLimit} bounds. Negative when credits exceed it.
 *
 * @example
 * netDebit({ debitsPending: 100, debitsPosted: 500, creditsPending: 0, creditsPosted: 200 }) // 400
 */
export function netDebit(balances: AccountBalances): number {
  return balances.debitsPending + balances.debitsPosted - balances.creditsPosted;
}

/**
 * The net credit an account carries, pending credits included (`creditsPending + creditsPosted -
 * debitsPosted`): what {@link LedgerAccount.creditLimit} bounds.
 *
 * @example
 * netCredit({ debitsPending: 0, debitsPosted: 200, creditsPending: 50, creditsPosted: 500 }) // 350
 */
export function netCredit(balances: AccountBalances): number {
  return balances.creditsPending + balances.creditsPosted - balances.debitsPosted;
}

/**
 * The posted balance on the debit side (`debitsPosted - creditsPosted`): what a debit-normal
 * account (principal, interest, fees, penalty) holds. Negative for credit-normal ones.
 *
 * @example
 * postedDebitBalance({ debitsPending: 100, debitsPosted: 500, creditsPending: 0, creditsPosted: 200 }) // 300
 */
export function postedDebitBalance(balances: AccountBalances): number {
  return balances.debitsPosted - balances.creditsPosted;
}

/**
 * Whether an account has no limit and no freeze. The store never needs to lock such an account
 * to check a transfer, so the PostgreSQL adapter appends transfers on it without touching its
 * row and sums its balances from the transfers when it is read: the platform's accounts never
 * become a row every draw waits on.
 *
 * @example
 * isUnbounded({ debitLimit: null, creditLimit: null, debitsFrozen: false }) // true
 */
export function isUnbounded(
  account: Pick<LedgerAccount, 'debitLimit' | 'creditLimit' | 'debitsFrozen'>,
): boolean {
  return account.debitLimit === null && account.creditLimit === null && !account.debitsFrozen;
}

/**
 * The id of a line's account: `line:<lineId>:<role>`. Roles contain no `:`, so the id is
 * unambiguous for any line id.
 *
 * @example
 * lineAccountId('L-1', 'principal') // 'line:L-1:principal'
 */
export function lineAccountId(lineId: string, role: LineAccountRole): string {
  return `line:${lineId}:${role}`;
}

/**
 * The id of a platform account: `platform:<currency>:<role>`.
 *
 * @example
 * platformAccountId('CNY', 'funding') // 'platform:CNY:funding'
 */
export function platformAccountId(currency: string, role: PlatformAccountRole): string {
  return `platform:${currency}:${role}`;
}

/**
 * Orders two ids by Unicode code point — the order of their UTF-8 bytes, which is PostgreSQL's
 * `COLLATE "C"`. Every adapter locks accounts, holds and drawings in this order, so two
 * commands never wait on each other in a cycle.
 *
 * @example
 * compareIds('line:A:fees', 'line:A:principal') // -1
 * compareIds('\uFFFF', '😀') // -1 (U+FFFF < U+1F600, although '\uFFFF' > '\uD83D')
 */
export function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index += 1) {
    const x = a.charCodeAt(index);
    const y = b.charCodeAt(index);
    if (x === y) continue;
    // Surrogates (U+D800-U+DFFF) encode code points above U+FFFF: they sort after every other unit.
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return a.length < b.length ? -1 : 1;
}
