import {
  createIdGenerator,
  formatMoney,
  isS2b2bError,
  Money,
  type MoneyJson,
  manualClock,
} from '@s2b2b/core';
import { balancesFromTransfers, createCreditService, type LedgerTransfer, trialBalance } from '@s2b2b/credit';
import type { Printer } from '../output.js';
import type { StorageSession } from '../storage.js';

/**
 * What the credit section found.
 *
 * @example
 * const { burst, financing, books, ok }: CreditTourResult = await creditTour(options);
 */
export interface CreditTourResult {
  kind: string;
  /** The line of this run (`L-<tag>`): its own per run, so reruns on the same data never meet. */
  lineId: string;
  limit: MoneyJson;
  burst: {
    /** Checkouts fired at once, each holding `amountEach` of credit. */
    checkouts: number;
    amountEach: MoneyJson;
    /** ⌊limit / amountEach⌋: what a serial run would hold, in any order. */
    expected: number;
    succeeded: number;
    /** Refusals by error code (all `CREDIT_LIMIT_EXCEEDED`). */
    refused: Record<string, number>;
    /** What the line had reserved when the burst was over. */
    pending: MoneyJson;
  };
  /** One hold confirmed in part, the others cancelled. */
  confirmed: { held: MoneyJson; drawn: MoneyJson; released: MoneyJson; dueDate: string };
  /** Receivables financing of one invoice. */
  financing: { invoice: MoneyJson; advance: MoneyJson; fee: MoneyJson };
  /** Interest posted by the close of day 30 days later. */
  interest: MoneyJson;
  /** The buyer pays the invoice: how it was applied, and the merchant's credit left over. */
  repayment: { fees: MoneyJson; principal: MoneyJson; credit: MoneyJson };
  /** The line at the end. */
  line: { drawn: MoneyJson; pending: MoneyJson; owed: MoneyJson; credit: MoneyJson; available: MoneyJson };
  books: {
    transfers: number;
    /** Debits = credits over every account of the storage, posted and pending. */
    balanced: boolean;
    /** The line's accounts equal their balances rebuilt from its transfers. */
    rebuilt: boolean;
  };
  /** The `credit.*` events the section committed (counted by `onEvent`), by type. */
  events: { committed: number; byType: Record<string, number> };
  ok: boolean;
  ms: number;
}

/**
 * Options of `creditTour`.
 *
 * @example
 * const options: CreditTourOptions = { out, session: storageSession(plan) };
 */
export interface CreditTourOptions {
  out: Printer;
  /** The demo's storage (already opened by an earlier section, or opened here). */
  session: StorageSession;
}

const DAY = 86_400_000;
const CHECKOUTS = 30;
const EACH = '2000.00';
const LIMIT = '50000.00';

/**
 * Section 7 of the demo: `@s2b2b/credit` on the demo's storage. Opens a ¥50,000 line, fires 30
 * concurrent checkouts that each hold ¥2,000 of credit (exactly 25 succeed, on every adapter),
 * confirms one in part and cancels the rest, finances an invoice at 90 % with a 3 % fee, closes
 * a day 30 days later (7.3 % a year on the purchase loan), lets the buyer pay the invoice (the
 * ¥700 left over is the merchant's credit) and checks the books: debits = credits and the line's
 * accounts rebuild from its transfers. It runs on a calendar of its own that starts on
 * 2026-03-01, so its numbers are the same on every run; fresh line and keys each run.
 *
 * @example
 * const result = await creditTour({ out, session });
 * result.burst.succeeded === result.burst.expected // true
 */
export async function creditTour(options: CreditTourOptions): Promise<CreditTourResult> {
  const { out, session } = options;
  const started = performance.now();
  out.heading(
    `7. Credit: holds that never pass the limit, a financed invoice, interest (${session.plan.kind})`,
  );
  const { storage, kind } = await session.open();
  const byType: Record<string, number> = {};
  const clock = manualClock('2026-03-01T02:00:00Z');
  const credit = createCreditService({
    storage,
    clock,
    onEvent: (event) => {
      byType[event.type] = (byType[event.type] ?? 0) + 1;
    },
  });
  const runId = createIdGenerator({ prefix: 'run' })();
  const lineId = `L-${runId.slice(-6)}`;
  const key = (name: string) => `${runId}/${name}`;
  const money = (amount: string): MoneyJson => ({ amount, currency: 'CNY' });
  const yuan = (amount: string) => formatMoney(Money.of(amount, 'CNY'));

  await credit.openLine({
    idempotencyKey: key('open'),
    lineId,
    merchantId: `M-${runId.slice(-6)}`,
    limit: LIMIT,
  });
  out.line(`Opened ${lineId} with a ${yuan(LIMIT)} limit (a line of its own per run).`);
  out.line(
    `${CHECKOUTS} checkouts fired at once, each holding ${yuan(EACH)} of credit until the order is confirmed:`,
  );
  const results = await Promise.allSettled(
    Array.from({ length: CHECKOUTS }, (_, i) =>
      credit.draw({
        idempotencyKey: key(`checkout-${i}`),
        lineId,
        product: 'purchase',
        amount: EACH,
        hold: true,
        reference: `PO-${i + 1}`,
      }),
    ),
  );
  const refused: Record<string, number> = {};
  const held: string[] = [];
  for (const result of results) {
    if (result.status === 'fulfilled') held.push(result.value.drawing.id);
    else if (isS2b2bError(result.reason))
      refused[result.reason.code] = (refused[result.reason.code] ?? 0) + 1;
    else throw result.reason;
  }
  const expected = Math.floor(Number(LIMIT) / Number(EACH));
  const afterBurst = (await credit.getLine(lineId))!;
  out.table([
    { outcome: 'held', checkouts: held.length, credit: yuan(afterBurst.pending.amount) },
    ...Object.entries(refused).map(([code, count]) => ({
      outcome: `refused [${code}]`,
      checkouts: count,
      credit: '—',
    })),
  ]);
  const burstOk =
    held.length === expected &&
    Object.keys(refused).every((code) => code === 'CREDIT_LIMIT_EXCEEDED') &&
    afterBurst.pending.amount === LIMIT &&
    afterBurst.available.amount === '0.00';
  out.line(
    `  ${mark(out, burstOk)} ${held.length} succeed = ⌊${yuan(LIMIT)} / ${yuan(EACH)}⌋: ${yuan(afterBurst.pending.amount)} held, ${yuan(afterBurst.available.amount)} left — never past the limit`,
  );

  // One order ships short: confirm ¥1,500 of its ¥2,000; the other buyers cancel.
  const [first, ...rest] = held;
  const confirmed = await credit.confirmDraw({
    idempotencyKey: key('confirm'),
    drawingId: first!,
    amount: '1500.00',
  });
  for (const [i, drawingId] of rest.entries()) {
    await credit.cancelDraw({ idempotencyKey: key(`cancel-${i}`), drawingId, reason: 'order cancelled' });
  }
  const financed = await credit.draw({
    idempotencyKey: key('finance'),
    lineId,
    product: 'receivables',
    invoiceAmount: '10000.00',
    dueDate: '2026-04-30',
    reference: 'INV-88',
  });
  out.line(
    `One order confirmed for ${yuan(confirmed.drawing.drawn.amount)} of its ${yuan(EACH)} (the rest released), ${rest.length} cancelled; ` +
      `an invoice of ${yuan('10000.00')} financed: ${yuan(financed.drawing.drawn.amount)} paid out, ${yuan(financed.drawing.due.fees.amount)} fee.`,
  );

  clock.advance(30 * DAY);
  const day = await credit.closeDay({ idempotencyKey: key('eod'), lineId });
  const paid = await credit.repay({
    idempotencyKey: key('buyer-pays'),
    lineId,
    amount: '10000.00',
    drawingId: financed.drawing.id,
    reference: 'INV-88 paid by the buyer',
  });
  out.line(
    `30 days later: ${yuan(day.interest)} of interest on the purchase loan (${yuan('1500.00')} × 7.3 % × 30/365); ` +
      `the buyer pays the invoice: fee ${yuan(paid.allocation.applied.fees)}, principal ${yuan(paid.allocation.applied.principal)}, ${yuan(paid.allocation.credit)} left as the merchant's credit.`,
  );

  const transfers: LedgerTransfer[] = await storage.credit.listTransfers({ lineId, limit: 10_000 });
  const rebuilt = balancesFromTransfers(transfers);
  const accounts = await storage.credit.listAccounts({ lineId });
  const rebuiltOk = accounts.every((account) => {
    const r = rebuilt.get(account.id) ?? {
      debitsPending: 0,
      debitsPosted: 0,
      creditsPending: 0,
      creditsPosted: 0,
    };
    return (
      r.debitsPending === account.debitsPending &&
      r.debitsPosted === account.debitsPosted &&
      r.creditsPending === account.creditsPending &&
      r.creditsPosted === account.creditsPosted
    );
  });
  const balanced = trialBalance(await storage.credit.listAccounts()).balanced;
  const line = paid.line;
  const numbersOk =
    confirmed.drawing.drawn.amount === '1500.00' &&
    financed.drawing.drawn.amount === '9000.00' &&
    financed.drawing.due.fees.amount === '300.00' &&
    day.interest === '9.00' &&
    paid.allocation.credit === '700.00' &&
    line.owed.amount === '1509.00' &&
    line.pending.amount === '0.00';
  out.line(
    `  ${mark(out, balanced && rebuiltOk && numbersOk)} ${transfers.length} transfers: debits = credits, and the line's accounts rebuild from them; ${yuan(line.owed.amount)} owed, ${yuan(line.credit.amount)} credit`,
  );

  return {
    kind,
    lineId,
    limit: money(LIMIT),
    burst: {
      checkouts: CHECKOUTS,
      amountEach: money(EACH),
      expected,
      succeeded: held.length,
      refused,
      pending: afterBurst.pending,
    },
    confirmed: {
      held: money(EACH),
      drawn: confirmed.drawing.drawn,
      released: money(Money.of(EACH).subtract(Money.of(confirmed.drawing.drawn.amount)).toDecimalString()),
      dueDate: confirmed.drawing.dueDate ?? '',
    },
    financing: {
      invoice: money('10000.00'),
      advance: financed.drawing.drawn,
      fee: financed.drawing.due.fees,
    },
    interest: money(day.interest),
    repayment: {
      fees: money(paid.allocation.applied.fees),
      principal: money(paid.allocation.applied.principal),
      credit: money(paid.allocation.credit),
    },
    line: {
      drawn: line.drawn,
      pending: line.pending,
      owed: line.owed,
      credit: line.credit,
      available: line.available,
    },
    books: { transfers: transfers.length, balanced, rebuilt: rebuiltOk },
    events: { committed: Object.values(byType).reduce((sum, count) => sum + count, 0), byType },
    ok: burstOk && balanced && rebuiltOk && numbersOk,
    ms: Math.round(performance.now() - started),
  };
}

function mark(out: Printer, ok: boolean): string {
  return ok ? out.good('✓') : out.bad('✗');
}
