/**
 * A merchant's credit line with `@s2b2b/credit`, from its operating data to a statement: a
 * scorecard sets the limit, the three loan products draw on it (a purchase loan held at checkout
 * and confirmed in part, an order loan against a downstream order, receivables financing with a
 * discount fee), a burst of concurrent checkouts never lends past the limit, interest and penalty
 * interest accrue day by day, repayments settle penalty → fees → interest → principal with the
 * overpayment kept as credit, and 31 days past due freezes the line until it is cured.
 */
import { createIdGenerator, createRng, formatMoney, isS2b2bError, Money, manualClock } from '@s2b2b/core';
import {
  assessCredit,
  createCreditService,
  type LineView,
  type ScorecardInput,
  trialBalance,
} from '@s2b2b/credit';
import { createMemoryStorage } from '@s2b2b/storage-memory';
import type { ExampleIo, ExampleMeta } from './example.js';

/**
 * @example
 * meta.name // 'credit'
 */
export const meta: ExampleMeta = {
  name: 'credit',
  title: 'Credit lines: a limit from operating data, three loan products, a ledger that never loses a cent',
  description:
    'A scorecard turns 12 months of purchases into a ¥145,000 limit; a purchase loan held at checkout and confirmed in part, an order loan at 70 % and an invoice financed at 90 % with a 3 % fee; 40 concurrent checkouts of ¥4,000 against ¥120,400 (30 succeed); interest, penalty interest and days past due; repayments in order, an overpayment kept as credit, the automatic freeze and its cure.',
};

/** An expert-judgement scorecard (points chosen by hand): base 480, four characteristics. */
const SCORECARD: ScorecardInput = {
  name: 'merchant purchase-loan card',
  basePoints: 480,
  characteristics: [
    {
      feature: 'tenureMonths',
      reasonCode: 'SHORT_TENURE',
      bins: [
        { label: '<6', max: 6, points: 0 },
        { label: '6-24', min: 6, max: 24, points: 25 },
        { label: '24+', min: 24, points: 45 },
      ],
    },
    {
      feature: 'onTimeRepaymentRate',
      reasonCode: 'LATE_REPAYMENTS',
      bins: [
        { label: '<0.9', max: 0.9, points: -20 },
        { label: '0.9-0.98', min: 0.9, max: 0.98, points: 20 },
        { label: '0.98+', min: 0.98, points: 50 },
        { label: 'no history', missing: true, points: 10 },
      ],
    },
    {
      feature: 'returnRate',
      reasonCode: 'HIGH_RETURN_RATE',
      bins: [
        { label: '<3%', max: 0.03, points: 30 },
        { label: '3-8%', min: 0.03, max: 0.08, points: 10 },
        { label: '8%+', min: 0.08, points: -10 },
        { label: 'no purchases', missing: true, points: 0 },
      ],
    },
    {
      feature: 'worstDaysPastDue',
      reasonCode: 'PAST_DELINQUENCY',
      bins: [
        { label: '0', max: 1, points: 40 },
        { label: '1-30', min: 1, max: 31, points: 5 },
        { label: '31+', min: 31, points: -40 },
      ],
    },
  ],
};

/** Grade → a multiple of average monthly purchases, capped; limits rounded down to ¥1,000. */
const POLICY = {
  grades: [
    { grade: 'A', minScore: 620, multiple: '3', cap: Money.of('500000') },
    { grade: 'B', minScore: 580, multiple: '2', cap: Money.of('300000') },
    { grade: 'C', minScore: 540, multiple: '1', cap: Money.of('100000') },
  ],
  roundTo: Money.of('1000'),
};

const DAY = 86_400_000;
const yuan = (amount: string) => formatMoney(Money.of(amount, 'CNY'));

/**
 * Runs the example.
 *
 * @example
 * await run({ log: console.log, table: console.table })
 */
export async function run(io: ExampleIo): Promise<void> {
  // Fixed clock and seeded ids: the example prints the same on every run. 10:00 in Shanghai.
  const clock = manualClock('2026-03-01T02:00:00Z');
  const storage = createMemoryStorage();
  const credit = createCreditService({
    storage,
    clock,
    ids: createIdGenerator({ clock, rng: createRng('examples/credit') }),
  });
  const line = 'L-茶商-01';
  const balances = (view: LineView) => ({
    limit: yuan(view.limit.amount),
    drawn: yuan(view.drawn.amount),
    pending: yuan(view.pending.amount),
    available: yuan(view.available.amount),
    owed: yuan(view.owed.amount),
    credit: yuan(view.credit.amount),
    status: view.status,
  });

  io.log('1. A limit from operating data: 12 months of ¥48,350 purchases, ¥500 returns, repaid on time.');
  const assessment = assessCredit({
    operatingData: {
      asOf: '2026-03-01',
      firstActivityDate: '2022-09-01',
      // March 2025 to February 2026
      months: Array.from({ length: 12 }, (_, i) => ({
        month: new Date(Date.UTC(2025, 2 + i, 1)).toISOString().slice(0, 7),
        purchases: Money.of('48350'),
        returns: Money.of('500'),
      })),
      repayments: [
        { dueDate: '2025-12-31', paidOn: '2025-12-30' },
        { dueDate: '2026-01-31', paidOn: '2026-01-31' },
      ],
    },
    scorecard: SCORECARD,
    policy: POLICY,
  });
  const limit = assessment.limit.limit;
  io.table([
    {
      score: assessment.score.score,
      grade: assessment.limit.grade ?? '',
      rule: assessment.limit.binding,
      limit: formatMoney(limit),
    },
  ]);
  await credit.openLine({
    idempotencyKey: `open-${line}`,
    lineId: line,
    merchantId: 'M-茶商',
    limit: limit.toDecimalString(),
  });

  io.log();
  io.log(
    '2. Three products draw on the line (7.3 % a year ACT/365; receivables financing priced by its fee):',
  );
  const purchase = await credit.draw({
    idempotencyKey: 'checkout-PO-1001',
    lineId: line,
    product: 'purchase',
    amount: '12000.00',
    hold: true,
    reference: 'PO-1001',
  });
  const confirmed = await credit.confirmDraw({
    idempotencyKey: 'shipped-PO-1001',
    drawingId: purchase.drawing.id,
    amount: '10000.00',
  });
  const order = await credit.draw({
    idempotencyKey: 'advance-SO-77',
    lineId: line,
    product: 'order',
    orderValue: '8000.00',
    tenorDays: 15,
    reference: 'SO-77',
  });
  const invoice = await credit.draw({
    idempotencyKey: 'finance-INV-88',
    lineId: line,
    product: 'receivables',
    invoiceAmount: '10000.00',
    dueDate: '2026-04-30',
    reference: 'INV-88',
  });
  io.table(
    [
      ['采购贷 purchase, ¥12,000 held, ¥10,000 confirmed', confirmed.drawing],
      ['订单贷 order ¥8,000 × 70 %', order.drawing],
      ['供应链金融 invoice ¥10,000 × 90 %, fee 3 %', invoice.drawing],
    ].map(([what, drawing]) => {
      const d = drawing as typeof confirmed.drawing;
      return {
        loan: what as string,
        'paid out': yuan(d.drawn.amount),
        fee: yuan(d.due.fees.amount),
        due: d.dueDate ?? '',
      };
    }),
  );
  io.table([balances((await credit.getLine(line))!)]);

  io.log();
  io.log('3. 40 checkouts of ¥4,000 reserve credit at once against what is left:');
  const before = (await credit.getLine(line))!;
  const burst = await Promise.allSettled(
    Array.from({ length: 40 }, (_, i) =>
      credit.draw({
        idempotencyKey: `checkout-FS-${i}`,
        lineId: line,
        product: 'purchase',
        amount: '4000.00',
        hold: { timeoutSeconds: 600 },
        reference: `FS-${i}`,
      }),
    ),
  );
  const held = burst.filter((result) => result.status === 'fulfilled');
  const refused = burst.flatMap((result) =>
    result.status === 'rejected' && isS2b2bError(result.reason) ? [result.reason.code] : [],
  );
  io.table([
    { outcome: 'held', checkouts: held.length, amount: yuan(String(held.length * 4000)) },
    {
      outcome: `refused [${[...new Set(refused)].join(', ')}]`,
      checkouts: refused.length,
      amount: yuan('0'),
    },
  ]);
  const during = (await credit.getLine(line))!;
  io.log(
    `   ${yuan(before.available.amount)} was available; ${yuan(during.pending.amount)} is held, ${yuan(during.available.amount)} left — never past the limit.`,
  );
  // The buyers walk away: ten minutes later the holds expire and the credit comes back.
  clock.advance(600_000);
  const swept = await credit.expireHolds({ idempotencyKey: 'sweep-0301-1010' });
  io.log(
    `   10 minutes later ${swept.expired.length} holds expire: ${yuan((await credit.getLine(line))!.available.amount)} available again.`,
  );

  io.log();
  io.log('4. Days pass. Close of day posts interest, penalty interest after a due date, and days past due:');
  const days = [];
  clock.advance(10 * DAY);
  days.push(await credit.closeDay({ idempotencyKey: `eod-${line}-0311`, lineId: line }));
  clock.advance(10 * DAY);
  days.push(await credit.closeDay({ idempotencyKey: `eod-${line}-0321`, lineId: line }));
  io.table(
    days.map((day) => ({
      'as of': day.asOf,
      interest: yuan(day.interest),
      penalty: yuan(day.penalty),
      'days past due': day.daysPastDue,
      bucket: day.bucket,
      events: day.events.map((event) => event.type.replace('credit.', '')).join(', '),
    })),
  );

  io.log();
  io.log('5. Repayments settle the oldest due first, penalty → fees → interest → principal:');
  const bank = await credit.repay({ idempotencyKey: 'bank-20260321-0001', lineId: line, amount: '5700.00' });
  const debtor = await credit.repay({
    idempotencyKey: 'debtor-INV-88',
    lineId: line,
    amount: '10000.00',
    drawingId: invoice.drawing.id,
    reference: 'INV-88 paid by the buyer',
  });
  io.table(
    [
      ['bank transfer ¥5,700.00', bank.allocation],
      ['the buyer pays INV-88 ¥10,000.00', debtor.allocation],
    ].map(([what, allocation]) => {
      const a = allocation as typeof bank.allocation;
      return {
        payment: what as string,
        penalty: yuan(a.applied.penalty),
        fees: yuan(a.applied.fees),
        interest: yuan(a.applied.interest),
        principal: yuan(a.applied.principal),
        'left as credit': yuan(a.credit),
      };
    }),
  );
  await credit.refundCredit({
    idempotencyKey: 'refund-INV-88',
    lineId: line,
    amount: debtor.allocation.credit,
  });
  io.log(`   The ${yuan(debtor.allocation.credit)} left over is the merchant's, and is paid out.`);

  io.log();
  io.log('6. The purchase loan falls due on 2026-03-31 and is not paid:');
  clock.set('2026-05-01T02:00:00Z');
  const late = await credit.closeDay({ idempotencyKey: `eod-${line}-0501`, lineId: line });
  io.log(
    `   on ${late.asOf}: ${late.daysPastDue} days past due (${late.bucket}), interest ${yuan(late.interest)}, penalty ${yuan(late.penalty)}; ${late.freeze.reason}: line ${late.line.status}.`,
  );
  const blocked = await credit
    .draw({ idempotencyKey: 'checkout-PO-2001', lineId: line, product: 'purchase', amount: '100.00' })
    .catch((error: unknown) => (isS2b2bError(error) ? error.code : 'unexpected'));
  io.log(`   A new checkout is refused: ${typeof blocked === 'string' ? blocked : 'accepted'}.`);
  const cure = await credit.repay({
    idempotencyKey: 'bank-20260501-0001',
    lineId: line,
    amount: late.line.owed.amount,
  });
  io.log(`   Paying ${yuan(late.line.owed.amount)} cures it: line ${cure.line.status}.`);
  io.table([balances(cure.line)]);

  io.log();
  io.log('7. The statement of March, and the books:');
  const march = await credit.statement({ lineId: line, from: '2026-03-01', to: '2026-03-31' });
  io.table(Object.entries(march.totals).map(([movement, amount]) => ({ movement, amount: yuan(amount) })));
  const accounts = await storage.credit.listAccounts();
  const books = trialBalance(accounts);
  io.log(
    `   owed on 31 March ${yuan(march.closing.owed)}; ${(await storage.credit.listTransfers({ limit: 10_000 })).length} transfers, debits ${yuan(
      Money.fromMinor(books.debitsPosted, 'CNY').toDecimalString(),
    )} = credits ${yuan(Money.fromMinor(books.creditsPosted, 'CNY').toDecimalString())} ${books.balanced ? '✓' : '✗'}`,
  );
}
