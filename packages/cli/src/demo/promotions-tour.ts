import { createIdGenerator, formatMoney, isS2b2bError, type MoneyJson, manualClock } from '@s2b2b/core';
import {
  compilePromotions,
  createPromotionsService,
  evaluateCart,
  type PromotionEvent,
  type PromotionInput,
} from '@s2b2b/promotions';
import type { Printer } from '../output.js';
import type { StorageSession } from '../storage.js';

/**
 * What the promotions section found.
 *
 * @example
 * const { cart, flash, ok }: PromotionsTourResult = await promotionsTour(options);
 */
export interface PromotionsTourResult {
  kind: string;
  /** The flash sale of this run (`rice-flash-<tag>`): its caps are the run's own, so reruns never meet. */
  flashId: string;
  /** The tea order: each line's discount per promotion, the totals, and why each promotion applied or not. */
  cart: {
    lines: {
      lineId: string;
      subtotal: MoneyJson;
      adjustments: Record<string, MoneyJson>;
      total: MoneyJson;
    }[];
    subtotal: MoneyJson;
    discount: MoneyJson;
    shippingDiscount: MoneyJson;
    total: MoneyJson;
    decisions: Record<string, string>;
    /** Every line's adjustments equal the hand-computed cents, and the totals add up. */
    toTheCent: boolean;
  };
  flash: {
    /** Buyers checking out at once, each claiming `unitsEach` bags. */
    buyers: number;
    unitsEach: number;
    stock: number;
    /** ⌊stock / unitsEach⌋: what a serial run would claim, in any order. */
    expected: number;
    succeeded: number;
    /** Refusals by error code (all `CAP_EXCEEDED`). */
    refused: Record<string, number>;
    /** The stock counter after the burst, never above its limit. */
    used: number;
    limit: number;
    /** The counter after one winner cancelled (its two bags released). */
    afterRelease: number;
  };
  /** The promotion events the section committed (heard by `onEvent` after each commit), by type. */
  events: { committed: number; byType: Record<string, number> };
  ok: boolean;
  ms: number;
}

/**
 * Options of `promotionsTour`.
 *
 * @example
 * const options: PromotionsTourOptions = { out, session: storageSession(plan) };
 */
export interface PromotionsTourOptions {
  out: Printer;
  /** The demo's storage (already opened by an earlier section, or opened here). */
  session: StorageSession;
}

const BUYERS = 40;
const EACH = 2;
const STOCK = 50;

const TEA_PROMOTIONS: PromotionInput[] = [
  { id: 'tea-8zhe', type: 'percent-off', zhe: '8折', eligibility: { categories: ['tea'] } },
  {
    id: 'spring-mj',
    type: 'threshold',
    tiers: [
      { spend: '199', off: '20' },
      { spend: '299', off: '40' },
    ],
  },
  {
    id: 'welcome20',
    type: 'amount-off',
    amount: '20',
    coupon: { codes: ['WELCOME20'] },
    eligibility: { newCustomersOnly: true, minSubtotal: '99' },
  },
  { id: 'ship-99', type: 'free-shipping', eligibility: { minSubtotal: '99' } },
];

/**
 * Hand-computed: 8折 on tea (136.00 and 88.00 → 27.20, 17.60), 满299减40 on the 299.20 left
 * (4000 × 108.80 / 299.20 = 14.545… and so on, by largest remainder), then the coupon's 20.00
 * over 94.25 / 60.99 / 103.96.
 */
const EXPECTED: Record<string, Record<string, string>> = {
  l1: { 'tea-8zhe': '27.20', 'spring-mj': '14.55', welcome20: '7.27' },
  l2: { 'tea-8zhe': '17.60', 'spring-mj': '9.41', welcome20: '4.71' },
  l3: { 'spring-mj': '16.04', welcome20: '8.02' },
};

/**
 * Section 12 of the demo: `@s2b2b/promotions`. A ¥344 tea order with 8折 on tea, 满199减20 /
 * 满299减40 and a new-customer coupon (plus 满99包邮) is evaluated under the default stacking
 * policy to ¥239.20, every line's discount checked to the cent. Then, on the demo's storage, a
 * flash sale of 50 bags of rice is claimed by 40 buyers of 2 at once: exactly 25 get theirs on
 * every adapter, the rest are refused `CAP_EXCEEDED`, the stock counter never passes 50, and a
 * cancellation gives two bags back. The flash sale's id is the run's own, on a fixed clock.
 *
 * @example
 * const result = await promotionsTour({ out, session });
 * result.ok // true
 */
export async function promotionsTour(options: PromotionsTourOptions): Promise<PromotionsTourResult> {
  const { out, session } = options;
  const started = performance.now();
  out.heading(
    `12. Promotions: 满减, 打折 and a coupon to the cent, a flash sale that never oversells (${session.plan.kind})`,
  );
  const now = '2026-03-08T10:00:01+08:00';
  const evaluation = evaluateCart({
    cart: {
      lines: [
        { id: 'l1', sku: 'TEA-LJ', quantity: 2, unitPrice: '68.00', categories: ['tea'] },
        { id: 'l2', sku: 'TEA-TGY', quantity: 1, unitPrice: '88.00', categories: ['tea'] },
        { id: 'l3', sku: 'POT-ZS', quantity: 1, unitPrice: '120.00', categories: ['teaware'] },
      ],
      shipping: '12',
      couponCodes: ['WELCOME20'],
    },
    promotions: TEA_PROMOTIONS,
    customer: { id: 'c-new', newCustomer: true },
    now,
  });
  const ids = TEA_PROMOTIONS.map((p) => p.id).filter((id) => id !== 'ship-99');
  out.line('A ¥344.00 tea order (¥12 shipping), a new customer with the WELCOME20 coupon:');
  out.table(
    evaluation.lines.map((line) => ({
      line: `${line.sku} × ${line.quantity}`,
      subtotal: formatMoney(line.subtotal),
      ...Object.fromEntries(
        ids.map((id) => {
          const adjustment = line.adjustments.find((a) => a.promotionId === id);
          return [id, adjustment ? formatMoney(adjustment.amount) : '–'];
        }),
      ),
      total: formatMoney(line.total),
    })),
  );
  const lines = evaluation.lines.map((line) => ({
    lineId: line.lineId,
    subtotal: line.subtotal.toJSON(),
    adjustments: Object.fromEntries(line.adjustments.map((a) => [a.promotionId, a.amount.toJSON()])),
    total: line.total.toJSON(),
  }));
  const toTheCent =
    evaluation.lines.every(
      (line) =>
        JSON.stringify(
          Object.fromEntries(line.adjustments.map((a) => [a.promotionId, a.amount.toDecimalString()])),
        ) === JSON.stringify(EXPECTED[line.lineId]),
    ) &&
    evaluation.total.toDecimalString() === '239.20' &&
    evaluation.shippingDiscount.toDecimalString() === '12.00';
  const mark = (ok: boolean) => (ok ? out.good('✓') : out.bad('✗'));
  out.line(
    `  ${mark(toTheCent)} 8折 first (item stage), then 满299减40 on the ¥299.20 left and the coupon (order stage), then 满99包邮: ` +
      `${formatMoney(evaluation.total)}, ${formatMoney(evaluation.savings)} off, every line to the cent`,
  );

  const { storage, kind } = await session.open();
  const clock = manualClock(now);
  const byType: Record<string, number> = {};
  const caps = createPromotionsService({
    storage,
    clock,
    onEvent: (event: PromotionEvent) => {
      byType[event.type] = (byType[event.type] ?? 0) + 1;
    },
  });
  const tag = createIdGenerator({ prefix: 'run' })().slice(-6);
  const flashId = `rice-flash-${tag}`;
  const flash = compilePromotions([
    {
      id: flashId,
      type: 'flash-sale',
      price: '39.90',
      startsAt: '2026-03-08T10:00:00+08:00',
      endsAt: '2026-03-08T12:00:00+08:00',
      stock: STOCK,
      perCustomerLimit: EACH,
      eligibility: { skus: ['RICE-5KG'] },
    },
  ]);
  await caps.registerPromotions({ idempotencyKey: `demo-promotions/${tag}/caps`, promotions: flash });
  const burst = await Promise.allSettled(
    Array.from({ length: BUYERS }, (_, i) => {
      const customerId = `buyer-${i + 1}`;
      const priced = evaluateCart({
        cart: { lines: [{ id: 'r', sku: 'RICE-5KG', quantity: EACH, unitPrice: '59.90' }] },
        promotions: flash,
        customer: { id: customerId },
        now,
      });
      return caps.claimEvaluation({
        idempotencyKey: `demo-promotions/${tag}/checkout-${i + 1}`,
        claimId: `FS-${tag}-${i + 1}`,
        customerId,
        evaluation: priced,
        promotions: flash,
      });
    }),
  );
  const won = burst.flatMap((r) => (r.status === 'fulfilled' && r.value.claim ? [r.value.claim.id] : []));
  const refused: Record<string, number> = {};
  for (const r of burst) {
    if (r.status === 'rejected') {
      const code = isS2b2bError(r.reason) ? r.reason.code : 'UNEXPECTED';
      refused[code] = (refused[code] ?? 0) + 1;
    }
  }
  const stock = (await caps.getUsage(`${flashId}#stock`))!;
  const expected = Math.floor(STOCK / EACH);
  out.line();
  out.line(
    `${BUYERS} buyers claim ${EACH} bags each of a ${STOCK}-bag rice flash sale (¥39.90 instead of ¥59.90) at once on ${kind}:`,
  );
  out.table([
    { outcome: 'claimed', buyers: won.length, bags: won.length * EACH },
    {
      outcome: `refused [${Object.keys(refused).join(', ')}]`,
      buyers: BUYERS - won.length,
      bags: 0,
    },
  ]);
  await caps.release({
    idempotencyKey: `demo-promotions/${tag}/cancel`,
    claimId: won[0]!,
    reason: 'cancelled',
  });
  const afterRelease = (await caps.getUsage(`${flashId}#stock`))!.used;
  const never = stock.used <= stock.limit;
  out.line(
    `  ${mark(won.length === expected && never)} ${won.length} = ⌊${STOCK} / ${EACH}⌋ claimed: stock used ${stock.used} of ${stock.limit} — never past it; one cancels and ${STOCK - afterRelease} bags go back (${afterRelease} used)`,
  );
  const committed = Object.values(byType).reduce((sum, n) => sum + n, 0);
  const ok =
    toTheCent &&
    won.length === expected &&
    stock.used === STOCK &&
    never &&
    (refused.CAP_EXCEEDED ?? 0) === BUYERS - expected &&
    afterRelease === STOCK - EACH &&
    byType['promotion.claimed'] === expected;
  return {
    kind,
    flashId,
    cart: {
      lines,
      subtotal: evaluation.subtotal.toJSON(),
      discount: evaluation.discount.toJSON(),
      shippingDiscount: evaluation.shippingDiscount.toJSON(),
      total: evaluation.total.toJSON(),
      decisions: Object.fromEntries(evaluation.decisions.map((d) => [d.promotionId, d.code])),
      toTheCent,
    },
    flash: {
      buyers: BUYERS,
      unitsEach: EACH,
      stock: STOCK,
      expected,
      succeeded: won.length,
      refused,
      used: stock.used,
      limit: stock.limit,
      afterRelease,
    },
    events: { committed, byType },
    ok,
    ms: Math.round(performance.now() - started),
  };
}
