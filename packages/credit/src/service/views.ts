import type { MoneyJson } from '@s2b2b/core';
import { type LedgerAccount, lineAccountId, postedDebitBalance } from '../ledger/accounts.js';
import type { DrawBasis, Drawing, DrawingStatus, DrawProduct } from '../lines/drawing.js';
import type { CreditLine, LineFreeze, LineStatus, LineTerms } from '../lines/line.js';
import { moneyOf } from './context.js';

/**
 * A line as the service reports it: its contract, and its balances read from its ledger
 * accounts, as money.
 *
 * @example
 * const { available, drawn, pending }: LineView = (await credit.getLine('L-1'))!;
 */
export interface LineView {
  id: string;
  merchantId: string;
  currency: string;
  status: LineStatus;
  freeze: LineFreeze | null;
  terms: LineTerms;
  limit: MoneyJson;
  /** Principal paid out and not repaid. */
  drawn: MoneyJson;
  /** Principal reserved by holds not yet confirmed. */
  pending: MoneyJson;
  /** What can still be drawn now: limit − drawn − pending (0 when frozen or over the limit). */
  available: MoneyJson;
  /** Interest, fees and penalty interest posted and not repaid. */
  interest: MoneyJson;
  fees: MoneyJson;
  penalty: MoneyJson;
  /** Everything owed: drawn + interest + fees + penalty. */
  owed: MoneyJson;
  /** The merchant's credit (overpayments not yet used or refunded). */
  credit: MoneyJson;
  openedAt: Date;
  updatedAt: Date;
  version: number;
}

/**
 * A line's view from the line and its accounts (`listAccounts({ lineId })`).
 *
 * @example
 * lineView(line, await storage.credit.listAccounts({ lineId: line.id })).available
 */
export function lineView(line: CreditLine, accounts: readonly LedgerAccount[]): LineView {
  const byId = new Map(accounts.map((account) => [account.id, account]));
  const balance = (role: 'principal' | 'interest' | 'fees' | 'penalty') => {
    const account = byId.get(lineAccountId(line.id, role));
    return account ? postedDebitBalance(account) : 0;
  };
  const principal = byId.get(lineAccountId(line.id, 'principal'));
  const creditAccount = byId.get(lineAccountId(line.id, 'credit'));
  const drawn = balance('principal');
  const pending = principal?.debitsPending ?? 0;
  const interest = balance('interest');
  const fees = balance('fees');
  const penalty = balance('penalty');
  const available = line.status === 'frozen' ? 0 : Math.max(0, line.limit - drawn - pending);
  const money = (minor: number) => moneyOf(minor, line.currency);
  return {
    id: line.id,
    merchantId: line.merchantId,
    currency: line.currency,
    status: line.status,
    freeze: line.freeze,
    terms: line.terms,
    limit: money(line.limit),
    drawn: money(drawn),
    pending: money(pending),
    available: money(available),
    interest: money(interest),
    fees: money(fees),
    penalty: money(penalty),
    owed: money(drawn + interest + fees + penalty),
    credit: money(creditAccount ? -postedDebitBalance(creditAccount) || 0 : 0),
    openedAt: line.openedAt,
    updatedAt: line.updatedAt,
    version: line.version,
  };
}

/**
 * A drawing as the service reports it, amounts as money.
 *
 * @example
 * const { due, dueDate, daysPastDue }: DrawingView = (await credit.getDrawing('D-1'))!;
 */
export interface DrawingView {
  id: string;
  lineId: string;
  product: DrawProduct;
  status: DrawingStatus;
  holdId: string | null;
  requested: MoneyJson;
  drawn: MoneyJson;
  due: { penalty: MoneyJson; fees: MoneyJson; interest: MoneyJson; principal: MoneyJson; total: MoneyJson };
  repaid: {
    penalty: MoneyJson;
    fees: MoneyJson;
    interest: MoneyJson;
    principal: MoneyJson;
    total: MoneyJson;
  };
  reference: string | null;
  basis: DrawBasis;
  annualRate: string;
  /** The penalty rate a year: penaltyBaseRate × (1 + markup). */
  penaltyMarkup: string;
  dueDate: string | null;
  daysPastDue: number;
  createdAt: Date;
  drawnAt: Date | null;
  closedAt: Date | null;
  version: number;
}

/**
 * A drawing's view.
 *
 * @example
 * drawingView(drawing).due.total // { amount: '9018.00', currency: 'CNY' }
 */
export function drawingView(drawing: Drawing): DrawingView {
  const money = (minor: number) => moneyOf(minor, drawing.currency);
  const parts = (amounts: Drawing['due']) => ({
    penalty: money(amounts.penalty),
    fees: money(amounts.fees),
    interest: money(amounts.interest),
    principal: money(amounts.principal),
    total: money(amounts.penalty + amounts.fees + amounts.interest + amounts.principal),
  });
  return {
    id: drawing.id,
    lineId: drawing.lineId,
    product: drawing.product,
    status: drawing.status,
    holdId: drawing.holdId,
    requested: money(drawing.requested),
    drawn: money(drawing.drawn),
    due: parts(drawing.due),
    repaid: parts(drawing.repaid),
    reference: drawing.reference,
    basis: drawing.basis,
    annualRate: drawing.annualRate,
    penaltyMarkup: drawing.penaltyMarkup,
    dueDate: drawing.dueDate,
    daysPastDue: drawing.daysPastDue,
    createdAt: drawing.createdAt,
    drawnAt: drawing.drawnAt,
    closedAt: drawing.closedAt,
    version: drawing.version,
  };
}
