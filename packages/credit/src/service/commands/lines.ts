import type { z } from 'zod';
import { lineAccountId, platformAccountId } from '../../ledger/accounts.js';
import { lineNotFoundError } from '../../lines/errors.js';
import type { CreditLine } from '../../lines/line.js';
import type { CreditTx } from '../../store.js';
import { type CommandContext, creditEvent, fromMinor, singleTransfer, toMinor } from '../context.js';
import { lineNotFrozenError } from '../errors.js';
import type { CreditEvent } from '../events.js';
import { lineAccountDrafts, platformAccountDrafts } from '../line-accounts.js';
import {
  type changeLimitSchema,
  DEFAULT_LINE_TERMS,
  type freezeSchema,
  type openLineSchema,
  type unfreezeSchema,
} from '../schemas.js';
import type { LineView } from '../views.js';
import { type CommandOutcome, currentView } from './outcome.js';

/**
 * What the line commands return: the line after the command.
 *
 * @example
 * const { line }: LineOutcome = await credit.openLine(input);
 */
export interface LineOutcome extends CommandOutcome {
  line: LineView;
}

/**
 * The line, or `LINE_NOT_FOUND`; locked until the transaction ends.
 *
 * @example
 * const line = await requireLockedLine(tx, 'L-1');
 */
export async function requireLockedLine(tx: CreditTx, lineId: string): Promise<CreditLine> {
  const line = await tx.credit.lockLine(lineId);
  if (!line) throw lineNotFoundError(lineId);
  return line;
}

/**
 * The line, or `LINE_NOT_FOUND`; not locked (draws rely on the ledger's own check).
 *
 * @example
 * const line = await requireLine(tx, 'L-1');
 */
export async function requireLine(tx: CreditTx, lineId: string): Promise<CreditLine> {
  const line = await tx.credit.getLine(lineId);
  if (!line) throw lineNotFoundError(lineId);
  return line;
}

/**
 * `openLine`: the platform's accounts in the currency (once), the line, its seven accounts, and
 * the limit moved from the platform's limits to the line's limit account.
 *
 * @example
 * await openLine(tx, input, ctx);
 */
export async function openLine(
  tx: CreditTx,
  input: z.output<typeof openLineSchema>,
  ctx: CommandContext,
): Promise<LineOutcome> {
  const { currency } = input;
  const limit = toMinor(input.limit, currency, 'limit');
  await tx.credit.createAccounts(platformAccountDrafts(currency, ctx.now), { ifMissing: true });
  const line = await tx.credit.insertLine({
    id: input.lineId,
    merchantId: input.merchantId,
    currency,
    limit,
    status: 'active',
    freeze: null,
    terms: input.terms ?? structuredClone({ ...DEFAULT_LINE_TERMS }),
    openedAt: ctx.now,
    updatedAt: ctx.now,
    version: 1,
  });
  await tx.credit.createAccounts(lineAccountDrafts(line));
  if (limit > 0) {
    await tx.credit.createTransfers(
      [
        singleTransfer(ctx, {
          debit: platformAccountId(currency, 'limits'),
          credit: lineAccountId(line.id, 'limit'),
          amount: limit,
          code: 'limit',
          lineId: line.id,
        }),
      ],
      ctx.now,
    );
  }
  return {
    line: await currentView(tx, line),
    events: [
      creditEvent(ctx, 'credit.line_opened', {
        lineId: line.id,
        merchantId: line.merchantId,
        currency,
        limit: fromMinor(limit, currency),
      }),
    ],
  };
}

/**
 * `changeLimit`: the difference moved between the platform's limits and the line's limit
 * account, and the principal account's debit limit set to the new limit — atomically, under the
 * line's lock. A cut below what is drawn leaves the drawn amount as it is: new draws are refused
 * until repayments bring it under the limit.
 *
 * @example
 * await changeLimit(tx, input, ctx);
 */
export async function changeLimit(
  tx: CreditTx,
  input: z.output<typeof changeLimitSchema>,
  ctx: CommandContext,
): Promise<LineOutcome> {
  const line = await requireLockedLine(tx, input.lineId);
  const limit = toMinor(input.limit, line.currency, 'limit');
  const delta = limit - line.limit;
  if (delta !== 0) {
    const platform = platformAccountId(line.currency, 'limits');
    const mine = lineAccountId(line.id, 'limit');
    await tx.credit.createTransfers(
      [
        singleTransfer(ctx, {
          debit: delta > 0 ? platform : mine,
          credit: delta > 0 ? mine : platform,
          amount: Math.abs(delta),
          code: 'limit',
          lineId: line.id,
          reference: input.reason,
        }),
      ],
      ctx.now,
    );
  }
  const updated = await tx.credit.updateLine({ ...line, limit, updatedAt: ctx.now });
  const events: CreditEvent[] =
    delta === 0
      ? []
      : [
          creditEvent(ctx, 'credit.limit_changed', {
            lineId: line.id,
            currency: line.currency,
            from: fromMinor(line.limit, line.currency),
            to: fromMinor(limit, line.currency),
            reason: input.reason,
          }),
        ];
  return { line: await currentView(tx, updated), events };
}

/**
 * `freeze`: no new draws on the line (its principal account takes no new debits). Freezing a
 * line the overdue rule froze makes the freeze a person's, so curing the arrears no longer
 * lifts it; freezing a line a person froze changes nothing.
 *
 * @example
 * await freezeLine(tx, input, ctx);
 */
export async function freezeLine(
  tx: CreditTx,
  input: z.output<typeof freezeSchema>,
  ctx: CommandContext,
): Promise<LineOutcome> {
  const line = await requireLockedLine(tx, input.lineId);
  if (line.status === 'frozen' && line.freeze?.automatic === false) {
    return { line: await currentView(tx, line), events: [] };
  }
  const updated = await tx.credit.updateLine({
    ...line,
    status: 'frozen',
    freeze: { reason: input.reason, automatic: false, at: ctx.now },
    updatedAt: ctx.now,
  });
  return {
    line: await currentView(tx, updated),
    events: [
      creditEvent(ctx, 'credit.frozen', {
        lineId: line.id,
        reason: input.reason,
        automatic: false,
        daysPastDue: 0,
      }),
    ],
  };
}

/**
 * `unfreeze`: draws allowed again. @throws DomainError `LINE_NOT_FROZEN`
 *
 * @example
 * await unfreezeLine(tx, input, ctx);
 */
export async function unfreezeLine(
  tx: CreditTx,
  input: z.output<typeof unfreezeSchema>,
  ctx: CommandContext,
): Promise<LineOutcome> {
  const line = await requireLockedLine(tx, input.lineId);
  if (line.status !== 'frozen') throw lineNotFrozenError(line.id);
  const updated = await tx.credit.updateLine({ ...line, status: 'active', freeze: null, updatedAt: ctx.now });
  return {
    line: await currentView(tx, updated),
    events: [
      creditEvent(ctx, 'credit.unfrozen', { lineId: line.id, reason: input.reason, automatic: false }),
    ],
  };
}
