import type { ExpiryDraft } from './plan-transfers.js';
import type { LedgerTransfer, PendingHold } from './transfers.js';

/**
 * The expiry drafts of a sweep: one per due hold, copying the code, line, drawing and reference
 * of the pending transfer, stamped with the sweep's command and time. Every adapter builds its
 * expiries with this, so they write the same transfers.
 *
 * @example
 * const drafts = expiryDrafts(holds, pendingById, { now, commandScope: 'credit.expire-holds', commandKey: 'sweep-1' });
 */
export function expiryDrafts(
  holds: readonly PendingHold[],
  pendingTransfers: ReadonlyMap<string, Pick<LedgerTransfer, 'code' | 'reference'>>,
  sweep: { now: Date; commandScope: string; commandKey: string },
): ExpiryDraft[] {
  return holds.map((hold) => {
    const pending = pendingTransfers.get(hold.transferId);
    return {
      kind: 'expire',
      pendingId: hold.transferId,
      code: pending?.code ?? 'expire',
      lineId: hold.lineId,
      drawingId: hold.drawingId,
      reference: pending?.reference ?? null,
      commandScope: sweep.commandScope,
      commandKey: sweep.commandKey,
      occurredAt: new Date(sweep.now.getTime()),
    };
  });
}
