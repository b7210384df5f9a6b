import { Money, type MoneyJson, manualClock } from '@s2b2b/core';
import { createCreditService, creditLimit } from '@s2b2b/credit';
import type { DayContext } from './context.js';
import { merchantOrderValue, yuan } from './history.js';

/**
 * One merchant's credit line as the day opened it.
 *
 * @example
 * const line: OpenedLine = result.lines[0]!;
 */
export interface OpenedLine {
  merchantId: string;
  lineId: string;
  grade: string | null;
  limit: MoneyJson;
  /** The purchase loans brought forward from the last weeks, drawn at opening. */
  broughtForward: MoneyJson;
}

/**
 * The credit lines the day runs on.
 *
 * @example
 * const { lines, declined }: CreditLinesResult = await openCreditLines(ctx);
 */
export interface CreditLinesResult {
  lines: OpenedLine[];
  /** Merchants who buy on credit but whose score earned no line. */
  declined: string[];
  limit: MoneyJson;
  broughtForward: MoneyJson;
}

/**
 * The limit policy: a multiple of average monthly purchases by score grade, capped, in
 * thousands of yuan.
 *
 * @example
 * creditLimit({ score: 672, averageMonthlyPurchases: Money.of('40000'), policy: LIMIT_POLICY }).limit // 60000.00 CNY
 */
export const LIMIT_POLICY = {
  grades: [
    { grade: 'A', minScore: 700, multiple: '2', cap: Money.of('5000000') },
    { grade: 'B', minScore: 650, multiple: '1.5', cap: Money.of('2000000') },
    { grade: 'C', minScore: 600, multiple: '1.2', cap: Money.of('800000') },
    { grade: 'D', minScore: 540, multiple: '0.8', cap: Money.of('300000') },
  ],
  roundTo: Money.of('1000'),
};

/** Days of purchases a merchant still owes on its line when the day opens. */
const OUTSTANDING_DAYS = 30;
/** The share of those purchases it made on credit, by grade: weaker merchants lean on their lines. */
const CREDIT_SHARE: Readonly<Record<string, string>> = { A: '0.4', B: '0.5', C: '0.7', D: '1' };
/** Purchase loans brought forward never take more than this share of the limit. */
const MAX_USED = '0.9';

/**
 * Stage 6 of the day, at 06:30: a credit line for every merchant that buys on credit, its limit
 * from `creditLimit` (its score's grade × its average monthly purchases of the last six months),
 * and the purchase loans of the last 30 days it has not repaid yet (40 % of what it bought for
 * grade A up to all of it for grade D, at most 90 % of the limit) drawn onto it, so the day's checkouts meet lines that are
 * partly used — and some that are nearly full.
 *
 * @example
 * const credit = await openCreditLines(ctx);
 * credit.lines.length // merchants with a line
 */
export async function openCreditLines(ctx: DayContext): Promise<CreditLinesResult> {
  const { scenario } = ctx;
  const credit = createCreditService({ storage: ctx.storage, clock: manualClock(ctx.at('06:30')) });
  const sixMonths = merchantOrderValue(scenario, ctx.day - 182, ctx.day);
  const lastMonth = merchantOrderValue(scenario, ctx.day - OUTSTANDING_DAYS, ctx.day);
  const borrowers = scenario.merchants.filter((m) => m.usesCredit);
  const bar = ctx.progress('credit lines   ', borrowers.length);
  const lines: OpenedLine[] = [];
  const declined: string[] = [];
  for (const merchant of borrowers) {
    bar.tick();
    const monthly = Money.of(yuan(sixMonths.get(merchant.merchantId) ?? 0)).divide('5.98', 'down');
    const decision = creditLimit({
      score: merchant.creditScore,
      averageMonthlyPurchases: monthly,
      policy: LIMIT_POLICY,
    });
    if (decision.decision === 'decline' || decision.limit.isZero()) {
      declined.push(merchant.merchantId);
      continue;
    }
    const lineId = ctx.id(`L-${merchant.merchantId}`);
    await credit.openLine({
      idempotencyKey: ctx.key('credit', `open-${merchant.merchantId}`),
      lineId,
      merchantId: ctx.id(merchant.merchantId),
      limit: decision.limit.toDecimalString(),
    });
    const share = CREDIT_SHARE[decision.grade ?? 'D'] ?? '1';
    const owed = Money.of(yuan(lastMonth.get(merchant.merchantId) ?? 0)).multiply(share, 'down');
    const cap = decision.limit.multiply(MAX_USED, 'down');
    const forward = owed.lessThanOrEqual(cap) ? owed : cap;
    if (!forward.isZero()) {
      await credit.draw({
        idempotencyKey: ctx.key('credit', `forward-${merchant.merchantId}`),
        lineId,
        product: 'purchase',
        amount: forward.toDecimalString(),
        reference: 'purchase loans brought forward',
      });
    }
    lines.push({
      merchantId: merchant.merchantId,
      lineId,
      grade: decision.grade,
      limit: decision.limit.toJSON(),
      broughtForward: forward.toJSON(),
    });
  }
  bar.finish();
  const total = (pick: (l: OpenedLine) => MoneyJson) =>
    lines.reduce((s, l) => s.add(Money.fromJSON(pick(l))), Money.zero()).toJSON();
  return { lines, declined, limit: total((l) => l.limit), broughtForward: total((l) => l.broughtForward) };
}
