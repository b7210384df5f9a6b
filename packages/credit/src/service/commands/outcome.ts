import type { CreditLine } from '../../lines/line.js';
import type { CreditTx } from '../../store.js';
import type { CreditEvent } from '../events.js';
import { type LineView, lineView } from '../views.js';

/**
 * What every credit command returns besides its own fields: the events it committed.
 *
 * @example
 * const outcome: CommandOutcome = { events: [] };
 */
export interface CommandOutcome {
  events: CreditEvent[];
}

/**
 * A line's view read inside the command's transaction (after its writes).
 *
 * @example
 * const view = await currentView(tx, line);
 */
export async function currentView(tx: CreditTx, line: CreditLine): Promise<LineView> {
  return lineView(line, await tx.credit.listAccounts({ lineId: line.id }));
}
