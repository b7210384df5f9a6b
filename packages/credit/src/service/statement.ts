import { calendarDate, type IsoDate } from '../interest/calendar-date.js';
import { type LineAccountRole, lineAccountId } from '../ledger/accounts.js';
import type { LedgerTransfer } from '../ledger/transfers.js';
import type { Drawing } from '../lines/drawing.js';
import type { CreditLine } from '../lines/line.js';
import { fromMinor } from './context.js';
import { type DrawingView, drawingView } from './views.js';

/**
 * The balances a statement reports, as decimal strings of the line's currency: what is owed by
 * part, the merchant's credit, principal reserved by holds, the limit and the face value of
 * invoices assigned.
 *
 * @example
 * const b: StatementBalances = { principal: '9000.00', interest: '18.00', fees: '300.00', penalty: '0.00', owed: '9318.00', credit: '0.00', pending: '0.00', limit: '50000.00', invoices: '10000.00' };
 */
export interface StatementBalances {
  principal: string;
  interest: string;
  fees: string;
  penalty: string;
  owed: string;
  credit: string;
  pending: string;
  limit: string;
  invoices: string;
}

/** The balances a statement tracks. */
const TRACKED = [
  'principal',
  'interest',
  'fees',
  'penalty',
  'credit',
  'pending',
  'limit',
  'invoices',
] as const;

/**
 * One of the balances a statement tracks.
 *
 * @example
 * const b: StatementBalance = 'pending';
 */
export type StatementBalance = (typeof TRACKED)[number];

/**
 * One transfer on a statement: when, what, and how it changed each of the line's balances
 * (signed, in the balance's own direction: a repayment of interest is `interest: '-12.50'`).
 *
 * @example
 * const e: StatementEntry = { date: '2026-03-20', at: new Date(), transferId: 'T-9', kind: 'single', code: 'repayment', drawingId: 'D-1', reference: 'bank-1', changes: { interest: '-18.00' } };
 */
export interface StatementEntry {
  date: IsoDate;
  at: Date;
  transferId: string;
  kind: LedgerTransfer['kind'];
  code: string;
  drawingId: string | null;
  reference: string | null;
  changes: Partial<Record<StatementBalance, string>>;
}

/**
 * A line's statement for the calendar days `from` to `to` (inclusive, in the line's zone):
 * opening and closing balances, every transfer in between, the totals by kind of movement, and
 * the drawings that were open at the end or moved during the period. Opening + the changes of
 * the entries = closing, for every balance, to the cent.
 *
 * @example
 * const s: Statement = await credit.statement({ lineId: 'L-1', from: '2026-03-01', to: '2026-03-31' });
 */
export interface Statement {
  lineId: string;
  merchantId: string;
  currency: string;
  zone: string;
  from: IsoDate;
  to: IsoDate;
  opening: StatementBalances;
  closing: StatementBalances;
  totals: {
    drawn: string;
    interest: string;
    penalty: string;
    fees: string;
    repaid: string;
    overpaid: string;
    creditApplied: string;
    refunded: string;
  };
  entries: StatementEntry[];
  drawings: DrawingView[];
}

/**
 * Builds a statement from a line's transfer log (all of it, in sequence order) and its drawings.
 * Pure: the service reads them, this sorts them into days.
 *
 * @example
 * const s = buildStatement({ line, transfers, drawings, from: '2026-03-01', to: '2026-03-31' });
 */
export function buildStatement(input: {
  line: CreditLine;
  transfers: readonly LedgerTransfer[];
  drawings: readonly Drawing[];
  from: IsoDate;
  to: IsoDate;
}): Statement {
  const { line, from, to } = input;
  const { currency } = line;
  const zone = line.terms.zone;
  const opening = zero();
  const balance = zero();
  const totals = {
    drawn: 0,
    interest: 0,
    penalty: 0,
    fees: 0,
    repaid: 0,
    overpaid: 0,
    creditApplied: 0,
    refunded: 0,
  };
  const entries: StatementEntry[] = [];
  const touched = new Set<string>();
  const pendingAmount = new Map<string, number>();
  const roles = lineRoles(line.id);
  for (const transfer of [...input.transfers].sort((a, b) => a.sequence - b.sequence)) {
    if (transfer.kind === 'pending') pendingAmount.set(transfer.id, transfer.amount);
    const date = calendarDate(transfer.occurredAt, zone);
    if (date > to) break;
    const changes = effects(roles, transfer, pendingAmount);
    const inPeriod = date >= from;
    for (const [name, delta] of Object.entries(changes) as [StatementBalance, number][]) {
      balance[name] += delta;
      if (!inPeriod) opening[name] += delta;
    }
    if (!inPeriod) continue;
    if (transfer.drawingId !== null) touched.add(transfer.drawingId);
    tally(totals, transfer, changes);
    entries.push({
      date,
      at: new Date(transfer.occurredAt.getTime()),
      transferId: transfer.id,
      kind: transfer.kind,
      code: transfer.code,
      drawingId: transfer.drawingId,
      reference: transfer.reference,
      changes: Object.fromEntries(
        Object.entries(changes).map(([name, delta]) => [name, fromMinor(delta, currency)]),
      ),
    });
  }
  const money = (minor: number) => fromMinor(minor, currency);
  const shown = (values: Record<StatementBalance, number>): StatementBalances => ({
    principal: money(values.principal),
    interest: money(values.interest),
    fees: money(values.fees),
    penalty: money(values.penalty),
    owed: money(values.principal + values.interest + values.fees + values.penalty),
    credit: money(values.credit),
    pending: money(values.pending),
    limit: money(values.limit),
    invoices: money(values.invoices),
  });
  return {
    lineId: line.id,
    merchantId: line.merchantId,
    currency,
    zone,
    from,
    to,
    opening: shown(opening),
    closing: shown(balance),
    totals: Object.fromEntries(
      Object.entries(totals).map(([name, value]) => [name, money(value)]),
    ) as Statement['totals'],
    entries,
    drawings: input.drawings
      .filter((drawing) => drawing.status === 'active' || touched.has(drawing.id))
      .map(drawingView),
  };
}

function zero(): Record<StatementBalance, number> {
  return { principal: 0, interest: 0, fees: 0, penalty: 0, credit: 0, pending: 0, limit: 0, invoices: 0 };
}

/** Which statement balance each line account is, and its sign when debited. */
const ROLE_SIGN: Partial<Record<LineAccountRole, [StatementBalance, 1 | -1]>> = {
  principal: ['principal', 1],
  interest: ['interest', 1],
  fees: ['fees', 1],
  penalty: ['penalty', 1],
  invoices: ['invoices', 1],
  credit: ['credit', -1],
  limit: ['limit', -1],
};

/** The line's account ids, each with the statement balance it is and its sign when debited. */
function lineRoles(lineId: string): Map<string, [StatementBalance, 1 | -1]> {
  return new Map(
    (Object.entries(ROLE_SIGN) as [LineAccountRole, [StatementBalance, 1 | -1]][]).map(([role, sign]) => [
      lineAccountId(lineId, role),
      sign,
    ]),
  );
}

/** How one transfer changes the line's balances. */
function effects(
  roles: ReadonlyMap<string, [StatementBalance, 1 | -1]>,
  transfer: LedgerTransfer,
  pendingAmount: ReadonlyMap<string, number>,
): Partial<Record<StatementBalance, number>> {
  const changes: Partial<Record<StatementBalance, number>> = {};
  const add = (name: StatementBalance, delta: number) => {
    if (delta !== 0) changes[name] = (changes[name] ?? 0) + delta;
  };
  const debit = roles.get(transfer.debitAccountId);
  const credit = roles.get(transfer.creditAccountId);
  if (transfer.kind === 'single' || transfer.kind === 'post') {
    if (debit) add(debit[0], debit[1] * transfer.amount);
    if (credit) add(credit[0], -credit[1] * transfer.amount);
  }
  // Holds only ever reserve principal: pending is the principal account's debitsPending.
  if (debit?.[0] === 'principal') {
    if (transfer.kind === 'pending') add('pending', transfer.amount);
    if (transfer.kind === 'post' || transfer.kind === 'void' || transfer.kind === 'expire') {
      add('pending', -(pendingAmount.get(transfer.pendingId ?? '') ?? transfer.amount));
    }
  }
  return changes;
}

function tally(
  totals: Record<keyof Statement['totals'], number>,
  transfer: LedgerTransfer,
  changes: Partial<Record<StatementBalance, number>>,
): void {
  const owedDrop = -['principal', 'interest', 'fees', 'penalty'].reduce(
    (sum, name) => sum + Math.min(0, changes[name as StatementBalance] ?? 0),
    0,
  );
  switch (transfer.code) {
    case 'draw':
      totals.drawn += Math.max(0, changes.principal ?? 0);
      break;
    case 'interest':
      totals.interest += changes.interest ?? 0;
      break;
    case 'penalty':
      totals.penalty += changes.penalty ?? 0;
      break;
    case 'fee':
      totals.fees += changes.fees ?? 0;
      break;
    case 'repayment':
      totals.repaid += owedDrop;
      break;
    case 'credit-applied':
      totals.creditApplied += owedDrop;
      break;
    case 'overpayment':
      totals.overpaid += changes.credit ?? 0;
      break;
    case 'refund':
      totals.refunded += -(changes.credit ?? 0);
      break;
  }
}
