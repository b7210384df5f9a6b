/**
 * A tea shop's promotions with `@s2b2b/promotions`, from the cart to the campaign report: 8折 on
 * tea, 满199减20 / 满299减40, a new-customer coupon and 满99包邮 stacked under the documented
 * policy, every line's discount to the cent and the reason each promotion did or did not apply;
 * the best combination for the buyer (branch and bound) against the default sequence; a partial
 * refund that gives back exactly what the returned units were given; a 秒杀 of 50 bags of rice
 * claimed by 40 buyers at once on the storage, never past its stock or a buyer's limit, with a
 * cancellation handing two bags to the next buyer; and what each campaign earned against what it
 * cost, incremental revenue measured against a pre-period baseline or a control group.
 */
import { createIdGenerator, createRng, formatMoney, isS2b2bError, Money, manualClock } from '@s2b2b/core';
import {
  type CampaignOrderInput,
  type CartEvaluation,
  type CartInput,
  campaignDiscounts,
  campaignReport,
  compareCampaigns,
  compilePromotions,
  createPromotionsService,
  evaluateCart,
  type PromotionInput,
  reverseDiscounts,
} from '@s2b2b/promotions';
import { createMemoryStorage } from '@s2b2b/storage-memory';
import type { ExampleIo, ExampleMeta } from './example.js';

/**
 * @example
 * meta.name // 'promotions'
 */
export const meta: ExampleMeta = {
  name: 'promotions',
  title: 'Promotions: 满减, 打折, coupons and 秒杀 to the cent, the best deal, caps under load, campaign ROI',
  description:
    'A ¥344 tea order with 8折 on tea, 满299减40, a new-customer coupon and free shipping: ¥249.28 by the default sequence, ¥239.20 by the best combination; a refund of one tin gives back ¥43.49 exactly; 40 buyers claim a 50-bag rice flash sale at once (24 get theirs, none past the stock); and a campaign table with incremental revenue against a baseline or a control group.',
};

const yuan = (money: Money) => formatMoney(money);
/** 2026-03-08 10:30 in Shanghai. */
const NOW = '2026-03-08T02:30:00.000Z';

const PROMOTIONS: PromotionInput[] = [
  {
    id: 'tea-8zhe',
    name: '茶叶8折',
    type: 'percent-off',
    zhe: '8折',
    eligibility: { categories: ['tea'], merchants: ['m-tea'] },
    campaignId: 'spring',
  },
  {
    id: 'spring-mj',
    name: '满199减20 满299减40',
    type: 'threshold',
    tiers: [
      { spend: '199', off: '20' },
      { spend: '299', off: '40' },
    ],
    exclusiveGroup: 'store',
    eligibility: { merchants: ['m-tea'] },
    campaignId: 'spring',
  },
  {
    id: 'store-9zhe',
    name: '全场9折',
    type: 'percent-off',
    zhe: '9折',
    target: 'order',
    exclusiveGroup: 'store',
    eligibility: { merchants: ['m-tea'] },
  },
  {
    id: 'welcome20',
    name: '新人券 20元',
    type: 'amount-off',
    amount: '20',
    coupon: { codes: ['WELCOME20'] },
    eligibility: { newCustomersOnly: true, minSubtotal: '99', merchants: ['m-tea'] },
    limits: { perCustomer: 1 },
    campaignId: 'welcome',
  },
  { id: 'ship-99', name: '满99包邮', type: 'free-shipping', eligibility: { minSubtotal: '99' } },
  {
    id: 'rice-flash',
    name: '五常大米秒杀',
    type: 'flash-sale',
    price: '39.90',
    startsAt: '2026-03-08T10:00:00+08:00',
    endsAt: '2026-03-08T12:00:00+08:00',
    stock: 50,
    perCustomerLimit: 2,
    eligibility: { skus: ['RICE-5KG'] },
    campaignId: 'flash',
  },
];

/** The tea merchant's offers are for its own lines (merchant m-tea); the rice is sold by m-grain. */
const TEA_CART: CartInput = {
  lines: [
    { id: 'l1', sku: 'TEA-LJ', quantity: 2, unitPrice: '68.00', categories: ['tea'], merchantId: 'm-tea' },
    { id: 'l2', sku: 'TEA-TGY', quantity: 1, unitPrice: '88.00', categories: ['tea'], merchantId: 'm-tea' },
    {
      id: 'l3',
      sku: 'POT-ZS',
      quantity: 1,
      unitPrice: '120.00',
      categories: ['teaware'],
      merchantId: 'm-tea',
    },
  ],
  shipping: '12',
  couponCodes: ['welcome20'],
};

const riceCart = (): CartInput => ({
  lines: [
    {
      id: 'r',
      sku: 'RICE-5KG',
      quantity: 2,
      unitPrice: '59.90',
      categories: ['grain'],
      merchantId: 'm-grain',
    },
  ],
});

/** Each line's adjustments, in application order. */
function lineRows(evaluation: CartEvaluation) {
  return evaluation.lines.map((line) => ({
    line: `${line.sku} × ${line.quantity}`,
    subtotal: yuan(line.subtotal),
    ...Object.fromEntries(
      ['tea-8zhe', 'spring-mj', 'store-9zhe', 'welcome20'].map((id) => [
        id,
        yuan(line.adjustments.find((a) => a.promotionId === id)?.amount ?? Money.zero()),
      ]),
    ),
    total: yuan(line.total),
  }));
}

/**
 * Runs the example.
 *
 * @example
 * await run({ log: console.log, table: console.table })
 */
export async function run(io: ExampleIo): Promise<void> {
  const set = compilePromotions(PROMOTIONS);
  const newcomer = { id: 'c-new', newCustomer: true };

  io.log('1. A ¥344 tea order (plus ¥12 shipping) under the default policy, stage by stage:');
  const sequence = evaluateCart({ cart: TEA_CART, promotions: set, customer: newcomer, now: NOW });
  io.table(lineRows(sequence));
  io.table(
    sequence.decisions
      .filter((d) => d.promotionId !== 'rice-flash')
      .map((d) => ({ promotion: d.promotionId, applied: d.applied ? 'yes' : 'no', reason: d.message })),
  );
  io.log(
    `   8折 on tea first (item stage), then the order stage — rates before amounts, so 全场9折 takes the 'store' group before 满减; total ${yuan(sequence.total)}, saved ${yuan(sequence.savings)}.`,
  );

  io.log();
  io.log('2. The best combination for the buyer (policy mode "best", branch and bound):');
  const best = evaluateCart({
    cart: TEA_CART,
    promotions: set,
    customer: newcomer,
    now: NOW,
    policy: { mode: 'best' },
  });
  io.table(lineRows(best));
  const search = best.search!;
  io.log(
    `   After 8折 the order is still ¥299.20, so 满299减40 beats 9折 (¥29.92): total ${yuan(best.total)}, ${yuan(best.savings.subtract(sequence.savings))} more off — ` +
      `${search.method}, ${search.candidates} candidates, ${search.evaluated} combinations tried, exact: ${search.exact}.`,
  );

  io.log();
  io.log(
    '3. The buyer returns the two tins of 龙井 one at a time; each refund reverses exactly what its unit was given:',
  );
  const first = reverseDiscounts({ lines: best.lines, refund: [{ lineId: 'l1', quantity: 1 }] });
  const second = reverseDiscounts({
    lines: best.lines,
    refund: [{ lineId: 'l1', quantity: 1 }],
    refunded: [{ lineId: 'l1', quantity: 1 }],
  });
  io.table(
    [first, second].map((reversal, i) => ({
      refund: `tin ${i + 1}`,
      gross: yuan(reversal.gross),
      ...Object.fromEntries(reversal.byPromotion.map((p) => [p.promotionId, yuan(p.amount)])),
      'paid back': yuan(reversal.refund),
    })),
  );
  const line = best.lines.find((l) => l.lineId === 'l1')!;
  const together = first.refund.add(second.refund);
  io.log(
    `   ${yuan(first.refund)} + ${yuan(second.refund)} = ${yuan(together)}, what the line cost ${together.equals(line.total) ? '✓' : '✗'}`,
  );

  io.log();
  io.log(
    '4. 秒杀: 50 bags of rice at ¥39.90 (list ¥59.90), at most 2 a buyer, claimed on the storage at checkout:',
  );
  const clock = manualClock('2026-03-08T10:00:00+08:00');
  const storage = createMemoryStorage();
  const caps = createPromotionsService({
    storage,
    clock,
    ids: createIdGenerator({ clock, rng: createRng('examples/promotions') }),
  });
  await caps.registerPromotions({ idempotencyKey: 'promotions-v1', promotions: set });
  const checkout = async (customerId: string, orderId: string, evaluation?: CartEvaluation) => {
    const priced =
      evaluation ??
      evaluateCart({
        cart: riceCart(),
        promotions: set,
        customer: { id: customerId, newCustomer: true },
        now: clock.now(),
        usage: await caps.usageSnapshot({ promotions: set, customerId }),
      });
    await caps.claimEvaluation({
      idempotencyKey: `checkout-${orderId}`,
      claimId: orderId,
      customerId,
      evaluation: priced,
      promotions: set,
    });
    return priced;
  };
  const stock = async () => (await caps.getUsage('rice-flash#stock'))!;
  const early = await checkout('c-early', 'FS-0000');
  // Forty buyers press "buy" in the same second: all are priced on the same snapshot (48 left),
  // and the store decides who gets the bags.
  clock.advance(1_000);
  const burst = await Promise.allSettled(
    Array.from({ length: 40 }, (_, i) => checkout(`b-${i + 1}`, `FS-${String(i + 1).padStart(4, '0')}`)),
  );
  const won = burst.flatMap((r, i) =>
    r.status === 'fulfilled'
      ? [{ order: `FS-${String(i + 1).padStart(4, '0')}`, customerId: `b-${i + 1}`, evaluation: r.value }]
      : [],
  );
  const refused = burst.flatMap((r) =>
    r.status === 'rejected' && isS2b2bError(r.reason) ? [r.reason.code] : [],
  );
  const afterBurst = await stock();
  io.table([
    { checkouts: 'c-early, before', claimed: 1, refused: '0', 'stock used': '2 of 50' },
    {
      checkouts: '40 at once',
      claimed: won.length,
      refused: `${refused.length} [${[...new Set(refused)].join(', ')}]`,
      'stock used': `${afterBurst.used} of ${afterBurst.limit}`,
    },
  ]);
  // One winner cancels: the two bags go back on the shelf.
  const cancelled = won[0]!;
  await caps.release({
    idempotencyKey: `cancel-${cancelled.order}`,
    claimId: cancelled.order,
    reason: 'cancelled',
  });
  const afterCancel = await stock();
  io.log(`   ${cancelled.order} is cancelled: stock used ${afterCancel.used} of ${afterCancel.limit}.`);
  // c-early comes back for more: priced afresh the flash sale is refused; with its old evaluation the store refuses.
  const again = evaluateCart({
    cart: riceCart(),
    promotions: set,
    customer: { id: 'c-early' },
    now: clock.now(),
    usage: await caps.usageSnapshot({ promotions: set, customerId: 'c-early' }),
  });
  const flashDecision = again.decisions.find((d) => d.promotionId === 'rice-flash')!;
  let stale = '';
  try {
    await checkout('c-early', 'FS-0099', early);
  } catch (error) {
    stale = isS2b2bError(error) ? `${error.code} on ${String(error.details.capId)}` : String(error);
  }
  io.log(
    `   c-early again: priced at ${yuan(again.total)} (${flashDecision.code}); its old evaluation is refused by the store: ${stale}.`,
  );
  const late = await checkout('b-late', 'FS-0100');
  const final = await stock();
  io.log(
    `   b-late gets the two bags for ${yuan(late.total)}: stock used ${final.used} of ${final.limit}, never past it ${final.used <= final.limit ? '✓' : '✗'}`,
  );

  io.log();
  io.log('5. What each campaign earned against what it cost:');
  const flashOrders: CampaignOrderInput[] = [
    { order: 'FS-0000', customerId: 'c-early', evaluation: early },
    ...won.slice(1),
    { order: 'FS-0100', customerId: 'b-late', evaluation: late },
  ].map(({ order, customerId, evaluation }) => ({
    orderId: order,
    customerId,
    revenue: evaluation.total.toDecimalString(),
    cost: '90.00', // two bags at ¥45.00
    discounts: campaignDiscounts(evaluation),
    newCustomer: true,
  }));
  const orders: CampaignOrderInput[] = [
    {
      orderId: 'T-1001',
      customerId: 'c-new',
      revenue: best.total.toDecimalString(),
      cost: '160.00',
      discounts: campaignDiscounts(best),
      newCustomer: true,
    },
    {
      orderId: 'T-1002',
      customerId: 'c-2',
      revenue: '512.00',
      cost: '350.00',
      discounts: [{ campaignId: 'spring', amount: '60.00' }],
    },
    {
      orderId: 'T-1003',
      customerId: 'c-3',
      revenue: '180.00',
      cost: '120.00',
      discounts: [{ campaignId: 'welcome', amount: '20.00' }],
      newCustomer: true,
    },
    ...flashOrders,
  ];
  const reports = [
    campaignReport({
      campaign: { id: 'spring', name: '春茶季', fixedCost: '100', issued: 1200 },
      orders,
      // two weeks of flyers: the same shop's 28 days before, scaled to 7
      incrementality: {
        method: 'pre-period-baseline',
        baseline: { days: 28, revenue: '8400', margin: '2520' },
        period: { days: 7, revenue: '2600', margin: '700' },
      },
    }),
    campaignReport({
      campaign: { id: 'welcome', name: '新人券', issued: 300 },
      orders,
      // 300 new sign-ups got the coupon, 100 held out at random did not
      incrementality: {
        method: 'control-group',
        treatment: { size: 300, revenue: '2400', margin: '620' },
        control: { size: 100, revenue: '600', margin: '180' },
      },
    }),
    campaignReport({
      campaign: { id: 'flash', name: '大米秒杀', fixedCost: '200' },
      orders,
      // the flash day against the 14 days before
      incrementality: {
        method: 'pre-period-baseline',
        baseline: { days: 14, revenue: '1400', margin: '280' },
        period: { days: 1, revenue: '2095', margin: '-235' },
      },
    }),
  ];
  const table = compareCampaigns(reports);
  const percent = (value: number | null) => (value === null ? '–' : `${(100 * value).toFixed(1)} %`);
  io.table(
    table.rows.map((r) => ({
      rank: r.rank,
      campaign: r.name ?? r.campaignId,
      orders: r.orders,
      'new customers': r.newCustomers,
      revenue: yuan(r.revenue),
      'discount cost': yuan(r.discountCost),
      'margin after discount': yuan(r.marginAfterDiscount),
      'redemption rate': percent(r.redemptionRate),
      method: r.method ?? '–',
      'incremental revenue': r.incrementalRevenue ? yuan(r.incrementalRevenue) : '–',
      'incremental margin': r.incrementalMargin ? yuan(r.incrementalMargin) : '–',
      ROI: percent(r.roi),
    })),
  );
  io.log(
    `   ROI = (incremental margin − fixed cost) / (discount cost + fixed cost). The flash sale bought ${yuan(reports[2]!.incremental!.revenue)} of revenue and ${reports[2]!.newCustomers} new customers at a loss.`,
  );
}
