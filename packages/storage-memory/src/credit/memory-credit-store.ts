import {
  type AccountDraft,
  type AccountFilter,
  accountExistsError,
  type CreditLine,
  type CreditReader,
  type CreditTxPort,
  checkAccountDrafts,
  checkAccountFilter,
  checkDrawingFilter,
  checkExpirySweep,
  checkHoldFilter,
  checkLedgerNow,
  checkLineFilter,
  checkTransferDrafts,
  checkTransferFilter,
  compareIds,
  type Drawing,
  type DrawingFilter,
  type DrawingStatus,
  drawingExistsError,
  drawingNotFoundError,
  type ExpiredHolds,
  type ExpirySweep,
  expiryDrafts,
  type HoldFilter,
  isHoldDue,
  type LedgerAccount,
  type LedgerDraft,
  type LedgerTransfer,
  type LineFilter,
  lineAccountId,
  lineExistsError,
  lineNotFoundError,
  type PendingHold,
  planTransfers,
  staleDrawingError,
  staleLineError,
  type TransferFilter,
  zeroBalances,
} from '@s2b2b/credit';
import type { MemoryEngine, MemoryTxContext } from '../memory-engine.js';

/**
 * The credit port in maps: lines, accounts, the transfer log, holds and drawings. The engine's
 * lock serialises transactions, so `lockLine` and `lockDrawings` only read; `createTransfers`
 * and `expireHolds` run `planTransfers` on the current state and write nothing unless the whole
 * batch is accepted. Unlike the PostgreSQL adapter it keeps every account's balances on the
 * account, the platform's included (nothing waits on a row here).
 *
 * @example
 * const credit = new MemoryCreditStore(engine);
 * await engine.transaction((ctx) => credit.port(ctx).createAccounts([funding], { ifMissing: true }));
 */
export class MemoryCreditStore implements CreditReader {
  readonly #lines = new Map<string, CreditLine>();
  readonly #accounts = new Map<string, LedgerAccount>();
  readonly #transfers: LedgerTransfer[] = [];
  readonly #transferIndex = new Map<string, LedgerTransfer>();
  readonly #holds = new Map<string, PendingHold>();
  readonly #drawings = new Map<string, Drawing>();
  readonly #engine: MemoryEngine;

  constructor(engine: MemoryEngine) {
    this.#engine = engine;
  }

  /** The port a transaction uses. */
  port(ctx: MemoryTxContext): CreditTxPort {
    return {
      getLine: async (id) => this.#getLine(id),
      listLines: async (filter) => this.#listLines(checkLineFilter(filter)),
      getAccount: async (id) => this.#getAccount(id),
      listAccounts: async (filter) => this.#listAccounts(checkAccountFilter(filter)),
      getTransfer: async (id) => this.#getTransfer(id),
      listTransfers: async (filter) => this.#listTransfers(checkTransferFilter(filter)),
      getHold: async (id) => this.#getHold(id),
      listHolds: async (filter) => this.#listHolds(checkHoldFilter(filter)),
      getDrawing: async (id) => this.#getDrawing(id),
      listDrawings: async (filter) => this.#listDrawings(checkDrawingFilter(filter)),
      createAccounts: async (drafts, options) =>
        this.#createAccounts(ctx, drafts, options?.ifMissing ?? false),
      createTransfers: async (drafts, now) =>
        this.#apply(ctx, checkTransferDrafts(drafts), checkLedgerNow(now)),
      expireHolds: async (sweep) => this.#expire(ctx, checkExpirySweep(sweep)),
      insertLine: async (line) => {
        if (this.#lines.has(line.id)) throw lineExistsError(line.id);
        const stored = structuredClone({ ...line, version: 1 });
        this.#lines.set(line.id, stored);
        ctx.onRollback(() => this.#lines.delete(line.id));
        return structuredClone(stored);
      },
      lockLine: async (id) => this.#getLine(id),
      updateLine: async (line) => this.#updateLine(ctx, line),
      insertDrawing: async (drawing) => {
        if (this.#drawings.has(drawing.id)) throw drawingExistsError(drawing.id);
        const stored = structuredClone({ ...drawing, version: 1 });
        this.#drawings.set(drawing.id, stored);
        ctx.onRollback(() => this.#drawings.delete(drawing.id));
        return structuredClone(stored);
      },
      lockDrawings: async (lineId, statuses) => this.#lockDrawings(lineId, statuses),
      updateDrawing: async (drawing) => {
        const current = this.#drawings.get(drawing.id);
        if (!current) throw drawingNotFoundError(drawing.id);
        if (current.version !== drawing.version) throw staleDrawingError(drawing.id, drawing.version);
        const stored = structuredClone({ ...drawing, version: drawing.version + 1 });
        this.#drawings.set(drawing.id, stored);
        ctx.onRollback(() => this.#drawings.set(drawing.id, current));
        return structuredClone(stored);
      },
    };
  }

  async getLine(id: string): Promise<CreditLine | null> {
    return this.#engine.read(() => this.#getLine(id));
  }

  async listLines(filter?: LineFilter): Promise<CreditLine[]> {
    const checked = checkLineFilter(filter);
    return this.#engine.read(() => this.#listLines(checked));
  }

  async getAccount(id: string): Promise<LedgerAccount | null> {
    return this.#engine.read(() => this.#getAccount(id));
  }

  async listAccounts(filter?: AccountFilter): Promise<LedgerAccount[]> {
    const checked = checkAccountFilter(filter);
    return this.#engine.read(() => this.#listAccounts(checked));
  }

  async getTransfer(id: string): Promise<LedgerTransfer | null> {
    return this.#engine.read(() => this.#getTransfer(id));
  }

  async listTransfers(filter?: TransferFilter): Promise<LedgerTransfer[]> {
    const checked = checkTransferFilter(filter);
    return this.#engine.read(() => this.#listTransfers(checked));
  }

  async getHold(transferId: string): Promise<PendingHold | null> {
    return this.#engine.read(() => this.#getHold(transferId));
  }

  async listHolds(filter?: HoldFilter): Promise<PendingHold[]> {
    const checked = checkHoldFilter(filter);
    return this.#engine.read(() => this.#listHolds(checked));
  }

  async getDrawing(id: string): Promise<Drawing | null> {
    return this.#engine.read(() => this.#getDrawing(id));
  }

  async listDrawings(filter?: DrawingFilter): Promise<Drawing[]> {
    const checked = checkDrawingFilter(filter);
    return this.#engine.read(() => this.#listDrawings(checked));
  }

  #getLine(id: string): CreditLine | null {
    const line = this.#lines.get(id);
    return line ? structuredClone(line) : null;
  }

  #listLines(filter: ReturnType<typeof checkLineFilter>): CreditLine[] {
    const { merchantId, status, after, limit } = filter;
    return [...this.#lines.values()]
      .filter(
        (line) =>
          (merchantId === undefined || line.merchantId === merchantId) &&
          (status === undefined || line.status === status) &&
          (after === undefined || compareIds(line.id, after) > 0),
      )
      .sort((a, b) => compareIds(a.id, b.id))
      .slice(0, limit)
      .map((line) => structuredClone(line));
  }

  #getAccount(id: string): LedgerAccount | null {
    const account = this.#accounts.get(id);
    return account ? { ...account, createdAt: new Date(account.createdAt.getTime()) } : null;
  }

  #listAccounts(filter: AccountFilter): LedgerAccount[] {
    const ids = filter.ids ? new Set(filter.ids) : undefined;
    return [...this.#accounts.values()]
      .filter(
        (account) =>
          (filter.lineId === undefined || account.lineId === filter.lineId) &&
          (filter.currency === undefined || account.currency === filter.currency) &&
          (ids === undefined || ids.has(account.id)),
      )
      .sort((a, b) => compareIds(a.id, b.id))
      .map((account) => this.#getAccount(account.id)!);
  }

  #getTransfer(id: string): LedgerTransfer | null {
    const transfer = this.#transferIndex.get(id);
    return transfer ? copyTransfer(transfer) : null;
  }

  #listTransfers(filter: ReturnType<typeof checkTransferFilter>): LedgerTransfer[] {
    const { lineId, accountId, drawingId, afterSequence = 0, limit } = filter;
    const found: LedgerTransfer[] = [];
    // Sequences are 1, 2, 3, ... in array order (a rollback gives its numbers back).
    for (
      let index = Math.min(afterSequence, this.#transfers.length);
      index < this.#transfers.length;
      index += 1
    ) {
      const transfer = this.#transfers[index]!;
      if (lineId !== undefined && transfer.lineId !== lineId) continue;
      if (drawingId !== undefined && transfer.drawingId !== drawingId) continue;
      if (
        accountId !== undefined &&
        transfer.debitAccountId !== accountId &&
        transfer.creditAccountId !== accountId
      ) {
        continue;
      }
      found.push(copyTransfer(transfer));
      if (found.length === limit) break;
    }
    return found;
  }

  #getHold(transferId: string): PendingHold | null {
    const hold = this.#holds.get(transferId);
    return hold ? copyHold(hold) : null;
  }

  #listHolds(filter: ReturnType<typeof checkHoldFilter>): PendingHold[] {
    const { lineId, status, dueBy, after, limit } = filter;
    return [...this.#holds.values()]
      .filter(
        (hold) =>
          (lineId === undefined || hold.lineId === lineId) &&
          (status === undefined || hold.status === status) &&
          (dueBy === undefined || isHoldDue(hold, dueBy)) &&
          (after === undefined || compareIds(hold.transferId, after) > 0),
      )
      .sort((a, b) => compareIds(a.transferId, b.transferId))
      .slice(0, limit)
      .map(copyHold);
  }

  #getDrawing(id: string): Drawing | null {
    const drawing = this.#drawings.get(id);
    return drawing ? structuredClone(drawing) : null;
  }

  #listDrawings(filter: ReturnType<typeof checkDrawingFilter>): Drawing[] {
    const { lineId, status, after, limit } = filter;
    return [...this.#drawings.values()]
      .filter(
        (drawing) =>
          (lineId === undefined || drawing.lineId === lineId) &&
          (status === undefined || drawing.status === status) &&
          (after === undefined || compareIds(drawing.id, after) > 0),
      )
      .sort((a, b) => compareIds(a.id, b.id))
      .slice(0, limit)
      .map((drawing) => structuredClone(drawing));
  }

  #lockDrawings(lineId: string, statuses: readonly DrawingStatus[]): Drawing[] {
    return [...this.#drawings.values()]
      .filter((drawing) => drawing.lineId === lineId && statuses.includes(drawing.status))
      .sort((a, b) => compareIds(a.id, b.id))
      .map((drawing) => structuredClone(drawing));
  }

  #createAccounts(
    ctx: MemoryTxContext,
    drafts: readonly AccountDraft[],
    ifMissing: boolean,
  ): LedgerAccount[] {
    const checked = checkAccountDrafts(drafts);
    const created: LedgerAccount[] = [];
    for (const draft of checked) {
      if (this.#accounts.has(draft.id)) {
        if (!ifMissing) throw accountExistsError(draft.id);
        continue;
      }
      created.push({ ...draft, ...zeroBalances(), createdAt: new Date(draft.createdAt.getTime()) });
    }
    for (const account of created) this.#accounts.set(account.id, account);
    ctx.onRollback(() => {
      for (const account of created) this.#accounts.delete(account.id);
    });
    return checked.map((draft) => this.#getAccount(draft.id)!);
  }

  #updateLine(ctx: MemoryTxContext, line: CreditLine): CreditLine {
    const current = this.#lines.get(line.id);
    if (!current) throw lineNotFoundError(line.id);
    if (current.version !== line.version) throw staleLineError(line.id, line.version);
    const principalId = lineAccountId(line.id, 'principal');
    const principal = this.#accounts.get(principalId);
    const stored = structuredClone({ ...line, version: line.version + 1 });
    this.#lines.set(line.id, stored);
    if (principal) {
      this.#accounts.set(principalId, {
        ...principal,
        debitLimit: line.limit,
        debitsFrozen: line.status === 'frozen',
      });
    }
    ctx.onRollback(() => {
      this.#lines.set(line.id, current);
      if (principal) this.#accounts.set(principalId, principal);
    });
    return structuredClone(stored);
  }

  #apply(ctx: MemoryTxContext, drafts: readonly LedgerDraft[], now: Date): LedgerTransfer[] {
    const plan = planTransfers({
      drafts,
      accounts: this.#accounts,
      holds: this.#holds,
      existing: new Set(
        drafts.flatMap((draft) =>
          draft.kind !== 'expire' && this.#transferIndex.has(draft.id) ? [draft.id] : [],
        ),
      ),
      now,
    });
    // Accepted as a whole: write it (every account, the platform's too, keeps its balances here).
    for (const delta of plan.deltas) {
      const previous = this.#accounts.get(delta.accountId)!;
      this.#accounts.set(delta.accountId, {
        ...previous,
        debitsPending: previous.debitsPending + delta.debitsPending,
        debitsPosted: previous.debitsPosted + delta.debitsPosted,
        creditsPending: previous.creditsPending + delta.creditsPending,
        creditsPosted: previous.creditsPosted + delta.creditsPosted,
      });
      ctx.onRollback(() => this.#accounts.set(delta.accountId, previous));
    }
    for (const hold of plan.holds) {
      const previous = this.#holds.get(hold.transferId);
      this.#holds.set(hold.transferId, copyHold(hold));
      ctx.onRollback(() =>
        previous ? this.#holds.set(hold.transferId, previous) : this.#holds.delete(hold.transferId),
      );
    }
    const start = this.#transfers.length;
    const stored = plan.transfers.map((record, offset) => {
      const transfer: LedgerTransfer = {
        ...copyTransfer({ ...record, sequence: 0 }),
        sequence: start + offset + 1,
      };
      this.#transfers.push(transfer);
      this.#transferIndex.set(transfer.id, transfer);
      return copyTransfer(transfer);
    });
    ctx.onRollback(() => {
      for (const transfer of this.#transfers.splice(start)) this.#transferIndex.delete(transfer.id);
    });
    return stored;
  }

  #expire(ctx: MemoryTxContext, sweep: ExpirySweep): ExpiredHolds {
    const due = [...this.#holds.values()]
      .filter((hold) => isHoldDue(hold, sweep.now) && (sweep.lineId === null || hold.lineId === sweep.lineId))
      .sort((a, b) => compareIds(a.transferId, b.transferId))
      .slice(0, sweep.limit);
    if (due.length === 0) return { holds: [], transfers: [] };
    const drafts = expiryDrafts(due, this.#transferIndex, sweep);
    const transfers = this.#apply(ctx, drafts, sweep.now);
    return { holds: due.map((hold) => copyHold(this.#holds.get(hold.transferId)!)), transfers };
  }
}

function copyTransfer(transfer: LedgerTransfer): LedgerTransfer {
  return {
    ...transfer,
    occurredAt: new Date(transfer.occurredAt.getTime()),
    expiresAt: transfer.expiresAt ? new Date(transfer.expiresAt.getTime()) : null,
  };
}

function copyHold(hold: PendingHold): PendingHold {
  return {
    ...hold,
    expiresAt: hold.expiresAt ? new Date(hold.expiresAt.getTime()) : null,
    resolvedAt: hold.resolvedAt ? new Date(hold.resolvedAt.getTime()) : null,
  };
}
