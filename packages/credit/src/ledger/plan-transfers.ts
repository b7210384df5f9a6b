import {
  type AccountBalances,
  compareIds,
  isUnbounded,
  type LedgerAccount,
  MAX_LEDGER_AMOUNT,
} from './accounts.js';
import {
  accountNotFoundError,
  holdAmountError,
  holdExpiredError,
  holdNotDueError,
  holdNotFoundError,
  holdResolvedError,
  ledgerCurrencyError,
  limitViolationError,
  sameAccountError,
  transferExistsError,
} from './errors.js';
import { checkCredit, checkDebit } from './limits.js';
import {
  expiryTransferId,
  isHoldDue,
  type PendingHold,
  type TransferDraft,
  type TransferMeta,
  type TransferRecord,
} from './transfers.js';

/**
 * What the store itself writes when a hold times out: the expiry of one pending transfer. Not
 * part of {@link TransferDraft} (callers cannot expire a hold early); adapters pass it to
 * {@link planTransfers} from their expiry sweep.
 *
 * @example
 * const draft: ExpiryDraft = { kind: 'expire', pendingId: 'T-1', code: 'draw', lineId: 'L-1', drawingId: 'D-1', reference: null, commandScope: 'credit.expire-holds', commandKey: 'sweep-1', occurredAt: now };
 */
export type ExpiryDraft = TransferMeta & { kind: 'expire'; pendingId: string };

/**
 * Anything {@link planTransfers} can apply.
 *
 * @example
 * const drafts: LedgerDraft[] = [holdDraft, expiryDraft];
 */
export type LedgerDraft = TransferDraft | ExpiryDraft;

/**
 * What {@link planTransfers} works on: the state it may read, as the adapter locked it.
 *
 * @example
 * const input: TransferPlanInput = { drafts, accounts: new Map([[a.id, a], [b.id, b]]), holds: new Map(), existing: new Set(), now };
 */
export interface TransferPlanInput {
  drafts: readonly LedgerDraft[];
  /**
   * Every account the drafts name, and the accounts of the holds they resolve. Unbounded
   * accounts ({@link isUnbounded}) are never checked, so their balances may be left at zero
   * (the PostgreSQL adapter does not read them).
   */
  accounts: ReadonlyMap<string, LedgerAccount>;
  /** The holds the `post`, `void` and `expire` drafts name; a missing one is `HOLD_NOT_FOUND`. */
  holds: ReadonlyMap<string, PendingHold>;
  /** Which of the drafts' ids are taken already. */
  existing: ReadonlySet<string>;
  now: Date;
}

/**
 * The signed change of each balance of one account.
 *
 * @example
 * const delta: BalanceDelta = { accountId: 'line:L-1:principal', debitsPending: 120_000, debitsPosted: 0, creditsPending: 0, creditsPosted: 0 };
 */
export interface BalanceDelta extends AccountBalances {
  accountId: string;
}

/**
 * What a batch does, if every transfer in it is accepted: the transfer records in draft order,
 * the change of every account it touches (in {@link compareIds} order — the order to write them
 * in), each bounded account after the batch, and every hold it creates or resolves, after.
 *
 * @example
 * const { transfers, deltas, accounts, holds }: TransferPlan = planTransfers(input);
 */
export interface TransferPlan {
  transfers: TransferRecord[];
  deltas: BalanceDelta[];
  /** The bounded accounts after the batch (unbounded ones are not tracked here). */
  accounts: LedgerAccount[];
  holds: PendingHold[];
}

/**
 * Applies a linked batch of transfers to the state given, one after the other — each sees the
 * balances the ones before it left (TigerBeetle's linked chains) — and returns what to write;
 * or throws the `DomainError` of the first transfer refused, in which case nothing may be
 * written (`details.index` names it). Every adapter runs this on the rows it locked, so all of
 * them accept and refuse exactly the same batches.
 *
 * Checks, in order: the id is new; single and pending: both accounts exist, differ and share a
 * currency, the debit account accepts the debit and the credit account the credit
 * ({@link checkDebit}, {@link checkCredit}; pending amounts count in full); post, void and
 * expire: the hold exists (`HOLD_NOT_FOUND`), is still pending (`HOLD_ALREADY_RESOLVED`), has
 * not timed out at `now` (`HOLD_EXPIRED`; expire requires that it has), and a post is at most
 * the pending amount (`HOLD_AMOUNT_EXCEEDED`). A post releases the whole pending amount and
 * posts what it names; limits are never checked again on the second phase.
 *
 * @example
 * const plan = planTransfers({ drafts: [draw], accounts, holds: new Map(), existing: new Set(), now });
 * plan.deltas // [{ accountId: 'line:L-1:principal', debitsPosted: 120000, ... }, { accountId: 'platform:CNY:funding', creditsPosted: 120000, ... }]
 */
export function planTransfers(input: TransferPlanInput): TransferPlan {
  const { drafts, now } = input;
  const accounts = new Map<string, LedgerAccount>();
  const deltas = new Map<string, BalanceDelta>();
  const holds = new Map<string, PendingHold>();
  const seen = new Set<string>();
  const transfers: TransferRecord[] = [];

  const account = (id: string, index: number): LedgerAccount => {
    const current = accounts.get(id) ?? input.accounts.get(id);
    if (!current) throw accountNotFoundError(id, index);
    return current;
  };
  const change = (current: LedgerAccount, field: keyof AccountBalances, amount: number) => {
    const next = { ...current, [field]: current[field] + amount };
    accounts.set(current.id, next);
    const delta = deltas.get(current.id) ?? {
      accountId: current.id,
      debitsPending: 0,
      debitsPosted: 0,
      creditsPending: 0,
      creditsPosted: 0,
    };
    delta[field] += amount;
    deltas.set(current.id, delta);
  };
  const hold = (pendingId: string, index: number): PendingHold => {
    const found = holds.get(pendingId) ?? input.holds.get(pendingId);
    if (!found) throw holdNotFoundError(pendingId, index);
    return found;
  };

  drafts.forEach((draft, index) => {
    const id = draft.kind === 'expire' ? expiryTransferId(draft.pendingId) : draft.id;
    if (seen.has(id) || input.existing.has(id)) throw transferExistsError(id, index);
    seen.add(id);
    const meta: TransferMeta = {
      code: draft.code,
      lineId: draft.lineId,
      drawingId: draft.drawingId,
      reference: draft.reference,
      commandScope: draft.commandScope,
      commandKey: draft.commandKey,
      occurredAt: draft.occurredAt,
    };
    if (draft.kind === 'single' || draft.kind === 'pending') {
      const debit = account(draft.debitAccountId, index);
      const credit = account(draft.creditAccountId, index);
      if (debit.id === credit.id) throw sameAccountError(id, debit.id, index);
      if (debit.currency !== credit.currency) {
        throw ledgerCurrencyError(id, debit.currency, credit.currency, index);
      }
      const side = draft.kind === 'pending' ? 'pending' : 'posted';
      if (!isUnbounded(debit)) {
        const refused = checkDebit(debit, draft.amount, side);
        if (refused) throw limitViolationError(debit, refused, index);
      }
      if (!isUnbounded(credit)) {
        const refused = checkCredit(credit, draft.amount, side);
        if (refused) throw limitViolationError(credit, refused, index);
      }
      change(debit, side === 'pending' ? 'debitsPending' : 'debitsPosted', draft.amount);
      change(
        account(credit.id, index),
        side === 'pending' ? 'creditsPending' : 'creditsPosted',
        draft.amount,
      );
      const expiresAt = draft.kind === 'pending' ? draft.expiresAt : null;
      transfers.push({
        ...meta,
        id,
        kind: draft.kind,
        debitAccountId: debit.id,
        creditAccountId: credit.id,
        amount: draft.amount,
        currency: debit.currency,
        pendingId: null,
        expiresAt,
      });
      if (draft.kind === 'pending') {
        holds.set(id, {
          transferId: id,
          debitAccountId: debit.id,
          creditAccountId: credit.id,
          amount: draft.amount,
          currency: debit.currency,
          expiresAt,
          lineId: draft.lineId,
          drawingId: draft.drawingId,
          status: 'pending',
          postedAmount: 0,
          resolvedBy: null,
          resolvedAt: null,
        });
      }
      return;
    }
    const pending = hold(draft.pendingId, index);
    if (pending.status !== 'pending') throw holdResolvedError(pending, index);
    const due = isHoldDue(pending, now);
    if (draft.kind === 'expire' ? !due : due) {
      throw draft.kind === 'expire' ? holdNotDueError(pending, index) : holdExpiredError(pending, index);
    }
    const posted = draft.kind === 'post' ? (draft.amount ?? pending.amount) : 0;
    if (posted > pending.amount) throw holdAmountError(pending, posted, index);
    const debit = account(pending.debitAccountId, index);
    const credit = account(pending.creditAccountId, index);
    if (posted > 0) {
      for (const [target, balance] of [
        [debit, 'debitsPosted'],
        [credit, 'creditsPosted'],
      ] as const) {
        if (!isUnbounded(target) && target[balance] + posted > MAX_LEDGER_AMOUNT) {
          throw limitViolationError(
            target,
            { rule: 'overflow', balance, current: target[balance], amount: posted },
            index,
          );
        }
      }
    }
    change(debit, 'debitsPending', -pending.amount);
    change(account(credit.id, index), 'creditsPending', -pending.amount);
    if (posted > 0) {
      change(account(debit.id, index), 'debitsPosted', posted);
      change(account(credit.id, index), 'creditsPosted', posted);
    }
    transfers.push({
      ...meta,
      id,
      kind: draft.kind,
      debitAccountId: debit.id,
      creditAccountId: credit.id,
      amount: draft.kind === 'post' ? posted : pending.amount,
      currency: pending.currency,
      pendingId: pending.transferId,
      expiresAt: null,
    });
    holds.set(pending.transferId, {
      ...pending,
      status: draft.kind === 'post' ? 'posted' : draft.kind === 'void' ? 'voided' : 'expired',
      postedAmount: posted,
      resolvedBy: id,
      resolvedAt: new Date(now.getTime()),
    });
  });

  const ids = [...deltas.keys()].sort(compareIds);
  return {
    transfers,
    deltas: ids.map((id) => deltas.get(id)!),
    accounts: ids.map((id) => accounts.get(id)!).filter((current) => !isUnbounded(current)),
    holds: [...holds.values()],
  };
}
