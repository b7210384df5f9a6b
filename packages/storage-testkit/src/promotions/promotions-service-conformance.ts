import { ValidationError } from '@s2b2b/core';
import {
  compilePromotions,
  evaluateCart,
  type PromotionsStorage,
  refundReleaseEntries,
  reverseDiscounts,
} from '@s2b2b/promotions';
import { expect, it } from 'vitest';
import { endCursor, readAll } from '../fixtures.js';
import { codeOf, PROMOTIONS_NOW, promotionsScenario } from './promotions-fixtures.js';

/**
 * The promotions service on the port: caps registered from promotions, a checkout claimed from
 * `evaluateCart`, the usage read back into the next evaluation (a flash limit reached, a spent
 * code), a partial refund giving back exactly the discount it reverses, a cancellation, events
 * in the outbox and to `onEvent`, idempotency and errors. Registers its tests in the caller's
 * `describe`.
 *
 * @example
 * describe('my adapter: promotions', () => { promotionsServiceContract(() => storage); });
 */
export function promotionsServiceContract(storage: () => PromotionsStorage): void {
  it('claims a checkout, reads the usage back, refunds part of it and cancels the rest', async () => {
    const { service, id, key, heard } = promotionsScenario(storage());
    const [flash, coupon, mj, campaign] = [id('flash'), id('coupon'), id('mj'), id('camp')];
    const set = compilePromotions(
      [
        {
          id: flash,
          type: 'flash-sale',
          price: '99',
          startsAt: '2026-03-08T10:00:00+08:00',
          endsAt: '2026-03-08T12:00:00+08:00',
          stock: 3,
          perCustomerLimit: 2,
          eligibility: { skus: ['RICE'] },
        },
        {
          id: coupon,
          type: 'amount-off',
          amount: '20',
          campaignId: campaign,
          coupon: { codes: ['CODE-A', 'CODE-B'], singleUse: true },
          limits: { perCustomer: 1 },
        },
        {
          id: mj,
          type: 'threshold',
          tiers: [{ spend: '199', off: '20' }],
          campaignId: campaign,
          limits: { redemptions: 100, budget: '50' },
        },
      ],
      [{ id: campaign, budget: { spend: '1000', redemptions: 10 } }],
    );
    const before = await endCursor(storage());
    const registered = await service.registerPromotions({ idempotencyKey: key(), promotions: set });
    expect(registered.caps.map((c) => [c.id, c.limit, c.perSubject])).toEqual([
      [`${flash}#stock`, 3, false],
      [`${flash}#customer-units`, 2, true],
      [`${coupon}#per-customer`, 1, true],
      [`${coupon}#codes`, 1, true],
      [`${mj}#redemptions`, 100, false],
      [`${mj}#budget`, 5000, false],
      [`campaign:${campaign}#spend`, 100_000, false],
      [`campaign:${campaign}#redemptions`, 10, false],
    ]);

    const cart = {
      lines: [{ id: 'l1', sku: 'RICE', quantity: 3, unitPrice: '129' }],
      couponCodes: ['code-a'],
    };
    const c1 = { id: 'c1' };
    const priced = evaluateCart({
      cart,
      promotions: set,
      customer: c1,
      now: PROMOTIONS_NOW,
      usage: await service.usageSnapshot({ promotions: set, customerId: 'c1', codes: ['CODE-A'] }),
    });
    // 2 × (129 − 99) = 60 at the flash price, then 20 off with the coupon, then 满199减20: 387 − 100 = 287
    expect(priced.total.toDecimalString()).toBe('287.00');
    const checkout = {
      idempotencyKey: key('checkout'),
      claimId: id('order-1'),
      customerId: 'c1',
      evaluation: priced,
      promotions: set,
    };
    const claimed = await service.claimEvaluation(checkout);
    expect(claimed.entries).toEqual(
      [
        { capId: `${flash}#stock`, subject: '', amount: 2 },
        { capId: `${flash}#customer-units`, subject: 'c1', amount: 2 },
        { capId: `${coupon}#per-customer`, subject: 'c1', amount: 1 },
        { capId: `${coupon}#codes`, subject: 'CODE-A', amount: 1 },
        { capId: `${mj}#redemptions`, subject: '', amount: 1 },
        { capId: `${mj}#budget`, subject: '', amount: 2000 },
        { capId: `campaign:${campaign}#spend`, subject: '', amount: 4000 },
        { capId: `campaign:${campaign}#redemptions`, subject: '', amount: 1 },
      ].sort((a, b) => (a.capId === b.capId ? 0 : a.capId < b.capId ? -1 : 1)),
    );
    const replay = await service.claimEvaluation(checkout);
    expect(replay.replayed).toBe(true);
    expect(replay.claim).toEqual(claimed.claim);
    expect(await codeOf(() => service.claimEvaluation({ ...checkout, claimId: id('order-x') }))).toBe(
      'IDEMPOTENCY_CONFLICT',
    );

    // the same buyer again: flash limit reached, code spent; the 满减 still applies
    const again = evaluateCart({
      cart,
      promotions: set,
      customer: c1,
      now: PROMOTIONS_NOW,
      usage: await service.usageSnapshot({ promotions: set, customerId: 'c1', codes: ['CODE-A'] }),
    });
    expect(Object.fromEntries(again.decisions.map((d) => [d.promotionId, d.code]))).toEqual({
      [flash]: 'CUSTOMER_LIMIT_REACHED',
      [coupon]: 'CODE_ALREADY_USED',
      [mj]: 'APPLIED',
    });
    // another buyer gets the one flash unit left
    const other = evaluateCart({
      cart: { ...cart, couponCodes: ['CODE-B'] },
      promotions: set,
      customer: { id: 'c2' },
      now: PROMOTIONS_NOW,
      usage: await service.usageSnapshot({ promotions: set, customerId: 'c2', codes: ['CODE-B'] }),
    });
    expect(other.applied.find((a) => a.promotionId === flash)?.units).toBe(1);

    // refund one unit: it carried 20.00 flash + 6.67 coupon + 6.67 满减 (dealt over the 3 units)
    const reversal = reverseDiscounts({ lines: priced.lines, refund: [{ lineId: 'l1', quantity: 1 }] });
    expect(reversal.refund.toDecimalString()).toBe('95.66');
    const held = (await service.getClaim(id('order-1')))!;
    const entries = refundReleaseEntries(held, reversal, set);
    expect(entries).toEqual(
      [
        { capId: `${flash}#stock`, subject: '', amount: 1 },
        { capId: `${flash}#customer-units`, subject: 'c1', amount: 1 },
        { capId: `${mj}#budget`, subject: '', amount: 667 },
        { capId: `campaign:${campaign}#spend`, subject: '', amount: 1334 },
      ].sort((a, b) => (a.capId < b.capId ? -1 : 1)),
    );
    const refunded = await service.release({
      idempotencyKey: key('refund'),
      claimId: id('order-1'),
      entries,
      reason: 'refund',
    });
    expect(refunded.events[0]?.payload).toMatchObject({ complete: false, reason: 'refund' });
    expect((await service.getUsage(`${mj}#budget`))?.used).toBe(1333);
    expect((await service.getUsage(`${flash}#stock`))?.used).toBe(1);

    const cancelled = await service.release({
      idempotencyKey: key('cancel'),
      claimId: id('order-1'),
      reason: 'cancelled',
    });
    expect(cancelled.events[0]?.payload).toMatchObject({ complete: true });
    for (const cap of registered.caps) {
      const subjects = cap.perSubject ? (cap.id.endsWith('#codes') ? ['CODE-A'] : ['c1']) : [''];
      for (const subject of subjects) expect((await service.getUsage(cap.id, subject))?.used, cap.id).toBe(0);
    }
    expect(await codeOf(() => service.release({ idempotencyKey: key(), claimId: id('order-1') }))).toBe(
      'NOTHING_TO_RELEASE',
    );

    const types = ['promotion.caps_saved', 'promotion.claimed', 'promotion.released', 'promotion.released'];
    expect(heard.map((e) => e.type)).toEqual(types);
    const mine = (await readAll(storage(), before)).filter(
      (e) => e.aggregateId === id('order-1') || e.aggregateId === `${flash}#stock`,
    );
    expect(mine.map((e) => e.type)).toEqual(types);
  });

  it('a refusal spends its key; bad input writes nothing', async () => {
    const { service, cap, id, key, heard } = promotionsScenario(storage());
    const stock = cap('stock', 1);
    await service.saveCaps({ idempotencyKey: key(), caps: [stock] });
    const input = { idempotencyKey: key(), claimId: id('o'), entries: [{ capId: stock.id, amount: 2 }] };
    expect(await codeOf(() => service.claim(input))).toBe('CAP_EXCEEDED');
    await service.saveCaps({ idempotencyKey: key(), caps: [{ ...stock, limit: 5 }] });
    // the key is spent on the refusal: replaying it refuses again, even though it would fit now
    await expect(service.claim(input)).rejects.toMatchObject({
      code: 'CAP_EXCEEDED',
      details: { replayed: true },
    });
    heard.length = 0;
    await expect(service.claim({ ...input, idempotencyKey: '' })).rejects.toBeInstanceOf(ValidationError);
    await expect(
      service.claim({
        idempotencyKey: key(),
        claimId: id('p'),
        entries: [
          { capId: stock.id, amount: 1 },
          { capId: stock.id, amount: 1 },
        ],
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      service.saveCaps({ idempotencyKey: key(), caps: [{ ...stock, limit: -1 }] }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect((await service.getUsage(stock.id))?.used).toBe(0);
    expect(heard).toEqual([]);
  });
}
